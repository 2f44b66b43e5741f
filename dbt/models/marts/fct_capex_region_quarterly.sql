-- US and China capex per calendar quarter on the ONE common definition (var capex_common_definition,
-- int_capex_common_definition; never a company's headline figure), USD at the quarter-average rate, completeness flags, like-for-like year-on-year growth, and on the China rows
-- the estimated lag (in quarters) of China's capex curve behind the US one with its correlation and
-- number of pairs (method: int_capex_region_lag).
with region as (
    select *
    from {{ ref('int_capex_region_quarterly') }}
),

best_lag as (
    select lag_quarters, correlation, n_pairs
    from {{ ref('int_capex_region_lag') }}
    where is_best_lag
),

lag_summary as (
    select
        max(n_pairs) as max_pairs_any_lag
    from {{ ref('int_capex_region_lag') }}
)

select
    r.region,
    r.calendar_quarter,
    r.calendar_quarter_index,
    r.capex_definition,
    r.companies_expected,
    r.companies_reporting,
    r.is_complete,
    r.missing_companies,
    r.capex_usd_reported,
    r.capex_usd,
    r.companies_in_yoy,
    r.capex_yoy_growth,
    case when r.region = 'china' then b.lag_quarters end as china_lag_vs_us_quarters,
    case when r.region = 'china' then b.correlation end as china_lag_correlation,
    case when r.region = 'china' then coalesce(b.n_pairs, s.max_pairs_any_lag) end as china_lag_n_pairs
from region as r
left join best_lag as b
    on 1 = 1
cross join lag_summary as s
