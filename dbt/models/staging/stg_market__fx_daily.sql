select
    date,
    base_currency,
    quote_currency,
    rate,
    source,
    basis
from {{ source('market', 'fx_daily') }}
