{#
Tests proportional to the change (docs/incremental-builds.md). On an incremental model, row-level generic tests
(ROW_LEVEL_TESTS below) check only the rows not yet verified: those written since the last build whose tests
of that model all passed. Key uniqueness (unique_combination_of_columns), relationships, aggregate tests and
every singular test keep checking whole tables. A full refresh or first build marks every row unverified.

- `incremental_save_state` (post-hook) keeps `__pending_from__` in incremental_state.<model>: the earliest
  date written and not yet verified (the earlier of the saved one and this run's first written date,
  `incremental_written_from`); '9999-12-31' when nothing is pending.
- `get_where_subquery` (dbt's hook for a test's `where`) adds `<date column> >= __pending_from__`.
- `incremental_mark_tested` (on-run-end) sets `__pending_from__` to '9999-12-31' for a model only when every
  generic test attached to it ran in this invocation and passed (or warned). A failed, errored, skipped or
  unselected test leaves the rows pending, so the next build tests them again: nothing is published on a
  build whose tests skipped a row that fails.
#}

{# Whether incremental_state.<identifier> exists, asked of the database itself: dbt's relation cache is filled
   when the run starts and does not see a state table a post-hook created in this run. #}
{% macro incremental_state_exists(database, identifier) -%}
    {%- set found = run_query("select count(*) from information_schema.tables where table_catalog = '" ~ database
        ~ "' and table_schema = '" ~ incremental_state_schema() ~ "' and table_name = '" ~ identifier ~ "'") -%}
    {{ return(found.rows[0][0] > 0) }}
{%- endmacro %}

{% macro incremental_row_level_tests() -%}
    {{ return(['not_null', 'accepted_values', 'accepted_range', 'expression_is_true', 'values_agree']) }}
{%- endmacro %}

{# Post-hook helper: the earliest date this run wrote ('0001-01-01' on a full build; none when nothing). Reads
   the watermarks the pre-hook saved after invalidation (temporary table <model>__held). #}
{% macro incremental_written_from() -%}
    {%- if not is_incremental() -%}
        {{ return('0001-01-01') }}
    {%- endif -%}
    {%- set held = this.identifier ~ '__held' -%}
    {%- set found = run_query("select count(*) from duckdb_tables() where temporary and table_name = '" ~ held ~ "'") -%}
    {%- if found.rows[0][0] == 0 -%}
        {{ return('0001-01-01') }}
    {%- endif -%}
    {%- set dcol = incremental_date_column() -%}
    {%- set uk = config.get('unique_key') -%}
    {%- if uk is string or uk | length == 1 -%}
        {%- set sql = "select min(t." ~ dcol ~ ") from " ~ this ~ " as t, " ~ held ~ " as h where h.watermark is null or t." ~ dcol ~ " > h.watermark" -%}
    {%- else -%}
        {%- set sql = "select min(t." ~ dcol ~ ") from " ~ this ~ " as t left join " ~ held ~ " as h on h.symbol = t."
            ~ incremental_key() ~ " where h.watermark is null or t." ~ dcol ~ " > h.watermark" -%}
    {%- endif -%}
    {%- set written = run_query(sql).rows[0][0] -%}
    {%- do run_query("drop table if exists " ~ held) -%}
    {%- set forced = incremental_forced_range() -%}
    {%- set dates = [] -%}
    {%- if written is not none %}{% do dates.append(written | string) %}{% endif -%}
    {%- if forced %}{% do dates.append(forced[0] | string) %}{% endif -%}
    {{ return(dates | min if dates else none) }}
{%- endmacro %}

{# Pre-hook helper, after invalidation: each key's last date held (rows after it are written by this run). #}
{% macro incremental_save_held() -%}
    {%- set uk = config.get('unique_key') -%}
    {%- if uk is string or uk | length == 1 -%}
        {%- do run_query("create or replace temporary table " ~ this.identifier ~ "__held as select max("
            ~ incremental_date_column() ~ ") as watermark from " ~ this) -%}
    {%- else -%}
        {%- do run_query("create or replace temporary table " ~ this.identifier ~ "__held as "
            ~ incremental_watermarks()) -%}
    {%- endif -%}
{%- endmacro %}

{# The pending date to save: the earlier of the saved one (none saved: '0001-01-01', test everything) and this
   run's first written date. #}
{% macro incremental_pending_from() -%}
    {%- set written = incremental_written_from() -%}
    {%- set dates = ['9999-12-31'] -%}
    {%- if written is not none %}{% do dates.append(written) %}{% endif -%}
    {%- if is_incremental() -%}
        {%- set state = incremental_state_relation() -%}
        {%- if adapter.get_relation(database=state.database, schema=state.schema, identifier=state.identifier) is none -%}
            {%- do dates.append('0001-01-01') -%}
        {%- else -%}
            {%- set saved = run_query("select fingerprint from " ~ state ~ " where item = '__pending_from__'") -%}
            {%- do dates.append(saved.rows[0][0] if saved.rows | length == 1 else '0001-01-01') -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(dates | min) }}
{%- endmacro %}

{# The predicate that limits a row-level test of an incremental model to its pending rows ('' for any other
   test, model or relation). #}
{% macro incremental_test_scope(relation) -%}
    {%- if not execute or not model.test_metadata or model.test_metadata.name not in incremental_row_level_tests() -%}
        {{ return('') }}
    {%- endif -%}
    {%- set node = graph.nodes.get(model.attached_node) if model.attached_node else none -%}
    {%- if node is none or node.config.materialized != 'incremental' or node.alias != relation.identifier -%}
        {{ return('') }}
    {%- endif -%}
    {%- set state = api.Relation.create(database=relation.database, schema=incremental_state_schema(), identifier=node.alias) -%}
    {%- if not incremental_state_exists(relation.database, node.alias) -%}
        {{ return('') }}
    {%- endif -%}
    {%- set saved = run_query("select fingerprint from " ~ state ~ " where item = '__pending_from__'") -%}
    {%- if saved.rows | length != 1 -%}
        {{ return('') }}
    {%- endif -%}
    {%- set uk = node.config.unique_key -%}
    {%- set dcol = 'date' if uk is string else uk[1] if uk | length > 1 else uk[0] -%}
    {{ return(dcol ~ " >= cast('" ~ saved.rows[0][0] ~ "' as date) /* rows not yet verified */") }}
{%- endmacro %}

{# dbt's hook for a test's `where` config, with the incremental scope added. The filtered relation keeps the
   model's name as its alias, so tests that refer to the model by name (values_agree) still work. The inner
   alias matters on Spark: without it, `from t where (x)` parses as table t aliased `where` with column x. #}
{% macro default__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set scope = incremental_test_scope(relation) -%}
    {%- set predicates = [] -%}
    {%- if where %}{% do predicates.append('(' ~ where ~ ')') %}{% endif -%}
    {%- if scope %}{% do predicates.append(scope) %}{% endif -%}
    {%- if predicates -%}
        {%- set filtered -%}
            (select * from {{ relation }} as dbt_where_source where {{ predicates | join(' and ') }}) {{ relation.identifier if scope else 'dbt_subquery' }}
        {%- endset -%}
        {% do return(filtered) %}
    {%- else -%}
        {% do return(relation) %}
    {%- endif -%}
{%- endmacro %}

{# on-run-end: mark a model's pending rows verified when every generic test attached to it passed here. #}
{% macro incremental_mark_tested(results) -%}
    {%- if execute and target.type != 'spark' -%}
        {%- set status = {} -%}
        {%- for r in results %}{% do status.update({r.node.unique_id: r.status | string}) %}{% endfor -%}
        {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.config.materialized == 'incremental' -%}
            {%- set tests = graph.nodes.values() | selectattr('resource_type', 'equalto', 'test')
                | selectattr('attached_node', 'equalto', node.unique_id) | list -%}
            {%- set failed = [] -%}
            {%- for t in tests if status.get(t.unique_id) not in ('pass', 'warn') %}{% do failed.append(t.unique_id) %}{% endfor -%}
            {%- set state = api.Relation.create(database=node.database, schema=incremental_state_schema(), identifier=node.alias) -%}
            {%- if tests and not failed and incremental_state_exists(node.database, node.alias) -%}
                {%- do run_query("update " ~ state ~ " set fingerprint = '9999-12-31' where item = '__pending_from__'") -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
