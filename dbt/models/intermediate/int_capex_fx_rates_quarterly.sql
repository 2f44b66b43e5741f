-- Quarterly FX used to convert flows (capex, revenue) to USD: the mean of the daily reported rates
-- (units of quote currency per 1 USD) over the calendar quarter, from observed days only (no filled
-- days). Capex is a cash flow accumulated over the quarter, so the period-average rate is the one that
-- matches how the flow was earned/spent (the convention of IAS 21 / ASC 830 for income and cash-flow
-- items). Null (`fx_rate_quarter_avg`) when fewer than var capex_fx_min_days_per_quarter observations.
-- USD itself is included with rate 1 for every quarter that has any FX observation.
with daily as (
    select
        quote_currency,
        date,
        rate,
        {{ calendar_quarter_index('date') }} as calendar_quarter_index
    from {{ ref('stg_fx__fx_daily') }}
    where base_currency = 'USD'
),

quarterly as (
    select
        quote_currency as currency,
        calendar_quarter_index,
        count(*) as fx_days_observed,
        min(date) as first_fx_date,
        max(date) as last_fx_date,
        avg(rate) as mean_rate
    from daily
    group by quote_currency, calendar_quarter_index
),

with_usd as (
    select currency, calendar_quarter_index, fx_days_observed, first_fx_date, last_fx_date, mean_rate
    from quarterly
    union all
    select
        'USD' as currency,
        calendar_quarter_index,
        max(fx_days_observed) as fx_days_observed,
        min(first_fx_date) as first_fx_date,
        max(last_fx_date) as last_fx_date,
        1.0 as mean_rate
    from quarterly
    group by calendar_quarter_index
)

select
    currency,
    calendar_quarter_index,
    {{ calendar_quarter_label_from_index('calendar_quarter_index') }} as calendar_quarter,
    fx_days_observed,
    first_fx_date,
    last_fx_date,
    case
        when currency = 'USD' then 1.0
        when fx_days_observed >= {{ var('capex_fx_min_days_per_quarter') }} then mean_rate
    end as fx_rate_quarter_avg
from with_usd
