-- Segment revenue and profit per company, fiscal period, presentation, segment and metric. Quarterly rows
-- (period_type 'quarter', fiscal_quarter 1-4) are placed on the calendar quarter that contains the
-- midpoint of the fiscal quarter (period_end minus ~45 days): Alibaba FY25Q3 (Oct-Dec 2024) -> 2024Q4.
-- Full-fiscal-year rows (fiscal_quarter 0 in the seeds, period_type 'fiscal_year') are kept with a null
-- calendar quarter: they feed the trailing-twelve-month figure at fiscal year end. Values stay in the
-- reporting currency, in millions.
-- A period can appear once per presentation (segment structure): as first published and as restated under
-- a later structure. `presentation_rank` orders a company's presentations in time (1 = oldest;
-- 'as_reported' rows of companies without dated structures rank 1), `sotp_group` is the sum-of-the-parts
-- group of the segment in its presentation (stg_segment_mapping__segment_mapping; companies without a mapping:
-- 'cloud_ai' for their var cloud_segments, else 'other_operating'), and `is_latest_presentation` marks, per
-- period, segment and metric, the row of the latest presentation (the latest-known restatement; use it for
-- time series that are not point in time).
with segments as (
    select *
    from {{ ref('stg_segments__segments_quarterly') }}
),

mapping as (
    select company_id, presentation, segment, sotp_group, valid_from
    from {{ ref('stg_segment_mapping__segment_mapping') }}
),

presentation_order as (
    select
        company_id,
        presentation,
        row_number() over (partition by company_id order by min(valid_from)) as presentation_rank
    from mapping
    group by company_id, presentation
),

enriched as (
    select
        s.*,
        coalesce(o.presentation_rank, 1) as presentation_rank,
        coalesce(
            m.sotp_group,
            case when s.segment in ({{ sql_string_list(var('cloud_segments')) }}) then 'cloud_ai' else 'other_operating' end
        ) as sotp_group
    from segments as s
    left join mapping as m
        on m.company_id = s.company_id and m.presentation = s.presentation and m.segment = s.segment
    left join presentation_order as o
        on o.company_id = s.company_id and o.presentation = s.presentation
)

select
    company_id,
    fiscal_year,
    fiscal_quarter,
    case when fiscal_quarter = 0 then 'fiscal_year' else 'quarter' end as period_type,
    case
        when fiscal_quarter = 0
            then concat('FY', substring(cast(fiscal_year as {{ dbt.type_string() }}), 3, 2))
        else fiscal_quarter_label
    end as fiscal_period_label,
    period_end,
    announced_on,
    case when fiscal_quarter between 1 and 4 then {{ calendar_quarter_of_fiscal_period('period_end') }} end as calendar_quarter,
    case when fiscal_quarter between 1 and 4 then {{ calendar_quarter_index_of_fiscal_period('period_end') }} end as calendar_quarter_index,
    presentation,
    presentation_rank,
    presentation_rank = max(presentation_rank) over (
        partition by company_id, fiscal_year, fiscal_quarter, segment, metric
    ) as is_latest_presentation,
    segment,
    sotp_group,
    metric,
    value as value_local_m,
    currency,
    basis,
    source_kind
from enriched
