"""Cross-checks on the shipped seeds (issue: every figure cited, and consistent with the others).

Exceptions are listed here with the reason, so that a new inconsistency fails and an old one stays explained.
"""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.cli.coverage import load_seeds
from dagster_project.paths import SEEDS_DIR
from dagster_project.raw.contract import CONTRACT_DOC_PATH, contract_markdown


@pytest.fixture(scope="module")
def seeds() -> duckdb.DuckDBPyConnection:
    return load_seeds()


def test_every_row_has_source_and_basis(seeds):
    for table in (
        "prices_daily",
        "fx_daily",
        "corporate_actions",
        "fundamentals_quarterly",
        "segments_quarterly",
        "balance_sheet",
        "capex_quarterly",
        "guidance",
        "companies",
        "listings",
        "events",
    ):
        bad = seeds.execute(
            f"select count(*) from raw.{table} "
            "where trim(source) = '' or basis not in ('reported', 'derived', 'estimate')"
        ).fetchone()[0]
        assert bad == 0, table


def test_derived_and_estimated_rows_state_their_arithmetic(seeds):
    for table in ("fundamentals_quarterly", "segments_quarterly", "capex_quarterly", "balance_sheet", "guidance"):
        bad = seeds.execute(
            f"select count(*) from raw.{table} where basis in ('derived', 'estimate') and coalesce(trim(note), '') = ''"
        ).fetchone()[0]
        assert bad == 0, table


# Baidu's diluted EPS is computed on profit after adjustments for subsidiaries' dilution (FY2023: profit
# 20,315 vs EPS base 19,554), so EPS x shares is not expected to equal net income (fundamentals/NOTES_china.md).
EPS_EXPLAINED = {"baidu"}
# Tesla Q1 2024 as originally published: net income 1,129 and diluted EPS 0.34 on 3,484m shares (5% apart).
# Kuaishou Q4 2022: the seeded loss is the release's rounded "RMB1.5 billion"; the vendor's EPS and share count
# imply -1,546 (its own loss row reads -1,547.08), which rounds to the same RMB1.5 billion (3% apart).
QUARTERS_EXPLAINED = {("tesla", 2024, 1), ("kuaishou", 2022, 4)}


def test_eps_times_diluted_shares_agrees_with_net_income(seeds):
    rows = seeds.execute(
        """
        pivot (select company_id, fiscal_year, fiscal_quarter, metric, value from raw.fundamentals_quarterly)
        on metric in ('net_income_gaap_m', 'eps_diluted_gaap', 'diluted_shares_m') using first(value)
        """
    ).fetchall()
    checked, off = 0, []
    for company, year, quarter, income, eps, shares in rows:
        if None in (income, eps, shares) or company in EPS_EXPLAINED or (company, year, quarter) in QUARTERS_EXPLAINED:
            continue
        checked += 1
        if abs(eps * shares - income) > 0.02 * abs(income):
            off.append((company, year, quarter, income, eps * shares))
    assert checked >= 10
    assert not off, off


def test_alibaba_quarters_sum_to_fiscal_year_segments(seeds):
    """Where all four quarters of a segment are present under one presentation, they sum to its full-year row."""
    rows = seeds.execute(
        """
        with q as (
            select fiscal_year, presentation, segment, metric, sum(value) as quarters, count(*) as n
            from raw.segments_quarterly
            where company_id = 'alibaba' and fiscal_quarter between 1 and 4
            group by all
        )
        select q.fiscal_year, q.presentation, q.segment, q.metric, q.quarters, y.value
        from q join raw.segments_quarterly y
          on y.company_id = 'alibaba' and y.fiscal_quarter = 0 and y.fiscal_year = q.fiscal_year
         and y.presentation = q.presentation and y.segment = q.segment and y.metric = q.metric
        where q.n = 4
        """
    ).fetchall()
    assert rows, "no segment has four quarters and a full year under one presentation"
    for year, presentation, segment, metric, quarters, full_year in rows:
        assert abs(quarters - full_year) <= max(0.01 * abs(full_year), 50), (year, presentation, segment, metric)


def _alibaba_expected_revenue_segments(seeds) -> dict[str, set[str]]:
    rows = seeds.execute(
        "select presentation, list(segment) from raw.segment_mapping "
        "where company_id = 'alibaba' and reports_revenue group by 1"
    ).fetchall()
    return {p: set(segments) for p, segments in rows}


def test_alibaba_segment_revenues_sum_to_group_revenue(seeds):
    """Every period (quarter or full year) whose presentation's revenue segments are all present sums to the
    group revenue of that period (fundamentals; a full year is the sum of its four quarters)."""
    expected = _alibaba_expected_revenue_segments(seeds)
    periods = seeds.execute(
        "select fiscal_year, fiscal_quarter, presentation, list(segment), sum(value) from raw.segments_quarterly "
        "where company_id = 'alibaba' and metric = 'revenue_m' group by 1, 2, 3"
    ).fetchall()
    quarters = {
        (y, q): v
        for y, q, v in seeds.execute(
            "select fiscal_year, fiscal_quarter, value from raw.fundamentals_quarterly "
            "where company_id = 'alibaba' and metric = 'revenue_m'"
        ).fetchall()
    }
    checked = []
    for year, quarter, presentation, segments, total in periods:
        if set(segments) != expected[presentation]:
            continue
        group = quarters.get((year, quarter)) if quarter else sum(quarters.get((year, q), 0) for q in (1, 2, 3, 4))
        assert group and abs(total - group) < 1, (year, quarter, presentation, total, group)
        checked.append((year, quarter, presentation))
    # FY2023 (seven segments: Q1, Q4 and the year), FY2024 and FY2025 full years (six groups)
    assert {
        (2023, 1, "FY2023"),
        (2023, 4, "FY2023"),
        (2023, 0, "FY2023"),
        (2024, 0, "FY2025"),
        (2025, 0, "FY2025"),
    } <= set(checked), checked


def test_alibaba_fy2023_segment_adjusted_ebita_adds_up_to_the_consolidated_figure(seeds):
    """The March quarter 2023 results presentation prints consolidated adjusted EBITA of RMB147,911m for FY2023:
    its seven segments and Unallocated add up to it."""
    total, n = seeds.execute(
        "select sum(value), count(*) from raw.segments_quarterly where company_id = 'alibaba' "
        "and presentation = 'FY2023' and fiscal_year = 2023 and fiscal_quarter = 0 and metric = 'adjusted_ebita_m'"
    ).fetchone()
    assert n == 8
    assert total == 147911


def test_alibaba_segment_codes_follow_the_mapping_dates(seeds):
    """Each Alibaba figure was published while its presentation was in force (a restatement is published under
    the later presentation, on its own date), and every presentation in the mapping has an e-commerce and a
    cloud segment."""
    groups = dict(
        seeds.execute(
            "select presentation, list(distinct sotp_group) from raw.segment_mapping where company_id = 'alibaba' group by 1"
        ).fetchall()
    )
    assert set(groups) == {"FY2023", "FY2024", "FY2025", "FY2026"}
    for presentation, present in groups.items():
        assert {"ecommerce", "cloud_ai"} <= set(present), presentation
    outside = seeds.execute(
        """
        select s.fiscal_year, s.fiscal_quarter, s.segment, s.announced_on, s.presentation
        from raw.segments_quarterly s join raw.segment_mapping m using (company_id, presentation, segment)
        where s.announced_on < m.valid_from or s.announced_on >= coalesce(m.valid_to, date '9999-12-31')
        """
    ).fetchall()
    assert not outside, outside


def test_alibaba_fiscal_year_revenue_matches_the_annual_report(seeds):
    totals = dict(
        seeds.execute(
            "select fiscal_year, sum(value) from raw.fundamentals_quarterly "
            "where company_id = 'alibaba' and metric = 'revenue_m' and fiscal_year in (2024, 2025) group by 1"
        ).fetchall()
    )
    # FY2025 annual report: total revenue RMB941,168m (FY2024) and RMB996,347m (FY2025).
    assert totals == {2024: 941168, 2025: 996347}


# Longest trading gaps the exchanges' holidays explain (calendar days between two trading days).
MAX_GAP_DAYS = {"HK": 6, "US": 4}


def test_prices_have_no_gaps_beyond_holidays(seeds):
    gaps = seeds.execute(
        """
        with d as (
            select p.symbol, l.market, p.date, p.date - lag(p.date) over (partition by p.symbol order by p.date) as gap
            from raw.prices_daily p join raw.listings l using (symbol)
        )
        select symbol, market, date, gap from d where gap is not null
        """
    ).fetchall()
    too_long = [g for g in gaps if g[3] > MAX_GAP_DAYS[g[1]]]
    assert not too_long, too_long


def test_fx_has_no_gap_longer_than_a_long_weekend(seeds):
    # Known vendor gap: 2025-04-17 -> 2025-04-22 (Easter; prices/NOTES.md) is 5 days.
    gaps = seeds.execute(
        "select quote_currency, date, date - lag(date) over (partition by quote_currency order by date) as gap "
        "from raw.fx_daily qualify gap > 5"
    ).fetchall()
    assert not gaps, gaps


def test_every_price_symbol_is_a_listing_and_currencies_match(seeds):
    bad = seeds.execute(
        """
        select distinct p.symbol, p.currency, l.currency from raw.prices_daily p
        left join raw.listings l using (symbol) where l.symbol is null or l.currency <> p.currency
        """
    ).fetchall()
    assert not bad, bad


def test_capex_definitions_are_never_mixed_in_one_row(seeds):
    # The key includes the definition; each company-quarter may have several definitions, one row each.
    assert (
        seeds.execute(
            "select count(*) from (select company_id, fiscal_year, fiscal_quarter, definition from raw.capex_quarterly "
            "group by all having count(*) > 1)"
        ).fetchone()[0]
        == 0
    )


def test_seeds_readme_contract_is_current():
    assert (SEEDS_DIR.parent / CONTRACT_DOC_PATH).read_text() == contract_markdown(), "run `make contract`"


def test_alibaba_segment_dates_are_release_days_of_the_earnings_calendar(seeds):
    """Every Alibaba segment figure is dated on a results day of seeds/earnings_calendar (never a filing
    deadline), no earlier than the release of its own period (a restated comparative comes later), and every
    presentation starts on a results day."""
    off = seeds.execute(
        """
        select s.fiscal_year, s.fiscal_quarter, s.segment, s.metric, s.announced_on, own.release_date
        from raw.segments_quarterly s
        left join raw.earnings_calendar own
          on own.company_id = s.company_id and own.period_end = s.period_end and own.fiscal_quarter in (4, s.fiscal_quarter)
        where s.company_id = 'alibaba'
          and (s.announced_on not in (select release_date from raw.earnings_calendar where company_id = 'alibaba')
               or own.release_date is null or s.announced_on < own.release_date)
        """
    ).fetchall()
    assert not off, off
    starts = seeds.execute(
        "select presentation, valid_from from raw.segment_mapping where company_id = 'alibaba' "
        "and valid_from not in (select release_date from raw.earnings_calendar where company_id = 'alibaba')"
    ).fetchall()
    assert not starts, starts
