{# Engine-specific SQL lives behind adapter.dispatch so the models can later build on Spark. #}

{# A Hong Kong vendor placeholder: no volume and a flat bar. Not a trade. #}
{% macro is_vendor_placeholder_row() -%}
    symbol like '%.HK' and coalesce(volume, 0) = 0 and open = high and high = low and low = close
{%- endmacro %}

{# 'FY25Q3' from fiscal_year 2025 and fiscal_quarter 3. #}
{% macro fiscal_quarter_label(year_col, quarter_col) -%}
    {{ return(adapter.dispatch('fiscal_quarter_label')(year_col, quarter_col)) }}
{%- endmacro %}

{% macro default__fiscal_quarter_label(year_col, quarter_col) -%}
    concat('FY', substring(cast({{ year_col }} as {{ dbt.type_string() }}), 3, 2), 'Q', cast({{ quarter_col }} as {{ dbt.type_string() }}))
{%- endmacro %}

{# '2024Q4' for a date: the calendar quarter the date falls in. #}
{% macro calendar_quarter_label(date_expr) -%}
    {{ return(adapter.dispatch('calendar_quarter_label')(date_expr)) }}
{%- endmacro %}

{% macro default__calendar_quarter_label(date_expr) -%}
    concat(cast(extract(year from {{ date_expr }}) as {{ dbt.type_string() }}), 'Q', cast(extract(quarter from {{ date_expr }}) as {{ dbt.type_string() }}))
{%- endmacro %}
