-- One row per calendar day and quote currency: units of quote currency per 1 USD in force on that day.
-- As-of rule: the last rate observed on or before the day (never a later one), carried forward over at
-- most var('fx_max_fill_days') calendar days; beyond that the rate is null. USD is added with rate 1.
{% set max_fill_days = var('fx_max_fill_days') %}

with observed as (
    select quote_currency, date, rate
    from {{ ref('stg_fx__fx_daily') }}
    where base_currency = 'USD'
),

bounds as (
    -- The calendar runs from the first observation to the last price date (or the last FX date, whichever
    -- is later), so days past the last FX observation show a null rate once the fill bound is exceeded.
    select
        fx.first_date,
        case when px.last_price_date > fx.last_fx_date then px.last_price_date else fx.last_fx_date end as last_date
    from (select min(date) as first_date, max(date) as last_fx_date from observed) as fx
    cross join (select max(date) as last_price_date from {{ ref('stg_prices__prices_daily') }}) as px
),

days as (
    select cast({{ dbt.dateadd('day', 'i.n', 'b.first_date') }} as date) as date
    from ({{ market_integers(5) }}) as i
    cross join bounds as b
    where i.n <= {{ dbt.datediff('b.first_date', 'b.last_date', 'day') }}
),

currencies as (
    select distinct quote_currency from observed
),

grid as (
    select c.quote_currency, d.date
    from currencies as c
    cross join days as d
),

with_source as (
    select
        g.quote_currency,
        g.date,
        -- latest observation date on or before this day (running max over ascending days: no look-ahead)
        max(o.date) over (
            partition by g.quote_currency order by g.date rows between unbounded preceding and current row
        ) as last_observed_date
    from grid as g
    left join observed as o
        on o.quote_currency = g.quote_currency and o.date = g.date
),

filled as (
    select
        w.date,
        w.quote_currency,
        {{ dbt.datediff('w.last_observed_date', 'w.date', 'day') }} as fill_days,
        w.last_observed_date,
        o.rate as last_observed_rate
    from with_source as w
    left join observed as o
        on o.quote_currency = w.quote_currency and o.date = w.last_observed_date
)

select
    date,
    quote_currency,
    case when fill_days <= {{ max_fill_days }} then last_observed_rate end as usd_rate,
    case when fill_days <= {{ max_fill_days }} then last_observed_date end as source_date,
    case when fill_days <= {{ max_fill_days }} then fill_days end as fill_days,
    coalesce(fill_days > 0 and fill_days <= {{ max_fill_days }}, false) as is_filled
from filled

union all

select
    d.date,
    'USD' as quote_currency,
    cast(1.0 as {{ dbt.type_float() }}) as usd_rate,
    d.date as source_date,
    0 as fill_days,
    false as is_filled
from days as d
