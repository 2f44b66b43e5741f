-- Cumulative average abnormal returns (CAAR) across listings, per catalyst and across all catalysts, by basket
-- (china, us), benchmark view and window, with three test statistics:
--   t_cross_sectional = CAAR / (sd(CAR_i) / sqrt(N))                    (cross-sectional t, Brown-Warner)
--   t_bmp = mean(SCAR_i) x sqrt(N) / sd(SCAR_i), SCAR_i = CAR_i / se_i     (Boehmer, Musumeci, Poulsen 1991)
--   t_kp = t_bmp x sqrt((1 - r) / (1 + (N - 1) r))                        (Kolari, Pynnonen 2010)
-- where r is the average pairwise correlation of the listings' estimation-window residuals (same dates).
-- Listings of one catalyst share its event date, so their abnormal returns are cross-correlated and t_bmp
-- overstates significance; t_kp corrects for it. Across catalysts (scope 'all_events') r is not estimated:
-- catalysts that cluster in time (January-February 2025) make those t-statistics too large; the
-- clustering_caveat column says so. Only listing-windows with a CAR count (null CARs are left out, N says
-- how many remain).
with study as (
    select event_id, symbol, basket, benchmark_view, window_name, car, car_standard_error
    from {{ ref('fct_ai_event_study') }}
    where car is not null and car_standard_error > 0
),

residuals as (
    select event_id, symbol, basket, benchmark_view, date, abnormal_return as residual
    from {{ ref('int_event_abnormal_returns') }}
    where period = 'estimation' and abnormal_return is not null
),

pair_correlations as (
    -- Pearson correlation from exact sums (same bits on every run)
    select a.event_id, a.basket, a.benchmark_view, a.symbol as symbol_a, b.symbol as symbol_b,
           count(*) as n,
           {{ market_exact_sum('a.residual') }} as sa,
           {{ market_exact_sum('b.residual') }} as sb,
           {{ market_exact_sum('a.residual * a.residual') }} as saa,
           {{ market_exact_sum('b.residual * b.residual') }} as sbb,
           {{ market_exact_sum('a.residual * b.residual') }} as sab
    from residuals as a
    inner join residuals as b
        on b.event_id = a.event_id and b.basket = a.basket and b.benchmark_view = a.benchmark_view
       and b.date = a.date and b.symbol > a.symbol
    group by a.event_id, a.basket, a.benchmark_view, a.symbol, b.symbol
),

in_study as (
    -- the pairs whose both listings have a CAR in the window
    select p.event_id, p.basket, p.benchmark_view, s.window_name,
           {{ market_exact_sum('p.residual_correlation') }} / count(p.residual_correlation) as mean_residual_correlation
    from (
        select event_id, basket, benchmark_view, symbol_a, symbol_b,
               case when (n * saa - sa * sa) * (n * sbb - sb * sb) > 0
                   then (n * sab - sa * sb) / sqrt((n * saa - sa * sa) * (n * sbb - sb * sb)) end as residual_correlation
        from pair_correlations
    ) as p
    inner join study as s
        on s.event_id = p.event_id and s.symbol = p.symbol_a and s.benchmark_view = p.benchmark_view
    inner join study as s2
        on s2.event_id = p.event_id and s2.symbol = p.symbol_b and s2.benchmark_view = p.benchmark_view
       and s2.window_name = s.window_name
    group by p.event_id, p.basket, p.benchmark_view, s.window_name
),

per_event as (
    select
        'event' as scope,
        event_id,
        basket,
        benchmark_view,
        window_name,
        count(*) as n_listings,
        {{ market_exact_sum('car') }} as s1,
        {{ market_exact_sum('car * car') }} as s2,
        {{ market_exact_sum('car / car_standard_error') }} as z1,
        {{ market_exact_sum('(car / car_standard_error) * (car / car_standard_error)') }} as z2
    from study
    group by event_id, basket, benchmark_view, window_name
),

all_events as (
    select
        'all_events' as scope,
        cast(null as {{ dbt.type_string() }}) as event_id,
        basket,
        benchmark_view,
        window_name,
        count(*) as n_listings,
        {{ market_exact_sum('car') }} as s1,
        {{ market_exact_sum('car * car') }} as s2,
        {{ market_exact_sum('car / car_standard_error') }} as z1,
        {{ market_exact_sum('(car / car_standard_error) * (car / car_standard_error)') }} as z2
    from study
    group by basket, benchmark_view, window_name
),

stacked as (
    -- means and sample standard deviations from exact sums (same bits on every run)
    select
        scope, event_id, basket, benchmark_view, window_name, n_listings,
        s1 / n_listings as caar,
        case when n_listings >= 2 then sqrt(greatest((s2 - s1 * s1 / n_listings) / (n_listings - 1), 0)) end as car_sd,
        z1 / n_listings as mean_scar,
        case when n_listings >= 2 then sqrt(greatest((z2 - z1 * z1 / n_listings) / (n_listings - 1), 0)) end as scar_sd
    from (
        select * from per_event
        union all
        select * from all_events
    ) as u
)

select
    s.scope,
    s.event_id,
    s.basket,
    s.benchmark_view,
    s.window_name,
    s.n_listings,
    s.caar,
    s.car_sd,
    case when s.n_listings >= 2 and s.car_sd > 0 then s.caar / (s.car_sd / sqrt(s.n_listings)) end as t_cross_sectional,
    s.mean_scar,
    case when s.n_listings >= 2 and s.scar_sd > 0 then s.mean_scar * sqrt(s.n_listings) / s.scar_sd end as t_bmp,
    c.mean_residual_correlation,
    case
        when s.n_listings >= 2 and s.scar_sd > 0 and c.mean_residual_correlation is not null
         and 1 + (s.n_listings - 1) * c.mean_residual_correlation > 0
            then s.mean_scar * sqrt(s.n_listings) / s.scar_sd
                 * sqrt((1 - c.mean_residual_correlation) / (1 + (s.n_listings - 1) * c.mean_residual_correlation))
    end as t_kp,
    case
        when s.scope = 'all_events'
            then 'pools catalysts that cluster in time (Jan-Feb 2025): cross-correlation not corrected, t-statistics overstate significance'
    end as clustering_caveat
from stacked as s
left join in_study as c
    on s.scope = 'event' and c.event_id = s.event_id and c.basket = s.basket
   and c.benchmark_view = s.benchmark_view and c.window_name = s.window_name
