select
    date,
    base_currency,
    quote_currency,
    rate,
    source,
    basis
from {{ source('fx', 'fx_daily') }}
