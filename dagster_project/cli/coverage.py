"""What the seeds cover and which figures are missing, per family and company, read from the build database.

    make coverage                                     # after `make run`: print it and refresh seeds/README.md
    python -m dagster_project.cli.coverage            # print the report (markdown)
    python -m dagster_project.cli.coverage --write    # also refresh the coverage section of seeds/README.md

Fiscal quarters are placed on the calendar by the warehouse's own rule (dbt macro
`calendar_quarter_of_fiscal_period`, as the intermediate models hold it), never by a copy of it here.

The reasons for each gap are written by whoever compiled the figures, in seeds/<family>/GAPS_*.md;
this report lists what is absent so that a gap is always visible, never silently filled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from ..database import connect_build, connect_memory
from ..paths import PROJECT_ROOT, SEEDS_DIR, build_db_path
from ..raw.loader import load_table, seed_files
from ..raw.schemas import FUNDAMENTAL_METRICS, TABLES
from .contract import replace_between

FIRST_QUARTER, LAST_QUARTER = "2022Q1", "2025Q1"  # last calendar quarter announced by 2025-06-30
PE_METRICS = FUNDAMENTAL_METRICS  # every metric the contract allows in raw.fundamentals_quarterly
START, END = "<!-- coverage:start -->", "<!-- coverage:end -->"

# The calendar quarter of every fiscal quarter the build placed on the calendar.
FISCAL_CALENDAR = """
    with fiscal_calendar as (
        select distinct company_id, fiscal_year, fiscal_quarter, calendar_quarter from (
            select company_id, fiscal_year, fiscal_quarter, calendar_quarter
            from intermediate.int_fundamentals_calendarized
            union all
            select company_id, fiscal_year, fiscal_quarter, calendar_quarter from intermediate.int_capex_calendarized
            union all
            select company_id, fiscal_year, fiscal_quarter, calendar_quarter
            from intermediate.int_segments_calendarized
        ) where calendar_quarter is not null
    )
"""


def load_seeds(seeds_dir: Path = SEEDS_DIR) -> duckdb.DuckDBPyConnection:
    """Every seed family loaded and checked into an in-memory database (raw tables only)."""
    conn = connect_memory()
    for spec in TABLES:
        load_table(conn, spec, seed_files(seeds_dir, spec), root=PROJECT_ROOT)
    return conn


def _quarters() -> list[str]:
    out, year, q = [], int(FIRST_QUARTER[:4]), int(FIRST_QUARTER[-1])
    while f"{year}Q{q}" <= LAST_QUARTER:
        out.append(f"{year}Q{q}")
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return out


def _missing(present: set[str], expected: list[str]) -> str:
    gaps = [q for q in expected if q not in present]
    if not gaps:
        return "—"
    return ", ".join(gaps) if len(gaps) <= 6 else f"{len(gaps)} quarters: {gaps[0]} … {gaps[-1]}"


def fundamentals_section(conn: duckdb.DuckDBPyConnection) -> list[str]:
    quarters = _quarters()
    rows = conn.execute(
        FISCAL_CALENDAR + "select company_id, metric, list(distinct calendar_quarter) "
        "from raw.fundamentals_quarterly join fiscal_calendar using (company_id, fiscal_year, fiscal_quarter) "
        "group by all"
    ).fetchall()
    have = {(c, m): set(qs) for c, m, qs in rows}
    companies = [
        r[0] for r in conn.execute("select company_id from raw.companies order by basket, company_id").fetchall()
    ]
    lines = [
        f"### fundamentals (calendar quarters present out of {len(quarters)}, {FIRST_QUARTER}–{LAST_QUARTER})",
        "",
        "| company | " + " | ".join(PE_METRICS) + " |",
        "|---" * (len(PE_METRICS) + 1) + "|",
    ]
    for company in companies:
        cells = [str(len(have.get((company, m), set()) & set(quarters))) for m in PE_METRICS]
        lines.append(f"| {company} | " + " | ".join(cells) + " |")
    lines += ["", "Missing quarters of the P/E inputs (GAAP net income, diluted EPS):", ""]
    for company in companies:
        for metric in ("net_income_gaap_m", "eps_diluted_gaap"):
            gaps = _missing(have.get((company, metric), set()), quarters)
            if gaps != "—":
                lines.append(f"- {company} `{metric}`: {gaps}")
    return lines


def quarterly_family_section(conn, table: str, title: str, by: str) -> list[str]:
    quarters = _quarters()
    full_year = "count(*) filter (where fiscal_quarter = 0)" if table == "segments_quarterly" else "0"
    rows = conn.execute(
        FISCAL_CALENDAR + f"select company_id, {by}, list(distinct calendar_quarter) filter "
        f"(where fiscal_quarter between 1 and 4 and calendar_quarter is not null), {full_year} "
        f"from raw.{table} left join fiscal_calendar using (company_id, fiscal_year, fiscal_quarter) "
        "group by all order by all"
    ).fetchall()
    label = by.split(" ")[0] if "||" not in by else "segment / metric"
    lines = [
        f"### {title}",
        "",
        f"| company | {label} | quarters present | full-year rows | missing quarters |",
        "|---|---|---|---|---|",
    ]
    for company, key, qs, full_year in rows:
        present = set(qs or []) & set(quarters)
        lines.append(f"| {company} | {key} | {len(present)} | {full_year} | {_missing(present, quarters)} |")
    return lines


def prices_section(conn) -> list[str]:
    rows = conn.execute(
        """
        with d as (
            select symbol, date, lag(date) over (partition by symbol order by date) as prev from raw.prices_daily
        )
        select symbol, min(date), max(date), count(*),
               count(*) filter (where date - prev > 4) as long_gaps
        from d group by symbol order by symbol
        """
    ).fetchall()
    lines = ["### prices", "", "| symbol | first | last | rows | gaps > 4 days (holidays) |", "|---|---|---|---|---|"]
    lines += [f"| {s} | {a} | {b} | {n} | {g} |" for s, a, b, n, g in rows]
    return lines


def other_section(conn) -> list[str]:
    fx = conn.execute(
        "select quote_currency, min(date), max(date), count(*) from raw.fx_daily group by 1 order by 1"
    ).fetchall()
    bs = conn.execute(
        "select company_id, list(distinct period_end order by period_end) from raw.balance_sheet group by 1"
    ).fetchall()
    ca = conn.execute(
        "select action_type, count(*), count(distinct symbol) from raw.corporate_actions group by 1 order by 1"
    ).fetchall()
    gd = conn.execute("select company_id, period_label, announced_on from raw.guidance order by 1, 3").fetchall()
    ev = conn.execute("select event_type, count(*) from raw.events group by 1 order by 1").fetchall()
    lines = ["### fx, balance sheet, corporate actions, guidance, events", ""]
    lines += [f"- fx USD/{q}: {a} … {b}, {n} days" for q, a, b, n in fx]
    lines += [f"- balance sheet {c}: period ends {', '.join(str(d) for d in ds)}" for c, ds in bs]
    lines += [f"- corporate actions `{t}`: {n} rows over {s} symbols" for t, n, s in ca]
    lines += [f"- guidance {c} {p} (announced {a})" for c, p, a in gd]
    lines += ["- events: " + ", ".join(f"{t} {n}" for t, n in ev)]
    return lines


def report(seeds_dir: Path = SEEDS_DIR) -> str:
    if not build_db_path().exists():
        raise SystemExit(f"No build database at {build_db_path()}: run `make run` first.")
    conn = connect_build(read_only=True)
    gap_files = sorted(p.relative_to(seeds_dir) for p in seeds_dir.glob("*/GAPS_*.md"))
    parts = [
        "Generated by `make coverage` from the seed files; the reasons for each gap are in "
        + ", ".join(f"[{p}]({p})" for p in gap_files)
        + ".",
        "",
        *fundamentals_section(conn),
        "",
        *quarterly_family_section(conn, "segments_quarterly", "segments", "segment || ' / ' || metric"),
        "",
        *quarterly_family_section(conn, "capex_quarterly", "capex", "definition"),
        "",
        *prices_section(conn),
        "",
        *other_section(conn),
    ]
    return "\n".join(parts) + "\n"


def write_readme(text: str, readme: Path = SEEDS_DIR / "README.md") -> None:
    readme.write_text(replace_between(readme.read_text(), START, END, text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="refresh the coverage section of seeds/README.md")
    args = parser.parse_args(argv)
    text = report()
    print(text)
    if args.write:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
