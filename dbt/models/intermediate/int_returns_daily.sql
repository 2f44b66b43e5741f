-- Price returns and 52-week range per listing and trading day, on the traded (unadjusted) close.
-- Price returns exclude dividends (benchmarks are price indices too). The 52-week window is calendar-based:
-- closes from the same date 364 days earlier up to the day (ordered by day number, portable RANGE frame).
with prices as (
    select
        symbol,
        date,
        traded_close,
        {{ market_day_number('date') }} as day_number
    from {{ ref('int_prices_traded_daily') }}
    where traded_close is not null
),

windowed as (
    select
        symbol,
        date,
        traded_close,
        lag(traded_close, 1) over (partition by symbol order by date) as close_1d_before,
        lag(traded_close, 5) over (partition by symbol order by date) as close_5d_before,
        max(traded_close) over (
            partition by symbol order by day_number range between 364 preceding and current row
        ) as high_52w_close,
        min(traded_close) over (
            partition by symbol order by day_number range between 364 preceding and current row
        ) as low_52w_close,
        min(day_number) over (partition by symbol) as first_day_number,
        day_number
    from prices
)

select
    symbol,
    date,
    traded_close,
    traded_close / close_1d_before - 1 as return_1d,
    traded_close / close_5d_before - 1 as return_5d,
    -- null until the listing has a full 52 weeks of history
    case when day_number - first_day_number >= 364 then high_52w_close end as high_52w_close,
    case when day_number - first_day_number >= 364 then low_52w_close end as low_52w_close,
    case when day_number - first_day_number >= 364 then 1 - traded_close / high_52w_close end as pct_below_52w_high,
    case when day_number - first_day_number >= 364 then traded_close / low_52w_close - 1 end as pct_above_52w_low
from windowed
