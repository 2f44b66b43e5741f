select
    company_id,
    period_end,
    announced_on,
    item,
    value,
    currency,
    source,
    source_kind,
    basis,
    note
from {{ source('balance_sheet', 'balance_sheet') }}
