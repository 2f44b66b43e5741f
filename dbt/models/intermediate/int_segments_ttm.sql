{#- Point-in-time trailing-twelve-month (TTM) segment figures, at segment grain with the segment's
    sum-of-the-parts (SOTP) group, as validity intervals [valid_from, valid_to).

    Events: every results day of the company (a segment figure announced, or a new presentation starting).
    The state after the results of day E holds from E + 1 day (a figure is known from the day after its
    announcement) to the next event + 1 day.

    On each event E, for each SOTP group and metric, the presentation in force P (stg_segment_mapping__segment_mapping:
    valid_from <= E < valid_to) names the segments the group is made of (for revenue: those with a revenue
    line; for profit: all but the elimination). Every segment of a group is on the same basis (ttm_basis):
      * four_quarters: every segment has its latest 4 quarters published under P, known by E, consecutive,
        in one currency, the latest one being the company's latest announced quarter (from segments or
        fundamentals): the sum of the 4 quarters;
      * fiscal_year: otherwise, the latest fiscal year for which every segment of the group has a full-year
        figure under one presentation known by E (P or an earlier one: the group's composition then follows
        that presentation, e.g. China commerce + International commerce for e-commerce under FY2023), the
        latest period end first, then the latest presentation. It can end before the latest announced
        quarter: ttm_period_end says how old it is;
      * missing: neither; the segments of P are listed with a null value.
    A restated figure (a later presentation) counts only from its own announced_on.
    Companies without dated segment structures have one presentation, 'as_reported', from the start. -#}
with periods as (
    select
        company_id, presentation, segment, metric, period_type, fiscal_period_label, period_end, announced_on,
        calendar_quarter_index, currency, value_local_m
    from {{ ref('int_segments_calendarized') }}
),

mapping as (
    select company_id, presentation, valid_from, valid_to, segment, sotp_group, reports_revenue
    from {{ ref('stg_segment_mapping__segment_mapping') }}
),

structures as (
    select company_id, presentation, valid_from, valid_to, segment, sotp_group, reports_revenue
    from mapping
    union all
    select distinct
        company_id,
        'as_reported' as presentation,
        cast(null as date) as valid_from,
        cast(null as date) as valid_to,
        segment,
        case
            when segment in ({{ sql_string_list(var('cloud_segments')) }}) then 'cloud_ai' else 'other_operating'
        end as sotp_group,
        true as reports_revenue
    from periods
    where company_id not in (select company_id from mapping)
),

presentations as (
    select
        company_id,
        presentation,
        min(valid_from) as valid_from,
        max(valid_to) as valid_to,
        row_number() over (partition by company_id order by min(valid_from)) as presentation_rank
    from structures
    group by company_id, presentation
),

company_metrics as (
    select distinct company_id, metric
    from periods
),

-- segments that make up each presentation's SOTP group, per metric
expected as (
    select s.company_id, s.presentation, s.sotp_group, s.segment, m.metric
    from structures as s
    inner join company_metrics as m
        on m.company_id = s.company_id
    where (m.metric <> 'revenue_m' or s.reports_revenue)
      and (m.metric = 'revenue_m' or s.sotp_group <> 'elimination')
),

expected_count as (
    select company_id, presentation, sotp_group, metric, count(*) as segments_expected
    from expected
    group by company_id, presentation, sotp_group, metric
),

events as (
    select company_id, announced_on as as_of
    from periods
    union
    select company_id, valid_from as as_of
    from presentations
    where valid_from is not null
),

in_force as (
    select e.company_id, e.as_of, p.presentation, p.presentation_rank
    from events as e
    inner join presentations as p
        on p.company_id = e.company_id
        and (p.valid_from is null or p.valid_from <= e.as_of)
        and (p.valid_to is null or e.as_of < p.valid_to)
),

event_bounds as (
    select
        company_id,
        as_of,
        {{ add_days('as_of', 1) }} as valid_from,
        lead({{ add_days('as_of', 1) }}) over (partition by company_id order by as_of) as valid_to
    from in_force
),

announced_quarters as (
    select company_id, period_end, announced_on
    from periods
    where period_type = 'quarter'
    union all
    select company_id, period_end, announced_on
    from {{ ref('stg_fundamentals__fundamentals_quarterly') }}
    where fiscal_quarter between 1 and 4
),

latest_announced as (
    select f.company_id, f.as_of, max(q.period_end) as latest_quarter_end
    from in_force as f
    inner join announced_quarters as q
        on q.company_id = f.company_id and q.announced_on <= f.as_of
    group by f.company_id, f.as_of
),

known_quarters as (
    select
        f.company_id,
        f.as_of,
        x.sotp_group,
        x.metric,
        x.segment,
        q.fiscal_period_label,
        q.period_end,
        q.calendar_quarter_index,
        q.currency,
        q.value_local_m,
        row_number() over (
            partition by f.company_id, f.as_of, x.sotp_group, x.metric, x.segment
            order by q.period_end desc
        ) as recency
    from in_force as f
    inner join expected as x
        on x.company_id = f.company_id and x.presentation = f.presentation
    inner join periods as q
        on q.company_id = f.company_id
        and q.presentation = f.presentation
        and q.segment = x.segment
        and q.metric = x.metric
        and q.period_type = 'quarter'
        and q.announced_on <= f.as_of
),

segment_four_quarters as (
    select
        company_id,
        as_of,
        sotp_group,
        metric,
        segment,
        count(*) as quarters_in_window,
        max(calendar_quarter_index) - min(calendar_quarter_index) as quarter_span,
        count(distinct currency) as currencies_in_window,
        max(currency) as currency,
        max(period_end) as latest_quarter_end,
        max(case when recency = 1 then fiscal_period_label end) as latest_quarter_label,
        sum(value_local_m) as ttm_value_local_m
    from known_quarters
    where recency <= 4
    group by company_id, as_of, sotp_group, metric, segment
),

group_four_quarters as (
    select
        f.company_id,
        f.as_of,
        x.sotp_group,
        x.metric,
        max(s.latest_quarter_label) as ttm_period_label,
        max(s.latest_quarter_end) as ttm_period_end
    from in_force as f
    inner join expected as x
        on x.company_id = f.company_id and x.presentation = f.presentation
    left join segment_four_quarters as s
        on s.company_id = f.company_id and s.as_of = f.as_of
        and s.sotp_group = x.sotp_group and s.metric = x.metric and s.segment = x.segment
    left join latest_announced as la
        on la.company_id = f.company_id and la.as_of = f.as_of
    group by f.company_id, f.as_of, x.sotp_group, x.metric
    having count(*) = count(
        case
            when s.quarters_in_window = 4 and s.quarter_span = 3 and s.currencies_in_window = 1
                and s.latest_quarter_end = la.latest_quarter_end
                then 1
        end
    )
    and count(distinct s.currency) = 1
),

known_years as (
    select
        f.company_id,
        f.as_of,
        p.presentation,
        p.presentation_rank,
        x.sotp_group,
        x.metric,
        y.fiscal_period_label,
        y.period_end,
        count(*) as segments_with_year,
        count(distinct y.currency) as currencies
    from in_force as f
    inner join presentations as p
        on p.company_id = f.company_id and p.presentation_rank <= f.presentation_rank
    inner join expected as x
        on x.company_id = p.company_id and x.presentation = p.presentation
    inner join periods as y
        on y.company_id = x.company_id
        and y.presentation = x.presentation
        and y.segment = x.segment
        and y.metric = x.metric
        and y.period_type = 'fiscal_year'
        and y.announced_on <= f.as_of
    group by
        f.company_id, f.as_of, p.presentation, p.presentation_rank, x.sotp_group, x.metric,
        y.fiscal_period_label, y.period_end
),

group_fiscal_year as (
    select company_id, as_of, presentation, sotp_group, metric, fiscal_period_label, period_end
    from (
        select
            k.*,
            row_number() over (
                partition by k.company_id, k.as_of, k.sotp_group, k.metric
                order by k.period_end desc, k.presentation_rank desc
            ) as pick
        from known_years as k
        inner join expected_count as c
            on c.company_id = k.company_id and c.presentation = k.presentation
            and c.sotp_group = k.sotp_group and c.metric = k.metric
        where k.segments_with_year = c.segments_expected and k.currencies = 1
    ) as ranked
    where pick = 1
),

groups_in_force as (
    select distinct f.company_id, f.as_of, f.presentation as presentation_in_force, x.sotp_group, x.metric
    from in_force as f
    inner join expected as x
        on x.company_id = f.company_id and x.presentation = f.presentation
),

choice as (
    select
        g.company_id,
        g.as_of,
        g.presentation_in_force,
        g.sotp_group,
        g.metric,
        case
            when q.company_id is not null then 'four_quarters'
            when y.company_id is not null then 'fiscal_year'
            else 'missing'
        end as ttm_basis,
        case when q.company_id is null and y.company_id is not null then y.presentation else g.presentation_in_force end
            as ttm_presentation,
        case when q.company_id is not null then q.ttm_period_label else y.fiscal_period_label end as ttm_period_label,
        case when q.company_id is not null then q.ttm_period_end else y.period_end end as ttm_period_end
    from groups_in_force as g
    left join group_four_quarters as q
        on q.company_id = g.company_id and q.as_of = g.as_of and q.sotp_group = g.sotp_group and q.metric = g.metric
    left join group_fiscal_year as y
        on y.company_id = g.company_id and y.as_of = g.as_of and y.sotp_group = g.sotp_group and y.metric = g.metric
),

segment_rows as (
    -- four quarters: the segments of the presentation in force
    select
        c.company_id, c.as_of, c.presentation_in_force, c.ttm_presentation, c.sotp_group, c.metric, c.ttm_basis,
        c.ttm_period_label, c.ttm_period_end, s.segment, s.currency, s.ttm_value_local_m
    from choice as c
    inner join segment_four_quarters as s
        on s.company_id = c.company_id and s.as_of = c.as_of and s.sotp_group = c.sotp_group and s.metric = c.metric
    inner join expected as x
        on x.company_id = c.company_id and x.presentation = c.ttm_presentation
        and x.sotp_group = c.sotp_group and x.metric = c.metric and x.segment = s.segment
    where c.ttm_basis = 'four_quarters'
    union all
    -- fiscal year: the segments of the presentation the year was published under
    select
        c.company_id, c.as_of, c.presentation_in_force, c.ttm_presentation, c.sotp_group, c.metric, c.ttm_basis,
        c.ttm_period_label, c.ttm_period_end, x.segment, y.currency, y.value_local_m as ttm_value_local_m
    from choice as c
    inner join expected as x
        on x.company_id = c.company_id and x.presentation = c.ttm_presentation
        and x.sotp_group = c.sotp_group and x.metric = c.metric
    inner join periods as y
        on y.company_id = c.company_id and y.presentation = c.ttm_presentation and y.segment = x.segment
        and y.metric = c.metric and y.period_type = 'fiscal_year' and y.period_end = c.ttm_period_end
    where c.ttm_basis = 'fiscal_year'
    union all
    -- missing: the segments of the presentation in force, without a value
    select
        c.company_id, c.as_of, c.presentation_in_force, c.ttm_presentation, c.sotp_group, c.metric, c.ttm_basis,
        c.ttm_period_label, c.ttm_period_end, x.segment,
        cast(null as {{ dbt.type_string() }}) as currency, cast(null as double) as ttm_value_local_m
    from choice as c
    inner join expected as x
        on x.company_id = c.company_id and x.presentation = c.presentation_in_force
        and x.sotp_group = c.sotp_group and x.metric = c.metric
    where c.ttm_basis = 'missing'
)

select
    r.company_id,
    r.sotp_group,
    r.segment,
    r.metric,
    r.as_of as as_of_announced_on,
    b.valid_from,
    b.valid_to,
    r.presentation_in_force,
    r.ttm_presentation,
    r.ttm_basis,
    r.ttm_period_label,
    r.ttm_period_end,
    r.ttm_value_local_m,
    sum(r.ttm_value_local_m) over (partition by r.company_id, r.as_of, r.sotp_group, r.metric)
        as group_ttm_value_local_m,
    r.currency
from segment_rows as r
inner join event_bounds as b
    on b.company_id = r.company_id and b.as_of = r.as_of
