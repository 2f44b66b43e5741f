-- Scenario grid for the sum of the parts, on the basis of fct_segment_valuation (macro sotp_parts_ctes): every
-- e-commerce multiple of post-tax trailing adjusted EBITA (var scenario_ecommerce_multiples) x every cloud
-- multiple of trailing revenue (var scenario_cloud_revenue_multiples), on the latest date with all inputs and on
-- the last such trading day of each calendar quarter. Implied equity value = e-commerce value + cloud value +
-- the other parts (other segments at their stated multiples, corporate costs capitalised, net cash without
-- restricted cash, investments after the holding-company discount, less minority interests); per ordinary share
-- over diluted shares; per ADS x the ADS ratio; upside against the traded ADS close of that day.
-- depends_on: {{ ref('int_segments_valuation_inputs_daily') }}
with
{{ sotp_parts_ctes() }},

inputs_ready as (
    select
        *,
        {{ calendar_quarter_label('date') }} as calendar_quarter
    from residual
    where market_cap_diluted_usd is not null
      and other_parts_value_usd is not null
      and ecommerce_ttm_post_tax_ebita_usd is not null
      and cloud_ttm_revenue_usd is not null
      and diluted_shares_m > 0
),

windowed as (
    select
        *,
        max(date) over () as latest_date,
        max(date) over (partition by calendar_quarter) as quarter_last_date
    from inputs_ready
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
        p.market_cap_diluted_usd as market_cap_usd,
        p.ecommerce_ttm_basis,
        p.cloud_ttm_basis,
        p.ecommerce_ttm_post_tax_ebita_usd * e.ecommerce_multiple as ecommerce_value_usd,
        p.cloud_ttm_revenue_usd * c.cloud_revenue_multiple as cloud_value_usd,
        p.other_parts_value_usd,
        p.net_cash_usd,
        p.investments_after_discount_usd as investments_usd,
        p.diluted_shares_m as shares_used_m,
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
        ecommerce_value_usd + cloud_value_usd + other_parts_value_usd as implied_equity_value_usd
    from grid
)

select
    date,
    valuation_point,
    company_id,
    ecommerce_multiple,
    cloud_revenue_multiple,
    market_cap_usd,
    ecommerce_ttm_basis,
    cloud_ttm_basis,
    ecommerce_value_usd,
    cloud_value_usd,
    net_cash_usd,
    investments_usd,
    other_parts_value_usd,
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
