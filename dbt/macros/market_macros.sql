{# Macros for the market side (prices, FX, fundamentals, valuation). Engine-specific SQL is
   dispatched (`adapter.dispatch`) with an ANSI `default__` so the models can later build on Spark. #}

{# Integers 0 .. 10^digits - 1 from a cross join of digits: a portable row generator (no generate_series). #}
{% macro market_integers(digits=5) -%}
    {{ return(adapter.dispatch('market_integers')(digits)) }}
{%- endmacro %}

{% macro default__market_integers(digits=5) -%}
    select
        {% for i in range(digits) -%}
        d{{ i }}.n * {{ 10 ** i }}{% if not loop.last %} + {% endif %}
        {%- endfor %} as n
    from
        {% for i in range(digits) -%}
        (select 0 as n union all select 1 union all select 2 union all select 3 union all select 4
         union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) as d{{ i }}
        {%- if not loop.last %} cross join {% endif %}
        {% endfor %}
{%- endmacro %}

{# Whole days since 1970-01-01: an integer to order windows by with a RANGE frame (portable). #}
{% macro market_day_number(date_expr) -%}
    {{ dbt.datediff("cast('1970-01-01' as date)", date_expr, 'day') }}
{%- endmacro %}

{# The Friday of the Monday-to-Sunday week containing the date (1970-01-05 was a Monday). #}
{% macro market_week_ending(date_expr) -%}
    {{ dbt.dateadd('day', '4 - (' ~ dbt.datediff("cast('1970-01-05' as date)", date_expr, 'day') ~ ' - 7 * floor(' ~ dbt.datediff("cast('1970-01-05' as date)", date_expr, 'day') ~ ' / 7))', date_expr) }}
{%- endmacro %}

{# Median of a column as an aggregate. #}
{% macro market_median(expr) -%}
    {{ return(adapter.dispatch('market_median')(expr)) }}
{%- endmacro %}

{% macro default__market_median(expr) -%}
    percentile_cont(0.5) within group (order by {{ expr }})
{%- endmacro %}

{% macro duckdb__market_median(expr) -%}
    median({{ expr }})
{%- endmacro %}

{% macro spark__market_median(expr) -%}
    percentile({{ expr }}, 0.5)
{%- endmacro %}

{# Ratio that is null (never infinite or negative) unless the denominator is positive. #}
{% macro market_positive_ratio(numerator, denominator) -%}
    case when ({{ denominator }}) > 0 then ({{ numerator }}) / ({{ denominator }}) end
{%- endmacro %}

{# Window name for an event window: [-1, 1] -> 'm1_p1', [0, 5] -> 'p0_p5'. #}
{% macro market_event_window_name(start_offset, end_offset) -%}
    {%- set s = ('m' ~ (-start_offset)) if start_offset < 0 else ('p' ~ start_offset) -%}
    {%- set e = ('m' ~ (-end_offset)) if end_offset < 0 else ('p' ~ end_offset) -%}
    {{- s ~ '_' ~ e -}}
{%- endmacro %}
