-- One row per listing and trading day.
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
    r.return_1d,
    r.return_5d,
    r.pct_below_52w_high,
    r.pct_above_52w_low
from {{ ref('int_listing_valuation_daily') }} as v
left join {{ ref('int_returns_daily') }} as r
    on r.symbol = v.symbol and r.date = v.date
where v.traded_close is not null
