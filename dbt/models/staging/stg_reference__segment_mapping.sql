-- Dated segment structures: one row per company, presentation and reported segment, with the
-- sum-of-the-parts group the segment counts in. valid_from / valid_to are results days: a presentation is
-- in force for a date D when valid_from < D and (valid_to is null or D <= valid_to), i.e. from the day after
-- the first release published under it (the same "known from the day after" rule as every announced figure).
select
    company_id,
    presentation,
    valid_from,
    valid_to,
    segment,
    segment_name,
    sotp_group,
    reports_revenue,
    source,
    source_kind,
    basis,
    note
from {{ source('segment_mapping', 'segment_mapping') }}
