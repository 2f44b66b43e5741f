-- One row per listing (share, ADS, fund or index) and week. The week's close is the listing's last close of
-- the Monday-Friday week (Thursday when Friday is a holiday in its market). In the last week of a series the
-- close must fall on its market's last trading day of that week, else the return is null (e.g. a benchmark
-- whose vendor series ended mid-week): nothing is filled.
with listings as (
    select symbol, market, benchmark_symbol
    from {{ ref('dim_listing') }}
),

calendar_weeks as (
    select market, week_ending, max(date) as market_last_trading_date, max(last_calendar_date) as last_calendar_date
    from {{ ref('int_trading_calendar') }}
    group by market, week_ending
),

prices as (
    select
        p.symbol,
        p.date,
        p.traded_close,
        cast({{ market_week_ending('p.date') }} as date) as week_ending
    from {{ ref('int_prices_traded_daily') }} as p
    where p.traded_close is not null
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
        max(d.last_trading_date) over (partition by d.symbol) as series_last_date
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
        lag(w.week_close) over (partition by w.symbol order by w.week_ending) as previous_week_close,
        lag(w.last_trading_date) over (partition by w.symbol order by w.week_ending) as previous_trading_date,
        cw.market_last_trading_date,
        w.series_last_date,
        w.week_ending > cw.last_calendar_date as is_partial_week
    from week_last as w
    inner join listings as l
        on l.symbol = w.symbol
    inner join calendar_weeks as cw
        on cw.market = l.market and cw.week_ending = w.week_ending
),

weekly_returns as (
    select
        symbol,
        week_ending,
        last_trading_date,
        previous_trading_date,
        market_last_trading_date,
        is_partial_week,
        week_close,
        case
            when last_trading_date = market_last_trading_date or last_trading_date < series_last_date
                then week_close / previous_week_close - 1
        end as weekly_return
    from weekly
)

select
    r.symbol,
    r.week_ending,
    r.last_trading_date,
    r.previous_trading_date,
    r.is_partial_week,
    r.week_close,
    r.weekly_return,
    l.benchmark_symbol,
    b.last_trading_date as benchmark_last_trading_date,
    b.weekly_return as benchmark_return,
    r.weekly_return - b.weekly_return as excess_return
from weekly_returns as r
inner join listings as l
    on l.symbol = r.symbol
left join weekly_returns as b
    on b.symbol = l.benchmark_symbol and b.week_ending = r.week_ending
