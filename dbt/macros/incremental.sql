{#
Incremental builds of the price-derived models (int_prices_traded_daily, int_returns_daily,
int_listing_valuation_daily, fct_listing_valuation_daily): VERIFY, INVALIDATE, then APPEND.

Every incremental model is keyed by (key, date) and built with delete+insert on that key (key: symbol; company_id
for int_company_market_value_daily; date column week_ending for fct_weekly_performance; the date-keyed
fct_valuation_gap_daily and the other downstream models: macros/incremental_marts.sql; what each listing-day
model verifies: macros/incremental_listing_models.sql; tests of the rows written: incremental_tests.sql).
A run does:

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
covers the model file only), or in a var they read (docs/incremental-builds.md lists them). `make run`, Dagster's
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

{# A model's unique_key is [key, date column, ...]: rows are invalidated and appended per key (symbol for the
   listing-day models, company_id for int_company_market_value_daily) from a date (`date`; `week_ending` for
   fct_weekly_performance; `end_date` for fct_rerating_decomposition, whose key also names the window). #}
{% macro incremental_key() -%}
    {%- set uk = config.get('unique_key') or ['symbol', 'date'] -%}
    {{ return(uk[0] if uk is not string else 'symbol') }}
{%- endmacro %}

{% macro incremental_date_column() -%}
    {%- set uk = config.get('unique_key') or ['symbol', 'date'] -%}
    {{ return('date' if uk is string else uk[1] if uk | length > 1 else uk[0]) }}
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
        where i.symbol = {{ relation }}.{{ incremental_key() }} and {{ relation }}.{{ incremental_date_column() }} >= i.from_date
    )
{%- endmacro %}

{% macro duckdb__incremental_delete_from(relation, invalid_relation) -%}
    delete from {{ relation }} as t
    using {{ invalid_relation }} as i
    where i.symbol = t.{{ incremental_key() }} and t.{{ incremental_date_column() }} >= i.from_date
{%- endmacro %}

{# -------------------------------------------------------------------------------------- append #}

{# Per-symbol watermark: the last date the model holds for each symbol. #}
{% macro incremental_watermarks() -%}
    select {{ incremental_key() }} as symbol, max({{ incremental_date_column() }}) as watermark
    from {{ this }}
    group by {{ incremental_key() }}
{%- endmacro %}

{# Per symbol of `source_sql` (columns symbol, date): the first date this run writes. A row is written when it
   is after the symbol's watermark (every row of a symbol the model does not hold) or in the forced range;
   every later row of the symbol is rewritten too (delete+insert on symbol, date). Symbols with nothing to
   write do not appear. #}
{% macro incremental_write_from(source_sql) -%}
    {%- set forced = incremental_forced_range() -%}
    {%- set k = incremental_key() %}
    select s.{{ k }}, min(s.date) as write_from
    from ({{ source_sql }}) as s
    left join ({{ incremental_watermarks() }}) as w
        on w.symbol = s.{{ k }}
    where w.watermark is null
       or s.date > w.watermark
       {%- if forced %}
       or s.date between cast('{{ forced[0] }}' as date) and cast('{{ forced[1] }}' as date)
       {%- endif %}
    group by s.{{ k }}
{%- endmacro %}

{# ---------------------------------------------------------------------------------- verification #}

{# Symbols whose rows in `stored_sql` differ from `current_sql` over the dates the model holds for them (both
   with columns symbol, date and `columns`): a changed, added or removed row, or a symbol gone from the input. #}
{% macro incremental_changed_symbols(current_sql, stored_sql, columns) -%}
    {%- set cols = ['x.date'] -%}
    {%- for c in columns %}{% do cols.append('x.' ~ c) %}{% endfor -%}
    {%- set k = incremental_key() %}
    select coalesce(c.symbol, s.symbol) as symbol
    from (
        select x.{{ k }} as symbol, {{ incremental_fingerprint(cols) }} as fingerprint
        from ({{ current_sql }}) as x
        inner join ({{ incremental_watermarks() }}) as w
            on w.symbol = x.{{ k }} and x.date <= w.watermark
        group by x.{{ k }}
    ) as c
    full outer join (
        select x.{{ k }} as symbol, {{ incremental_fingerprint(cols) }} as fingerprint
        from ({{ stored_sql }}) as x
        group by x.{{ k }}
    ) as s
        on s.symbol = c.symbol
    where c.fingerprint is null or s.fingerprint is null or c.fingerprint <> s.fingerprint
{%- endmacro %}

{# True when the state table exists and holds this model file's checksum (the model's code is unchanged). #}
{% macro incremental_code_unchanged() -%}
    {%- set state = incremental_state_relation() -%}
    {%- if adapter.get_relation(database=state.database, schema=state.schema, identifier=state.identifier) is none -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set saved = run_query("select fingerprint from " ~ state ~ " where item = '__model__'") -%}
    {{ return(saved.rows | length == 1 and saved.rows[0][0] == model.checksum.checksum) }}
{%- endmacro %}

{# Pre-hook: delete what is stale. `invalid_sql` returns (symbol, from_date): rows of the symbol dated on or
   after from_date are deleted (a symbol's whole history: the earliest possible date). A changed model file or
   a missing state table invalidates everything. Logs what it deleted. #}
{% macro incremental_invalidate(invalid_sql) -%}
    {%- if execute and is_incremental() -%}
        {%- if incremental_code_unchanged() -%}
            {%- set invalid_query = invalid_sql -%}
        {%- else -%}
            {%- do log(this.identifier ~ ": model file changed or no saved state: every row is rebuilt", info=true) -%}
            {%- set invalid_query = "select " ~ incremental_key() ~ " as symbol, cast('0001-01-01' as date) as from_date from " ~ this ~ " group by " ~ incremental_key() -%}
        {%- endif -%}
        {%- do run_query("create or replace temporary table " ~ this.identifier ~ "__invalid as "
            ~ "select symbol, min(from_date) as from_date from (" ~ invalid_query ~ ") as i group by symbol") -%}
        {%- set counted = run_query("select count(*), count(case when from_date = cast('0001-01-01' as date) then 1 end) from " ~ this.identifier ~ "__invalid") -%}
        {%- do run_query(incremental_delete_from(this, this.identifier ~ "__invalid")) -%}
        {%- do log(this.identifier ~ ": inputs changed for " ~ counted.rows[0][0] ~ " symbol(s) (" ~ counted.rows[0][1] ~ " from their first date): their rows from the change on are rebuilt", info=true) -%}
        {%- do run_query("drop table if exists " ~ this.identifier ~ "__invalid") -%}
        {%- do incremental_save_held() -%}
    {%- endif -%}
{%- endmacro %}

{# Post-hook: save the model file's checksum, the first date not yet verified by tests (macros/incremental_tests.sql)
   and, optionally, per-symbol fingerprints of the inputs the model
   does not store (`items_sql`: columns item, fingerprint), in incremental_state.<model>. #}
{% macro incremental_save_state(items_sql=none) -%}
    {%- if execute and config.get('materialized') == 'incremental' -%}
        {%- set state = incremental_state_relation() -%}
        {%- set pending = incremental_pending_from() -%}
        {%- do run_query("create schema if not exists " ~ state.include(identifier=false)) -%}
        {%- set sql -%}
            create or replace table {{ state }} as
            select '__model__' as item, '{{ model.checksum.checksum }}' as fingerprint
            union all
            select '__pending_from__' as item, '{{ pending }}' as fingerprint
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
    full outer join (select item, fingerprint from {{ incremental_state_relation() }} where item not in ('__model__', '__pending_from__')) as s
        on s.item = c.item
    where c.fingerprint is null or s.fingerprint is null or c.fingerprint <> s.fingerprint
{%- endmacro %}

