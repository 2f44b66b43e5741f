select
    company_id,
    fiscal_year,
    fiscal_quarter,
    {{ fiscal_quarter_label('fiscal_year', 'fiscal_quarter') }} as fiscal_quarter_label,
    period_end,
    release_date,
    release_time,
    release_timezone,
    source,
    source_kind,
    basis,
    note
from {{ source('earnings_calendar', 'earnings_calendar') }}
