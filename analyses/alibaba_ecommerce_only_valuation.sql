-- Claim checked: valued on e-commerce alone (Taobao/Tmall + international commerce at a plain multiple of trailing
-- adjusted EBITA) plus its net cash and investments, Alibaba is worth about its whole market value, i.e. the market
-- pays little or nothing for cloud and AI.
-- For the last date before the re-rating (before 2025-01-20) and the latest date on which the sum of the parts has
-- every input: market value, e-commerce value at var ecommerce_ebita_multiple, net cash, investments, what is left
-- for cloud and AI, and e-commerce + net cash + investments as a share of the market value.
with valued as (
    select *
    from {{ ref('fct_segment_valuation') }}
    where implied_cloud_ai_value_usd is not null
),

picked as (
    select max(date) as date, 'last_before_rerating' as point from valued where date < cast('2025-01-20' as date)
    union all
    select max(date) as date, 'latest' as point from valued
)

select
    p.point,
    v.date,
    v.market_cap_usd,
    v.ecommerce_ttm_period_label,
    v.ecommerce_ttm_adjusted_ebita_usd,
    v.ecommerce_multiple,
    v.ecommerce_value_usd,
    v.net_cash_usd,
    v.investments_usd,
    v.implied_cloud_ai_value_usd,
    v.cloud_ttm_revenue_usd,
    v.implied_cloud_ev_to_revenue,
    (v.ecommerce_value_usd + v.net_cash_usd + v.investments_usd) / v.market_cap_usd as ecommerce_cash_investments_to_market_cap,
    v.net_cash_items_missing,
    v.investment_items_missing
from picked as p
inner join valued as v
    on v.date = p.date
order by v.date
