-- Point-in-time trailing-twelve-month (TTM) segment figures, as validity intervals.
-- A period becomes known the day after its announced_on. On every date E on which a new period of a
-- (company, segment, metric) series became known, using only periods announced on or before E:
--   * four_quarters: the latest 4 known quarters (by period end); their sum if they are 4 consecutive
--     calendar quarters in one currency, else null;
--   * fiscal_year: the latest known full-fiscal-year figure, which is itself a TTM at fiscal year end.
-- The TTM is the one ending latest; at equal period ends the reported full-year figure wins (it
-- carries no quarterly rounding). If the latest known quarter ends after the latest full year and the
-- four quarters are incomplete, TTM is null (never a stale year).
-- The row holds from valid_from (announced_on + 1 day) until valid_to (exclusive; null = current).
-- A daily model joins on valid_from <= date and (valid_to is null or date < valid_to).
with periods as (
    select
        company_id, segment, metric, period_type, currency, fiscal_period_label, period_end, announced_on,
        calendar_quarter_index, value_local_m
    from {{ ref('int_segments_calendarized') }}
),

events as (
    select distinct company_id, segment, metric, announced_on as as_of_announced_on
    from periods
),

known_quarters as (
    select
        e.company_id,
        e.segment,
        e.metric,
        e.as_of_announced_on,
        q.fiscal_period_label,
        q.period_end,
        q.calendar_quarter_index,
        q.currency,
        q.value_local_m,
        row_number() over (
            partition by e.company_id, e.segment, e.metric, e.as_of_announced_on
            order by q.period_end desc
        ) as recency
    from events as e
    inner join periods as q
        on q.company_id = e.company_id
        and q.segment = e.segment
        and q.metric = e.metric
        and q.announced_on <= e.as_of_announced_on
        and q.period_type = 'quarter'
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
        max(case when recency = 1 then fiscal_period_label end) as latest_quarter_label,
        max(period_end) as latest_quarter_end,
        sum(value_local_m) as value_sum_local_m
    from known_quarters
    where recency <= 4
    group by company_id, segment, metric, as_of_announced_on
),

known_years as (
    select
        e.company_id,
        e.segment,
        e.metric,
        e.as_of_announced_on,
        y.fiscal_period_label,
        y.period_end,
        y.currency,
        y.value_local_m,
        row_number() over (
            partition by e.company_id, e.segment, e.metric, e.as_of_announced_on
            order by y.period_end desc
        ) as recency
    from events as e
    inner join periods as y
        on y.company_id = e.company_id
        and y.segment = e.segment
        and y.metric = e.metric
        and y.announced_on <= e.as_of_announced_on
        and y.period_type = 'fiscal_year'
),

combined as (
    select
        e.company_id,
        e.segment,
        e.metric,
        e.as_of_announced_on,
        q.quarters_in_window,
        q.latest_quarter_label,
        q.latest_quarter_end,
        case
            when q.quarters_in_window = 4 and q.quarter_span = 3 and q.currencies_in_window = 1
                then q.value_sum_local_m
        end as four_quarter_sum_local_m,
        q.currency as quarter_currency,
        y.fiscal_period_label as latest_year_label,
        y.period_end as latest_year_end,
        y.value_local_m as fiscal_year_local_m,
        y.currency as year_currency,
        y.period_end is not null
            and (q.latest_quarter_end is null or y.period_end >= q.latest_quarter_end) as use_fiscal_year
    from events as e
    left join last_four as q
        on q.company_id = e.company_id and q.segment = e.segment and q.metric = e.metric
        and q.as_of_announced_on = e.as_of_announced_on
    left join known_years as y
        on y.company_id = e.company_id and y.segment = e.segment and y.metric = e.metric
        and y.as_of_announced_on = e.as_of_announced_on and y.recency = 1
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
    case when use_fiscal_year then 'fiscal_year' else 'four_quarters' end as ttm_source,
    case when use_fiscal_year then latest_year_label else latest_quarter_label end as ttm_period_label,
    case when use_fiscal_year then latest_year_end else latest_quarter_end end as ttm_period_end,
    coalesce(quarters_in_window, 0) as quarters_known_in_window,
    case when use_fiscal_year then fiscal_year_local_m else four_quarter_sum_local_m end as ttm_value_local_m,
    case when use_fiscal_year then year_currency else quarter_currency end as currency
from combined
