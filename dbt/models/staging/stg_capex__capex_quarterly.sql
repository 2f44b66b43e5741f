select
    company_id,
    fiscal_year,
    fiscal_quarter,
    {{ fiscal_quarter_label('fiscal_year', 'fiscal_quarter') }} as fiscal_quarter_label,
    period_end,
    announced_on,
    definition as capex_definition,
    value as capex_local_m,
    currency,
    source,
    source_kind,
    basis,
    note
from {{ source('capex', 'capex_quarterly') }}
