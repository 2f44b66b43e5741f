{#
Incremental builds of the price-derived marts downstream of the four listing-day models (see
macros/incremental.sql for the mechanics and docs/incremental-builds.md for the story).

- int_company_market_value_daily is keyed by (company_id, date): the same verify / invalidate / append as the
  listing-day models, with company_id as the key (incremental_key()).
- Date-keyed models (fct_valuation_gap_daily: one row per day) verify per DATE: a fingerprint of their
  inputs on each date is saved after every run (`incremental_save_state`, items 'd:<date>'); a run deletes
  every row from the first date whose fingerprint changed, appeared or disappeared, or from the start of a
  forced date range (`incremental_invalidate_dates`), and rewrites from there (`incremental_date_watermark`).
  Inputs that are not dated (a company's basket) are saved under the date 0001-01-01: a change rewrites all.
- int_returns_total_daily and fct_weekly_performance carry running values (return index, day index, the
  previous week) from the last row held: whole symbols are rebuilt when their history changed, a forced range
  deletes from its start (`incremental_forced_invalid`), and the append continues from the row held.
#}

{# ------------------------------------------------------------------------- company market value #}

{% macro company_market_value_rows() -%}
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
{%- endmacro %}

{% macro company_market_value_columns() -%}
    {{ return(['listing_symbol', 'local_currency', 'traded_close', 'ordinary_shares_per_unit', 'shares_used_m',
               'shares_basis', 'shares_period_end', 'market_cap_local', 'usd_rate', 'market_cap_usd',
               'reporting_currency', 'market_cap_reporting_ccy']) }}
{%- endmacro %}

{# Companies whose primary-listing rows changed over the dates held (every column the model stores). #}
{% macro company_market_value_invalid() -%}
    {%- set cols = company_market_value_columns() -%}
    select symbol, cast('0001-01-01' as date) as from_date
    from (
        {{ incremental_changed_symbols(
            company_market_value_rows(),
            "select company_id, date, " ~ cols | join(', ') ~ " from " ~ this,
            cols) }}
    ) as changed
{%- endmacro %}

{# --------------------------------------------------------------------------- date-keyed models #}

{# Pre-hook of a date-keyed model: `date_items_sql` returns (date, fingerprint) of the inputs per date. Rows
   from the first date whose fingerprint differs from the saved one (or is new, or gone) are deleted; a changed
   model file or missing state deletes every row. #}
{% macro incremental_invalidate_dates(date_items_sql) -%}
    {%- if execute and is_incremental() -%}
        {%- if incremental_code_unchanged() -%}
            {%- set found = run_query(
                "select min(cast(substr(symbol, 3) as date)) from ("
                ~ incremental_changed_state_items(incremental_date_items(date_items_sql)) ~ ") as c") -%}
            {%- set from_date = found.rows[0][0] -%}
        {%- else -%}
            {%- do log(this.identifier ~ ": model file changed or no saved state: every row is rebuilt", info=true) -%}
            {%- set from_date = '0001-01-01' -%}
        {%- endif -%}
        {%- set forced = incremental_forced_range() -%}
        {%- if forced and (from_date is none or forced[0] | string < from_date | string) -%}
            {%- set from_date = forced[0] -%}
        {%- endif -%}
        {%- if from_date is not none -%}
            {%- do run_query("delete from " ~ this ~ " where date >= cast('" ~ from_date ~ "' as date)") -%}
        {%- endif -%}
        {%- do log(this.identifier ~ ": inputs changed from " ~ (from_date or 'no date') ~ ": rows from then on are rebuilt", info=true) -%}
        {%- do incremental_save_held() -%}
    {%- endif -%}
{%- endmacro %}

{# The state items of a date-keyed model: 'd:<date>' and the per-date fingerprint. #}
{% macro incremental_date_items(date_items_sql) -%}
    select 'd:' || cast(date as {{ dbt.type_string() }}) as item, fingerprint from ({{ date_items_sql }}) as d
{%- endmacro %}

{# The last date a date-keyed model holds after invalidation (0001-01-01 when empty); rows after it are written. #}
{% macro incremental_date_watermark() -%}
    (select coalesce(max(date), cast('0001-01-01' as date)) from {{ this }})
{%- endmacro %}

{# ------------------------------------------------------------------------ fct_valuation_gap_daily #}

{# Per date: the HK/US trading calendar and every company's primary-listing valuation on that date (what the
   day's medians and carried values read); under 0001-01-01 the companies and their baskets. #}
{% macro valuation_gap_date_items() -%}
    select date, {{ incremental_fingerprint(['x.date', 'x.part', 'x.fingerprint']) }} as fingerprint
    from (
        select date, 'calendar' as part, {{ incremental_fingerprint(['market']) }} as fingerprint
        from {{ ref('int_trading_calendar') }}
        where market in ('HK', 'US')
        group by date
        union all
        select date, 'valuations' as part,
            {{ incremental_fingerprint(['company_id', 'traded_close', 'pe_ttm_gaap', 'pe_ttm_adjusted', 'pe_ttm_gaap_status',
                                        'pe_ttm_gaap_method', 'earnings_yield_ttm_gaap', 'earnings_yield_ttm_adjusted',
                                        'market_cap_usd']) }} as fingerprint
        from {{ ref('int_listing_valuation_daily') }}
        where is_primary_listing and company_id is not null
        group by date
        union all
        select cast('0001-01-01' as date) as date, 'companies' as part,
            {{ incremental_fingerprint(['company_id', 'basket']) }} as fingerprint
        from {{ ref('dim_company') }}
    ) as x
    group by date
{%- endmacro %}

{# For models that continue running values from the last row held (and so cannot rewrite a range in the
   middle): a forced date range (vars incremental_from / incremental_to) deletes every symbol's rows from its
   start, which the append then rewrites. Appended to an invalid_sql as `union all ...`. #}
{% macro incremental_forced_invalid() -%}
    {%- set forced = incremental_forced_range() -%}
    {%- if forced %}
    union all
    select {{ incremental_key() }} as symbol, cast('{{ forced[0] }}' as date) as from_date from {{ this }} group by {{ incremental_key() }}
    {%- endif %}
{%- endmacro %}

{# ------------------------------------------------------------------------ fct_weekly_performance #}

{# State of fct_weekly_performance: per symbol ('s:<symbol>'), its daily rows up to the last close it holds and
   its market and benchmark; per market and week ('c:<market>:<week_ending>'), the market's trading days. #}
{% macro weekly_state_items() -%}
    select 's:' || x.symbol as item, {{ incremental_fingerprint(['x.part', 'x.fingerprint']) }} as fingerprint
    from (
        select r.symbol, 'daily' as part,
            {{ incremental_fingerprint(['r.date', 'r.traded_close', 'r.return_index', 'r.unknown_returns_to_date',
                                        'r.return_basis', 'r.dividend_record_status']) }} as fingerprint
        from {{ ref('int_returns_total_daily') }} as r
        inner join (select symbol, max(last_trading_date) as held_to from {{ this }} group by symbol) as h
            on h.symbol = r.symbol and r.date <= h.held_to
        where r.traded_close is not null
        group by r.symbol
        union all
        select symbol, 'listing' as part, {{ incremental_fingerprint(['market', 'benchmark_symbol']) }} as fingerprint
        from {{ ref('dim_listing') }}
        group by symbol
    ) as x
    group by x.symbol
    union all
    select 'c:' || market || ':' || cast(week_ending as {{ dbt.type_string() }}) as item,
        {{ incremental_fingerprint(['date']) }} as fingerprint
    from {{ ref('int_trading_calendar') }}
    group by market, week_ending
{%- endmacro %}

{# Per symbol, the first week_ending to rewrite (see the model's header). #}
{% macro weekly_invalid() -%}
    with changed as (
        select coalesce(n.item, s.item) as item
        from ({{ weekly_state_items() }}) as n
        full outer join (select item, fingerprint from {{ incremental_state_relation() }} where item not in ('__model__', '__pending_from__')) as s
            on s.item = n.item
        where n.fingerprint is null or s.fingerprint is null or n.fingerprint <> s.fingerprint
    ),

    listings as (
        select symbol, market, benchmark_symbol from {{ ref('dim_listing') }}
    ),

    held as (
        select symbol, max(week_ending) as last_week, max(last_trading_date) as held_to from {{ this }} group by symbol
    )

    -- the symbol's own daily rows held or its listing changed
    select substr(item, 3) as symbol, cast('0001-01-01' as date) as from_date from changed where item like 's:%'
    union all
    -- its benchmark's daily rows held changed
    select l.symbol, cast('0001-01-01' as date) from changed as c inner join listings as l on c.item = 's:' || l.benchmark_symbol
    union all
    -- a week of its market's calendar changed (a new last day, a day added in the past)
    select l.symbol, min(cast(substr(c.item, 6) as date))
    from changed as c
    inner join listings as l
        on c.item like 'c:' || l.market || ':%'
    group by l.symbol
    union all
    -- its last week held: a new close may land in it
    select symbol, last_week from held
    union all
    -- its benchmark has closes after the last one held: from the benchmark's last week held
    select l.symbol, coalesce(hb.last_week, cast('0001-01-01' as date))
    from listings as l
    inner join (select symbol, max(date) as last_date from {{ ref('int_returns_total_daily') }} group by symbol) as nb
        on nb.symbol = l.benchmark_symbol
    left join held as hb
        on hb.symbol = l.benchmark_symbol
    where hb.held_to is null or nb.last_date > hb.held_to
    {{ incremental_forced_invalid() }}
{%- endmacro %}

{# -------------------------------------------------------------------- fct_rerating_decomposition #}

{# Per company: its primary-listing closes, prices and TTM EPS up to the last window end it holds. #}
{% macro rerating_state_items() -%}
    select v.company_id as item,
        {{ incremental_fingerprint(['v.symbol', 'v.date', 'v.traded_close', 'v.price_per_share_reporting_ccy',
                                    'v.ttm_eps_diluted_adjusted', 'v.ttm_eps_diluted_gaap']) }} as fingerprint
    from {{ ref('int_listing_valuation_daily') }} as v
    inner join (select company_id, max(end_date) as held_to from {{ this }} group by company_id) as h
        on h.company_id = v.company_id and v.date <= h.held_to
    where v.is_primary_listing and v.traded_close is not null
    group by v.company_id
{%- endmacro %}

{# Whole companies whose rows held changed; every company's windows ending on its latest date held. #}
{% macro rerating_invalid() -%}
    select symbol, cast('0001-01-01' as date) as from_date
    from ({{ incremental_changed_state_items(rerating_state_items()) }}) as changed
    union all
    select company_id as symbol, max(end_date) as from_date from {{ this }} group by company_id
    {{ incremental_forced_invalid() }}
{%- endmacro %}
