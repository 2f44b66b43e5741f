-- Price returns and 52-week range per listing and trading day, on the traded (unadjusted) close.
-- Price returns exclude dividends (benchmarks are price indices too). The 52-week window is calendar-based:
-- closes from the same date 364 days earlier up to the day (ordered by day number, portable RANGE frame).
-- Incremental (macros/incremental.sql): symbols whose traded closes changed are deleted first (pre-hook);
-- each symbol's new rows are computed from a lookback of 52 weeks + a margin (the whole series when that
-- lookback holds fewer than the 5 closes the 5-day return needs) and only the new rows are written.
{{ config(
    pre_hook="{{ incremental_invalidate(returns_daily_invalid()) }}",
    post_hook="{{ incremental_save_state() }}",
) }}

with all_prices as (
    select
        symbol,
        date,
        traded_close,
        {{ market_day_number('date') }} as day_number
    from {{ ref('int_prices_traded_daily') }}
    where traded_close is not null
),

{% if is_incremental() %}
written as (
    {{ incremental_write_from('select symbol, date from all_prices') }}
),

read_from as (
    select
        wr.symbol,
        wr.write_from,
        case
            when count(p.date) >= 5
                then cast({{ dbt.dateadd('day', -incremental_lookback_days(), 'wr.write_from') }} as date)
            else cast('0001-01-01' as date)
        end as read_from
    from written as wr
    left join all_prices as p
        on p.symbol = wr.symbol
       and p.date < wr.write_from
       and p.date >= cast({{ dbt.dateadd('day', -incremental_lookback_days(), 'wr.write_from') }} as date)
    group by wr.symbol, wr.write_from
),
{% endif %}

prices as (
    select p.symbol, p.date, p.traded_close, p.day_number
    from all_prices as p
    {% if is_incremental() %}
    inner join read_from as r
        on r.symbol = p.symbol and p.date >= r.read_from
    {% endif %}
),

series_start as (
    -- over the whole series, also in an incremental run
    select symbol, min(day_number) as first_day_number
    from all_prices
    group by symbol
),

windowed as (
    select
        symbol,
        date,
        traded_close,
        lag(traded_close, 1) over (partition by symbol order by day_number) as close_1d_before,
        lag(traded_close, 5) over (partition by symbol order by day_number) as close_5d_before,
        max(traded_close) over (
            partition by symbol order by day_number range between 364 preceding and current row
        ) as high_52w_close,
        min(traded_close) over (
            partition by symbol order by day_number range between 364 preceding and current row
        ) as low_52w_close,
        day_number
    from prices
)

select
    w.symbol,
    w.date,
    w.traded_close,
    w.traded_close / close_1d_before - 1 as return_1d,
    w.traded_close / close_5d_before - 1 as return_5d,
    -- null until the listing has a full 52 weeks of history
    case when day_number - first_day_number >= 364 then high_52w_close end as high_52w_close,
    case when day_number - first_day_number >= 364 then low_52w_close end as low_52w_close,
    case when day_number - first_day_number >= 364 then 1 - w.traded_close / high_52w_close end as pct_below_52w_high,
    case when day_number - first_day_number >= 364 then w.traded_close / low_52w_close - 1 end as pct_above_52w_low
from windowed as w
inner join series_start as ss
    on ss.symbol = w.symbol
{% if is_incremental() %}
inner join read_from as r
    on r.symbol = w.symbol and w.date >= r.write_from
{% endif %}
