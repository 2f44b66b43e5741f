"""The end of `make run`: the story's headline figures, read from the published marts, where everything is, and
what to run next. Also on its own: `python -m dagster_project.cli.summary`.

Each figure names its date, its coverage and its assumption; a figure the marts cannot give says so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import duckdb
from rich.console import Console

from ..database import connect_published
from ..paths import published_db_path, warehouse_dir
from ..readers.report import REPORT_NAME
from ..settings import dbt_var


def _pe_gap(conn: duckdb.DuckDBPyConnection) -> str:
    # The latest date whose medians meet the coverage targets the dbt tests hold (dbt var pe_median_coverage):
    # later days exist but lose companies as the seeds' FX and fundamentals end.
    target = dbt_var("pe_median_coverage")
    cn_min, us_min = target["cn"]["min_covered"], target["us"]["min_covered"]
    row = conn.execute(
        """select date, cn_to_us_pe_ratio, cn_median_pe_ttm_gaap, us_median_pe_ttm_gaap,
                  cn_companies_covered, cn_companies_in_basket, us_companies_covered, us_companies_in_basket
           from marts.fct_valuation_gap_daily
           where cn_to_us_pe_ratio is not null and cn_companies_covered >= ? and us_companies_covered >= ?
           order by date desc limit 1""",
        [cn_min, us_min],
    ).fetchone()
    if row is None:
        return f"China/US P/E: no date with {cn_min}+ China and {us_min}+ US companies covered"
    day, ratio, cn, us, cn_cov, cn_all, us_cov, us_all = row
    return (
        f"China/US P/E (median, GAAP, trailing) on {day}, the latest date with {cn_min}+ and {us_min}+ companies: "
        f"{ratio:.2f}x - China {cn:.1f}x ({cn_cov} of {cn_all}), US {us:.1f}x ({us_cov} of {us_all})"
    )


def _best_week(conn: duckdb.DuckDBPyConnection) -> str:
    row = conn.execute(
        """select week_ending, weekly_return, benchmark_return, excess_return
           from marts.fct_weekly_performance
           where symbol = '9988.HK' and benchmark_symbol = '^HSI' and excess_return is not null
           order by excess_return desc limit 1"""
    ).fetchone()
    if row is None:
        return "Alibaba vs the Hang Seng: no week with both returns"
    week, own, bench, excess = row
    return (
        f"Alibaba's best week vs the Hang Seng: week ending {week}, 9988.HK {own:+.1%} vs ^HSI {bench:+.1%} "
        f"({excess * 100:+.1f} points)"
    )


def _cloud_value(conn: duckdb.DuckDBPyConnection) -> str:
    row = conn.execute(
        """select date, implied_cloud_ai_value_usd, ecommerce_multiple, market_cap_usd
           from marts.fct_segment_valuation
           where company_id = 'alibaba' and implied_cloud_ai_value_usd is not null order by date desc limit 1"""
    ).fetchone()
    if row is None:
        return "Alibaba's implied cloud & AI value: not computable from the seeds"
    day, value, multiple, market_cap = row
    return (
        f"Alibaba's implied cloud & AI value on {day}: USD {value / 1e9:,.0f} bn at {multiple:g}x post-tax "
        f"e-commerce EBITA (market cap USD {market_cap / 1e9:,.0f} bn; what is left after e-commerce, the other "
        f"segments, net cash and investments)"
    )


def _capex_guidance(conn: duckdb.DuckDBPyConnection) -> str:
    row = conn.execute(
        """select period_label, valid_from, low_usd, high_usd, companies_in_total, run_rate_companies
           from marts.fct_capex_guidance where row_type = 'us_four_total' and is_latest"""
    ).fetchone()
    if row is None or row[2] is None:
        return "US four's capex guidance: no total covering all four"
    period, as_of, low, high, companies, run_rate = row
    span = f"{low / 1e9:,.0f}-{high / 1e9:,.0f}" if high and high != low else f"{low / 1e9:,.0f}"
    note = f"; {run_rate} as an annualised run rate" if run_rate else ""
    return (
        f"US four's capex guidance for {period} (as of {as_of}): USD {span} bn, "
        f"{companies} companies, each on its own definition{note}"
    )


HEADLINES: tuple[Callable[[duckdb.DuckDBPyConnection], str], ...] = (_pe_gap, _best_week, _cloud_value, _capex_guidance)


def print_summary(console: Console) -> int:
    path = published_db_path()
    if not path.exists():
        console.print(f"No published warehouse at {path}: the build did not finish.", soft_wrap=True)
        return 1
    console.print("\nThe story, from the published marts:", style="bold", soft_wrap=True)
    with connect_published(locked=False) as conn:
        for headline in HEADLINES:
            try:
                console.print(f"  {headline(conn)}", soft_wrap=True)
            except duckdb.Error as error:  # a mart without the column: say so, keep the rest of the summary
                console.print(f"  ({headline.__name__.strip('_')}: not available: {error})", soft_wrap=True)
        built_at = conn.execute("select built_at_utc from marts.warehouse_build_info").fetchone()[0]
    charts = sorted((warehouse_dir() / "charts").glob("*.png"))
    report = warehouse_dir() / "report" / REPORT_NAME
    console.print(f"\nPublished {built_at:%Y-%m-%d %H:%M} UTC:", style="bold", soft_wrap=True)
    console.print(f"  warehouse  {path}", soft_wrap=True)
    console.print(f"  parquet    {path.parent / 'parquet'}/", soft_wrap=True)
    console.print(f"  charts     {path.parent / 'charts'}/ ({len(charts)} PNG)", soft_wrap=True)
    if report.exists():
        console.print(f"  report     {report}", soft_wrap=True)
    console.print("\nNext:", style="bold", soft_wrap=True)
    console.print(
        '  make sql    SQL on the marts, e.g. make sql Q="from marts.fct_valuation_gap_daily limit 5"', soft_wrap=True
    )
    console.print(
        "  make dev    the Dagster UI on http://127.0.0.1:3000 (this run under Jobs > build_everything)", soft_wrap=True
    )
    console.print("  make bi     the Superset dashboard on http://127.0.0.1:8088", soft_wrap=True)
    return 0


def main() -> int:
    return print_summary(Console(highlight=False, soft_wrap=True))


if __name__ == "__main__":
    sys.exit(main())
