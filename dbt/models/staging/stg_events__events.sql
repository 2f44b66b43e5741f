select
    event_id,
    event_date,
    event_type,
    company_id,
    title,
    description,
    event_time_local,
    event_timezone,
    event_utc_offset_hours,
    coalesce(timing_basis, 'date_only') as timing_basis,
    timing_source,
    source,
    basis
from {{ source('events', 'events') }}
