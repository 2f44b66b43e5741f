"""The charts' honesty rules on the published warehouse of the shipped seeds (issue 15): no median from fewer
companies than var median_min_companies, no legend entry without data, early-ending series marked, assumptions
in titles, one capex definition per company, catalyst labels that do not overlap, legends inside the figure.

CHART_TEST_WAREHOUSE_DIR=<dir with warehouse.duckdb> reuses a published warehouse instead of building one.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import duckdb
import numpy as np
import pytest

from dagster_project.readers import chart_registry
from dagster_project.readers.chart_data import frame_sql, resolve
from dagster_project.settings import dbt_var


@pytest.fixture(scope="module")
def conn(request):
    reuse = os.environ.get("CHART_TEST_WAREHOUSE_DIR")
    folder = Path(reuse) if reuse else request.getfixturevalue("built_warehouse")
    with duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


def _query(conn):
    return lambda sql: conn.execute(sql).fetchall()


def _chart(name_start: str) -> chart_registry.Chart:
    return next(c for c in chart_registry.CHARTS if c.name.startswith(name_start))


def test_median_flag_is_false_below_the_minimum_and_charts_draw_no_such_median(conn):
    least = dbt_var("median_min_companies")
    assert least >= 3  # a median of two companies is their average, not a basket's
    thin_days = 0
    for basket in ("cn", "us"):
        thin, flagged = conn.execute(
            f"select count(*), count(*) filter (where {basket}_median_is_reliable) from marts.fct_valuation_gap_daily "
            f"where {basket}_companies_covered between 1 and ?",
            [least - 1],
        ).fetchone()
        assert flagged == 0, (basket, thin, flagged)  # never reliable
        thin_days += thin
    assert thin_days > 0  # and the shipped seeds have such days (early 2023)
    chart = _chart("China vs US median P/E")
    drawn = conn.execute(
        f"select f.*, m.cn_companies_covered, m.us_companies_covered from ({frame_sql(chart)}) as f "
        "join marts.fct_valuation_gap_daily as m using (date)"
    ).df()
    gaap = {s.column: f"_s{i}" for i, s in enumerate(chart.series)}
    assert drawn.loc[drawn.us_companies_covered < least, gaap["us_median_pe_ttm_gaap"]].isna().all()
    assert drawn.loc[drawn.cn_companies_covered < least, gaap["cn_median_pe_ttm_gaap"]].isna().all()
    assert drawn[gaap["us_median_pe_ttm_gaap"]].notna().sum() > 500  # and the reliable days are drawn


def test_valuation_gap_ends_at_the_as_of_date(conn):
    last, valued, as_of = conn.execute(
        "select max(date),"
        " max(date) filter (where cn_companies_in_earnings_yield + us_companies_in_earnings_yield > 0),"
        " (select max(date) from marts.fct_listing_valuation_daily"
        " where earnings_yield_ttm_gaap is not null)"
        " from marts.fct_valuation_gap_daily"
    ).fetchone()
    assert last == valued == as_of, (last, valued, as_of)
    assert conn.execute("select max(date) from marts.fct_listing_valuation_daily").fetchone()[0] > last  # ETF days


def test_no_legend_entry_for_a_series_without_data(conn):
    """Every registry series (and group) left out has no value at all; every one drawn has one."""
    left_out = 0
    for chart in (c for c in chart_registry.CHARTS if c.series):
        drawn = resolve(chart, _query(conn))
        df = conn.execute(frame_sql(chart)).df()
        entries = {(d.index, d.group) for d in drawn.series}
        groups = [None] if not chart.group_by else sorted(df[chart.group_by].dropna().astype(str).unique())
        for i, group in itertools.product(range(len(chart.series)), groups):
            rows = df if group is None else df[df[chart.group_by].astype(str) == group]
            has_data = rows[f"_s{i}"].notna().any()
            assert has_data == ((i, group) in entries), (chart.name, chart.series[i].label, group)
            left_out += not has_data
        labels = [d.label for d in drawn.series]
        assert all(labels) and len(set(labels)) == len(labels), labels
    assert left_out > 0  # the shipped seeds have such series (US adjusted P/E, China regional totals)


def test_png_legends_have_data_fit_and_catalysts_do_not_overlap(conn):
    import matplotlib.pyplot as plt
    from matplotlib.container import BarContainer

    from dagster_project.readers.charts import CATALYST_GID, figure

    for name, charts in chart_registry.png_files().items():
        fig = figure(conn, charts)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            legend = ax.get_legend()
            handles, labels = ax.get_legend_handles_labels()
            for handle, label in zip(handles, labels, strict=True):
                assert label and not label.startswith("_"), (name, label)
                if isinstance(handle, BarContainer):
                    assert any(p.get_height() for p in handle.patches), (name, label)
                else:
                    assert np.isfinite(np.asarray(handle.get_ydata(), dtype=float)).any(), (name, label)
            if legend is not None:  # no wider than its panel's figure, at most a few rows
                assert legend.get_window_extent(renderer).width <= fig.bbox.width, name
                assert len(labels) <= 12, (name, len(labels))
            title = ax.title.get_window_extent(renderer)
            assert title.x0 >= 0 and title.x1 <= fig.bbox.width, (name, ax.get_title())
        marks = [t for ax in fig.axes for t in ax.texts if t.get_gid() == CATALYST_GID]
        if any(c.kind == "events" for c in charts):
            events = conn.execute(
                f"select count(*) from marts.dim_ai_event where event_date >= '{chart_registry.CATALYST_WINDOW_START}'"
            ).fetchone()[0]
            numbered = sum(
                int(b) - int(a) + 1 for a, b in (t.get_text().split("-") if "-" in t.get_text() else [t.get_text()] * 2
                                               for t in marks)
            )  # fmt: skip
            assert numbered == events > 10, (numbered, events)
            boxes = [t.get_window_extent(renderer) for t in marks]
            overlaps = [(a, b) for a, b in itertools.combinations(range(len(boxes)), 2) if boxes[a].overlaps(boxes[b])]
            assert not overlaps, [(marks[a].get_text(), marks[b].get_text()) for a, b in overlaps]
        plt.close(fig)


def test_benchmark_that_ends_early_is_marked(conn):
    drawn = resolve(_chart("Alibaba (9988.HK) weekly"), _query(conn))
    ends = conn.execute(
        "select cast(max(week_ending) filter (where benchmark_return is not null) as varchar), "
        "cast(max(week_ending) filter (where weekly_return is not null) as varchar) "
        f"from marts.fct_weekly_performance where symbol = '{chart_registry.ALIBABA_SYMBOL}'"
    ).fetchone()
    assert ends[0] < ends[1]  # the shipped Hang Seng series ends before Alibaba's
    hang_seng = next(d for d in drawn.series if d.series.column == "benchmark_return")
    assert hang_seng.ends_at == ends[0] and f"data end {ends[0]}" in hang_seng.label
    alibaba = next(d for d in drawn.series if d.series.column == "weekly_return")
    assert alibaba.ends_at is None and "data end" not in alibaba.label


def test_sum_of_the_parts_title_states_its_assumptions(conn):
    multiple, discount = conn.execute(
        "select any_value(ecommerce_multiple), any_value(holdco_discount) "
        "from marts.fct_segment_valuation_bridge where is_latest"
    ).fetchone()
    assert multiple == dbt_var("ecommerce_ebita_multiple") and discount == dbt_var("sotp_holdco_discount")
    title = resolve(_chart("Alibaba sum of the parts"), _query(conn)).title
    assert f"e-commerce at {multiple:g}x post-tax adjusted EBITA" in title and f"{discount:.0%}" in title
    assert "{" not in title


def test_capex_by_company_one_definition_each(conn):
    chart = _chart("Capex by company")
    drawn = resolve(chart, _query(conn))
    companies = [d.group for d in drawn.series]
    assert len(companies) == len(set(companies)) >= 8
    twice = conn.execute(
        f"select count(*) from (select company_id, calendar_quarter from ({frame_sql(chart)}) group by all "
        "having count(*) > 1)"
    ).fetchone()[0]
    assert twice == 0
