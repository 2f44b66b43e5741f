-- Claim checked: before the re-rating (on 2025-01-17, the last Friday before DeepSeek-R1 and Qwen 2.5-Max),
-- Alibaba traded at a fraction of the P/E of US big tech.
-- Alibaba's trailing P/E (GAAP and adjusted, on its primary listing BABA) next to the median trailing P/E of the
-- US basket on the same date and the ratio between them; then the individual US companies for context.
{% set as_of = '2025-01-17' %}
with alibaba as (
    select date, symbol, company_id, pe_ttm_gaap, pe_ttm_adjusted
    from {{ ref('fct_listing_valuation_daily') }}
    where company_id = 'alibaba'
      and symbol = 'BABA'
      and date = cast('{{ as_of }}' as date)
),

gap as (
    select date, us_median_pe_ttm_gaap, us_median_pe_ttm_adjusted, us_companies_covered
    from {{ ref('fct_valuation_gap_daily') }}
    where date = cast('{{ as_of }}' as date)
)

select
    'alibaba_vs_us_median' as row_kind,
    a.date,
    a.symbol,
    a.pe_ttm_gaap,
    a.pe_ttm_adjusted,
    g.us_median_pe_ttm_gaap,
    g.us_median_pe_ttm_adjusted,
    a.pe_ttm_gaap / g.us_median_pe_ttm_gaap as alibaba_to_us_median_pe_gaap,
    a.pe_ttm_adjusted / g.us_median_pe_ttm_adjusted as alibaba_to_us_median_pe_adjusted,
    g.us_companies_covered
from alibaba as a
left join gap as g
    on g.date = a.date

union all

select
    'us_company' as row_kind,
    v.date,
    v.symbol,
    v.pe_ttm_gaap,
    v.pe_ttm_adjusted,
    cast(null as {{ type_double() }}) as us_median_pe_ttm_gaap,
    cast(null as {{ type_double() }}) as us_median_pe_ttm_adjusted,
    cast(null as {{ type_double() }}) as alibaba_to_us_median_pe_gaap,
    cast(null as {{ type_double() }}) as alibaba_to_us_median_pe_adjusted,
    cast(null as bigint) as us_companies_covered
from {{ ref('fct_listing_valuation_daily') }} as v
inner join {{ ref('dim_company') }} as c
    on c.company_id = v.company_id
inner join {{ ref('dim_listing') }} as l
    on l.symbol = v.symbol
where c.basket = 'us'
  and l.is_primary_listing
  and v.date = cast('{{ as_of }}' as date)
