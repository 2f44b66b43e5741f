select
    company_id,
    period_label,
    period_start,
    period_end,
    announced_on,
    low as low_local_m,
    high as high_local_m,
    currency,
    definition as capex_definition,
    guidance_kind,
    source,
    source_kind,
    basis,
    note
from {{ source('guidance', 'guidance') }}
