-- One row per company and trading day of its primary listing: company market value from that listing's
-- traded (unadjusted) close and the latest announced share count.
-- Incremental (macros/incremental.sql, keyed by company_id and date): companies whose rows changed upstream
-- are deleted first (pre-hook); then each company's rows after the last date held are written.
{{ config(
    pre_hook="{{ incremental_invalidate(company_market_value_invalid()) }}",
    post_hook="{{ incremental_save_state() }}",
) }}

with primary_rows as (
    {{ company_market_value_rows() }}
)

{% if is_incremental() %},

written as (
    {{ incremental_write_from('select company_id, date from primary_rows') }}
)
{% endif %}

select p.*
from primary_rows as p
{% if is_incremental() %}
inner join written as w
    on w.company_id = p.company_id and p.date >= w.write_from
{% endif %}
