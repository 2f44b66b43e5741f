-- Claim checked: the four US hyperscalers (Microsoft, Alphabet, Amazon, Meta) guided to roughly USD 300bn+ of
-- capex for 2025 (the figure quoted after the January/February 2025 earnings calls), point in time.
-- Rows: for each date in var capex_guidance_as_of_dates and for the latest data, each company's guidance IN
-- FORCE on that date (valid_from <= date <= valid_to) and the 'us_four_total' in force on it. Nothing
-- announced after a date is used on that date: on 2025-06-30 the total is 80 (Microsoft FY2025) + 75
-- (Alphabet) + 105.2 (Amazon, a run-rate: 4 x Q4 2024) + 68 (Meta 64-72) = USD 328.2bn; Alphabet's 85 and
-- Meta's 66-72 (July 2025) only count from their own dates (latest: 339.2bn).
{%- set periods = var('us_four_2025_guidance_periods') %}
with guidance as (
    select *
    from {{ ref('fct_capex_guidance') }}
    where (row_type = 'us_four_total')
       or (
        {%- for company, period in periods.items() %}
        (company_id = '{{ company }}' and period_label = '{{ period }}'){% if not loop.last %} or{% endif %}
        {%- endfor %}
       )
),

as_of_dates as (
    {%- for d in var('capex_guidance_as_of_dates') %}
    select cast('{{ d }}' as date) as as_of_date, cast('{{ d }}' as {{ dbt.type_string() }}) as as_of_label
    union all
    {%- endfor %}
    select max(valid_from) as as_of_date, cast('latest' as {{ dbt.type_string() }}) as as_of_label
    from guidance
)

select
    d.as_of_label,
    d.as_of_date,
    g.row_type,
    g.company_id,
    g.period_label,
    g.announced_on,
    g.valid_from,
    g.valid_to,
    g.guidance_kind,
    g.includes_run_rate,
    g.capex_definition,
    g.low_usd,
    g.high_usd,
    g.midpoint_usd,
    g.companies_in_total
from as_of_dates as d
inner join guidance as g
    on g.valid_from <= d.as_of_date
    and (g.valid_to is null or g.valid_to >= d.as_of_date)
order by d.as_of_date, g.row_type, g.company_id
