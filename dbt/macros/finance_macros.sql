{# Finance helpers for the filings side (segments, balance sheet, capex, guidance).
   Engine-specific SQL sits behind adapter.dispatch with a portable default__ implementation. #}

{# ---------------------------------------------------------------- fiscal -> calendar quarter #}

{# The date used to place a fiscal quarter on the calendar: its midpoint, i.e. period_end minus
   ~45 days. Alibaba FY25Q3 (period_end 2024-12-31) -> 2024-11-16 -> 2024Q4; Nvidia Q4 FY25
   (2025-01-26) -> 2024-12-12 -> 2024Q4; Apple Q1 FY25 (2024-12-28) -> 2024Q4. #}
{% macro fiscal_period_midpoint(period_end) -%}
    cast({{ dbt.dateadd('day', -45, period_end) }} as date)
{%- endmacro %}

{# '2024Q4': the calendar quarter containing the midpoint of the fiscal quarter. #}
{% macro calendar_quarter_of_fiscal_period(period_end) -%}
    {{ calendar_quarter_label(fiscal_period_midpoint(period_end)) }}
{%- endmacro %}

{# An integer that increases by one per calendar quarter (year * 4 + quarter - 1), so that
   "the same quarter a year earlier" is index - 4 and consecutive quarters differ by 1. #}
{% macro calendar_quarter_index_of_fiscal_period(period_end) -%}
    {{ calendar_quarter_index(fiscal_period_midpoint(period_end)) }}
{%- endmacro %}

{% macro calendar_quarter_index(date_expr) -%}
    cast(extract(year from {{ date_expr }}) * 4 + extract(quarter from {{ date_expr }}) - 1 as integer)
{%- endmacro %}

{# Inverse of calendar_quarter_index: 8099 -> '2024Q4'. #}
{% macro calendar_quarter_label_from_index(index_expr) -%}
    concat(
        cast(cast(floor(({{ index_expr }}) / 4) as integer) as {{ dbt.type_string() }}),
        'Q',
        cast(cast(({{ index_expr }}) - 4 * floor(({{ index_expr }}) / 4) + 1 as integer) as {{ dbt.type_string() }})
    )
{%- endmacro %}

{# First day of the calendar quarter with this index. #}
{% macro calendar_quarter_start_from_index(index_expr) -%}
    {{ return(adapter.dispatch('calendar_quarter_start_from_index')(index_expr)) }}
{%- endmacro %}

{% macro default__calendar_quarter_start_from_index(index_expr) -%}
    cast(concat(
        cast(cast(floor(({{ index_expr }}) / 4) as integer) as {{ dbt.type_string() }}),
        '-',
        lpad(cast(cast(3 * (({{ index_expr }}) - 4 * floor(({{ index_expr }}) / 4)) + 1 as integer) as {{ dbt.type_string() }}), 2, '0'),
        '-01'
    ) as date)
{%- endmacro %}

{# ---------------------------------------------------------------- arithmetic #}

{# A double-precision float (dbt.type_float() is single precision FLOAT on DuckDB). #}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double')()) }}
{%- endmacro %}

{% macro default__type_double() -%}double{%- endmacro %}

{% macro postgres__type_double() -%}double precision{%- endmacro %}

{# a / b, null when b is null or zero (never an error, never infinity). #}
{% macro safe_divide(numerator, denominator) -%}
    case
        when ({{ denominator }}) is null or ({{ denominator }}) = 0 then null
        else cast({{ numerator }} as {{ type_double() }}) / ({{ denominator }})
    end
{%- endmacro %}

{# Growth rate current / prior - 1, null unless the prior value is positive. #}
{% macro growth_rate(current, prior) -%}
    case
        when ({{ prior }}) is null or ({{ prior }}) <= 0 or ({{ current }}) is null then null
        else cast({{ current }} as {{ type_double() }}) / ({{ prior }}) - 1
    end
{%- endmacro %}

{# Pearson correlation of two columns (aggregate). ANSI SQL:2003 CORR, dispatched in case an
   engine lacks it. #}
{% macro stat_corr(x, y) -%}
    {{ return(adapter.dispatch('stat_corr')(x, y)) }}
{%- endmacro %}

{% macro default__stat_corr(x, y) -%}
    corr({{ x }}, {{ y }})
{%- endmacro %}

{# ---------------------------------------------------------------- rendering vars as SQL #}

{# ['a', 'b'] -> 'a', 'b' (for `in (...)`). #}
{% macro sql_string_list(values) -%}
    {%- for v in values -%}'{{ v }}'{%- if not loop.last -%}, {% endif -%}{%- endfor -%}
{%- endmacro %}

{# A one-column relation from a list, e.g. a scenario grid axis. Portable (select ... union all). #}
{% macro values_relation(values, column_name, data_type) -%}
    {%- for v in values %}
    select cast({{ v }} as {{ data_type }}) as {{ column_name }}{% if not loop.last %} union all{% endif %}
    {%- endfor %}
{%- endmacro %}

{# A two-column relation from a mapping {key: [v1, v2]} or {key: v}. Strings only. #}
{% macro mapping_relation(mapping, key_column, value_column) -%}
    {%- set rows = [] -%}
    {%- for k, vs in mapping.items() -%}
        {%- if vs is string -%}{%- do rows.append((k, vs)) -%}
        {%- else -%}{%- for v in vs -%}{%- do rows.append((k, v)) -%}{%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for k, v in rows %}
    select cast('{{ k }}' as {{ dbt.type_string() }}) as {{ key_column }}, cast('{{ v }}' as {{ dbt.type_string() }}) as {{ value_column }}{% if not loop.last %} union all{% endif %}
    {%- endfor %}
{%- endmacro %}

{# date + n days, as a date (dbt.dateadd returns a timestamp on some engines). #}
{% macro add_days(date_expr, n) -%}
    cast({{ dbt.dateadd('day', n, date_expr) }} as date)
{%- endmacro %}

{# Wall-clock timestamp in zone `to_zone` (a literal IANA name) of a local release date + 'HH:MM' time given in
   the zone named by the column `from_zone_col`. DuckDB (ICU) and Spark differ; dispatched. #}
{% macro release_local_timestamp(date_col, time_col, from_zone_col, to_zone) -%}
    {{ return(adapter.dispatch('release_local_timestamp')(date_col, time_col, from_zone_col, to_zone)) }}
{%- endmacro %}

{% macro default__release_local_timestamp(date_col, time_col, from_zone_col, to_zone) -%}
    ((cast({{ date_col }} as timestamp) + cast({{ time_col }} as time)) at time zone {{ from_zone_col }} at time zone '{{ to_zone }}')
{%- endmacro %}

{% macro duckdb__release_local_timestamp(date_col, time_col, from_zone_col, to_zone) -%}
    timezone('{{ to_zone }}', timezone({{ from_zone_col }}, {{ date_col }} + cast({{ time_col }} as time)))
{%- endmacro %}

{% macro spark__release_local_timestamp(date_col, time_col, from_zone_col, to_zone) -%}
    from_utc_timestamp(to_utc_timestamp(cast(concat(cast({{ date_col }} as string), ' ', {{ time_col }}, ':00') as timestamp), {{ from_zone_col }}), '{{ to_zone }}')
{%- endmacro %}
