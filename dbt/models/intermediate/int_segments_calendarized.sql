-- Segment revenue and profit per company, fiscal quarter, segment and metric, placed on the calendar
-- quarter that contains the midpoint of the fiscal quarter (period_end minus ~45 days):
-- Alibaba FY25Q3 (Oct-Dec 2024) -> 2024Q4. Values stay in the reporting currency, in millions.
select
    company_id,
    fiscal_year,
    fiscal_quarter,
    fiscal_quarter_label,
    period_end,
    announced_on,
    {{ calendar_quarter_of_fiscal_period('period_end') }} as calendar_quarter,
    {{ calendar_quarter_index_of_fiscal_period('period_end') }} as calendar_quarter_index,
    segment,
    metric,
    value as value_local_m,
    currency,
    basis
from {{ ref('stg_filings__segments_quarterly') }}
