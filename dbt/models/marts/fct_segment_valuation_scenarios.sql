-- Scenario grid for the sum of the parts: every e-commerce multiple of trailing adjusted EBITA (var
-- scenario_ecommerce_multiples) x every cloud multiple of trailing revenue (var
-- scenario_cloud_revenue_multiples), on the latest date with all inputs and on the last such trading
-- day of each calendar quarter. Implied equity value = e-commerce value + cloud value + net cash +
-- investments; per ordinary share over the share count behind the market value; per ADS x the ADS
-- ratio; upside against the traded ADS close of that day.
with inputs as (
    select
        *,
        {{ calendar_quarter_label('date') }} as calendar_quarter
    from {{ ref('int_segments_valuation_inputs_daily') }}
    where market_cap_usd is not null
      and net_cash_usd is not null
      and investments_usd is not null
      and ecommerce_ttm_adjusted_ebita_usd is not null
      and cloud_ttm_revenue_usd is not null
      and shares_used_m > 0
),

windowed as (
    select
        *,
        max(date) over () as latest_date,
        max(date) over (partition by calendar_quarter) as quarter_last_date
    from inputs
),

points as (
    select
        *,
        case when date = latest_date then 'latest' else 'quarter_end' end as valuation_point
    from windowed
    where date = latest_date or date = quarter_last_date
),

ecommerce_multiples as (
    {{ values_relation(var('scenario_ecommerce_multiples'), 'ecommerce_multiple', type_double()) }}
),

cloud_multiples as (
    {{ values_relation(var('scenario_cloud_revenue_multiples'), 'cloud_revenue_multiple', type_double()) }}
),

grid as (
    select
        p.date,
        p.valuation_point,
        p.company_id,
        e.ecommerce_multiple,
        c.cloud_revenue_multiple,
        p.market_cap_usd,
        p.ecommerce_ttm_adjusted_ebita_usd * e.ecommerce_multiple as ecommerce_value_usd,
        p.cloud_ttm_revenue_usd * c.cloud_revenue_multiple as cloud_value_usd,
        p.net_cash_usd,
        p.investments_usd,
        p.shares_used_m,
        p.ordinary_shares_per_unit,
        p.listing_symbol,
        p.listing_currency,
        p.listing_traded_close
    from points as p
    cross join ecommerce_multiples as e
    cross join cloud_multiples as c
),

valued as (
    select
        *,
        ecommerce_value_usd + cloud_value_usd + net_cash_usd + investments_usd as implied_equity_value_usd
    from grid
)

select
    date,
    valuation_point,
    company_id,
    ecommerce_multiple,
    cloud_revenue_multiple,
    market_cap_usd,
    ecommerce_value_usd,
    cloud_value_usd,
    net_cash_usd,
    investments_usd,
    implied_equity_value_usd,
    shares_used_m,
    implied_equity_value_usd / (shares_used_m * 1000000) as implied_value_per_share_usd,
    ordinary_shares_per_unit as ordinary_shares_per_ads,
    implied_equity_value_usd / (shares_used_m * 1000000) * ordinary_shares_per_unit as implied_value_per_ads_usd,
    listing_symbol as ads_symbol,
    listing_traded_close as ads_close_usd,
    100 * ({{ safe_divide('implied_equity_value_usd / (shares_used_m * 1000000) * ordinary_shares_per_unit', 'listing_traded_close') }} - 1) as upside_pct
from valued
where listing_currency = 'USD'
