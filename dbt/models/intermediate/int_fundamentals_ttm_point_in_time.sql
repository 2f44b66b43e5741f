-- Point-in-time trailing-twelve-month figures per company, as validity ranges: one row per company and
-- results-announcement date. A quarter counts from its known_from (int_fundamentals_calendarized: the first
-- session on every market the company lists on that opens after the release, from the earnings calendar; the
-- day after announced_on when no release time is known), so a valuation on a trading day D joins the row with
-- valid_from <= D < valid_to.
-- TTM = sum of the 4 consecutive fiscal quarters ending with the latest announced quarter; null if any of
-- the 4 is not announced yet or lacks the figure (no stale or partial sums).
with quarters as (
    select * from {{ ref('int_fundamentals_calendarized') }}
),

announcements as (
    select company_id, announced_on, max(known_from) as known_from
    from quarters
    group by company_id, announced_on
),

known as (
    -- every quarter known at each announcement (announced on or before it)
    select
        a.company_id,
        a.announced_on as as_of_announcement,
        a.known_from,
        q.fiscal_quarter_index,
        q.fiscal_quarter_label,
        q.calendar_quarter,
        q.period_end,
        q.currency,
        q.revenue_m,
        q.net_income_gaap_m,
        q.net_income_adjusted_m,
        q.eps_diluted_gaap,
        q.eps_diluted_adjusted,
        q.diluted_shares_m,
        q.shares_outstanding_m,
        max(q.fiscal_quarter_index) over (partition by a.company_id, a.announced_on) as latest_quarter_index,
        row_number() over (
            partition by a.company_id, a.announced_on
            order by case when q.shares_outstanding_m is null then 1 else 0 end, q.fiscal_quarter_index desc
        ) as shares_outstanding_rank,
        row_number() over (
            partition by a.company_id, a.announced_on
            order by case when q.diluted_shares_m is null then 1 else 0 end, q.fiscal_quarter_index desc
        ) as diluted_shares_rank
    from announcements as a
    inner join quarters as q
        on q.company_id = a.company_id and q.announced_on <= a.announced_on
),

ttm as (
    select
        company_id,
        as_of_announcement,
        max(known_from) as known_from,
        max(case when fiscal_quarter_index = latest_quarter_index then fiscal_quarter_label end)
            as latest_fiscal_quarter,
        max(case when fiscal_quarter_index = latest_quarter_index then calendar_quarter end)
            as latest_calendar_quarter,
        max(case when fiscal_quarter_index = latest_quarter_index then period_end end) as latest_period_end,
        max(case when fiscal_quarter_index = latest_quarter_index then currency end) as currency,
        {% for m in ['revenue_m', 'net_income_gaap_m', 'net_income_adjusted_m', 'eps_diluted_gaap', 'eps_diluted_adjusted'] %}
        case
            when count(case when fiscal_quarter_index > latest_quarter_index - 4 then {{ m }} end) = 4
                then sum(case when fiscal_quarter_index > latest_quarter_index - 4 then {{ m }} end)
        end as ttm_{{ m }},
        {% endfor %}
        count(case when fiscal_quarter_index > latest_quarter_index - 4 then 1 end) as ttm_quarters_known,
        max(case when shares_outstanding_rank = 1 then shares_outstanding_m end) as shares_outstanding_m,
        max(case when shares_outstanding_rank = 1 and shares_outstanding_m is not null then period_end end)
            as shares_outstanding_period_end,
        max(case when diluted_shares_rank = 1 then diluted_shares_m end) as diluted_shares_m,
        max(case when diluted_shares_rank = 1 and diluted_shares_m is not null then period_end end)
            as diluted_shares_period_end
    from known
    group by company_id, as_of_announcement
)

select
    company_id,
    as_of_announcement as announced_on,
    known_from as valid_from,
    coalesce(
        lead(known_from) over (partition by company_id order by as_of_announcement),
        cast('9999-12-31' as date)
    ) as valid_to,
    latest_fiscal_quarter,
    latest_calendar_quarter,
    latest_period_end,
    currency,
    ttm_quarters_known,
    ttm_revenue_m,
    ttm_net_income_gaap_m,
    ttm_net_income_adjusted_m,
    ttm_eps_diluted_gaap,
    ttm_eps_diluted_adjusted,
    shares_outstanding_m,
    shares_outstanding_period_end,
    diluted_shares_m,
    diluted_shares_period_end
from ttm
