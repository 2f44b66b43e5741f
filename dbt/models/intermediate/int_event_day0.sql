-- Day 0 of each catalyst for each listing: the first session of the listing's market that could react to it,
-- i.e. its first trading day whose close comes after the event. Times are compared in hours since
-- 1970-01-01 UTC (portable integer arithmetic): event = local date and time - the event's UTC offset; a
-- session closes at 16:00 local, i.e. 08:00 UTC in Hong Kong and 20:00 UTC (US daylight saving time,
-- var('us_dst_periods')) or 21:00 UTC in New York. An event without a reported time is placed at
-- var('event_time_assumed_when_unknown') local time (midday: a Chinese release on date D reaches Hong Kong
-- on D and New York on D; a US one on D reaches New York on D and Hong Kong on D + 1 session). Example:
-- Alibaba's results of 2025-02-20 came after the Hong Kong close (16:00 HKT = 08:00 UTC), so Hong Kong day 0
-- is 2025-02-21 and US day 0 is 2025-02-20 (close 21:00 UTC).
{% set assumed = var('event_time_assumed_when_unknown') %}
with events as (
    select
        event_id,
        event_date,
        timing_basis,
        {{ market_day_number('event_date') }} * 24
        + case
            when event_time_local is not null
                then cast(substring(event_time_local, 1, 2) as integer) + cast(substring(event_time_local, 4, 2) as integer) / 60.0
            else {{ assumed.split(':')[0] | int }} + {{ assumed.split(':')[1] | int }} / 60.0
        end
        - coalesce(event_utc_offset_hours, 8) as event_hour_utc
    from {{ ref('stg_events__events') }}
),

listings as (
    select symbol, market from {{ ref('stg_reference__listings') }}
),

sessions as (
    select
        r.symbol,
        r.date,
        r.day_index,
        l.market,
        {{ market_day_number('r.date') }} * 24
        + case
            when l.market = 'HK' then 8
            when l.market = 'US' and (
                {% for p in var('us_dst_periods') %}
                (r.date >= cast('{{ p[0] }}' as date) and r.date < cast('{{ p[1] }}' as date)){% if not loop.last %} or {% endif %}
                {% endfor %}
            ) then 20
            else 21
        end as close_hour_utc
    from {{ ref('int_returns_total_daily') }} as r
    inner join listings as l
        on l.symbol = r.symbol
),

span as (
    select symbol, min(date) as first_date, max(date) as last_date from sessions group by symbol
),

first_session as (
    select e.event_id, s.symbol, min(s.day_index) as day0_index
    from events as e
    inner join sessions as s
        on s.close_hour_utc > e.event_hour_utc
       and s.date >= cast({{ dbt.dateadd('day', -1, 'e.event_date') }} as date)
    group by e.event_id, s.symbol
)

select
    e.event_id,
    e.event_date,
    f.symbol,
    s.market,
    f.day0_index,
    s.date as day0_date,
    e.timing_basis as day0_timing_basis
from first_session as f
inner join events as e
    on e.event_id = f.event_id
inner join sessions as s
    on s.symbol = f.symbol and s.day_index = f.day0_index
inner join span as sp
    on sp.symbol = f.symbol
-- a close before the event must exist (day 0 is not the first day of the series)
where f.day0_index > 1
