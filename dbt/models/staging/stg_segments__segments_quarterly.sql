select
    company_id,
    fiscal_year,
    fiscal_quarter,
    {{ fiscal_quarter_label('fiscal_year', 'fiscal_quarter') }} as fiscal_quarter_label,
    period_end,
    announced_on,
    presentation,
    segment,
    metric,
    value,
    currency,
    source,
    source_kind,
    basis,
    note
from {{ source('segments', 'segments_quarterly') }}
