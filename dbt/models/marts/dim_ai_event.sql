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
    timing_basis,
    timing_source,
    source
from {{ ref('stg_events__events') }}
