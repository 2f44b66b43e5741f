"""Capex and guidance seeds checked against figures stated independently of each row's own derivation.

The quarterly rows derived from a release's cash-flow statement must add up to the full-year figures the
companies state in words (Meta's "capital expenditures, including principal payments on finance leases" for the
year; Tesla's annual capital expenditures in its 10-K), the common-definition rows must exist for every member of
the US side of the comparison, and the share of primary sources must hold.
"""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.cli.coverage import load_seeds


@pytest.fixture(scope="module")
def seeds() -> duckdb.DuckDBPyConnection:
    return load_seeds()


def _year_sum(seeds, company: str, definition: str, year: int) -> tuple[float, int]:
    return seeds.execute(
        "select sum(value), count(*) from raw.capex_quarterly where company_id = ? and definition = ? "
        "and fiscal_year = ?",
        [company, definition, year],
    ).fetchone()


@pytest.mark.parametrize(
    ("year", "stated_m"),
    [
        (2022, 32_040),  # FY2022 10-K: purchases 31,186 + finance-lease principal 850 = 32,036
        (2023, 28_100),  # Meta's slide: 2023 capital expenditures 28,103
        (2024, 39_230),  # Q4/FY2024 release: "$39.23 billion" for the full year
    ],
)
def test_meta_quarters_add_up_to_the_stated_year(seeds, year, stated_m):
    total, n = _year_sum(seeds, "meta", "incl_finance_leases", year)
    assert n == 4
    assert abs(total - stated_m) <= 10, (year, total)  # the stated figure is rounded to US$10m


def test_meta_headline_exceeds_cash_purchases_by_a_plausible_lease_principal(seeds):
    rows = seeds.execute(
        """
        select a.fiscal_year, a.fiscal_quarter, a.value - b.value
        from raw.capex_quarterly a
        join raw.capex_quarterly b using (company_id, fiscal_year, fiscal_quarter)
        where a.company_id = 'meta' and a.definition = 'incl_finance_leases' and b.definition = 'cash_purchases_of_ppe'
        """
    ).fetchall()
    assert len(rows) >= 16
    # Principal payments on finance leases ran at US$0.1-1.0bn a quarter in 2022-2025.
    assert all(100 <= d <= 1_000 for _, _, d in rows), rows


# Tesla's 10-K as reported at https://www.anews.com.tr/economy/2024/01/29/tesla-expects-capital-expenditures-to-exceed-10-billion-in-2024:
# "Capital expenditures amounted to $8.90 billion in 2023, compared to $7.16 billion in 2022".
@pytest.mark.parametrize(("year", "stated_m"), [(2022, 7_160), (2023, 8_900)])
def test_tesla_quarters_add_up_to_the_annual_capex(seeds, year, stated_m):
    total, n = _year_sum(seeds, "tesla", "cash_purchases_net_of_disposals", year)
    assert n == 4
    assert abs(total - stated_m) <= 5, (year, total)  # stated in US$ billions to two decimals


def test_apple_fiscal_quarters_are_year_to_date_differences(seeds):
    # Apple's releases print year-to-date cash flows: fiscal Q1 is reported, Q2-Q4 are derived and say how.
    rows = seeds.execute(
        "select fiscal_quarter, basis, note from raw.capex_quarterly where company_id = 'apple'"
    ).fetchall()
    assert len(rows) >= 13
    for quarter, basis, note in rows:
        assert basis == ("reported" if quarter == 1 else "derived"), (quarter, basis)
        if quarter > 1:
            assert "YTD" in note and "minus" in note, note


def test_us_comparison_members_have_the_common_definition_every_quarter(seeds):
    missing = seeds.execute(
        """
        with q as (select * from (values (2022), (2023), (2024)) t(y) cross join (values (1), (2), (3), (4)) u(q)),
        m as (select * from (values ('alphabet'), ('amazon'), ('meta')) t(c))
        select m.c, q.y, q.q from m cross join q
        where not exists (
            select 1 from raw.capex_quarterly r
            where r.company_id = m.c and r.fiscal_year = q.y and r.fiscal_quarter = q.q
              and r.definition = 'cash_purchases_of_ppe')
        """
    ).fetchall()
    assert not missing, missing


def test_capex_and_guidance_rows_are_announced_after_the_period_and_within_four_months(seeds):
    late = seeds.execute(
        "select company_id, fiscal_year, fiscal_quarter from raw.capex_quarterly "
        "where announced_on <= period_end or announced_on > period_end + interval 120 day"
    ).fetchall()
    assert not late, late


def test_primary_sources_dominate_the_capex_family(seeds):
    share = seeds.execute(
        "select avg(case when source_kind in ('filing', 'company_release', 'exchange_announcement') "
        "then 1.0 else 0.0 end) from raw.capex_quarterly"
    ).fetchone()[0]
    assert share >= 0.9, share


def test_run_rates_and_multi_year_plans_are_labelled(seeds):
    kinds = dict(
        seeds.execute(
            "select company_id || ' ' || period_label, guidance_kind from raw.guidance "
            "where company_id in ('amazon', 'alibaba')"
        ).fetchall()
    )
    assert kinds == {"amazon CY2025": "run_rate", "alibaba FY2026-FY2028": "multi_year_plan"}
