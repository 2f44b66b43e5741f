"""Incremental builds equal full rebuilds.

One warehouse is built in full from the shipped seeds and then only incrementally (a normal `dbt build`, as
`make run`, the Dagster job and the benchmark do); a second one is rebuilt with `--full-refresh` from the same
seeds each time. After each change every incremental model and every mart must hold the same rows:
1. one trading day appended (Hong Kong and US listings, an index, a fund, a symbol that stopped earlier
   catching up, FX for the day) with a new dividend going ex on that day on a dividend-adjusted line (which
   changes that line's whole traded history);
2. changes that reach back in time, which the incremental path must detect on its own: a vendor re-issuing a
   symbol's history, a corrected old dividend, a restated quarter and a late FX fix;
3. a forced date range (what a Dagster daily partition or backfill adds), over a dividend's ex-date.
Each build uses its own WAREHOUSE_DIR and dbt target path (never dbt/target).
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb

from dagster_project.paths import PROJECT_ROOT, SEEDS_DIR

INCREMENTAL_MODELS = [
    "intermediate.int_prices_traded_daily",
    "intermediate.int_returns_daily",
    "intermediate.int_listing_valuation_daily",
    "intermediate.int_returns_total_daily",
    "intermediate.int_company_market_value_daily",
    "marts.fct_listing_valuation_daily",
    "marts.fct_valuation_gap_daily",
    "marts.fct_weekly_performance",
    "marts.fct_rerating_decomposition",
]
# the day after the shipped data: US series end 2026-04-24 (Fri), Hong Kong ones by 2026-03-26; listings that
# stopped earlier (9988.HK 2025-10-30, ^HSI 2025-04-29, TCEHY 2025-06-27) catch up on these days
NEW_HK_DAY, NEW_US_DAY = "2026-04-28", "2026-04-27"
REL_TOLERANCE = 1e-12


def _run_build(
    seeds: Path, warehouse: Path, *, full_refresh: bool, dbt_vars: str | None = None
) -> subprocess.CompletedProcess:
    env = dict(os.environ, WAREHOUSE_DIR=str(warehouse), DBT_LOG_PATH=str(warehouse / "dbt_logs"))
    cmd = [
        sys.executable,
        "-m",
        "dagster_project.cli.build",
        "--select",
        "raw",
        "dbt",
        "--seeds-dir",
        str(seeds),
        "--dbt-target-path",
        str(warehouse / "dbt_target"),
    ]
    if full_refresh:
        cmd.append("--full-refresh")
    # The synthetic changes below (a dividend the vendor never applied, a re-issued history scaled by 0.995)
    # break ADS parity and the HKEX tick grid on purpose; those data checks warn here instead of failing.
    all_vars = {"market_data_checks_severity": "warn", **(json.loads(dbt_vars) if dbt_vars else {})}
    cmd += ["--dbt-vars", json.dumps(all_vars)]
    return subprocess.run(cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)


def _build(seeds: Path, warehouse: Path, *, full_refresh: bool, dbt_vars: str | None = None) -> None:
    result = _run_build(seeds, warehouse, full_refresh=full_refresh, dbt_vars=dbt_vars)
    assert result.returncode == 0, (result.stdout[-4000:], result.stderr[-4000:])


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _append_day(seeds: Path, *, dividend: bool = True) -> None:
    """One new trading day per market for a few listings, FX for it, and a dividend going ex on it."""
    moves = {"9988.HK": 1.02, "0700.HK": 0.99, "BABA": 1.03, "MSFT": 0.995, "QQQ": 1.01, "^HSI": 1.004, "TCEHY": 1.01}
    for path in sorted((seeds / "prices").glob("*.csv")):
        header, rows = _rows(path)
        symbol = rows[-1]["symbol"]
        if symbol not in moves:
            continue
        last = dict(rows[-1])
        days = [NEW_HK_DAY] if symbol.endswith(".HK") or symbol == "^HSI" else [NEW_US_DAY]
        if symbol == "TCEHY":  # stopped on 2025-06-27: catches up two days
            days = ["2025-06-30", NEW_US_DAY]
        for day in days:
            row = dict(last, date=day)
            for col in ("open", "high", "low", "close", "adj_close"):
                if row[col]:
                    row[col] = f"{float(row[col]) * moves[symbol]:.6f}"
            ohlc = [float(row[c]) for c in ("open", "high", "low", "close") if row[c]]
            if row["high"]:
                row["high"] = f"{max(ohlc):.6f}"
            if row["low"]:
                row["low"] = f"{min(ohlc):.6f}"
            rows.append(row)
            last = row
        _write(path, header, rows)

    header, rows = _rows(seeds / "fx" / "usd_fx_daily.csv")
    latest = {}
    for r in rows:  # each pair's last row (the pairs end on different dates)
        if r["date"] >= latest.get(r["quote_currency"], {"date": ""})["date"]:
            latest[r["quote_currency"]] = r
    for row in latest.values():  # the vendor catches up every weekday to the new days (no gap for the FX checks)
        day = datetime.date.fromisoformat(row["date"])
        while day.isoformat() < NEW_HK_DAY:
            day += datetime.timedelta(days=1)
            if day.weekday() < 5:
                rows.append(dict(row, date=day.isoformat(), rate=f"{float(row['rate']) * 1.001:.6f}"))
    rows.sort(key=lambda r: (r["date"], r["quote_currency"]))
    _write(seeds / "fx" / "usd_fx_daily.csv", header, rows)

    if not dividend:
        return
    header, rows = _rows(seeds / "corporate_actions" / "corporate_actions.csv")
    template = next(r for r in rows if r["symbol"] == "9988.HK" and r["action_type"] == "cash_dividend")
    rows.append(
        dict(
            template,
            ex_date=NEW_HK_DAY,
            announced_on="2026-03-20",
            payable_on="2026-05-20",
            amount="0.25",
            in_vendor_adjustment="",
            vendor_amount="",
            note="test: dividend going ex on the appended day",
        )
    )
    _write(seeds / "corporate_actions" / "corporate_actions.csv", header, rows)


def _rewrite_history(seeds: Path) -> None:
    """Changes to past data: each must be detected by the incremental path without --full-refresh."""
    # a vendor re-issues BABA's dividend-adjusted history (every close before 2025 scaled)
    header, rows = _rows(seeds / "prices" / "BABA.csv")
    for row in rows:
        if row["date"] < "2025-01-01":
            for col in ("open", "high", "low", "close"):
                row[col] = f"{float(row[col]) * 0.995:.6f}"
    _write(seeds / "prices" / "BABA.csv", header, rows)
    # an old dividend corrected (Tencent's 2024 dividend)
    header, rows = _rows(seeds / "corporate_actions" / "corporate_actions.csv")
    old = next(r for r in rows if r["symbol"] == "0700.HK" and r["ex_date"].startswith("2024"))
    old["amount"] = f"{float(old['amount']) + 0.2:.2f}"
    _write(seeds / "corporate_actions" / "corporate_actions.csv", header, rows)
    # a restated quarter: Meta's 2024 Q1 earnings (changes its TTM P/E from that announcement on)
    header, rows = _rows(seeds / "fundamentals" / "meta.csv")
    for row in rows:
        if (row["fiscal_year"], row["fiscal_quarter"]) == ("2024", "1") and row["metric"] in (
            "eps_diluted_gaap",
            "net_income_gaap_m",
        ):
            row["value"] = f"{float(row['value']) * 1.05:.4f}"
    _write(seeds / "fundamentals" / "meta.csv", header, rows)
    # a late FX fix in the past
    header, rows = _rows(seeds / "fx" / "usd_fx_daily.csv")
    fixed = next(r for r in rows if r["quote_currency"] == "HKD" and r["date"] >= "2024-03-01")
    fixed["rate"] = f"{float(fixed['rate']) * 1.002:.6f}"
    _write(seeds / "fx" / "usd_fx_daily.csv", header, rows)


def _tables(conn: duckdb.DuckDBPyConnection, db: str) -> list[str]:
    marts = [
        f"marts.{r[0]}"
        for r in conn.execute(
            "select table_name from duckdb_tables() where database_name = ? and schema_name = 'marts' "
            "order by table_name",
            [db],
        ).fetchall()
    ]
    return INCREMENTAL_MODELS + [t for t in marts if t not in INCREMENTAL_MODELS]


def _differences(incremental: Path, full: Path) -> dict[str, str]:
    """Per table: why the incremental build differs from the full one (empty when identical)."""
    conn = duckdb.connect()
    conn.execute(f"attach '{incremental / 'build.duckdb'}' as inc (read_only)")
    conn.execute(f"attach '{full / 'build.duckdb'}' as ful (read_only)")
    problems: dict[str, str] = {}
    try:
        tables = _tables(conn, "ful")
        assert set(tables) == set(_tables(conn, "inc"))
        for table in tables:
            schema, name = table.split(".")
            columns = conn.execute(
                "select column_name, data_type from duckdb_columns() where database_name = 'ful' "
                "and schema_name = ? and table_name = ? order by column_index",
                [schema, name],
            ).fetchall()
            inc_columns = conn.execute(
                "select column_name, data_type from duckdb_columns() where database_name = 'inc' "
                "and schema_name = ? and table_name = ? order by column_index",
                [schema, name],
            ).fetchall()
            if columns != inc_columns:
                problems[table] = f"columns differ: {inc_columns} vs {columns}"
                continue
            counts = [conn.execute(f"select count(*) from {db}.{table}").fetchone()[0] for db in ("inc", "ful")]
            if counts[0] != counts[1]:
                problems[table] = f"row counts {counts[0]} (incremental) vs {counts[1]} (full)"
                continue
            # every row, in a total order over all columns, paired by position; floats within a tight tolerance
            names = [f'"{c}"' for c, _ in columns]
            order = ", ".join(f"{n} nulls first" for n in names)
            numbered = "select row_number() over (order by {order}) as _n, * from {db}.{table}"
            checks = []
            for column, dtype in columns:
                c = f'"{column}"'
                if dtype in ("DOUBLE", "FLOAT") or dtype.startswith("DECIMAL"):
                    checks.append(
                        f"(a.{c} is null) <> (b.{c} is null) or abs(a.{c} - b.{c}) > "
                        f"{REL_TOLERANCE} * greatest(1, abs(b.{c}))"
                    )
                else:
                    checks.append(f"a.{c} is distinct from b.{c}")
            mismatched = conn.execute(
                f"select count(*), min(a._n) from ({numbered.format(order=order, db='inc', table=table)}) a "
                f"join ({numbered.format(order=order, db='ful', table=table)}) b on a._n = b._n "
                f"where {' or '.join(f'({x})' for x in checks)}"
            ).fetchone()
            if mismatched[0]:
                problems[table] = f"{mismatched[0]} of {counts[0]} rows differ (first at row {mismatched[1]})"
    finally:
        conn.close()
    return problems


def test_incremental_builds_equal_full_rebuilds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    incremental, full = tmp_path / "incremental", tmp_path / "full"

    _build(seeds, incremental, full_refresh=False)  # first build: nothing to increment from

    _append_day(seeds)
    _build(seeds, incremental, full_refresh=False)
    _build(seeds, full, full_refresh=True)
    assert _differences(incremental, full) == {}
    with duckdb.connect(str(incremental / "build.duckdb"), read_only=True) as conn:
        # the appended day is there, and the dividend un-adjusted 9988.HK's earlier closes
        assert (
            conn.execute(
                "select count(*) from marts.fct_listing_valuation_daily where date in (?, ?)", [NEW_HK_DAY, NEW_US_DAY]
            ).fetchone()[0]
            >= 7
        )
        assert conn.execute(
            "select bool_and(is_dividend_unadjusted) from intermediate.int_prices_traded_daily "
            "where symbol = '9988.HK' and date between '2025-06-01' and '2025-07-01'"
        ).fetchone()[0]

    _rewrite_history(seeds)
    _build(seeds, incremental, full_refresh=False)
    _build(seeds, full, full_refresh=True)
    assert _differences(incremental, full) == {}

    _build(
        seeds,
        incremental,
        full_refresh=False,
        dbt_vars='{"incremental_from": "2024-05-06", "incremental_to": "2024-05-31"}',
    )
    assert _differences(incremental, full) == {}


def _test_scope(warehouse: Path, test_name: str) -> str | None:
    """The first date a data test of the last build checked (None: every row)."""
    compiled = next((warehouse / "dbt_target" / "run").rglob(f"{test_name}.sql")).read_text()
    found = re.search(r"date >= cast\('(\d{4}-\d{2}-\d{2})' as date\) /\* rows not yet verified", compiled)
    return found.group(1) if found else None


def test_incremental_tests_check_the_rows_written_and_catch_a_bad_appended_row(tmp_path):
    """On an incremental build the row-level tests of an incremental model check the rows not yet verified
    (written since its tests last passed), not the whole table; a bad row in the appended day still fails the
    build, and it stays pending (tested again, failing again) until a build's tests pass on it."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    warehouse = tmp_path / "incremental"
    _build(seeds, warehouse, full_refresh=False)
    assert _test_scope(warehouse, "not_null_fct_listing_valuation_daily_close") == "0001-01-01"  # first build

    _append_day(seeds, dividend=False)
    _build(seeds, warehouse, full_refresh=False)
    _build(seeds, warehouse, full_refresh=False)  # nothing new: the row-level tests check no row
    assert _test_scope(warehouse, "not_null_fct_listing_valuation_daily_close") == "9999-12-31"
    # key uniqueness keeps checking the whole table
    assert _test_scope(warehouse, "fct_listing_valuation_daily.yml/unique_combination_of_columns_*") is None

    # the next day, BABA closes at twice its value: the ADS is worth twice the Hong Kong line (9988.HK, same day)
    header, rows = _rows(seeds / "prices" / "BABA.csv")
    bad = dict(rows[-1], date=NEW_HK_DAY)
    for col in ("open", "high", "low", "close", "adj_close"):
        if bad[col]:
            bad[col] = f"{float(bad[col]) * 2:.6f}"
    _write(seeds / "prices" / "BABA.csv", header, [*rows, bad])
    parity = "int_listing_valuation_daily_ads_parity_with_primary"
    for _ in range(2):  # the failed rows stay pending: a rebuild without new data tests (and fails) them again
        result = _run_build(seeds, warehouse, full_refresh=False)
        assert result.returncode != 0
        assert f"Failure in test {parity}" in result.stdout + result.stderr, result.stdout[-3000:]
        assert _test_scope(warehouse, parity) not in (None, "9999-12-31")


def test_daily_code_location_partitions_exactly_the_incremental_models():
    import dagster as dg

    from dagster_project import automation
    from dagster_project.definitions import build_definitions, defs

    daily_defs = build_definitions(daily_partitions=True)

    dg.Definitions.validate_loadable(daily_defs)
    graph, daily_graph = defs.resolve_asset_graph(), daily_defs.resolve_asset_graph()
    assert set(graph.get_all_asset_keys()) == set(daily_graph.get_all_asset_keys())
    assert not [k for k in graph.get_all_asset_keys() if graph.get(k).partitions_def]  # default: none
    partitioned = {"/".join(k.path) for k in daily_graph.get_all_asset_keys() if daily_graph.get(k).partitions_def}
    assert partitioned == {m.replace(".", "/") for m in INCREMENTAL_MODELS}
    # the daily schedule names the day it runs for
    schedule = automation.make_schedule(daily_defs.resolve_job_def("build_everything"), partitioned=True)
    when = datetime.datetime(2025, 7, 2, 17, 30, tzinfo=ZoneInfo("America/New_York"))
    request = schedule(dg.build_schedule_context(scheduled_execution_time=when))
    assert request.partition_key == "2025-07-02"
