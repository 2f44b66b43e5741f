-- Claim checked: the China and US basket P/E medians are medians of enough companies to speak for the basket,
-- and loss-makers are counted rather than dropped. Per calendar month from 2023-06: the fewest and most companies
-- in each GAAP median, the most NM (negative trailing earnings) and missing companies, days with a reliable
-- median (var median_min_companies), and the month-end median P/E beside the loss-maker-inclusive aggregates.
with gap as (
    select
        *,
        {{ dbt.date_trunc('month', 'date') }} as month_start,
        row_number() over (partition by {{ dbt.date_trunc('month', 'date') }} order by date desc) as recency
    from {{ ref('fct_valuation_gap_daily') }}
    where date >= cast('2023-06-01' as date)
)

select
    month_start,
    min(cn_companies_covered) as cn_covered_min,
    max(cn_companies_covered) as cn_covered_max,
    max(cn_companies_nm) as cn_nm_max,
    max(cn_companies_missing) as cn_missing_max,
    min(us_companies_covered) as us_covered_min,
    max(us_companies_covered) as us_covered_max,
    max(us_companies_nm) as us_nm_max,
    max(us_companies_missing) as us_missing_max,
    sum(case when cn_median_is_reliable then 1 else 0 end) as cn_reliable_days,
    sum(case when us_median_is_reliable then 1 else 0 end) as us_reliable_days,
    count(*) as days,
    max(case when recency = 1 then cn_median_label end) as cn_month_end_label,
    max(case when recency = 1 then cn_median_pe_ttm_gaap end) as cn_month_end_median_pe,
    max(case when recency = 1 then cn_pe_harmonic_cap_weighted_gaap end) as cn_month_end_harmonic_pe,
    max(case when recency = 1 then us_median_label end) as us_month_end_label,
    max(case when recency = 1 then us_median_pe_ttm_gaap end) as us_month_end_median_pe,
    max(case when recency = 1 then us_pe_harmonic_cap_weighted_gaap end) as us_month_end_harmonic_pe
from gap
group by month_start
order by month_start
