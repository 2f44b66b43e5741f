"""Reruns: the same seeds give the same marts, bit for bit; one changed seed value changes exactly the
rows that depend on it.

Run 1 is the session's good build; each test reruns the whole pipeline (raw -> dbt build -> publish) in
a copy of it, on top of its existing build database, as the schedule would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from dagster_project.cli import build
from dagster_project.paths import SEEDS_DIR
from dagster_project.serving.publish import BUILD_INFO_TABLE

# The changed value: one close of an ETF that is nobody's benchmark and no company's listing, so every row
# that depends on it names it (rows of MCHI itself). Not KWEB: it is the event study's benchmark for the
# Chinese ADRs (var event_study_benchmarks), so the CAAR across listings depends on it without naming it.
CHANGED_SYMBOL, CHANGED_DATE, FACTOR = "MCHI", "2024-06-12", 1.10


def mart_tables(conn: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "select table_name from duckdb_tables() where database_name = ? and schema_name = 'marts' "
            "and table_name <> ? order by 1",
            [catalog, BUILD_INFO_TABLE],
        ).fetchall()
    ]


def marts_content(path: Path) -> dict[str, tuple[int, str]]:
    """Row count and md5 of every mart's rows in a fixed order (no tolerance: any bit counts)."""
    with duckdb.connect(str(path), read_only=True) as conn:
        catalog = conn.execute("select current_database()").fetchone()[0]
        return {
            t: conn.execute(
                f"select count(*), coalesce(md5(string_agg(t::varchar, '|' order by t::varchar)), '') from marts.{t} t"
            ).fetchone()
            for t in mart_tables(conn, catalog)
        }


@pytest.fixture
def rerun_folder(built_warehouse, tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "warehouse"
    shutil.copytree(built_warehouse, folder, ignore=shutil.ignore_patterns("dagster_home"))
    monkeypatch.setenv("WAREHOUSE_DIR", str(folder))
    return folder


def test_rerun_on_unchanged_seeds_gives_identical_marts(built_warehouse, rerun_folder):
    first = marts_content(built_warehouse / "warehouse.duckdb")
    build.run()
    second = marts_content(rerun_folder / "warehouse.duckdb")
    assert first.keys() == second.keys() and len(first) > 0
    different = [t for t in first if first[t] != second[t]]
    assert different == []
    with (
        duckdb.connect(str(rerun_folder / "warehouse.duckdb"), read_only=True) as a,
        duckdb.connect(str(built_warehouse / "warehouse.duckdb"), read_only=True) as b,
    ):
        query = f"select seed_fingerprint_sha256 from marts.{BUILD_INFO_TABLE}"
        assert a.execute(query).fetchone() == b.execute(query).fetchone()
    print(f"reruns compared: {len(first)} marts, {sum(n for n, _ in first.values())} rows, identical")


def test_one_changed_close_changes_only_the_rows_that_depend_on_it(built_warehouse, rerun_folder, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    file = seeds / "prices" / f"{CHANGED_SYMBOL}.csv"
    lines = file.read_text().splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    at = next(i for i, line in enumerate(lines) if line.split(",")[1] == CHANGED_DATE)
    fields = lines[at].split(",")
    old_close = float(fields[header.index("close")])
    new_close = round(old_close * FACTOR, 6)
    fields[header.index("close")] = f"{new_close}"
    lines[at] = ",".join(fields)
    file.write_text("".join(lines))

    build.run(seeds=seeds)

    conn = duckdb.connect()
    conn.execute(f"attach '{built_warehouse / 'warehouse.duckdb'}' as old (read_only)")
    conn.execute(f"attach '{rerun_folder / 'warehouse.duckdb'}' as new (read_only)")
    changed, unrelated = {}, {}
    for table in mart_tables(conn, "new"):
        diff = f"""
            ((select * from old.marts.{table} except all select * from new.marts.{table})
             union all
             (select * from new.marts.{table} except all select * from old.marts.{table})) d
        """
        changed[table] = conn.execute(f"select count(*) from {diff}").fetchone()[0]
        # A row that depends on the changed close names the symbol in one of its text columns
        # (symbol, benchmark_symbol, ...).
        text_columns = [
            r[0]
            for r in conn.execute(
                "select column_name from duckdb_columns() where database_name = 'new' and schema_name = 'marts' "
                "and table_name = ? and data_type = 'VARCHAR'",
                [table],
            ).fetchall()
        ]
        names_it = " or ".join(f"d.\"{c}\" = '{CHANGED_SYMBOL}'" for c in text_columns) or "false"
        unrelated[table] = conn.execute(
            f"select count(*) from {diff} where not coalesce({names_it}, false)"
        ).fetchone()[0]
    assert mart_tables(conn, "new") == mart_tables(conn, "old")
    assert {t: n for t, n in unrelated.items() if n} == {}, changed
    assert sum(changed.values()) > 0
    # The mart's close may be re-based (dividend adjustment undone): compare the ratio, not the level.
    old_mart, new_mart = (
        conn.execute(
            f"select close from {db}.marts.fct_listing_valuation_daily where symbol = ? and date = ?",
            [CHANGED_SYMBOL, CHANGED_DATE],
        ).fetchone()[0]
        for db in ("old", "new")
    )
    assert new_mart / old_mart == pytest.approx(new_close / old_close, rel=1e-6)
    print(f"one changed close: rows changed per mart {dict((t, n) for t, n in changed.items() if n)}")
