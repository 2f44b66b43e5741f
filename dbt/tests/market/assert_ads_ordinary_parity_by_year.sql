-- An ADS and its Hong Kong ordinary line are the same claim: ADS close in USD / (ADS ratio x ordinary close
-- in USD) has a median of 1 within var('parity_tolerance') (0.005) in every calendar year (issue 17, item 1).
-- Single days differ by the hours between the two closes; a drift over the years is the signature of a wrong
-- dividend adjustment (before the fix BABA / 8 x 9988.HK was 0.954 in 2023, 0.977 in 2024, 0.986 in 2025).
-- Pairs: every company with an ADS and an HK ordinary line in the listings, except var('parity_excluded_symbols')
-- (each with its reason there). Only dates where both lines traded and the HKD rate is known.
-- Severity var('market_data_checks_severity') (error): tests/test_incremental.py builds deliberately
-- vendor-inconsistent synthetic data (a fake dividend, a re-issued history) and sets it to warn.
{{ config(
    severity=var('market_data_checks_severity', 'error'),
    meta={'dagster': {'ref': {'name': 'int_prices_traded_daily'}}}
) }}

with listings as (
    select symbol, company_id, instrument_type, market, ordinary_shares_per_unit
    from {{ ref('stg_reference__listings') }}
    where company_id is not null
),

pairs as (
    select a.symbol as ads_symbol, o.symbol as ordinary_symbol, a.ordinary_shares_per_unit as ads_ratio
    from listings as a
    inner join listings as o
        on o.company_id = a.company_id and o.market = 'HK' and o.instrument_type = 'ordinary_share'
    where a.instrument_type = 'ads'
    {% for s in var('parity_excluded_symbols', {}) %}
      and a.symbol <> '{{ s }}' and o.symbol <> '{{ s }}'
    {% endfor %}
),

prices as (
    select symbol, date, currency, traded_close
    from {{ ref('int_prices_traded_daily') }}
    where traded_close is not null and coalesce(volume, 1) <> 0
),

fx as (
    select date, quote_currency, usd_rate from {{ ref('int_fx_rates_daily_filled') }}
),

ratios as (
    select
        pr.ads_symbol,
        pr.ordinary_symbol,
        extract(year from a.date) as calendar_year,
        (a.traded_close / coalesce(fa.usd_rate, 1)) / (pr.ads_ratio * o.traded_close / fo.usd_rate) as parity_ratio
    from pairs as pr
    inner join prices as a
        on a.symbol = pr.ads_symbol
    inner join prices as o
        on o.symbol = pr.ordinary_symbol and o.date = a.date
    inner join fx as fo
        on fo.quote_currency = o.currency and fo.date = o.date
    left join fx as fa
        on fa.quote_currency = a.currency and fa.date = a.date
)

select ads_symbol, ordinary_symbol, calendar_year, count(*) as days, {{ market_median('parity_ratio') }} as median_ratio
from ratios
group by ads_symbol, ordinary_symbol, calendar_year
having abs({{ market_median('parity_ratio') }} - 1) > {{ var('parity_tolerance', 0.005) }}
