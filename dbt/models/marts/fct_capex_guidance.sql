-- Capex guidance per company, period and announcement (row_type 'company'): low, high and midpoint in
-- local currency and in USD at the rate in force on announced_on, with the latest guidance per company
-- and period flagged (is_latest). Plus one row_type 'us_four_total' row (company_id 'us_four',
-- period_label '2025'): the sum of the LATEST guidance of each of the US four for the periods in var
-- us_four_2025_guidance_periods (Microsoft guides by fiscal year to June 2025); null amounts unless all
-- four have guidance. The total adds each company's own definition (e.g. Meta includes finance leases).
{%- set periods = var('us_four_2025_guidance_periods') %}
with guidance as (
    select *
    from {{ ref('int_guidance_capex_usd') }}
),

us_four_members as (
    {{ mapping_relation(periods, 'company_id', 'period_label') }}
),

us_four_latest as (
    select g.*
    from guidance as g
    inner join us_four_members as m
        on m.company_id = g.company_id and m.period_label = g.period_label
    where g.is_latest
),

us_four_total as (
    select
        cast('us_four_total' as {{ dbt.type_string() }}) as row_type,
        cast('us_four' as {{ dbt.type_string() }}) as company_id,
        cast('2025' as {{ dbt.type_string() }}) as period_label,
        min(period_start) as period_start,
        max(period_end) as period_end,
        max(announced_on) as announced_on,
        cast('as_guided_by_each_company' as {{ dbt.type_string() }}) as capex_definition,
        cast('USD' as {{ dbt.type_string() }}) as currency,
        cast(null as {{ type_double() }}) as low_local_m,
        cast(null as {{ type_double() }}) as high_local_m,
        cast(null as {{ type_double() }}) as midpoint_local_m,
        cast(null as {{ type_double() }}) as fx_rate_announced_on,
        case when count(*) = {{ periods | length }} then sum(low_usd) end as low_usd,
        case when count(*) = {{ periods | length }} then sum(coalesce(high_usd, low_usd)) end as high_usd,
        case when count(*) = {{ periods | length }} then sum(midpoint_usd) end as midpoint_usd,
        true as is_latest,
        count(*) as companies_in_total,
        cast('derived' as {{ dbt.type_string() }}) as basis
    from us_four_latest
)

select
    cast('company' as {{ dbt.type_string() }}) as row_type,
    company_id,
    period_label,
    period_start,
    period_end,
    announced_on,
    capex_definition,
    currency,
    low_local_m,
    high_local_m,
    midpoint_local_m,
    fx_rate_announced_on,
    low_usd,
    high_usd,
    midpoint_usd,
    is_latest,
    cast(null as integer) as companies_in_total,
    basis
from guidance

union all

select
    row_type, company_id, period_label, period_start, period_end, announced_on, capex_definition,
    currency, low_local_m, high_local_m, midpoint_local_m, fx_rate_announced_on, low_usd, high_usd,
    midpoint_usd, is_latest, cast(companies_in_total as integer) as companies_in_total, basis
from us_four_total
