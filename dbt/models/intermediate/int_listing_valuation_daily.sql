-- One row per listing and trading day: traded close, close in USD, the company's market value implied by
-- this listing's price, point-in-time TTM earnings and trailing P/E.
-- Incremental (macros/incremental.sql): rows whose prices, listing, FX rate or TTM row changed are deleted
-- first (pre-hook); then rows after the last date held are written, for every listing of a company from the
-- earliest date written for any of them (market_cap_gap_to_primary compares listings on the same date).
{{ config(
    pre_hook="{{ incremental_invalidate(listing_valuation_daily_invalid()) }}",
    post_hook="{{ incremental_save_state() }}",
) }}

with all_prices as (
    select symbol, date, currency, traded_close, price_basis_source, is_dividend_unadjusted
    from {{ ref('int_prices_traded_daily') }}
),

{% if is_incremental() %}
written as (
    {{ incremental_write_from('select symbol, date from all_prices') }}
),

company_written as (
    select coalesce(l.company_id, '') as company_key, min(wr.write_from) as write_from
    from written as wr
    left join {{ ref('stg_reference__listings') }} as l
        on l.symbol = wr.symbol
    group by coalesce(l.company_id, '')
),
{% endif %}

prices as (
    select p.symbol, p.date, p.currency, p.traded_close, p.price_basis_source, p.is_dividend_unadjusted
    from all_prices as p
    {% if is_incremental() %}
    left join {{ ref('stg_reference__listings') }} as l
        on l.symbol = p.symbol
    inner join company_written as cw
        on cw.company_key = coalesce(l.company_id, '') and p.date >= cw.write_from
    {% endif %}
),

listings as (
    select
        symbol, company_id, instrument_type, market, ordinary_shares_per_unit, is_primary_listing,
        -- companies with one listing need no comparison with a primary line on the same date (below)
        case when company_id is not null then count(*) over (partition by company_id) end as company_listings
    from {{ ref('stg_reference__listings') }}
),

companies as (
    select company_id, reporting_currency
    from {{ ref('stg_reference__companies') }}
),

fx as (
    select date, quote_currency, usd_rate
    from {{ ref('int_fx_rates_daily_filled') }}
),

ttm as (
    select * from {{ ref('int_fundamentals_ttm_point_in_time') }}
)

{%- set joined_sql %}
    select
        p.symbol,
        p.date,
        l.company_id,
        l.company_listings,
        l.instrument_type,
        l.market,
        l.is_primary_listing,
        p.currency,
        p.price_basis_source,
        p.is_dividend_unadjusted,
        p.traded_close,
        fx_l.usd_rate,
        p.traded_close / fx_l.usd_rate as close_usd,
        l.ordinary_shares_per_unit,
        c.reporting_currency,
        fx_r.usd_rate as reporting_usd_rate,
        t.announced_on as fundamentals_announced_on,
        t.latest_fiscal_quarter,
        t.latest_calendar_quarter,
        t.currency as fundamentals_currency,
        t.ttm_revenue_m,
        t.ttm_net_income_gaap_m,
        t.ttm_net_income_adjusted_m,
        t.ttm_eps_diluted_gaap,
        t.ttm_eps_diluted_adjusted,
        case
            when t.shares_outstanding_m is not null then t.shares_outstanding_m
            else t.diluted_shares_m
        end as shares_used_m,
        case
            when t.shares_outstanding_m is not null then 'shares_outstanding'
            when t.diluted_shares_m is not null then 'diluted_weighted_average'
        end as shares_basis,
        case
            when t.shares_outstanding_m is not null then t.shares_outstanding_period_end
            else t.diluted_shares_period_end
        end as shares_period_end
    from prices as p
    left join listings as l
        on l.symbol = p.symbol
    left join companies as c
        on c.company_id = l.company_id
    left join fx as fx_l
        on fx_l.quote_currency = p.currency and fx_l.date = p.date
    left join fx as fx_r
        on fx_r.quote_currency = c.reporting_currency and fx_r.date = p.date
    left join ttm as t
        on t.company_id = l.company_id and p.date >= t.valid_from and p.date < t.valid_to
{% endset -%}

{%- set valued_sql %}
    select
        *,
        -- price per unit / ordinary shares per unit = price per ordinary share; x company shares
        traded_close / ordinary_shares_per_unit * shares_used_m * 1000000 as market_cap_local,
        traded_close / ordinary_shares_per_unit * shares_used_m * 1000000 / usd_rate as market_cap_usd,
        traded_close / ordinary_shares_per_unit * shares_used_m * 1000000 / usd_rate * reporting_usd_rate
            as market_cap_reporting_ccy,
        -- price of one ordinary share in the reporting currency (for per-share multiples)
        traded_close / ordinary_shares_per_unit / usd_rate * reporting_usd_rate as price_per_share_reporting_ccy
    from (
{{ joined_sql }}
    ) as joined
{% endset -%}

{#- the output columns before and after market_cap_gap_to_primary #}
{%- set columns_before_gap %}
    symbol,
    date,
    company_id,
    instrument_type,
    market,
    is_primary_listing,
    currency,
    price_basis_source,
    is_dividend_unadjusted,
    traded_close,
    usd_rate,
    close_usd,
    ordinary_shares_per_unit,
    reporting_currency,
    reporting_usd_rate,
    shares_used_m,
    shares_basis,
    shares_period_end,
    market_cap_local,
    market_cap_usd,
    market_cap_reporting_ccy,
{% endset -%}
{%- set columns_after_gap %}
    price_per_share_reporting_ccy,
    fundamentals_announced_on,
    latest_fiscal_quarter,
    latest_calendar_quarter,
    ttm_revenue_m,
    ttm_net_income_gaap_m,
    ttm_net_income_adjusted_m,
    ttm_eps_diluted_gaap,
    ttm_eps_diluted_adjusted,
    ttm_eps_diluted_gaap * ordinary_shares_per_unit as ttm_eps_gaap_per_unit,
    ttm_eps_diluted_adjusted * ordinary_shares_per_unit as ttm_eps_adjusted_per_unit,
    -- Trailing P/E: price of one ordinary share / TTM diluted EPS (both in the reporting currency), the
    -- definition analysts quote; it needs no share count. Where TTM EPS is missing but TTM net income and a
    -- share count exist, market value / TTM net income (pe_ttm_gaap_method says which). Null unless earnings > 0:
    -- negative trailing earnings make the P/E not meaningful (pe_ttm_gaap_status 'nm_negative_earnings'), and the
    -- earnings yield (earnings / price, negative for a loss-maker) keeps the company in basket aggregates.
    coalesce(
        {{ market_positive_ratio('price_per_share_reporting_ccy', 'ttm_eps_diluted_gaap') }},
        case when ttm_eps_diluted_gaap is null then
            {{ market_positive_ratio('market_cap_reporting_ccy', 'ttm_net_income_gaap_m * 1000000') }}
        end
    ) as pe_ttm_gaap,
    -- Adjusted (non-GAAP) P/E only for companies that report adjusted EPS (no net-income fallback).
    {{ market_positive_ratio('price_per_share_reporting_ccy', 'ttm_eps_diluted_adjusted') }} as pe_ttm_adjusted,
    case
        when ttm_eps_diluted_gaap is not null then 'diluted_eps'
        when ttm_net_income_gaap_m is not null and market_cap_reporting_ccy is not null then 'market_value_over_net_income'
    end as pe_ttm_gaap_method,
    case
        when ttm_eps_diluted_gaap is not null then {{ safe_divide('ttm_eps_diluted_gaap', 'price_per_share_reporting_ccy') }}
        when market_cap_reporting_ccy > 0 then {{ safe_divide('ttm_net_income_gaap_m * 1000000', 'market_cap_reporting_ccy') }}
    end as earnings_yield_ttm_gaap,
    {{ safe_divide('ttm_eps_diluted_adjusted', 'price_per_share_reporting_ccy') }} as earnings_yield_ttm_adjusted,
    case
        when traded_close is null then 'missing_price'
        -- a close but no FX rate within var fx_max_fill_days (the FX seeds end before some price series)
        when price_per_share_reporting_ccy is null then 'missing_fx'
        when ttm_eps_diluted_gaap > 0 or (ttm_eps_diluted_gaap is null and ttm_net_income_gaap_m > 0 and market_cap_reporting_ccy > 0)
            then 'number'
        when ttm_eps_diluted_gaap <= 0 or (ttm_eps_diluted_gaap is null and ttm_net_income_gaap_m <= 0 and market_cap_reporting_ccy > 0)
            then 'nm_negative_earnings'
        when ttm_eps_diluted_gaap is null and ttm_net_income_gaap_m is null then 'missing_earnings'
        else 'missing_market_value'
    end as pe_ttm_gaap_status
{% endset -%}

-- Companies with several listings: each line against the primary listing on the same date.
select
{{ columns_before_gap }}
    -- ADS / secondary line against the primary listing on the same date (premium or discount, FX and the
    -- hours between the closes): market_cap_usd / primary listing's market_cap_usd - 1
    market_cap_usd / max(case when is_primary_listing then market_cap_usd end) over (partition by company_id, date) - 1
        as market_cap_gap_to_primary,
{{ columns_after_gap }}
from (
{{ valued_sql }}
) as valued
where company_listings > 1

union all

-- Companies with one listing (and rows without a company): the (company, date) window would hold this row
-- alone, so the same expression is evaluated without it (the window's sort of every row was the cost).
select
{{ columns_before_gap }}
    market_cap_usd / case when is_primary_listing then market_cap_usd end - 1 as market_cap_gap_to_primary,
{{ columns_after_gap }}
from (
{{ valued_sql }}
) as valued
where company_listings is null or company_listings <= 1
