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

{# Event study: the windows of var('event_windows') as rows (window_name, window_start_offset, window_end_offset). #}
{% macro market_event_windows() -%}
    {% for w in var('event_windows') %}
    select
        '{{ market_event_window_name(w[0], w[1]) }}' as window_name,
        {{ w[0] }} as window_start_offset,
        {{ w[1] }} as window_end_offset
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
{%- endmacro %}

{# Event study: per event, listing and window, how many other catalysts have their day 0 for the same listing
   inside the window (`day0`: a relation or CTE with event_id, symbol, day0_index; `windows`: market_event_windows()). #}
{% macro market_event_overlaps(day0, windows) -%}
    select d.event_id, d.symbol, w.window_name, count(o.event_id) as overlapping_events
    from {{ day0 }} as d
    cross join {{ windows }} as w
    left join {{ day0 }} as o
        on o.symbol = d.symbol and o.event_id <> d.event_id
       and o.day0_index between d.day0_index + w.window_start_offset and d.day0_index + w.window_end_offset
    group by d.event_id, d.symbol, w.window_name
{%- endmacro %}


{# As-of lookup: every row of `left` (all its columns) plus `asof_date`, the latest `right_date` of `right`
   with the same key on or before the row's `left_date` (strictly before when `strict`); null when there is
   none or the key is null. `left` and `right` are relation or CTE names; (right_key, right_date) must be
   unique in `right`. Join `right` back on (key, asof_date) for its other columns. Replaces a range join or
   a join to every earlier row + max(), which meet every earlier row of the key. #}
{% macro market_asof(left, left_key, left_date, right, right_key, right_date, strict=false) -%}
    {{ return(adapter.dispatch('market_asof')(left, left_key, left_date, right, right_key, right_date, strict)) }}
{%- endmacro %}

{# Portable: left keys and right dates in one stream per key, the right rows sorted before the left rows of
   the same date (after them when strict); a running max of the right dates gives the match. #}
{% macro default__market_asof(left, left_key, left_date, right, right_key, right_date, strict=false) -%}
    select l.*, m.asof_date
    from {{ left }} as l
    left join (
        select asof_key, asof_on, asof_kind,
            max(asof_right_date) over (
                partition by asof_key order by asof_on, asof_kind rows between unbounded preceding and current row
            ) as asof_date
        from (
            select distinct {{ left_key }} as asof_key, {{ left_date }} as asof_on, {{ 0 if strict else 1 }} as asof_kind,
                cast(null as date) as asof_right_date
            from {{ left }}
            where {{ left_key }} is not null
            union all
            select {{ right_key }}, {{ right_date }}, {{ 1 if strict else 0 }}, {{ right_date }}
            from {{ right }}
            where {{ right_key }} is not null
        ) as s
    ) as m
        on m.asof_key = l.{{ left_key }} and m.asof_on = l.{{ left_date }} and m.asof_kind = {{ 0 if strict else 1 }}
{%- endmacro %}

{% macro duckdb__market_asof(left, left_key, left_date, right, right_key, right_date, strict=false) -%}
    select l.*, r.asof_date
    from {{ left }} as l
    asof left join (select {{ right_key }} as asof_key, {{ right_date }} as asof_date from {{ right }}) as r
        on r.asof_key = l.{{ left_key }} and l.{{ left_date }} {{ '>' if strict else '>=' }} r.asof_date
{%- endmacro %}

{# Sum of a float expression that is the same bit for bit on every run: each value is rounded to 18 decimals
   and summed as an exact decimal (integer arithmetic is associative, so a parallel aggregation's order does
   not matter), then cast back to double. For returns and their products (|x| < 10^20), portable. #}
{% macro market_exact_sum(expr) -%}
    cast(sum(cast({{ expr }} as decimal(38, 18))) as double)
{%- endmacro %}

{# The non-null values of `measure` joined by `delimiter_text` in sorted order; NULL when there are none.
   dbt's listagg ignores the order on Spark and returns '' for nothing, so both are made explicit here. #}
{% macro sorted_listagg(measure, delimiter_text) -%}
    {{ return(adapter.dispatch('sorted_listagg')(measure, delimiter_text)) }}
{%- endmacro %}

{% macro default__sorted_listagg(measure, delimiter_text) -%}
    nullif({{ dbt.listagg(measure, delimiter_text, "order by " ~ measure) }}, '')
{%- endmacro %}

{% macro spark__sorted_listagg(measure, delimiter_text) -%}
    nullif(array_join(array_sort(collect_list({{ measure }})), {{ delimiter_text }}), '')
{%- endmacro %}
