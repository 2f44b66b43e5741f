-- One row per company and fiscal quarter, metrics pivoted to columns, with the calendar quarter the fiscal
-- quarter belongs to: the calendar quarter containing the quarter's midpoint (period_end minus 45 days).
-- Alibaba FY25Q3 (Oct-Dec 2024, ends 2024-12-31) -> 2024Q4; Microsoft FY25Q2 (ends 2024-12-31) -> 2024Q4;
-- Nvidia FY25Q4 (ends 2025-01-26) -> 2024Q4; Apple FY25Q1 (ends 2024-12-28) -> 2024Q4.
with fundamentals as (
    select * from {{ ref('stg_filings__fundamentals_quarterly') }}
),

companies as (
    select company_id, reporting_currency, fiscal_year_end_month
    from {{ ref('stg_reference__companies') }}
),

pivoted as (
    select
        company_id,
        fiscal_year,
        fiscal_quarter,
        max(fiscal_quarter_label) as fiscal_quarter_label,
        max(period_end) as period_end,
        -- one announcement per quarter; if rows disagree, the latest date is the safe point-in-time choice
        max(announced_on) as announced_on,
        max(case when metric = 'revenue_m' then value end) as revenue_m,
        max(case when metric = 'net_income_gaap_m' then value end) as net_income_gaap_m,
        max(case when metric = 'net_income_adjusted_m' then value end) as net_income_adjusted_m,
        max(case when metric = 'eps_diluted_gaap' then value end) as eps_diluted_gaap,
        max(case when metric = 'eps_diluted_adjusted' then value end) as eps_diluted_adjusted,
        max(case when metric = 'diluted_shares_m' then value end) as diluted_shares_m,
        max(case when metric = 'shares_outstanding_m' then value end) as shares_outstanding_m,
        -- currency of the money figures (share counts carry none)
        max(case when metric not in ('diluted_shares_m', 'shares_outstanding_m') then currency end) as currency,
        count(distinct case when metric not in ('diluted_shares_m', 'shares_outstanding_m') then currency end)
            as money_currencies
    from fundamentals
    group by company_id, fiscal_year, fiscal_quarter
)

select
    p.company_id,
    p.fiscal_year,
    p.fiscal_quarter,
    p.fiscal_quarter_label,
    p.fiscal_year * 4 + p.fiscal_quarter as fiscal_quarter_index,
    p.period_end,
    {{ calendar_quarter_label(dbt.dateadd('day', -45, 'p.period_end')) }} as calendar_quarter,
    p.announced_on,
    coalesce(p.currency, c.reporting_currency) as currency,
    p.money_currencies,
    p.revenue_m,
    p.net_income_gaap_m,
    p.net_income_adjusted_m,
    p.eps_diluted_gaap,
    p.eps_diluted_adjusted,
    p.diluted_shares_m,
    p.shares_outstanding_m
from pivoted as p
left join companies as c
    on c.company_id = p.company_id
