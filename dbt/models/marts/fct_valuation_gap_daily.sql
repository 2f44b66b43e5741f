-- One row per day on which Hong Kong or US markets traded, up to the data's as-of date (the last day with a company
-- valuation): trailing P/E of the China and US baskets.
-- One valuation per company, from its primary listing, carried from that listing's last close on or before the
-- day (its own market's calendar) for at most var pe_carry_max_days calendar days (a Hong Kong holiday keeps the
-- previous Hong Kong close, and vice versa; carried companies are counted). Every company of a basket is either
-- in the P/E median (positive trailing earnings), NM (negative trailing earnings: out of the median, counted, and
-- kept in the loss-maker-inclusive aggregates) or missing (no earnings, market value or recent close: counted).
-- Aggregates that keep loss-makers: the median earnings yield (earnings / price) and the cap-weighted harmonic
-- P/E (sum of market values / sum of trailing earnings, i.e. the basket's own P/E).
{%- set baskets = {'cn': 'china', 'us': 'us'} %}

with primary_rows as (
    select
        v.company_id, v.date, v.pe_ttm_gaap, v.pe_ttm_adjusted, v.pe_ttm_gaap_status, v.pe_ttm_gaap_method,
        v.earnings_yield_ttm_gaap, v.earnings_yield_ttm_adjusted, v.market_cap_usd
    from {{ ref('int_listing_valuation_daily') }} as v
    where v.is_primary_listing
      and v.company_id is not null
      and v.traded_close is not null
),

-- the data's as-of date: the last day a company of either basket has a valuation of its own (later days carry
-- index and ETF prices only, with every company missing, and are left out)
as_of as (
    select max(date) as as_of_date
    from primary_rows
    where earnings_yield_ttm_gaap is not null
),

days as (
    select distinct c.date
    from {{ ref('int_trading_calendar') }} as c
    cross join as_of as a
    where c.market in ('HK', 'US')
      and c.date <= a.as_of_date
),

companies as (
    select company_id, basket
    from {{ ref('dim_company') }}
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
        c.pe_source_date < c.date as is_carried,
        p.pe_ttm_gaap,
        p.pe_ttm_adjusted,
        p.pe_ttm_gaap_status,
        p.pe_ttm_gaap_method,
        p.earnings_yield_ttm_gaap,
        p.market_cap_usd
    from carried as c
    left join primary_rows as p
        on p.company_id = c.company_id and p.date = c.pe_source_date
        -- a close older than the carry limit is not used: the company counts as missing that day
        and {{ dbt.datediff('c.pe_source_date', 'c.date', 'day') }} <= {{ var('pe_carry_max_days') }}
),

medians as (
    select
        date,
        {%- for prefix, basket in baskets.items() %}
        {{ market_median("case when basket = '" ~ basket ~ "' then pe_ttm_gaap end") }} as {{ prefix }}_median_pe_ttm_gaap,
        {{ market_median("case when basket = '" ~ basket ~ "' then pe_ttm_adjusted end") }} as {{ prefix }}_median_pe_ttm_adjusted,
        count(case when basket = '{{ basket }}' then pe_ttm_gaap end) as {{ prefix }}_companies_covered,
        count(case when basket = '{{ basket }}' then pe_ttm_adjusted end) as {{ prefix }}_companies_covered_adjusted,
        count(case when basket = '{{ basket }}' then 1 end) as {{ prefix }}_companies_in_basket,
        count(case when basket = '{{ basket }}' and pe_ttm_gaap_status = 'nm_negative_earnings' then 1 end) as {{ prefix }}_companies_nm,
        count(case when basket = '{{ basket }}' and pe_ttm_gaap is not null and pe_ttm_gaap_method = 'market_value_over_net_income' then 1 end)
            as {{ prefix }}_companies_pe_from_net_income,
        count(case when basket = '{{ basket }}' and is_carried and earnings_yield_ttm_gaap is not null then 1 end)
            as {{ prefix }}_companies_carried,
        {{ market_median("case when basket = '" ~ basket ~ "' then earnings_yield_ttm_gaap end") }} as {{ prefix }}_median_earnings_yield_gaap,
        count(case when basket = '{{ basket }}' then earnings_yield_ttm_gaap end) as {{ prefix }}_companies_in_earnings_yield,
        -- cap-weighted harmonic P/E = sum of market values / sum of earnings (market value x earnings yield);
        -- exact decimal sums, so a rerun on the same seeds gives the same last bits (parallel float sums do not)
        {{ market_positive_ratio(
            market_exact_sum("case when basket = '" ~ basket ~ "' and earnings_yield_ttm_gaap is not null and market_cap_usd is not null then market_cap_usd end"),
            market_exact_sum("case when basket = '" ~ basket ~ "' and earnings_yield_ttm_gaap is not null and market_cap_usd is not null then market_cap_usd * earnings_yield_ttm_gaap end")) }}
            as {{ prefix }}_pe_harmonic_cap_weighted_gaap{{ ',' if not loop.last }}
        {%- endfor %}
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
    {%- for prefix in baskets %}
    coalesce(m.{{ prefix }}_companies_in_basket, 0) as {{ prefix }}_companies_in_basket,
    coalesce(m.{{ prefix }}_companies_nm, 0) as {{ prefix }}_companies_nm,
    coalesce(m.{{ prefix }}_companies_in_basket, 0) - coalesce(m.{{ prefix }}_companies_covered, 0)
        - coalesce(m.{{ prefix }}_companies_nm, 0) as {{ prefix }}_companies_missing,
    coalesce(m.{{ prefix }}_companies_pe_from_net_income, 0) as {{ prefix }}_companies_pe_from_net_income,
    coalesce(m.{{ prefix }}_companies_carried, 0) as {{ prefix }}_companies_carried,
    concat(
        'median of ', cast(coalesce(m.{{ prefix }}_companies_covered, 0) as {{ dbt.type_string() }}),
        ' of ', cast(coalesce(m.{{ prefix }}_companies_in_basket, 0) as {{ dbt.type_string() }}),
        ' (', cast(coalesce(m.{{ prefix }}_companies_nm, 0) as {{ dbt.type_string() }}), ' NM, ',
        cast(coalesce(m.{{ prefix }}_companies_in_basket, 0) - coalesce(m.{{ prefix }}_companies_covered, 0)
            - coalesce(m.{{ prefix }}_companies_nm, 0) as {{ dbt.type_string() }}), ' missing)'
    ) as {{ prefix }}_median_label,
    m.{{ prefix }}_median_earnings_yield_gaap,
    coalesce(m.{{ prefix }}_companies_in_earnings_yield, 0) as {{ prefix }}_companies_in_earnings_yield,
    m.{{ prefix }}_pe_harmonic_cap_weighted_gaap,
    {%- endfor %}
    -- a basket median is reliable when it covers at least var median_min_companies companies
    coalesce(m.cn_companies_covered, 0) >= {{ var('median_min_companies') }} as cn_median_is_reliable,
    coalesce(m.us_companies_covered, 0) >= {{ var('median_min_companies') }} as us_median_is_reliable,
    coalesce(m.cn_companies_covered_adjusted, 0) >= {{ var('median_min_companies') }} as cn_median_adjusted_is_reliable,
    coalesce(m.us_companies_covered_adjusted, 0) >= {{ var('median_min_companies') }} as us_median_adjusted_is_reliable
from days as d
left join medians as m
    on m.date = d.date
