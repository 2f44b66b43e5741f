select
    event_id,
    event_date,
    event_type,
    company_id,
    title,
    description,
    source,
    basis
from {{ source('events', 'events') }}
