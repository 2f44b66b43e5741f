-- Capex guidance, point in time.
-- row_type 'company': every statement per company, period and announcement (low, high, midpoint in local
-- currency and in USD at the rate in force on announced_on), valid from announced_on to the day before the
-- company's next statement for the period (valid_to null = still the latest), labelled by kind (a run-rate
-- and a multi-year plan are not annual outlooks) and annualised over the period's years.
-- row_type 'us_four_total' (company_id 'us_four', period_label '2025'): the US four's 2025 guidance IN FORCE
-- on each date on which any of them changed it (var us_four_2025_guidance_periods; Microsoft guides by fiscal
-- year to June 2025), valid from that date to the day before the next change. A total only ever adds
-- statements made on or before its valid_from (latest_component_announced_on <= valid_from); amounts are
-- null until all four have guidance (companies_in_total); includes_run_rate / run_rate_companies say when a
-- component is a run-rate (Amazon). Each company's own definition (Meta includes finance-lease principal).
{%- set periods = var('us_four_2025_guidance_periods') %}
with guidance as (
    select *
    from {{ ref('int_guidance_capex_usd') }}
),

us_four_members as (
    {{ mapping_relation(periods, 'company_id', 'period_label') }}
),

member_guidance as (
    select g.*
    from guidance as g
    inner join us_four_members as m
        on m.company_id = g.company_id and m.period_label = g.period_label
),

change_points as (
    select distinct valid_from as as_of
    from member_guidance
),

in_force as (
    select cp.as_of, g.*
    from change_points as cp
    inner join member_guidance as g
        on g.valid_from <= cp.as_of
        and (g.valid_to is null or g.valid_to >= cp.as_of)
),

totals as (
    select
        as_of,
        count(*) as companies_in_total,
        min(period_start) as period_start,
        max(period_end) as period_end,
        max(announced_on) as latest_component_announced_on,
        sum(low_usd) as low_usd,
        sum(coalesce(high_usd, low_usd)) as high_usd,
        sum(midpoint_usd) as midpoint_usd,
        max(case when is_run_rate then 1 else 0 end) = 1 as includes_run_rate,
        {{ sorted_listagg("case when is_run_rate then company_id end", "';'") }} as run_rate_companies
    from in_force
    group by as_of
),

us_four_total as (
    select
        cast('us_four_total' as {{ dbt.type_string() }}) as row_type,
        cast('us_four' as {{ dbt.type_string() }}) as company_id,
        cast('2025' as {{ dbt.type_string() }}) as period_label,
        period_start,
        period_end,
        as_of as announced_on,
        as_of as valid_from,
        {{ add_days('lead(as_of) over (order by as_of)', -1) }} as valid_to,
        cast('as_guided_by_each_company' as {{ dbt.type_string() }}) as capex_definition,
        cast('sum_of_us_four' as {{ dbt.type_string() }}) as guidance_kind,
        false as is_run_rate,
        includes_run_rate,
        run_rate_companies,
        false as is_multi_year_plan,
        cast('USD' as {{ dbt.type_string() }}) as currency,
        cast(null as {{ type_double() }}) as low_local_m,
        cast(null as {{ type_double() }}) as high_local_m,
        cast(null as {{ type_double() }}) as midpoint_local_m,
        cast(null as {{ type_double() }}) as fx_rate_announced_on,
        case when companies_in_total = {{ periods | length }} then low_usd end as low_usd,
        case when companies_in_total = {{ periods | length }} then high_usd end as high_usd,
        case when companies_in_total = {{ periods | length }} then midpoint_usd end as midpoint_usd,
        cast(null as {{ type_double() }}) as period_years,
        cast(null as {{ type_double() }}) as annualised_midpoint_usd,
        lead(as_of) over (order by as_of) is null as is_latest,
        cast(companies_in_total as integer) as companies_in_total,
        latest_component_announced_on,
        cast('derived' as {{ dbt.type_string() }}) as basis
    from totals
)

select
    cast('company' as {{ dbt.type_string() }}) as row_type,
    company_id,
    period_label,
    period_start,
    period_end,
    announced_on,
    valid_from,
    valid_to,
    capex_definition,
    guidance_kind,
    is_run_rate,
    is_run_rate as includes_run_rate,
    case when is_run_rate then company_id end as run_rate_companies,
    is_multi_year_plan,
    currency,
    low_local_m,
    high_local_m,
    midpoint_local_m,
    fx_rate_announced_on,
    low_usd,
    high_usd,
    midpoint_usd,
    period_years,
    annualised_midpoint_usd,
    is_latest,
    cast(null as integer) as companies_in_total,
    announced_on as latest_component_announced_on,
    basis
from guidance

union all

select
    row_type, company_id, period_label, period_start, period_end, announced_on, valid_from, valid_to,
    capex_definition, guidance_kind, is_run_rate, includes_run_rate, run_rate_companies, is_multi_year_plan,
    currency, low_local_m, high_local_m, midpoint_local_m, fx_rate_announced_on, low_usd, high_usd, midpoint_usd,
    period_years, annualised_midpoint_usd, is_latest, companies_in_total, latest_component_announced_on, basis
from us_four_total
