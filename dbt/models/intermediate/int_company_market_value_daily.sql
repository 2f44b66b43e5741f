-- One row per company and trading day of its primary listing: company market value from that listing's
-- traded (unadjusted) close and the latest announced share count.
select
    date,
    company_id,
    symbol as listing_symbol,
    currency as local_currency,
    traded_close,
    ordinary_shares_per_unit,
    shares_used_m,
    shares_basis,
    shares_period_end,
    market_cap_local,
    usd_rate,
    market_cap_usd,
    reporting_currency,
    market_cap_reporting_ccy
from {{ ref('int_listing_valuation_daily') }}
where is_primary_listing
  and company_id is not null
