{# Capex helpers. Portable SQL only (CASE over literals rendered from dbt vars). #}

{# The capex definition a var mapping {default: d, <company>: d2, ...} assigns to each company, as a
   CASE over the company column: e.g. the headline (var capex_preferred_definition) or the seed
   definition that carries the common definition (var capex_common_definition_source). #}
{% macro capex_definition_for(company_expr, mapping) -%}
    case {{ company_expr }}
    {%- for company, definition in mapping.items() if company != 'default' %}
        when '{{ company }}' then '{{ definition }}'
    {%- endfor %}
        else '{{ mapping["default"] }}'
    end
{%- endmacro %}

{# Calendar-quarter index of a 'YYYYQn' label known at compile time (e.g. a var): 2024Q4 -> 8099. #}
{% macro capex_quarter_index_literal(label) -%}
    {{- (label[:4] | int) * 4 + (label[5:] | int) - 1 -}}
{%- endmacro %}
