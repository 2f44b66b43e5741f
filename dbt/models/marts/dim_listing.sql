select
    symbol,
    listing_name,
    company_id,
    instrument_type,
    exchange,
    market,
    currency,
    ordinary_shares_per_unit,
    benchmark_symbol,
    is_primary_listing,
    description,
    source
from {{ ref('stg_reference__listings') }}
