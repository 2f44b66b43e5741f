-- One row per day on which Hong Kong or US markets traded: median trailing P/E of the China and US baskets.
-- One P/E per company, from its primary listing, carried from that listing's last close on or before the day
-- (its own market's calendar): a Hong Kong holiday keeps the previous Hong Kong close, and vice versa.
with days as (
    select distinct date
    from {{ ref('int_trading_calendar') }}
    where market in ('HK', 'US')
),

companies as (
    select company_id, basket
    from {{ ref('dim_company') }}
),

primary_rows as (
    select v.company_id, v.date, v.pe_ttm_gaap, v.pe_ttm_adjusted
    from {{ ref('int_listing_valuation_daily') }} as v
    where v.is_primary_listing
      and v.company_id is not null
      and v.traded_close is not null
),

grid as (
    select c.company_id, c.basket, d.date
    from companies as c
    cross join days as d
),

carried as (
    select
        g.company_id,
        g.basket,
        g.date,
        -- last primary-listing close on or before the day (running max: never a later close)
        max(p.date) over (
            partition by g.company_id order by g.date rows between unbounded preceding and current row
        ) as pe_source_date
    from grid as g
    left join primary_rows as p
        on p.company_id = g.company_id and p.date = g.date
),

company_pe as (
    select
        c.date,
        c.basket,
        c.company_id,
        p.pe_ttm_gaap,
        p.pe_ttm_adjusted
    from carried as c
    inner join primary_rows as p
        on p.company_id = c.company_id and p.date = c.pe_source_date
),

medians as (
    select
        date,
        {{ market_median("case when basket = 'china' then pe_ttm_gaap end") }} as cn_median_pe_ttm_gaap,
        {{ market_median("case when basket = 'us' then pe_ttm_gaap end") }} as us_median_pe_ttm_gaap,
        {{ market_median("case when basket = 'china' then pe_ttm_adjusted end") }} as cn_median_pe_ttm_adjusted,
        {{ market_median("case when basket = 'us' then pe_ttm_adjusted end") }} as us_median_pe_ttm_adjusted,
        count(case when basket = 'china' then pe_ttm_gaap end) as cn_companies_covered,
        count(case when basket = 'us' then pe_ttm_gaap end) as us_companies_covered,
        count(case when basket = 'china' then pe_ttm_adjusted end) as cn_companies_covered_adjusted,
        count(case when basket = 'us' then pe_ttm_adjusted end) as us_companies_covered_adjusted
    from company_pe
    group by date
)

select
    d.date,
    m.cn_median_pe_ttm_gaap,
    m.us_median_pe_ttm_gaap,
    {{ market_positive_ratio('m.cn_median_pe_ttm_gaap', 'm.us_median_pe_ttm_gaap') }} as cn_to_us_pe_ratio,
    m.cn_median_pe_ttm_adjusted,
    m.us_median_pe_ttm_adjusted,
    {{ market_positive_ratio('m.cn_median_pe_ttm_adjusted', 'm.us_median_pe_ttm_adjusted') }} as cn_to_us_pe_ratio_adjusted,
    coalesce(m.cn_companies_covered, 0) as cn_companies_covered,
    coalesce(m.us_companies_covered, 0) as us_companies_covered,
    coalesce(m.cn_companies_covered_adjusted, 0) as cn_companies_covered_adjusted,
    coalesce(m.us_companies_covered_adjusted, 0) as us_companies_covered_adjusted,
    coalesce(m.cn_companies_covered, 0) >= {{ var('median_min_companies') }} as cn_median_is_reliable,
    coalesce(m.us_companies_covered, 0) >= {{ var('median_min_companies') }} as us_median_is_reliable,
    coalesce(m.cn_companies_covered_adjusted, 0) >= {{ var('median_min_companies') }} as cn_median_adjusted_is_reliable,
    coalesce(m.us_companies_covered_adjusted, 0) >= {{ var('median_min_companies') }} as us_median_adjusted_is_reliable
from days as d
left join medians as m
    on m.date = d.date
