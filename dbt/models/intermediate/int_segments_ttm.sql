-- Point-in-time trailing-twelve-month segment figures, as validity intervals.
-- A quarter becomes known the day after its announced_on. For every date on which a new quarter of a
-- (company, segment, metric) series became known, take the latest 4 known quarters (by period end):
-- TTM = their sum if they are 4 consecutive calendar quarters in one currency, else null.
-- The row holds from valid_from (announced_on + 1 day) until the day before the next row's
-- valid_from (valid_to, exclusive; null = still current). A daily model joins on
-- valid_from <= date and (valid_to is null or date < valid_to).
with quarters as (
    select
        company_id, segment, metric, currency, fiscal_quarter_label, period_end, announced_on,
        calendar_quarter_index, value_local_m
    from {{ ref('int_segments_calendarized') }}
),

events as (
    select distinct company_id, segment, metric, announced_on as as_of_announced_on
    from quarters
),

known as (
    select
        e.company_id,
        e.segment,
        e.metric,
        e.as_of_announced_on,
        q.fiscal_quarter_label,
        q.period_end,
        q.calendar_quarter_index,
        q.currency,
        q.value_local_m,
        row_number() over (
            partition by e.company_id, e.segment, e.metric, e.as_of_announced_on
            order by q.period_end desc
        ) as recency
    from events as e
    inner join quarters as q
        on q.company_id = e.company_id
        and q.segment = e.segment
        and q.metric = e.metric
        and q.announced_on <= e.as_of_announced_on
),

last_four as (
    select
        company_id,
        segment,
        metric,
        as_of_announced_on,
        count(*) as quarters_in_window,
        max(calendar_quarter_index) - min(calendar_quarter_index) as quarter_span,
        count(distinct currency) as currencies_in_window,
        max(currency) as currency,
        max(case when recency = 1 then fiscal_quarter_label end) as latest_fiscal_quarter_label,
        max(period_end) as latest_period_end,
        sum(value_local_m) as value_sum_local_m
    from known
    where recency <= 4
    group by company_id, segment, metric, as_of_announced_on
)

select
    company_id,
    segment,
    metric,
    as_of_announced_on,
    {{ add_days('as_of_announced_on', 1) }} as valid_from,
    lead({{ add_days('as_of_announced_on', 1) }}) over (
        partition by company_id, segment, metric order by as_of_announced_on
    ) as valid_to,
    latest_fiscal_quarter_label,
    latest_period_end,
    quarters_in_window,
    quarters_in_window = 4 and quarter_span = 3 and currencies_in_window = 1 as is_complete,
    case
        when quarters_in_window = 4 and quarter_span = 3 and currencies_in_window = 1
            then value_sum_local_m
    end as ttm_value_local_m,
    currency
from last_four
