select
    event_id,
    event_date,
    event_type,
    company_id,
    title,
    description,
    source
from {{ ref('stg_events__events') }}
