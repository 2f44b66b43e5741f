-- Per catalyst, listing and window: cumulative price return and abnormal return against the benchmark.
-- Windows come from var('event_windows') in trading days on the listing's own calendar: day 0 is the
-- listing's first trading day on or after the event date; window [a, b] runs from the close of day a-1
-- to the close of day b. The benchmark is measured between the same two dates, on its own closes on
-- exactly those dates (null when it has none: nothing is filled).
with events as (
    select event_id, event_date from {{ ref('dim_ai_event') }}
),

listings as (
    select symbol, benchmark_symbol from {{ ref('dim_listing') }}
),

windows as (
    {% for w in var('event_windows') %}
    select
        '{{ market_event_window_name(w[0], w[1]) }}' as window_name,
        {{ w[0] }} as window_start_offset,
        {{ w[1] }} as window_end_offset
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

prices as (
    select
        symbol,
        date,
        traded_close,
        row_number() over (partition by symbol order by date) as day_index
    from {{ ref('int_prices_traded_daily') }}
    where traded_close is not null
),

span as (
    select symbol, min(date) as first_date, max(date) as last_date from prices group by symbol
),

event_listing as (
    -- events inside the listing's price history (a close before day 0)
    select e.event_id, e.event_date, s.symbol
    from events as e
    cross join span as s
    where e.event_date > s.first_date
      and e.event_date <= s.last_date
),

event_previous_close as (
    -- as-of lookup: the listing's last trading day before the event date
    {{ market_asof('event_listing', 'symbol', 'event_date', 'prices', 'symbol', 'date', strict=true) }}
),

event_day as (
    -- day 0 per event and listing: the trading day after the last one before the event date, i.e. the first
    -- on or after it (day_index has no gaps)
    select
        d.event_id,
        d.event_date,
        d.symbol,
        p.day_index + 1 as day0_index
    from event_previous_close as d
    inner join prices as p
        on p.symbol = d.symbol and p.date = d.asof_date
),

framed as (
    select
        d.event_id,
        d.symbol,
        w.window_name,
        w.window_start_offset,
        w.window_end_offset,
        d.day0_index + w.window_start_offset - 1 as base_index,
        d.day0_index + w.window_start_offset as start_index,
        d.day0_index + w.window_end_offset as end_index
    from event_day as d
    cross join windows as w
),

framed_prices as (
    -- only the closes the windows read: one pass over the prices instead of one per lookup
    select p.symbol, p.day_index, p.date, p.traded_close
    from prices as p
    inner join (
        select symbol, base_index as day_index from framed
        union
        select symbol, start_index from framed
        union
        select symbol, end_index from framed
    ) as n
        on n.symbol = p.symbol and n.day_index = p.day_index
),

measured as (
    select
        f.event_id,
        f.symbol,
        f.window_name,
        f.window_start_offset,
        f.window_end_offset,
        pb.date as base_date,
        ps.date as start_date,
        pe.date as end_date,
        pe.traded_close / pb.traded_close - 1 as cumulative_return
    from framed as f
    left join framed_prices as pb
        on pb.symbol = f.symbol and pb.day_index = f.base_index
    left join framed_prices as ps
        on ps.symbol = f.symbol and ps.day_index = f.start_index
    left join framed_prices as pe
        on pe.symbol = f.symbol and pe.day_index = f.end_index
),

benchmark_prices as (
    -- the benchmarks' closes only (a handful of symbols), not every listing's
    select p.symbol, p.date, p.traded_close
    from prices as p
    inner join (select distinct benchmark_symbol from listings) as b
        on b.benchmark_symbol = p.symbol
)

select
    m.event_id,
    m.symbol,
    m.window_name,
    m.window_start_offset,
    m.window_end_offset,
    m.base_date,
    m.start_date,
    m.end_date,
    m.cumulative_return,
    l.benchmark_symbol,
    bb.traded_close is not null and be.traded_close is not null as has_benchmark,
    be.traded_close / bb.traded_close - 1 as benchmark_return,
    m.cumulative_return - (be.traded_close / bb.traded_close - 1) as abnormal_return
from measured as m
inner join listings as l
    on l.symbol = m.symbol
left join benchmark_prices as bb
    on bb.symbol = l.benchmark_symbol and bb.date = m.base_date
left join benchmark_prices as be
    on be.symbol = l.benchmark_symbol and be.date = m.end_date
