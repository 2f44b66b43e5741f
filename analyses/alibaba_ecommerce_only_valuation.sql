-- Claim checked: with e-commerce valued at a plain multiple, the rest of Alibaba's parts and its balance sheet
-- account for about its whole market value, i.e. the market pays little or nothing for cloud and AI - and, the
-- other way round, with cloud and AI at a stated revenue multiple the market's e-commerce multiple is low.
-- For the last date before the re-rating (before 2025-01-20), the results day after (2025-02-21) and the latest
-- date with an implied value: every part of the sum (fct_segment_valuation, on diluted shares, each multiple a
-- dbt var), the implied cloud and AI value at var ecommerce_ebita_multiple, and the e-commerce multiple implied
-- at var sotp_cloud_revenue_multiple; the TTM basis says whether four quarters or the last fiscal year was used.
with valued as (
    select *
    from {{ ref('fct_segment_valuation') }}
    where implied_cloud_ai_value_usd is not null
),

picked as (
    select max(date) as date, 'last_before_rerating' as point from valued where date < cast('2025-01-20' as date)
    union all
    select max(date) as date, 'after_dec_quarter_results' as point from valued where date <= cast('2025-02-21' as date)
    union all
    select max(date) as date, 'latest' as point from valued
)

select
    p.point,
    v.date,
    v.market_cap_diluted_usd,
    v.ecommerce_ttm_basis,
    v.ecommerce_ttm_period_label,
    v.ecommerce_ttm_adjusted_ebita_usd,
    v.tax_rate,
    v.ecommerce_multiple,
    v.ecommerce_value_usd,
    v.other_operating_value_usd,
    v.corporate_value_usd,
    v.net_cash_usd,
    v.investments_after_discount_usd,
    v.minority_interests_usd,
    v.sotp_parts_missing,
    v.implied_cloud_ai_value_usd,
    v.cloud_ttm_basis,
    v.cloud_ttm_revenue_usd,
    v.implied_cloud_ev_to_revenue,
    v.cloud_revenue_multiple,
    v.implied_ecommerce_multiple,
    (v.ecommerce_value_usd + v.other_parts_value_usd) / v.market_cap_diluted_usd as parts_ex_cloud_to_market_cap
from picked as p
inner join valued as v
    on v.date = p.date
order by v.date
