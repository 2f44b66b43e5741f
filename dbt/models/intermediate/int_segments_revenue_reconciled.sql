-- Segment revenue summed per company, fiscal period (quarter or full fiscal year) and presentation, next to
-- group revenue, for the identity "segment revenue (incl. inter-segment elimination) = group revenue".
-- The expected segments are those of the presentation with a revenue line (stg_segment_mapping__segment_mapping,
-- reports_revenue), for the companies of var segment_reconciliation_companies (whose mapping lists every
-- segment; a company mapping only its cloud segment, or without a mapping, is not reconciled). Meaningful only where every
-- expected segment is present: `all_segments_present`. Group revenue of a fiscal year is the sum of its four
-- quarters from fundamentals (null unless all four are present).
with expected as (
    select company_id, presentation, segment
    from {{ ref('stg_segment_mapping__segment_mapping') }}
    where reports_revenue
      and company_id in ({{ sql_string_list(var('segment_reconciliation_companies')) }})
),

expected_count as (
    select company_id, presentation, count(*) as segments_expected
    from expected
    group by company_id, presentation
),

segment_revenue as (
    select
        s.company_id,
        s.fiscal_year,
        s.fiscal_quarter,
        s.presentation,
        s.period_type,
        s.fiscal_period_label,
        s.currency,
        count(e.segment) as segments_present,
        sum(s.value_local_m) as segment_revenue_sum_local_m
    from {{ ref('int_segments_calendarized') }} as s
    inner join expected as e
        on s.company_id = e.company_id and s.presentation = e.presentation and s.segment = e.segment
    where s.metric = 'revenue_m'
    group by
        s.company_id, s.fiscal_year, s.fiscal_quarter, s.presentation, s.period_type, s.fiscal_period_label,
        s.currency
),

quarterly_group_revenue as (
    select company_id, fiscal_year, fiscal_quarter, currency, value as group_revenue_local_m
    from {{ ref('stg_fundamentals__fundamentals_quarterly') }}
    where metric = 'revenue_m' and fiscal_quarter between 1 and 4
),

group_revenue as (
    select company_id, fiscal_year, fiscal_quarter, currency, group_revenue_local_m
    from quarterly_group_revenue
    union all
    select company_id, fiscal_year, 0 as fiscal_quarter, currency, sum(group_revenue_local_m) as group_revenue_local_m
    from quarterly_group_revenue
    group by company_id, fiscal_year, currency
    having count(distinct fiscal_quarter) = 4
)

select
    r.company_id,
    r.fiscal_year,
    r.fiscal_quarter,
    r.presentation,
    r.period_type,
    r.fiscal_period_label,
    r.currency,
    r.segments_present,
    c.segments_expected,
    r.segments_present = c.segments_expected as all_segments_present,
    r.segment_revenue_sum_local_m,
    g.group_revenue_local_m,
    r.segment_revenue_sum_local_m - g.group_revenue_local_m as difference_local_m
from segment_revenue as r
inner join expected_count as c
    on r.company_id = c.company_id and r.presentation = c.presentation
left join group_revenue as g
    on r.company_id = g.company_id
    and r.fiscal_year = g.fiscal_year
    and r.fiscal_quarter = g.fiscal_quarter
    and r.currency = g.currency
