{# On Spark the raw tables are the loader's Parquet hand-over ($WAREHOUSE_DIR/spark/raw/<table>.parquet):
   (re)register each as an external table in database `raw` before the models run. Nothing to do on
   DuckDB, where the loader writes schema `raw` itself. Called from on-run-start. #}
{% macro register_raw_sources() -%}
    {{ return(adapter.dispatch('register_raw_sources')()) }}
{%- endmacro %}

{% macro default__register_raw_sources() -%}
    select 1
{%- endmacro %}

{% macro spark__register_raw_sources() -%}
    {%- if execute -%}
        {%- set root = env_var('WAREHOUSE_DIR') ~ '/spark/raw' -%}
        {%- do run_query('create database if not exists raw') -%}
        {%- for src in graph.sources.values() if src.schema == 'raw' -%}
            {%- do run_query('drop table if exists raw.' ~ src.name) -%}
            {%- do run_query("create table raw." ~ src.name ~ " using parquet location '" ~ root ~ "/" ~ src.name ~ ".parquet'") -%}
        {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}
