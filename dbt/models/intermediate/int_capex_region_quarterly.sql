{#- Regional capex per calendar quarter (regions and members: var capex_region_companies), every company on
    the ONE common definition (var capex_common_definition, int_capex_common_definition), in USD at the
    quarter-average rate. Headline figures (Meta incl. finance-lease principal, Tencent's accrual additions)
    never enter a regional total.
    * capex_usd_reported sums the companies that have a common-definition figure; capex_usd is that sum only
      when every member has one (is_complete), else null: a missing company never makes a quarter silently low.
    * capex_yoy_growth is like-for-like: the companies with a figure in both this quarter and the same
      quarter a year earlier, sum over sum minus 1, in USD (companies_in_yoy says how many). -#}
{%- set members = [] -%}
{%- for region, companies in var('capex_region_companies').items() -%}
    {%- for company in companies -%}
        {%- do members.append((region, company)) -%}
    {%- endfor -%}
{%- endfor -%}

with members as (
    {%- for region, company in members %}
    select
        cast('{{ region }}' as {{ dbt.type_string() }}) as region,
        cast('{{ company }}' as {{ dbt.type_string() }}) as company_id
    {%- if not loop.last %}
    union all{% endif %}
    {%- endfor %}
),

capex as (
    select company_id, calendar_quarter_index, common_capex_usd as capex_usd
    from {{ ref('int_capex_common_definition') }}
    where common_capex_usd is not null
),

quarters as (
    select distinct c.calendar_quarter_index
    from capex as c
    inner join members as m
        on m.company_id = c.company_id
),

grid as (
    select m.region, m.company_id, q.calendar_quarter_index, c.capex_usd
    from members as m
    cross join quarters as q
    left join capex as c
        on c.company_id = m.company_id
        and c.calendar_quarter_index = q.calendar_quarter_index
),

with_prior as (
    select g.*, p.capex_usd as capex_usd_prior_year
    from grid as g
    left join grid as p
        on p.region = g.region
        and p.company_id = g.company_id
        and p.calendar_quarter_index = g.calendar_quarter_index - 4
),

aggregated as (
    select
        region,
        calendar_quarter_index,
        count(*) as companies_expected,
        count(capex_usd) as companies_reporting,
        sum(capex_usd) as capex_usd_reported,
        {{ sorted_listagg("case when capex_usd is null then company_id end", "';'") }} as missing_companies,
        count(case when capex_usd is not null and capex_usd_prior_year is not null then 1 end) as companies_in_yoy,
        sum(case when capex_usd_prior_year is not null then capex_usd end) as capex_usd_like_for_like,
        sum(case when capex_usd is not null then capex_usd_prior_year end) as capex_usd_prior_year_like_for_like
    from with_prior
    group by region, calendar_quarter_index
)

select
    region,
    calendar_quarter_index,
    {{ calendar_quarter_label_from_index('calendar_quarter_index') }} as calendar_quarter,
    cast('{{ var("capex_common_definition") }}' as {{ dbt.type_string() }}) as capex_definition,
    companies_expected,
    companies_reporting,
    companies_reporting = companies_expected as is_complete,
    missing_companies,
    capex_usd_reported,
    case when companies_reporting = companies_expected then capex_usd_reported end as capex_usd,
    companies_in_yoy,
    case
        when companies_in_yoy > 0 then {{ growth_rate('capex_usd_like_for_like', 'capex_usd_prior_year_like_for_like') }}
    end as capex_yoy_growth
from aggregated
