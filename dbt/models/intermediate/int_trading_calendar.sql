-- One row per market (HK, US) and trading day: a day on which any listing, fund or index of that market has
-- a real (non-placeholder) price. Each market keeps its own holidays.
with market_days as (
    select distinct l.market, p.date
    from {{ ref('int_prices_traded_daily') }} as p
    inner join {{ ref('stg_reference__listings') }} as l
        on l.symbol = p.symbol
),

numbered as (
    select
        market,
        date,
        {{ market_week_ending('date') }} as week_ending,
        row_number() over (partition by market order by date) as trading_day_number,
        lag(date) over (partition by market order by date) as previous_trading_date,
        lead(date) over (partition by market order by date) as next_trading_date
    from market_days
)

select
    market,
    date,
    cast(week_ending as date) as week_ending,
    trading_day_number,
    previous_trading_date,
    next_trading_date,
    -- last trading day of its Monday-Friday week in this market (Thursday when Friday is a holiday)
    coalesce(next_trading_date > week_ending, true) as is_last_trading_day_of_week,
    max(date) over (partition by market) as last_calendar_date
from numbered
