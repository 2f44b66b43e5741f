-- Per catalyst, listing and window: cumulative return, market-adjusted abnormal return against the listing's
-- benchmark, and the market-model CAR with its standard error and t-statistic (fitted view of
-- fct_ai_event_study's method, computed from int_event_abnormal_returns). Windows come from var('event_windows')
-- in trading days on the listing's own calendar (vendor placeholder days are not sessions); day 0 is the first
-- session of the listing's market that closes after the event (int_event_day0: event time and time zone);
-- window [a, b] runs from the close of day a-1 to the close of day b. Returns are total returns where the
-- listing's dividends are recorded, price returns otherwise (return_basis). The benchmark is measured between
-- the same two dates, on its own closes on exactly those dates (null when it has none: nothing is filled).
with listings as (
    select symbol, benchmark_symbol from {{ ref('dim_listing') }}
),

windows as (
    {{ market_event_windows() }}
),

prices as (
    select symbol, date, day_index, return_index, unknown_returns_to_date, return_basis, dividend_record_status
    from {{ ref('int_returns_total_daily') }}
),

event_day as (
    select event_id, symbol, day0_index, day0_date from {{ ref('int_event_day0') }}
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
        pb.return_basis,
        coalesce(pe.dividend_record_status, pb.dividend_record_status) as dividend_record_status,
        case when pe.unknown_returns_to_date = pb.unknown_returns_to_date
            then pe.return_index / pb.return_index - 1 end as cumulative_return
    from framed as f
    left join prices as pb
        on pb.symbol = f.symbol and pb.day_index = f.base_index
    left join prices as ps
        on ps.symbol = f.symbol and ps.day_index = f.start_index
    left join prices as pe
        on pe.symbol = f.symbol and pe.day_index = f.end_index
),

market_model as (
    select
        a.event_id,
        a.symbol,
        w.window_name,
        w.window_end_offset - w.window_start_offset + 1 as window_days,
        count(a.abnormal_return) as days_with_abnormal_return,
        {{ market_exact_sum('a.abnormal_return') }} as car,
        max(a.residual_variance) as residual_variance,
        max(a.benchmark_symbol) as benchmark_symbol
    from {{ ref('int_event_abnormal_returns') }} as a
    inner join windows as w
        on a.period = 'event' and a.relative_day between w.window_start_offset and w.window_end_offset
    where a.benchmark_view = 'fitted'
    group by a.event_id, a.symbol, w.window_name, w.window_start_offset, w.window_end_offset
),

overlapping as (
    -- other catalysts whose day 0 for the same listing falls inside this window
    {{ market_event_overlaps('event_day', 'windows') }}
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
    m.return_basis,
    m.dividend_record_status,
    m.cumulative_return,
    l.benchmark_symbol,
    bb.return_index is not null and be.return_index is not null as has_benchmark,
    case when be.unknown_returns_to_date = bb.unknown_returns_to_date
        then be.return_index / bb.return_index - 1 end as benchmark_return,
    m.cumulative_return
        - case when be.unknown_returns_to_date = bb.unknown_returns_to_date then be.return_index / bb.return_index - 1 end
        as abnormal_return,
    mm.benchmark_symbol as market_model_benchmark_symbol,
    case when mm.days_with_abnormal_return = mm.window_days then mm.car end as car_market_model,
    case when mm.days_with_abnormal_return = mm.window_days then sqrt(mm.window_days * mm.residual_variance) end
        as car_standard_error,
    case when mm.days_with_abnormal_return = mm.window_days and mm.residual_variance > 0
        then mm.car / sqrt(mm.window_days * mm.residual_variance) end as car_t_stat,
    coalesce(o.overlapping_events, 0) > 0 as is_overlapping
from measured as m
inner join listings as l
    on l.symbol = m.symbol
left join prices as bb
    on bb.symbol = l.benchmark_symbol and bb.date = m.base_date
left join prices as be
    on be.symbol = l.benchmark_symbol and be.date = m.end_date
left join market_model as mm
    on mm.event_id = m.event_id and mm.symbol = m.symbol and mm.window_name = m.window_name
left join overlapping as o
    on o.event_id = m.event_id and o.symbol = m.symbol and o.window_name = m.window_name
