{#- Coverage of the US-China capex comparison. Every member of var capex_region_companies must have a
    common-definition capex figure in USD (int_capex_common_definition.common_capex_usd) for each calendar
    quarter of var capex_coverage_window, except at most var capex_coverage_max_missing_quarters quarters per
    company (`default` for companies not listed). Returns one row per company over its allowance (the test
    fails), listing the missing quarters. -#}
{%- set window = var('capex_coverage_window') -%}
{%- set first = capex_quarter_index_literal(window['first_quarter']) | int -%}
{%- set last = capex_quarter_index_literal(window['last_quarter']) | int -%}
{%- set allowed = var('capex_coverage_max_missing_quarters') -%}
{%- set members = [] -%}
{%- for region, companies in var('capex_region_companies').items() -%}
    {%- for company in companies -%}{%- do members.append(company) -%}{%- endfor -%}
{%- endfor -%}

with members as (
    {%- for company in members | unique %}
    select
        cast('{{ company }}' as {{ dbt.type_string() }}) as company_id,
        {{ allowed.get(company, allowed['default']) }} as max_missing_quarters
    {%- if not loop.last %}
    union all{% endif %}
    {%- endfor %}
),

window_quarters as (
    {{ values_relation(range(first, last + 1) | list, 'calendar_quarter_index', 'integer') }}
),

present as (
    select company_id, calendar_quarter_index
    from {{ ref('int_capex_common_definition') }}
    where common_capex_usd is not null
),

missing as (
    select m.company_id, m.max_missing_quarters, q.calendar_quarter_index
    from members as m
    cross join window_quarters as q
    left join present as p
        on p.company_id = m.company_id
        and p.calendar_quarter_index = q.calendar_quarter_index
    where p.company_id is null
)

select
    company_id,
    max(max_missing_quarters) as max_missing_quarters,
    count(*) as quarters_missing,
    {{ dbt.listagg(calendar_quarter_label_from_index('calendar_quarter_index'), "';'", "order by calendar_quarter_index") }} as missing_quarters
from missing
group by company_id
having count(*) > max(max_missing_quarters)
