-- One fact, one place (issue 11.1): for every company with an earnings calendar, each quarterly family's
-- announced_on (fundamentals, segments, capex) is a release date of that company's calendar and is not before
-- the release of its own quarter; a balance sheet is never announced before the release of the quarter it
-- closes (annual-report notes may come later, with the filing). Quarters released before the calendar's first
-- release date and outside it are not checked (the calendar does not reach them). Rows returned are violations.
{{ config(severity=var('coverage_test_severity'), meta={'dagster': {'ref': {'name': 'stg_earnings_calendar__earnings_calendar'}}}) }}

with calendar as (
    select company_id, period_end, release_date
    from {{ ref('stg_earnings_calendar__earnings_calendar') }}
),

calendar_companies as (
    select company_id, min(release_date) as first_release_date
    from calendar
    group by company_id
),

family_dates as (
    select distinct 'fundamentals' as family, company_id, period_end, announced_on
    from {{ ref('stg_fundamentals__fundamentals_quarterly') }}
    union all
    select distinct 'segments', company_id, period_end, announced_on
    from {{ ref('stg_segments__segments_quarterly') }}
    union all
    select distinct 'capex', company_id, period_end, announced_on
    from {{ ref('stg_capex__capex_quarterly') }}
    union all
    select distinct 'balance_sheet', company_id, period_end, announced_on
    from {{ ref('stg_balance_sheet__balance_sheet') }}
),

checked as (
    select
        f.family,
        f.company_id,
        f.period_end,
        f.announced_on,
        own.release_date as own_release_date,
        cc.first_release_date,
        (
            select count(*) from calendar as c
            where c.company_id = f.company_id and c.release_date = f.announced_on
        ) as matching_release_dates
    from family_dates as f
    inner join calendar_companies as cc
        on cc.company_id = f.company_id
    left join calendar as own
        on own.company_id = f.company_id and own.period_end = f.period_end
)

select *
from checked
where announced_on < own_release_date
   or (family <> 'balance_sheet' and matching_release_dates = 0
       and (own_release_date is not null or announced_on >= first_release_date))
