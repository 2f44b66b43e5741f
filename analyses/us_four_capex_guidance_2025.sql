-- Claim checked: the four US hyperscalers (Microsoft, Alphabet, Amazon, Meta) guided to roughly USD 300bn+ of
-- capex for 2025 (the figure quoted after the January/February 2025 earnings calls).
-- Rows: each company's latest guidance for its 2025 period (var us_four_2025_guidance_periods; Microsoft's fiscal
-- year ends June 2025) in USD; the 'us_four_total' row of fct_capex_guidance (latest guidance of each); and the
-- same total using only guidance announced by 2025-02-28 ('total_as_of_2025-02-28', as the story quoted it).
{%- set periods = var('us_four_2025_guidance_periods') %}
with components as (
    select g.*
    from {{ ref('fct_capex_guidance') }} as g
    where g.row_type = 'company'
      and (
        {%- for company, period in periods.items() %}
        (g.company_id = '{{ company }}' and g.period_label = '{{ period }}'){% if not loop.last %} or{% endif %}
        {%- endfor %}
      )
),

as_of_february as (
    select c.*
    from components as c
    inner join (
        select company_id, max(announced_on) as announced_on
        from components
        where announced_on <= cast('2025-02-28' as date)
        group by company_id
    ) as l
        on l.company_id = c.company_id and l.announced_on = c.announced_on
)

select
    'latest_company' as row_kind,
    company_id,
    period_label,
    announced_on,
    capex_definition,
    low_usd,
    high_usd,
    midpoint_usd,
    cast(null as integer) as companies_in_total
from components
where is_latest

union all

select
    'total_latest' as row_kind,
    company_id,
    period_label,
    announced_on,
    capex_definition,
    low_usd,
    high_usd,
    midpoint_usd,
    companies_in_total
from {{ ref('fct_capex_guidance') }}
where row_type = 'us_four_total'

union all

select
    'total_as_of_2025-02-28' as row_kind,
    'us_four' as company_id,
    '2025' as period_label,
    max(announced_on) as announced_on,
    'as_guided_by_each_company' as capex_definition,
    case when count(*) = {{ periods | length }} then sum(low_usd) end as low_usd,
    case when count(*) = {{ periods | length }} then sum(coalesce(high_usd, low_usd)) end as high_usd,
    case when count(*) = {{ periods | length }} then sum(midpoint_usd) end as midpoint_usd,
    cast(count(*) as integer) as companies_in_total
from as_of_february
