-- One row per listing and trading day.
-- Incremental (macros/incremental.sql): symbols whose valuation or return rows changed upstream are deleted
-- first (pre-hook); then each symbol's rows after the last date held are written.
{{ config(
    pre_hook="{{ incremental_invalidate(listing_valuation_mart_invalid()) }}",
    post_hook="{{ incremental_save_state() }}",
) }}

{% if is_incremental() %}
with written as (
    {{ incremental_write_from("select symbol, date from " ~ ref('int_listing_valuation_daily') ~ " where traded_close is not null") }}
)
{% endif %}

select
    v.symbol,
    v.date,
    v.company_id,
    v.currency,
    v.price_basis_source,
    v.is_dividend_unadjusted,
    v.traded_close as close,
    case when v.instrument_type <> 'index' then v.close_usd end as close_usd,
    v.usd_rate,
    v.shares_used_m,
    v.shares_basis,
    v.market_cap_usd,
    v.latest_fiscal_quarter,
    v.pe_ttm_gaap,
    v.pe_ttm_adjusted,
    v.pe_ttm_gaap_status,
    v.pe_ttm_gaap_method as pe_method,
    v.earnings_yield_ttm_gaap,
    v.earnings_yield_ttm_adjusted,
    r.return_1d,
    r.return_5d,
    r.pct_below_52w_high,
    r.pct_above_52w_low
from {{ ref('int_listing_valuation_daily') }} as v
{% if is_incremental() %}
inner join written as w  -- noqa: AL04
    on w.symbol = v.symbol and v.date >= w.write_from
left join (
    select r.*
    from {{ ref('int_returns_daily') }} as r
    inner join written as w
        on w.symbol = r.symbol and r.date >= w.write_from
) as r
{% else %}
left join {{ ref('int_returns_daily') }} as r
{% endif %}
    on r.symbol = v.symbol and r.date = v.date
where v.traded_close is not null
