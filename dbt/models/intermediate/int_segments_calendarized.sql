-- Segment revenue and profit per company, fiscal period, segment and metric. Quarterly rows
-- (period_type 'quarter', fiscal_quarter 1-4) are placed on the calendar quarter that contains the
-- midpoint of the fiscal quarter (period_end minus ~45 days): Alibaba FY25Q3 (Oct-Dec 2024) -> 2024Q4.
-- Full-fiscal-year rows (fiscal_quarter 0 in the seeds, period_type 'fiscal_year') are kept with a null
-- calendar quarter: they feed the trailing-twelve-month figure at fiscal year end. Values stay in the
-- reporting currency, in millions.
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
    segment,
    metric,
    value as value_local_m,
    currency,
    basis
from {{ ref('stg_filings__segments_quarterly') }}
