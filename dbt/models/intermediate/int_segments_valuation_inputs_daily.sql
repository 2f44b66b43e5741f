{#- Inputs of the sum-of-the-parts valuation per trading day of the valued company
    (var sotp_company_id): market value, the balance sheet in force, point-in-time TTM segment
    figures, and the traded prices of its listings.
    Currency choice: every local-currency figure (balance sheet stocks and TTM flows, CNY for
    Alibaba) is converted at the rate in force on the valuation date (int_fx_rates_daily_filled,
    as-of, bounded fill), i.e. the same FX that turns the traded price into the USD market value. The
    valuation compares today's market value with today's worth of the parts, so one rate is used for
    all of them (a quarter-average rate would mix four past rates into today's value). -#}
{%- set company = var('sotp_company_id') -%}
{%- set ecommerce_segments = var('ecommerce_segments') -%}

with market_value as (
    select
        date, company_id, market_cap_usd, listing_symbol, local_currency, traded_close,
        ordinary_shares_per_unit, shares_used_m
    from {{ ref('int_company_market_value_daily') }}
    where company_id = '{{ company }}'
),

fx as (
    select date, quote_currency, usd_rate
    from {{ ref('int_fx_rates_daily_filled') }}
),

balance_sheet as (
    select *
    from {{ ref('int_balance_sheet_net_cash') }}
    where company_id = '{{ company }}'
),

ttm as (
    select *
    from {{ ref('int_segments_ttm') }}
    where company_id = '{{ company }}'
),

-- Latest fiscal period the company had announced before each date (any segment figure or any
-- fundamentals figure): a segment TTM that ends earlier is out of date (its newer quarter was announced
-- but is missing from the data), so it is not used.
announced_periods as (
    select period_end, announced_on
    from {{ ref('int_segments_calendarized') }}
    where company_id = '{{ company }}'
    union all
    select period_end, announced_on
    from {{ ref('stg_filings__fundamentals_quarterly') }}
    where company_id = '{{ company }}'
),

latest_announced as (
    select mv.date, max(a.period_end) as latest_announced_period_end
    from market_value as mv
    inner join announced_periods as a
        on a.announced_on < mv.date
    group by mv.date
),

-- TTM in force on each date, used only when it ends at the latest announced period
ttm_on_date as (
    select
        mv.date,
        t.segment,
        t.metric,
        t.ttm_period_label,
        t.ttm_period_end,
        t.currency,
        case
            when t.ttm_period_end >= la.latest_announced_period_end then t.ttm_value_local_m
        end as ttm_value_local_m
    from market_value as mv
    inner join ttm as t
        on t.valid_from <= mv.date
        and (t.valid_to is null or mv.date < t.valid_to)
    left join latest_announced as la
        on la.date = mv.date
),

ecommerce as (
    select
        date,
        -- null unless every e-commerce segment has a TTM figure, in one currency
        case
            when count(ttm_value_local_m) = {{ ecommerce_segments | length }} and count(distinct currency) = 1
                then sum(ttm_value_local_m)
        end as ecommerce_ttm_adjusted_ebita_local_m,
        max(currency) as currency,
        min(ttm_period_label) as ecommerce_ttm_period_label
    from ttm_on_date
    where metric = 'adjusted_ebita_m'
      and segment in ({{ sql_string_list(ecommerce_segments) }})
    group by date
),

cloud as (
    select date, ttm_value_local_m as cloud_ttm_revenue_local_m, currency, ttm_period_label as cloud_ttm_period_label
    from ttm_on_date
    where metric = 'revenue_m'
      and segment = '{{ var("sotp_cloud_segment") }}'
)

select
    mv.date,
    mv.company_id,
    mv.market_cap_usd,
    bs.period_end as balance_sheet_period_end,
    bs.currency as balance_sheet_currency,
    fx_bs.usd_rate as balance_sheet_fx_rate,
    bs.net_cash_local_m,
    bs.net_cash_items_missing,
    bs.sotp_investments_local_m,
    bs.sotp_investment_items_missing,
    bs.net_cash_local_m * 1000000 / fx_bs.usd_rate as net_cash_usd,
    bs.sotp_investments_local_m * 1000000 / fx_bs.usd_rate as investments_usd,
    e.ecommerce_ttm_period_label,
    e.ecommerce_ttm_adjusted_ebita_local_m,
    e.ecommerce_ttm_adjusted_ebita_local_m * 1000000 / fx_e.usd_rate as ecommerce_ttm_adjusted_ebita_usd,
    c.cloud_ttm_period_label,
    c.cloud_ttm_revenue_local_m,
    c.cloud_ttm_revenue_local_m * 1000000 / fx_c.usd_rate as cloud_ttm_revenue_usd,
    mv.listing_symbol,
    mv.local_currency as listing_currency,
    mv.traded_close as listing_traded_close,
    mv.ordinary_shares_per_unit,
    mv.shares_used_m
from market_value as mv
left join balance_sheet as bs
    on bs.valid_from <= mv.date
    and (bs.valid_to is null or mv.date < bs.valid_to)
left join fx as fx_bs
    on fx_bs.date = mv.date and fx_bs.quote_currency = bs.currency
left join ecommerce as e
    on e.date = mv.date
left join fx as fx_e
    on fx_e.date = mv.date and fx_e.quote_currency = e.currency
left join cloud as c
    on c.date = mv.date
left join fx as fx_c
    on fx_c.date = mv.date and fx_c.quote_currency = c.currency
