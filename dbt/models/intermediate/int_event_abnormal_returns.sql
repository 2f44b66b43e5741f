-- Market-model abnormal returns (MacKinlay 1997, "Event studies in economics and finance", JEL 35(1)) per
-- catalyst, company listing and benchmark view, one row per trading day of the listing in the estimation
-- window (period 'estimation', var('event_estimation_window') relative to day 0, int_event_day0) and in the
-- event window (period 'event': from the earliest to the latest offset of var('event_windows')).
-- R = the listing's daily return (total return where dividends are recorded, int_returns_total_daily);
-- M = the benchmark's return measured from the same base date to the same end date as R: on the benchmark's
-- own closes on exactly those two dates when it trades in the listing's market, or, for a Hong Kong line
-- against a US index, on the index's last closes before each of the two Hong Kong dates (at most 4 calendar
-- days before; nothing is filled beyond that). OLS on the estimation days where R and M exist:
-- beta = (n Sxy - Sx Sy) / (n Sxx - Sx^2), alpha = (Sy - beta Sx) / n, residual variance
-- s^2 = sum(e^2) / (n - 2); abnormal return AR = R - alpha - beta M, on estimation days too (residuals, for
-- the cross-correlation of the clustering-robust test in fct_ai_event_caar). Sums are exact decimal sums
-- (market_exact_sum), so reruns give the same bits.
{% set est = var('event_estimation_window') %}
{% set wins = var('event_windows') %}
{% set ev_from = wins | map('first') | min %}
{% set ev_to = wins | map('last') | max %}
with views as (
    {% set vrows = [] %}
    {% for view, mapping in var('event_study_benchmarks').items() %}
        {% for key, bench in mapping.items() %}
            {% do vrows.append((view, key.split('_')[0], key.split('_')[1], bench)) %}
        {% endfor %}
    {% endfor %}
    {% for v in vrows %}
    select '{{ v[0] }}' as benchmark_view, '{{ v[1] }}' as basket, '{{ v[2] }}' as market, '{{ v[3] }}' as benchmark_symbol
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

listings as (
    select l.symbol, l.market, l.instrument_type, c.basket
    from {{ ref('stg_reference__listings') }} as l
    inner join {{ ref('stg_reference__companies') }} as c
        on c.company_id = l.company_id
    where l.instrument_type in ('ordinary_share', 'ads')
),

listing_views as (
    select l.symbol, l.market, l.basket, v.benchmark_view, v.benchmark_symbol, bl.market as benchmark_market
    from listings as l
    inner join views as v
        on v.basket = l.basket and v.market = l.market
    inner join {{ ref('stg_reference__listings') }} as bl
        on bl.symbol = v.benchmark_symbol
),

returns as (
    select symbol, date, day_index, return_1d, return_index, unknown_returns_to_date
    from {{ ref('int_returns_total_daily') }}
),

day0 as (
    select event_id, symbol, day0_index, day0_date from {{ ref('int_event_day0') }}
),

framed as (
    -- the listing's days in the estimation and event windows of each event and view
    select
        d.event_id,
        lv.symbol,
        lv.basket,
        lv.benchmark_view,
        lv.benchmark_symbol,
        lv.benchmark_market,
        lv.market,
        r.day_index - d.day0_index as relative_day,
        case when r.day_index - d.day0_index < {{ ev_from }} then 'estimation' else 'event' end as period,
        r.date,
        r.return_1d,
        p.date as previous_date
    from day0 as d
    inner join listing_views as lv
        on lv.symbol = d.symbol
    inner join returns as r
        on r.symbol = d.symbol
       and (r.day_index - d.day0_index between {{ est[0] }} and {{ est[1] }}
            or r.day_index - d.day0_index between {{ ev_from }} and {{ ev_to }})
    left join returns as p
        on p.symbol = r.symbol and p.day_index = r.day_index - 1
),

benchmark_dates as (
    select distinct benchmark_symbol, date as listing_date from framed
    union
    select distinct benchmark_symbol, previous_date from framed where previous_date is not null
),

benchmark_asof as (
    -- the benchmark's last close strictly before each listing date (used across time zones)
    {{ market_asof('benchmark_dates', 'benchmark_symbol', 'listing_date', 'returns', 'symbol', 'date', strict=true) }}
),

benchmark_matched as (
    select
        b.benchmark_symbol,
        b.listing_date,
        same.return_index as same_day_index,
        same.unknown_returns_to_date as same_day_unknown,
        prior.return_index as prior_index,
        prior.unknown_returns_to_date as prior_unknown,
        b.asof_date as prior_date
    from benchmark_asof as b
    left join returns as same
        on same.symbol = b.benchmark_symbol and same.date = b.listing_date
    left join returns as prior  -- noqa: AM08
        on prior.symbol = b.benchmark_symbol and prior.date = b.asof_date  -- noqa: PRS
       and b.asof_date >= cast({{ dbt.dateadd('day', -4, 'b.listing_date') }} as date)
),

with_benchmark as (
    select
        f.*,
        case
            when f.benchmark_market = f.market and be.same_day_unknown = bb.same_day_unknown
                then be.same_day_index / bb.same_day_index - 1
            when f.benchmark_market <> f.market and be.prior_unknown = bb.prior_unknown
                then be.prior_index / bb.prior_index - 1
        end as benchmark_return
    from framed as f
    left join benchmark_matched as be
        on be.benchmark_symbol = f.benchmark_symbol and be.listing_date = f.date
    left join benchmark_matched as bb
        on bb.benchmark_symbol = f.benchmark_symbol and bb.listing_date = f.previous_date
),

sums as (
    select
        event_id,
        symbol,
        benchmark_view,
        count(*) as n,
        {{ market_exact_sum('benchmark_return') }} as sx,
        {{ market_exact_sum('return_1d') }} as sy,
        {{ market_exact_sum('benchmark_return * benchmark_return') }} as sxx,
        {{ market_exact_sum('benchmark_return * return_1d') }} as sxy
    from with_benchmark
    where period = 'estimation' and return_1d is not null and benchmark_return is not null
    group by event_id, symbol, benchmark_view
),

coefficients as (
    select
        event_id,
        symbol,
        benchmark_view,
        n,
        case when n * sxx - sx * sx > 0 then (n * sxy - sx * sy) / (n * sxx - sx * sx) end as beta,
        sx,
        sy
    from sums
    where n >= {{ var('event_estimation_min_days') }}
),

fitted as (
    select
        c.event_id,
        c.symbol,
        c.benchmark_view,
        c.n as estimation_days,
        (c.sy - c.beta * c.sx) / c.n as alpha,
        c.beta
    from coefficients as c
    where c.beta is not null
),

residual_variance as (
    select
        w.event_id,
        w.symbol,
        w.benchmark_view,
        {{ market_exact_sum('(w.return_1d - f.alpha - f.beta * w.benchmark_return) * (w.return_1d - f.alpha - f.beta * w.benchmark_return)') }}
            / (max(f.estimation_days) - 2) as residual_variance
    from with_benchmark as w
    inner join fitted as f
        on f.event_id = w.event_id and f.symbol = w.symbol and f.benchmark_view = w.benchmark_view
    where w.period = 'estimation' and w.return_1d is not null and w.benchmark_return is not null
    group by w.event_id, w.symbol, w.benchmark_view
),

estimation_counts as (
    select event_id, symbol, benchmark_view, count(*) as estimation_days_available
    from with_benchmark
    where period = 'estimation' and return_1d is not null and benchmark_return is not null
    group by event_id, symbol, benchmark_view
)

select
    w.event_id,
    w.symbol,
    w.basket,
    w.market,
    w.benchmark_view,
    w.benchmark_symbol,
    w.period,
    w.relative_day,
    w.date,
    w.previous_date,
    w.return_1d,
    w.benchmark_return,
    coalesce(ec.estimation_days_available, 0) as estimation_days_available,
    f.estimation_days,
    f.alpha,
    f.beta,
    rv.residual_variance,
    w.return_1d - f.alpha - f.beta * w.benchmark_return as abnormal_return
from with_benchmark as w
left join fitted as f
    on f.event_id = w.event_id and f.symbol = w.symbol and f.benchmark_view = w.benchmark_view
left join residual_variance as rv
    on rv.event_id = w.event_id and rv.symbol = w.symbol and rv.benchmark_view = w.benchmark_view
left join estimation_counts as ec
    on ec.event_id = w.event_id and ec.symbol = w.symbol and ec.benchmark_view = w.benchmark_view
