-- One row per listing (share, ADS, fund or index) and week. The week's close is the listing's last close of
-- the Monday-Friday week (Thursday when Friday is a holiday in its market; vendor placeholder rows of Hong
-- Kong shares are not closes). In the last week of a series the close must fall on its market's last trading
-- day of that week, else the return is null (e.g. a benchmark whose vendor series ended mid-week): nothing is
-- filled. Returns are total returns where the listing's dividends are recorded, price returns otherwise
-- (return_basis; int_returns_total_daily). The benchmark is measured from the same base date to the same end
-- date as the listing (its closes on exactly the listing's previous_trading_date and last_trading_date);
-- when it has no close on either, benchmark and excess returns are null and excess_return_null_reason says why.
-- Incremental (macros/incremental_marts.sql, keyed by symbol and week_ending): a symbol's weeks are deleted
-- from its last week held (a new close may land in it), from its benchmark's last week held when the benchmark
-- has new closes, from a changed week of its market's calendar, or entirely when its or its benchmark's daily
-- rows held changed (pre-hook); then the weeks after the last one held are written.
{{ config(
    pre_hook="{{ incremental_invalidate(weekly_invalid()) }}",
    post_hook="{{ incremental_save_state(weekly_state_items()) }}",
) }}

with listings as (
    select symbol, market, benchmark_symbol
    from {{ ref('dim_listing') }}
),

calendar_weeks as (
    select market, week_ending, max(date) as market_last_trading_date, max(last_calendar_date) as last_calendar_date
    from {{ ref('int_trading_calendar') }}
    group by market, week_ending
),

{% if is_incremental() %}
last_held as (
    -- the last week held per symbol (after invalidation): its last close is the base of the next week
    select t.symbol, t.week_ending, t.last_trading_date
    from {{ this }} as t
    inner join ({{ incremental_watermarks() }}) as w
        on w.symbol = t.symbol and t.week_ending = w.watermark
),
{% endif %}

all_prices as (
    select
        p.symbol,
        p.date,
        p.traded_close,
        p.return_index,
        p.unknown_returns_to_date,
        p.return_basis,
        p.dividend_record_status,
        cast({{ market_week_ending('p.date') }} as date) as week_ending
    from {{ ref('int_returns_total_daily') }} as p
    where p.traded_close is not null
),

prices as (
    -- an incremental run reads each symbol from the last close of its last week held
    select p.*
    from all_prices as p
    {%- if is_incremental() %}
    left join last_held as h
        on h.symbol = p.symbol
    where h.symbol is null or p.date >= h.last_trading_date
    {%- endif %}
),

benchmark_prices as (
    select p.*
    from all_prices as p
    {%- if is_incremental() %}
    -- the benchmark closes the written weeks need are on or after the earliest listing close read
    where p.date >= (select min(date) from prices)
    {%- endif %}
),

series_span as (
    select symbol, max(date) as series_last_date from all_prices group by symbol
),

week_last_date as (
    -- an aggregate, not a window over every price row: the listing's last trading day of each week
    select symbol, week_ending, max(date) as last_trading_date
    from prices
    group by symbol, week_ending
),

week_last as (
    select
        d.symbol,
        d.week_ending,
        d.last_trading_date,
        p.traded_close as week_close,
        p.return_index,
        p.unknown_returns_to_date,
        p.return_basis,
        p.dividend_record_status
    from week_last_date as d
    inner join prices as p
        on p.symbol = d.symbol and p.date = d.last_trading_date
),

weekly as (
    select
        w.symbol,
        w.week_ending,
        w.last_trading_date,
        w.week_close,
        w.return_basis,
        w.dividend_record_status,
        w.return_index,
        w.unknown_returns_to_date,
        lag(w.return_index) over (partition by w.symbol order by w.week_ending) as previous_return_index,
        lag(w.unknown_returns_to_date) over (partition by w.symbol order by w.week_ending) as previous_unknown,
        lag(w.last_trading_date) over (partition by w.symbol order by w.week_ending) as previous_trading_date,
        cw.market_last_trading_date,
        s.series_last_date,
        w.week_ending > cw.last_calendar_date as is_partial_week
    from week_last as w
    inner join listings as l
        on l.symbol = w.symbol
    inner join calendar_weeks as cw
        on cw.market = l.market and cw.week_ending = w.week_ending
    inner join series_span as s
        on s.symbol = w.symbol
),

weekly_returns as (
    select
        symbol,
        week_ending,
        last_trading_date,
        previous_trading_date,
        is_partial_week,
        week_close,
        return_basis,
        dividend_record_status,
        case
            when (last_trading_date = market_last_trading_date or last_trading_date < series_last_date)
             and unknown_returns_to_date = previous_unknown
                then return_index / previous_return_index - 1
        end as weekly_return
    from weekly
),

measured as (
    select
        r.symbol,
        r.week_ending,
        r.last_trading_date,
        r.previous_trading_date,
        r.is_partial_week,
        r.week_close,
        r.return_basis,
        r.dividend_record_status,
        r.weekly_return,
        l.benchmark_symbol,
        bs.series_last_date as benchmark_series_last_date,
        be.date as benchmark_end_date,
        case when be.unknown_returns_to_date = bb.unknown_returns_to_date
            then be.return_index / bb.return_index - 1 end as benchmark_return
    from weekly_returns as r
    inner join listings as l
        on l.symbol = r.symbol
    left join series_span as bs
        on bs.symbol = l.benchmark_symbol
    left join benchmark_prices as bb
        on bb.symbol = l.benchmark_symbol and bb.date = r.previous_trading_date
    left join benchmark_prices as be
        on be.symbol = l.benchmark_symbol and be.date = r.last_trading_date
    {%- if is_incremental() %}
    left join last_held as h
        on h.symbol = r.symbol
    where h.symbol is null or r.week_ending > h.week_ending
    {%- endif %}
)

select
    symbol,
    week_ending,
    last_trading_date,
    previous_trading_date,
    is_partial_week,
    week_close,
    return_basis,
    dividend_record_status,
    weekly_return,
    benchmark_symbol,
    benchmark_end_date as benchmark_last_trading_date,
    benchmark_return,
    weekly_return - benchmark_return as excess_return,
    case
        when benchmark_symbol is null then 'listing has no benchmark'
        when weekly_return is null then 'listing weekly return missing'
        when benchmark_series_last_date is null or benchmark_series_last_date < last_trading_date
            then 'benchmark series ends before the week (vendor data for ' || benchmark_symbol || ' ends '
                 || coalesce(cast(benchmark_series_last_date as {{ dbt.type_string() }}), 'before the data') || ')'
        when benchmark_return is null
            then 'benchmark has no close on the listing''s base or end date'
    end as excess_return_null_reason
from measured
