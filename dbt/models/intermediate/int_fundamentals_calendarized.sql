-- One row per company and fiscal quarter, metrics pivoted to columns, with the calendar quarter the fiscal
-- quarter belongs to: the calendar quarter containing the quarter's midpoint (period_end minus 45 days).
-- Alibaba FY25Q3 (Oct-Dec 2024, ends 2024-12-31) -> 2024Q4; Microsoft FY25Q2 (ends 2024-12-31) -> 2024Q4;
-- Nvidia FY25Q4 (ends 2025-01-26) -> 2024Q4; Apple FY25Q1 (ends 2024-12-28) -> 2024Q4.
-- Point in time: announced_on is the release date of the earnings calendar (seeds/earnings_calendar) where the
-- company's quarter is in it, else the family's own date; known_from is the first date a valuation may use
-- the quarter: the first session, on every market the company lists on (var market_open_local), that opens
-- after the release - the release date itself when the release came before that market's open in its own
-- zone, the next day otherwise or when no time is stated (so a release after the Hong Kong close counts in
-- Hong Kong from the next session; a company listed in both markets takes the later of the two).
with fundamentals as (
    select * from {{ ref('stg_fundamentals__fundamentals_quarterly') }}
),

companies as (
    select company_id, reporting_currency, fiscal_year_end_month
    from {{ ref('stg_reference__companies') }}
),

calendar as (
    select company_id, fiscal_year, fiscal_quarter, release_date, release_time, release_timezone
    from {{ ref('stg_earnings_calendar__earnings_calendar') }}
),

company_markets as (
    select distinct company_id, market
    from {{ ref('stg_reference__listings') }}
    where company_id is not null
      and market in ({{ sql_string_list(var('market_open_local').keys() | list) }})
),

-- first date each market can react, per released quarter; the latest over the company's markets
release_sessions as (
    select
        c.company_id,
        c.fiscal_year,
        c.fiscal_quarter,
        max(case
            when c.release_time is null or m.market is null then {{ add_days('c.release_date', 1) }}
            {%- for market, cfg in var('market_open_local').items() %}
            {%- set local_ts = release_local_timestamp('c.release_date', 'c.release_time', 'c.release_timezone', cfg.timezone) %}
            {%- set open_minutes = (cfg.time.split(':')[0] | int) * 60 + (cfg.time.split(':')[1] | int) %}
            when m.market = '{{ market }}' then
                case
                    when hour({{ local_ts }}) * 60 + minute({{ local_ts }}) < {{ open_minutes }}
                        then cast({{ local_ts }} as date)
                    else {{ add_days('cast(' ~ local_ts ~ ' as date)', 1) }}
                end
            {%- endfor %}
        end) as known_from
    from calendar as c
    left join company_markets as m
        on m.company_id = c.company_id
    group by c.company_id, c.fiscal_year, c.fiscal_quarter
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
    coalesce(cal.release_date, p.announced_on) as announced_on,
    coalesce(rs.known_from, {{ add_days('coalesce(cal.release_date, p.announced_on)', 1) }}) as known_from,
    p.announced_on as family_announced_on,
    cal.release_date as calendar_release_date,
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
left join calendar as cal
    on cal.company_id = p.company_id and cal.fiscal_year = p.fiscal_year and cal.fiscal_quarter = p.fiscal_quarter
left join release_sessions as rs
    on rs.company_id = p.company_id and rs.fiscal_year = p.fiscal_year and rs.fiscal_quarter = p.fiscal_quarter
