-- Market-model event study (MacKinlay 1997) per catalyst, company listing, benchmark view and window.
-- CAR = sum of the daily abnormal returns (int_event_abnormal_returns) over the window's L trading days;
-- its variance under the null is L x s^2 (s^2: estimation-window residual variance; the estimation error of
-- alpha and beta is ignored, MacKinlay eq. 14 for large estimation windows); t = CAR / sqrt(L s^2).
-- Null, with null_reason, when the estimate or a day of the window is missing; nothing is filled.
with ar as (
    select * from {{ ref('int_event_abnormal_returns') }}
),

windows as (
    {{ market_event_windows() }}
),

model as (
    -- one row per event, listing and view: the estimate and its inputs
    select
        event_id, symbol, basket, market, benchmark_view, benchmark_symbol,
        max(estimation_days_available) as estimation_days_available,
        max(estimation_days) as estimation_days,
        max(alpha) as alpha,
        max(beta) as beta,
        max(residual_variance) as residual_variance
    from ar
    group by event_id, symbol, basket, market, benchmark_view, benchmark_symbol
),

day0 as (
    select event_id, symbol, day0_index, day0_date, day0_timing_basis from {{ ref('int_event_day0') }}
),

returns_span as (
    select symbol, max(day_index) as last_day_index from {{ ref('int_returns_total_daily') }} group by symbol
),

windowed as (
    select
        a.event_id,
        a.symbol,
        a.benchmark_view,
        w.window_name,
        min(a.date) as start_date,
        max(a.date) as end_date,
        count(a.abnormal_return) as days_with_abnormal_return,
        {{ market_exact_sum('a.abnormal_return') }} as car,
        exp({{ market_exact_sum('ln(1 + a.return_1d)') }}) - 1 as cumulative_return,
        exp({{ market_exact_sum('ln(1 + a.benchmark_return)') }}) - 1 as benchmark_cumulative_return,
        count(a.return_1d) as days_with_return,
        count(a.benchmark_return) as days_with_benchmark_return
    from ar as a
    inner join windows as w
        on a.period = 'event' and a.relative_day between w.window_start_offset and w.window_end_offset
    group by a.event_id, a.symbol, a.benchmark_view, w.window_name
),

overlapping as (
    -- other catalysts whose day 0 for the same listing falls inside this window
    {{ market_event_overlaps('day0', 'windows') }}
),

assembled as (
    select
        m.event_id,
        m.symbol,
        m.basket,
        m.market,
        m.benchmark_view,
        m.benchmark_symbol,
        w.window_name,
        w.window_start_offset,
        w.window_end_offset,
        w.window_end_offset - w.window_start_offset + 1 as window_days,
        d.day0_date,
        d.day0_timing_basis,
        x.start_date,
        x.end_date,
        m.estimation_days_available,
        m.estimation_days,
        m.alpha,
        m.beta,
        sqrt(m.residual_variance) as residual_sd,
        coalesce(x.days_with_abnormal_return, 0) as days_with_abnormal_return,
        x.car as car_sum,
        x.cumulative_return,
        x.benchmark_cumulative_return,
        x.days_with_return,
        x.days_with_benchmark_return,
        coalesce(o.overlapping_events, 0) as overlapping_events,
        d.day0_index + w.window_end_offset > rs.last_day_index as runs_past_data
    from model as m
    cross join windows as w
    inner join day0 as d
        on d.event_id = m.event_id and d.symbol = m.symbol
    inner join returns_span as rs
        on rs.symbol = m.symbol
    left join windowed as x
        on x.event_id = m.event_id and x.symbol = m.symbol and x.benchmark_view = m.benchmark_view
       and x.window_name = w.window_name
    left join overlapping as o
        on o.event_id = m.event_id and o.symbol = m.symbol and o.window_name = w.window_name
)

select
    event_id,
    symbol,
    basket,
    market,
    benchmark_view,
    benchmark_symbol,
    window_name,
    window_start_offset,
    window_end_offset,
    window_days,
    day0_date,
    day0_timing_basis,
    start_date,
    end_date,
    estimation_days,
    alpha,
    beta,
    residual_sd,
    case when days_with_abnormal_return = window_days then cumulative_return end as cumulative_return,
    case when days_with_abnormal_return = window_days then benchmark_cumulative_return end as benchmark_cumulative_return,
    case when days_with_abnormal_return = window_days then car_sum end as car,
    case when days_with_abnormal_return = window_days then sqrt(window_days) * residual_sd end as car_standard_error,
    case when days_with_abnormal_return = window_days and residual_sd > 0
        then car_sum / (sqrt(window_days) * residual_sd) end as car_t_stat,
    overlapping_events,
    overlapping_events > 0 as is_overlapping,
    case
        when estimation_days is null and estimation_days_available = 0
            then 'no benchmark return in the estimation window (benchmark series missing there)'
        when estimation_days is null
            then 'fewer than ' || cast({{ var('event_estimation_min_days') }} as {{ dbt.type_string() }}) || ' estimation days with both returns'
        when runs_past_data then 'window runs past the data'
        when days_with_abnormal_return < window_days and days_with_return = window_days
            then 'benchmark return missing on a day of the window (benchmark series ended or not trading)'
        when days_with_abnormal_return < window_days then 'listing return missing on a day of the window'
    end as null_reason
from assembled
