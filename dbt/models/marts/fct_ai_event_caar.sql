-- Cumulative average abnormal returns (CAAR) across listings, per catalyst and across all catalysts, by basket
-- (china, us), benchmark view and window, with three test statistics:
--   t_cross_sectional = CAAR / (sd(CAR_i) / sqrt(N))                    (cross-sectional t, Brown-Warner)
--   t_bmp = mean(SCAR_i) x sqrt(N) / sd(SCAR_i), SCAR_i = CAR_i / se_i     (Boehmer, Musumeci, Poulsen 1991)
--   t_kp = t_bmp x sqrt((1 - r) / (1 + (N - 1) r))                        (Kolari, Pynnonen 2010)
-- where r is the mean pairwise correlation of the listings' estimation-window residuals, estimated in O(N x T)
-- (no pairs are formed): each listing's residuals are standardised by their own mean and population sd over
-- its estimation dates, z_it; then over the listings with a CAR in the window, per date t, A_t = sum_i z_it,
-- B_t = sum_i z_it^2, m_t = count, and
--   r = sum_t (A_t^2 - B_t) / sum_t (m_t^2 - m_t) = sum_{i<>j} sum_t z_it z_jt / sum_{i<>j} T_ij,
-- the overlap-weighted mean of the pairs' mean products of standardised residuals (T_ij: their common dates).
-- When every listing has residuals on the same dates this is exactly the mean of the pairwise Pearson
-- correlations; otherwise it differs from it in that (a) each listing is standardised over all its own
-- estimation dates, not over the dates it shares with the other listing, and (b) pairs weigh by their common
-- dates instead of equally. Listings whose residuals do not vary (or have fewer than two) are left out.
-- Listings of one catalyst share its event date, so their abnormal returns are cross-correlated and t_bmp
-- overstates significance; t_kp corrects for it. Across catalysts (scope 'all_events') r is not estimated:
-- catalysts that cluster in time (January-February 2025) make those t-statistics too large; the
-- clustering_caveat column says so. Only listing-windows with a CAR count (null CARs are left out, N says
-- how many remain). Sums are exact (market_exact_sum), so every run gives the same bits.
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

residual_moments as (
    -- each listing's estimation-window mean and population variance, from exact sums
    select
        event_id,
        symbol,
        basket,
        benchmark_view,
        {{ market_exact_sum('residual') }} / count(*) as residual_mean,
        ({{ market_exact_sum('residual * residual') }} * count(*) - {{ market_exact_sum('residual') }}
            * {{ market_exact_sum('residual') }}) / (count(*) * count(*)) as residual_variance
    from residuals
    group by event_id, symbol, basket, benchmark_view
),

standardized as (
    select
        r.event_id,
        r.symbol,
        r.basket,
        r.benchmark_view,
        r.date,
        (r.residual - m.residual_mean) / sqrt(m.residual_variance) as z_score
    from residuals as r
    inner join residual_moments as m
        on
            m.event_id = r.event_id
            and m.symbol = r.symbol
            and m.basket = r.basket
            and m.benchmark_view = r.benchmark_view
    where m.residual_variance > 0
),

date_sums as (
    -- per date, over the listings with a CAR in the window: A_t, B_t, m_t
    select
        z.event_id,
        z.basket,
        z.benchmark_view,
        s.window_name,
        z.date,
        {{ market_exact_sum('z.z_score') }} as sum_z,
        {{ market_exact_sum('z.z_score * z.z_score') }} as sum_z2,
        count(*) as n_on_date
    from standardized as z
    inner join study as s
        on
            s.event_id = z.event_id
            and s.symbol = z.symbol
            and s.basket = z.basket
            and s.benchmark_view = z.benchmark_view
    group by z.event_id, z.basket, z.benchmark_view, s.window_name, z.date
),

in_study as (
    -- r = sum_t (A_t^2 - B_t) / sum_t (m_t^2 - m_t): null when no two listings share a date
    select
        event_id,
        basket,
        benchmark_view,
        window_name,
        {{ market_exact_sum('sum_z * sum_z - sum_z2') }}
        / sum(n_on_date * n_on_date - n_on_date) as mean_residual_correlation
    from date_sums
    group by event_id, basket, benchmark_view, window_name
    having sum(n_on_date * n_on_date - n_on_date) > 0
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
