select
    symbol,
    name as listing_name,
    company_id,
    instrument_type,
    exchange,
    market,
    currency,
    ordinary_shares_per_unit,
    benchmark_symbol,
    is_primary_listing,
    description,
    source,
    basis
from {{ source('reference', 'listings') }}
