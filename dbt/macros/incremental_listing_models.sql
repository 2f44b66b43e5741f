{# What each of the four listing-day incremental models verifies (the mechanics: macros/incremental.sql). #}


{# int_prices_traded_daily, inputs it does not store, per symbol: its splits and dividends up to its last
   price date, with the listing currency, share ratios and FX rates they are converted with. A new action
   (also one whose ex-date the new prices just reached), a corrected one, a changed ratio or rate: the
   symbol's fingerprint changes and its whole history is rebuilt (a dividend changes every earlier close). #}
{% macro prices_traded_daily_action_inputs() -%}
    {%- set cols = ['a.action_type', 'a.ex_date', 'a.amount', 'a.currency', 'a.amount_per', 'a.split_ratio',
                    'a.in_vendor_adjustment', 'a.vendor_amount',
                    'c.currency', 'l.instrument_type', 'l.ordinary_shares_per_unit', 'l.ads_ordinary_shares_per_unit',
                    'fx_div.usd_rate', 'fx_list.usd_rate'] -%}
    select a.symbol as item, {{ incremental_fingerprint(cols) }} as fingerprint
    from {{ ref('stg_corporate_actions__corporate_actions') }} as a
    inner join (
        select symbol, max(date) as last_price_date from {{ ref('stg_prices__prices_daily') }} group by symbol
    ) as s
        on s.symbol = a.symbol
    left join (select distinct symbol, currency from {{ ref('stg_prices__prices_daily') }}) as c
        on c.symbol = a.symbol
    left join ({{ listings_with_ads_ratio() }}) as l
        on l.symbol = a.symbol
    left join {{ ref('int_fx_rates_daily_filled') }} as fx_div
        on fx_div.quote_currency = a.currency and fx_div.date = a.ex_date
    left join {{ ref('int_fx_rates_daily_filled') }} as fx_list
        on fx_list.quote_currency = c.currency and fx_list.date = a.ex_date
    where a.action_type in ('split', 'cash_dividend', 'special_dividend')
      and a.ex_date <= s.last_price_date
    group by a.symbol
{%- endmacro %}

{# int_prices_traded_daily: whole symbols whose vendor prices (any column the model reads) or corporate-action
   inputs changed. #}
{% macro prices_traded_daily_invalid() -%}
    select symbol, cast('0001-01-01' as date) as from_date
    from (
        {{ incremental_changed_symbols(
            "select symbol, date, close, adj_close, volume, price_basis, currency from " ~ ref('stg_prices__prices_daily'),
            "select symbol, date, vendor_close as close, vendor_adj_close as adj_close, volume, price_basis_source as price_basis, currency from " ~ this,
            ['close', 'adj_close', 'volume', 'price_basis', 'currency']) }}
        union all
        {{ incremental_changed_state_items(prices_traded_daily_action_inputs()) }}
    ) as changed
{%- endmacro %}

{# int_returns_daily: whole symbols whose traded closes changed (a re-issued or un-adjusted history). #}
{% macro returns_daily_invalid() -%}
    select symbol, cast('0001-01-01' as date) as from_date
    from (
        {{ incremental_changed_symbols(
            "select symbol, date, traded_close from " ~ ref('int_prices_traded_daily') ~ " where traded_close is not null",
            "select symbol, date, traded_close from " ~ this,
            ['traded_close']) }}
    ) as changed
{%- endmacro %}

{# int_listing_valuation_daily: whole symbols whose prices changed; a symbol from the first date whose listing,
   FX rate or point-in-time TTM row is no longer the one it was valued with (a late FX fix, a restated or newly
   inserted past quarter); then every listing of the same company from the earliest such date (the primary
   listing's value on a date enters its siblings' rows). #}
{% macro listing_valuation_daily_invalid() -%}
    {%- set ttm = ref('int_fundamentals_ttm_point_in_time') -%}
    {%- set fx = ref('int_fx_rates_daily_filled') -%}
    with changed as (
        select symbol, cast('0001-01-01' as date) as from_date
        from (
            {{ incremental_changed_symbols(
                "select symbol, date, currency, traded_close, price_basis_source, is_dividend_unadjusted from " ~ ref('int_prices_traded_daily'),
                "select symbol, date, currency, traded_close, price_basis_source, is_dividend_unadjusted from " ~ this,
                ['currency', 'traded_close', 'price_basis_source', 'is_dividend_unadjusted']) }}
        ) as prices_changed
        union all
        select v.symbol, min(v.date) as from_date
        from {{ this }} as v
        left join {{ ref('stg_reference__listings') }} as l
            on l.symbol = v.symbol
        left join {{ ref('stg_reference__companies') }} as c
            on c.company_id = l.company_id
        left join {{ fx }} as fx_l
            on fx_l.quote_currency = v.currency and fx_l.date = v.date
        left join {{ fx }} as fx_r
            on fx_r.quote_currency = c.reporting_currency and fx_r.date = v.date
        left join {{ ttm }} as t
            on t.company_id = l.company_id and t.announced_on = v.fundamentals_announced_on
        left join (select company_id, min(valid_from) as first_valid_from from {{ ttm }} group by company_id) as tf
            on tf.company_id = l.company_id
        where v.company_id is distinct from l.company_id
           or v.instrument_type is distinct from l.instrument_type
           or v.market is distinct from l.market
           or v.is_primary_listing is distinct from l.is_primary_listing
           or v.ordinary_shares_per_unit is distinct from l.ordinary_shares_per_unit
           or v.reporting_currency is distinct from c.reporting_currency
           or v.usd_rate is distinct from fx_l.usd_rate
           or v.reporting_usd_rate is distinct from fx_r.usd_rate
           or (v.fundamentals_announced_on is null and v.date >= tf.first_valid_from)
           or (v.fundamentals_announced_on is not null and (
                   t.company_id is null
                   or v.date < t.valid_from
                   or v.date >= t.valid_to
                   or v.latest_fiscal_quarter is distinct from t.latest_fiscal_quarter
                   or v.latest_calendar_quarter is distinct from t.latest_calendar_quarter
                   or v.ttm_revenue_m is distinct from t.ttm_revenue_m
                   or v.ttm_net_income_gaap_m is distinct from t.ttm_net_income_gaap_m
                   or v.ttm_net_income_adjusted_m is distinct from t.ttm_net_income_adjusted_m
                   or v.ttm_eps_diluted_gaap is distinct from t.ttm_eps_diluted_gaap
                   or v.ttm_eps_diluted_adjusted is distinct from t.ttm_eps_diluted_adjusted
                   or v.shares_used_m is distinct from coalesce(t.shares_outstanding_m, t.diluted_shares_m)
                   or v.shares_period_end is distinct from
                        case when t.shares_outstanding_m is not null then t.shares_outstanding_period_end
                             else t.diluted_shares_period_end end))
        group by v.symbol
    ),

    company_of as (
        -- the company a symbol belongs to now, and the one it was valued under (null: one group, as in the window)
        select symbol, coalesce(company_id, '') as company_key from {{ ref('stg_reference__listings') }}
        union
        select distinct symbol, coalesce(company_id, '') as company_key from {{ this }}
    ),

    company_from as (
        select co.company_key, min(ch.from_date) as from_date
        from changed as ch
        inner join company_of as co
            on co.symbol = ch.symbol
        group by co.company_key
    )

    select symbol, from_date from changed
    union all
    select co.symbol, cf.from_date
    from company_from as cf
    inner join company_of as co
        on co.company_key = cf.company_key
{%- endmacro %}

{# fct_listing_valuation_daily: whole symbols whose valuation or return rows changed upstream. #}
{% macro listing_valuation_mart_invalid() -%}
    select symbol, cast('0001-01-01' as date) as from_date
    from (
        {{ incremental_changed_symbols(
            "select symbol, date, company_id, currency, price_basis_source, is_dividend_unadjusted, traded_close as close,"
            ~ " case when instrument_type <> 'index' then close_usd end as close_usd, usd_rate, shares_used_m,"
            ~ " shares_basis, market_cap_usd, latest_fiscal_quarter, pe_ttm_gaap, pe_ttm_adjusted,"
            ~ " pe_ttm_gaap_status, pe_ttm_gaap_method as pe_method, earnings_yield_ttm_gaap,"
            ~ " earnings_yield_ttm_adjusted from "
            ~ ref('int_listing_valuation_daily') ~ " where traded_close is not null",
            "select symbol, date, company_id, currency, price_basis_source, is_dividend_unadjusted, close, close_usd,"
            ~ " usd_rate, shares_used_m, shares_basis, market_cap_usd, latest_fiscal_quarter, pe_ttm_gaap,"
            ~ " pe_ttm_adjusted, pe_ttm_gaap_status, pe_method, earnings_yield_ttm_gaap,"
            ~ " earnings_yield_ttm_adjusted from " ~ this,
            ['company_id', 'currency', 'price_basis_source', 'is_dividend_unadjusted', 'close', 'close_usd',
             'usd_rate', 'shares_used_m', 'shares_basis', 'market_cap_usd', 'latest_fiscal_quarter',
             'pe_ttm_gaap', 'pe_ttm_adjusted', 'pe_ttm_gaap_status', 'pe_method', 'earnings_yield_ttm_gaap',
             'earnings_yield_ttm_adjusted']) }}
        union all
        {{ incremental_changed_symbols(
            "select symbol, date, return_1d, return_5d, pct_below_52w_high, pct_above_52w_low from " ~ ref('int_returns_daily'),
            "select symbol, date, return_1d, return_5d, pct_below_52w_high, pct_above_52w_low from " ~ this,
            ['return_1d', 'return_5d', 'pct_below_52w_high', 'pct_above_52w_low']) }}
    ) as changed
{%- endmacro %}
