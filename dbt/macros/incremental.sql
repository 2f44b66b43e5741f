{#
Incremental builds of the price-derived models (int_prices_traded_daily, int_returns_daily,
int_listing_valuation_daily, fct_listing_valuation_daily): VERIFY, INVALIDATE, then APPEND.

Every incremental model is keyed by (symbol, date) and built with delete+insert on that key. A run does:

1. Verify (pre-hook, `incremental_invalidate`): compare what the model already holds with its inputs as they
   are NOW, per symbol, and delete the rows whose inputs changed:
   - inputs the model stores (the vendor close in int_prices_traded_daily, the traded close in the layers
     above, FX rates, listing attributes, the TTM row a valuation used) are compared with an order-free
     fingerprint per symbol (`incremental_fingerprint`: a sum of row hashes and a row count) over the dates
     the model holds, or row by row where the first affected date is known (FX, TTM);
   - inputs it does not store (corporate actions, the FX rate and share ratio they were converted with) are
     compared with a fingerprint saved after the previous run in `incremental_state.<model>`
     (`incremental_save_state`, post-hook);
   - a change of the model's SQL file (dbt's checksum, saved in the same state table) invalidates every row.
   A vendor re-issuing a symbol's history, a new or corrected dividend or split, a restated quarter, a late
   FX fix, a listing whose ADS ratio changed: each deletes exactly the rows it affects (whole symbol, or the
   symbol from the first affected date), so nothing the model holds is stale after this step.
2. Append (the model SQL, `incremental_write_from`): per symbol, write every row dated after the last date the
   model holds for that symbol (a new symbol, a symbol that stopped earlier, a symbol just invalidated: all
   its rows), plus the dates forced by `--vars '{incremental_from: D1, incremental_to: D2}'` (a Dagster
   daily partition or a backfill range). Window models read their inputs from a lookback before the first
   written date (52 weeks + 5 rows for int_returns_daily; the whole series for the dividend
   un-adjustment, whose factors depend on every later ex-date) and write only from that date.

The result equals a full rebuild (tests/test_incremental.py builds both and compares every row). What the
verification cannot see needs `dbt build --full-refresh`: a change in a MACRO these models call (the checksum
covers the model file only), or in a var they read (none of them reads one today). `make run`, Dagster's
jobs and dagster_project/cli/build.py run a normal `dbt build`; the story is told in docs/incremental-builds.md.

Engine-specific pieces (row hashes, the delete) are dispatched, with DuckDB and Spark variants; the hooks
themselves (temporary table, `create or replace table`) are written for and tested on DuckDB only.
#}

{# ---------------------------------------------------------------------------------------- settings #}

{# Calendar days before the first written date that int_returns_daily reads: its 52-week window spans 364
   days; one more week of margin. Never less than 364. #}
{% macro incremental_lookback_days() -%}
    {{ return(371) }}
{%- endmacro %}

{# The forced date range (inclusive), from vars set by a Dagster partition or on the command line. #}
{% macro incremental_forced_range() -%}
    {%- set start = var('incremental_from', none) -%}
    {%- set end = var('incremental_to', none) or start -%}
    {{ return((start, end) if start else none) }}
{%- endmacro %}

{% macro incremental_state_schema() -%}
    {{ return('incremental_state') }}
{%- endmacro %}

{% macro incremental_state_relation() -%}
    {{ return(api.Relation.create(database=this.database, schema=incremental_state_schema(), identifier=this.identifier)) }}
{%- endmacro %}

{# ------------------------------------------------------------------------------ engine-specific #}

{# Order-free fingerprint of a set of rows: an aggregate over the given column expressions. Two sets with the
   same fingerprint and row count are taken as equal (64-bit row hashes, summed without overflow). #}
{% macro incremental_fingerprint(columns) -%}
    {{ return(adapter.dispatch('incremental_fingerprint')(columns)) }}
{%- endmacro %}

{% macro default__incremental_fingerprint(columns) -%}
    {{ exceptions.raise_compiler_error("incremental_fingerprint: no row hash for adapter " ~ adapter.type() ~ "; add a dispatched implementation") }}
{%- endmacro %}

{% macro duckdb__incremental_fingerprint(columns) -%}
    cast(sum(hash({{ columns | join(', ') }})) as varchar) || ':' || cast(count(*) as varchar)
{%- endmacro %}

{% macro spark__incremental_fingerprint(columns) -%}
    concat(cast(sum(cast(xxhash64({{ columns | join(', ') }}) as decimal(38, 0))) as string), ':', cast(count(*) as string))
{%- endmacro %}

{# Delete the rows of `relation` whose (symbol, date) is at or after `from_date` of a row of `invalid_sql`
   (columns symbol, from_date). #}
{% macro incremental_delete_from(relation, invalid_relation) -%}
    {{ return(adapter.dispatch('incremental_delete_from')(relation, invalid_relation)) }}
{%- endmacro %}

{% macro default__incremental_delete_from(relation, invalid_relation) -%}
    delete from {{ relation }}
    where exists (
        select 1 from {{ invalid_relation }} as i
        where i.symbol = {{ relation }}.symbol and {{ relation }}.date >= i.from_date
    )
{%- endmacro %}

{% macro duckdb__incremental_delete_from(relation, invalid_relation) -%}
    delete from {{ relation }} as t
    using {{ invalid_relation }} as i
    where i.symbol = t.symbol and t.date >= i.from_date
{%- endmacro %}

{# -------------------------------------------------------------------------------------- append #}

{# Per-symbol watermark: the last date the model holds for each symbol. #}
{% macro incremental_watermarks() -%}
    select symbol, max(date) as watermark from {{ this }} group by symbol
{%- endmacro %}

{# Per symbol of `source_sql` (columns symbol, date): the first date this run writes. A row is written when it
   is after the symbol's watermark (every row of a symbol the model does not hold) or in the forced range;
   every later row of the symbol is rewritten too (delete+insert on symbol, date). Symbols with nothing to
   write do not appear. #}
{% macro incremental_write_from(source_sql) -%}
    {%- set forced = incremental_forced_range() -%}
    select s.symbol, min(s.date) as write_from
    from ({{ source_sql }}) as s
    left join ({{ incremental_watermarks() }}) as w
        on w.symbol = s.symbol
    where w.watermark is null
       or s.date > w.watermark
       {%- if forced %}
       or s.date between cast('{{ forced[0] }}' as date) and cast('{{ forced[1] }}' as date)
       {%- endif %}
    group by s.symbol
{%- endmacro %}

{# ---------------------------------------------------------------------------------- verification #}

{# Symbols whose rows in `stored_sql` differ from `current_sql` over the dates the model holds for them (both
   with columns symbol, date and `columns`): a changed, added or removed row, or a symbol gone from the input. #}
{% macro incremental_changed_symbols(current_sql, stored_sql, columns) -%}
    {%- set cols = ['x.date'] -%}
    {%- for c in columns %}{% do cols.append('x.' ~ c) %}{% endfor -%}
    select coalesce(c.symbol, s.symbol) as symbol
    from (
        select x.symbol, {{ incremental_fingerprint(cols) }} as fingerprint
        from ({{ current_sql }}) as x
        inner join ({{ incremental_watermarks() }}) as w
            on w.symbol = x.symbol and x.date <= w.watermark
        group by x.symbol
    ) as c
    full outer join (
        select x.symbol, {{ incremental_fingerprint(cols) }} as fingerprint
        from ({{ stored_sql }}) as x
        group by x.symbol
    ) as s
        on s.symbol = c.symbol
    where c.fingerprint is null or s.fingerprint is null or c.fingerprint <> s.fingerprint
{%- endmacro %}

{# Pre-hook: delete what is stale. `invalid_sql` returns (symbol, from_date): rows of the symbol dated on or
   after from_date are deleted (a symbol's whole history: the earliest possible date). A changed model file or
   a missing state table invalidates everything. Logs what it deleted. #}
{% macro incremental_invalidate(invalid_sql) -%}
    {%- if execute and is_incremental() -%}
        {%- set state = incremental_state_relation() -%}
        {%- set state_exists = adapter.get_relation(database=state.database, schema=state.schema, identifier=state.identifier) is not none -%}
        {%- set code_ok = false -%}
        {%- if state_exists -%}
            {%- set saved = run_query("select fingerprint from " ~ state ~ " where item = '__model__'") -%}
            {%- set code_ok = saved.rows | length == 1 and saved.rows[0][0] == model.checksum.checksum -%}
        {%- endif -%}
        {%- if code_ok -%}
            {%- set invalid_query = invalid_sql -%}
        {%- else -%}
            {%- do log(this.identifier ~ ": model file changed or no saved state: every row is rebuilt", info=true) -%}
            {%- set invalid_query = "select symbol, cast('0001-01-01' as date) as from_date from " ~ this ~ " group by symbol" -%}
        {%- endif -%}
        {%- do run_query("create or replace temporary table " ~ this.identifier ~ "__invalid as "
            ~ "select symbol, min(from_date) as from_date from (" ~ invalid_query ~ ") as i group by symbol") -%}
        {%- set counted = run_query("select count(*), count(case when from_date = cast('0001-01-01' as date) then 1 end) from " ~ this.identifier ~ "__invalid") -%}
        {%- do run_query(incremental_delete_from(this, this.identifier ~ "__invalid")) -%}
        {%- do log(this.identifier ~ ": inputs changed for " ~ counted.rows[0][0] ~ " symbol(s) (" ~ counted.rows[0][1] ~ " from their first date): their rows from the change on are rebuilt", info=true) -%}
        {%- do run_query("drop table if exists " ~ this.identifier ~ "__invalid") -%}
    {%- endif -%}
{%- endmacro %}

{# Post-hook: save the model file's checksum and, optionally, per-symbol fingerprints of the inputs the model
   does not store (`items_sql`: columns item, fingerprint), in incremental_state.<model>. #}
{% macro incremental_save_state(items_sql=none) -%}
    {%- if execute and config.get('materialized') == 'incremental' -%}
        {%- set state = incremental_state_relation() -%}
        {%- do run_query("create schema if not exists " ~ state.include(identifier=false)) -%}
        {%- set sql -%}
            create or replace table {{ state }} as
            select '__model__' as item, '{{ model.checksum.checksum }}' as fingerprint
            {%- if items_sql %}
            union all
            select cast(item as varchar) as item, cast(fingerprint as varchar) as fingerprint from ({{ items_sql }}) as s
            {%- endif %}
        {%- endset -%}
        {%- do run_query(sql) -%}
    {%- endif -%}
{%- endmacro %}

{# Symbols whose saved input fingerprints (items_sql, as saved by incremental_save_state) differ now. #}
{% macro incremental_changed_state_items(items_sql) -%}
    select coalesce(c.item, s.item) as symbol
    from ({{ items_sql }}) as c
    full outer join (select item, fingerprint from {{ incremental_state_relation() }} where item <> '__model__') as s
        on s.item = c.item
    where c.fingerprint is null or s.fingerprint is null or c.fingerprint <> s.fingerprint
{%- endmacro %}

{# ------------------------------------------------------------------------ what each model verifies #}

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
