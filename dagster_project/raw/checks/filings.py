"""Cross-file rules of the quarterly filings: known companies, the reporting currency, EPS against net income,
and segments within their dated presentation."""

from __future__ import annotations

from .rule import CrossCheck, company_known, reporting_currency

# Diluted EPS x diluted shares must give net income within this share of net income, or within half a
# cent of EPS rounding times the share count (whichever is larger). Widest in the seeds: 4.5% (Alibaba
# FY24Q4 adjusted, whose share count is itself derived from the GAAP figures).
EPS_TOLERANCE = 0.05
EPS_ROUNDING = 0.005

CHECKS: tuple[CrossCheck, ...] = (
    # --- filings ----------------------------------------------------------------------------------
    company_known("fundamentals_quarterly"),
    reporting_currency("fundamentals_quarterly", "s.metric not in ('diluted_shares_m', 'shares_outstanding_m')"),
    CrossCheck(
        name="eps_matches_net_income",
        table="fundamentals_quarterly",
        column="value",
        description=f"diluted EPS x diluted shares = net income within {EPS_TOLERANCE:.0%} (or EPS rounding)",
        sql=f"""
            with q as (
                select company_id, fiscal_year, fiscal_quarter,
                       max(value) filter (where metric = 'diluted_shares_m') as shares,
                       max(value) filter (where metric = 'net_income_gaap_m') as ni_gaap,
                       max(value) filter (where metric = 'net_income_adjusted_m') as ni_adjusted
                from {{t}} group by all
            )
            select e._row,
                   e.metric || ' ' || e.value || ' x diluted_shares_m ' || q.shares || ' = '
                   || round(e.value * q.shares) || ' but ' || n.metric || ' is ' || n.value || ' ('
                   || round(100 * abs(e.value * q.shares - n.value) / greatest(abs(n.value), 1e-9)) || '% off; '
                   || 'per-ADS EPS, or net income in another unit?)' as _reason
            from {{t}} e
            join q using (company_id, fiscal_year, fiscal_quarter)
            join {{t}} n on n.company_id = e.company_id and n.fiscal_year = e.fiscal_year
                 and n.fiscal_quarter = e.fiscal_quarter
                 and n.metric = case e.metric when 'eps_diluted_gaap' then 'net_income_gaap_m'
                                              else 'net_income_adjusted_m' end
            where e.metric in ('eps_diluted_gaap', 'eps_diluted_adjusted') and q.shares > 0
              and abs(e.value * q.shares - n.value)
                  > greatest({EPS_TOLERANCE} * abs(n.value), {EPS_ROUNDING} * q.shares)
        """,
    ),
    company_known("segment_mapping"),
    CrossCheck(
        name="one_presentation_at_a_time",
        table="segment_mapping",
        column="valid_from",
        description="a company's presentations do not overlap in time (one structure in force on each date)",
        sql="""
            with p as (
                select company_id, presentation, min(valid_from) as valid_from, max(valid_to) as valid_to,
                       count(distinct valid_from) as n_from, count(distinct coalesce(valid_to, date '9999-12-31')) as n_to
                from {t} group by company_id, presentation
            )
            select t._row, 'presentation ' || t.presentation || ' overlaps ' || o.presentation
                   || ' or its segments disagree on valid_from / valid_to' as _reason
            from {t} t
            join p on p.company_id = t.company_id and p.presentation = t.presentation
            left join p o on o.company_id = t.company_id and o.presentation <> t.presentation
                 and o.valid_from < coalesce(p.valid_to, date '9999-12-31')
                 and p.valid_from < coalesce(o.valid_to, date '9999-12-31')
            where o.presentation is not null or p.n_from > 1 or p.n_to > 1
        """,
    ),
    company_known("segments_quarterly"),
    reporting_currency("segments_quarterly"),
    CrossCheck(
        name="segment_in_its_presentation",
        table="segments_quarterly",
        column="segment",
        requires=("segment_mapping",),
        description=(
            "for a company with dated segment structures (raw.segment_mapping), each row's segment belongs to "
            "its presentation, and the figure was published while that presentation was in force"
        ),
        sql="""
            select t._row,
                   case when m.segment is null
                        then 'segment ' || t.segment || ' is not part of presentation ' || t.presentation
                             || ' of ' || t.company_id || ' in raw.segment_mapping'
                        else 'announced_on ' || t.announced_on || ' is outside presentation ' || t.presentation
                             || ' [' || m.valid_from || ', ' || coalesce(cast(m.valid_to as varchar), 'open') || ')'
                   end as _reason
            from {t} t
            left join raw.segment_mapping m
              on m.company_id = t.company_id and m.presentation = t.presentation and m.segment = t.segment
            where t.company_id in (select company_id from raw.segment_mapping)
              and (m.segment is null or t.announced_on < m.valid_from
                   or (m.valid_to is not null and t.announced_on >= m.valid_to))
        """,
    ),
    company_known("balance_sheet"),
    reporting_currency("balance_sheet"),
    company_known("capex_quarterly"),
    reporting_currency("capex_quarterly"),
    company_known("guidance"),
    reporting_currency("guidance"),
)
