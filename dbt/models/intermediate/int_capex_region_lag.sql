-- How many quarters China's capex curve trails the US one: for each lag k in 0..var
-- capex_lag_max_quarters, the Pearson correlation between China's like-for-like year-on-year capex
-- growth in quarter q and the US one in quarter q - k, over the quarters where both exist (n_pairs).
-- The estimate is the k with the highest correlation among lags with at least var capex_lag_min_pairs
-- pairs (is_best_lag). With few quarters of data this is indicative only: read n_pairs.
with growth as (
    select region, calendar_quarter_index, capex_yoy_growth
    from {{ ref('int_capex_region_quarterly') }}
    where capex_yoy_growth is not null
),

lags as (
    {{ values_relation(range(0, var('capex_lag_max_quarters') + 1) | list, 'lag_quarters', 'integer') }}
),

pairs as (
    select
        l.lag_quarters,
        cn.calendar_quarter_index,
        cn.capex_yoy_growth as china_yoy_growth,
        us.capex_yoy_growth as us_yoy_growth_lagged
    from lags as l
    inner join growth as cn
        on cn.region = 'china'
    inner join growth as us
        on us.region = 'us'
        and us.calendar_quarter_index = cn.calendar_quarter_index - l.lag_quarters
),

per_lag as (
    select
        l.lag_quarters,
        count(p.calendar_quarter_index) as n_pairs,
        {{ stat_corr('p.china_yoy_growth', 'p.us_yoy_growth_lagged') }} as correlation
    from lags as l
    left join pairs as p
        on p.lag_quarters = l.lag_quarters
    group by l.lag_quarters
),

eligible as (
    select
        lag_quarters,
        n_pairs,
        case when n_pairs >= {{ var('capex_lag_min_pairs') }} then correlation end as correlation
    from per_lag
)

select
    lag_quarters,
    n_pairs,
    correlation,
    correlation is not null
        and correlation = max(correlation) over ()
        and lag_quarters = min(case when correlation is not null then lag_quarters end) over (partition by correlation) as is_best_lag
from eligible
