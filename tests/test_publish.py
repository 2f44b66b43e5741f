"""Publishing: a complete file replaces the old one in one rename; old readers are never disturbed."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

from dagster_project.serving.publish import BUILD_INFO_TABLE, TMP_PREFIX, publish


def _make_build(path, value: int) -> None:
    with duckdb.connect(str(path)) as conn:
        conn.execute(
            "create schema if not exists marts; create schema if not exists raw; create schema if not exists staging"
        )
        conn.execute(
            "create or replace table marts.fct_example as select range as id, ? as build from range(100)", [value]
        )
        conn.execute("comment on table marts.fct_example is 'an example mart'")
        conn.execute("create or replace table staging.not_published as select 1 as x")
        conn.execute(
            "create or replace table raw._seed_files as "
            "select 'prices_daily' as table_name, 'a.csv' as file, ? as sha256",
            [str(value)],
        )


def test_publish_copies_marts_only_with_build_info(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _make_build(build, 1)
    result = publish(build, published)
    assert result.tables == {"fct_example": 100}
    with duckdb.connect(str(published), read_only=True) as conn:
        schemas = {
            r[0]
            for r in conn.execute(
                "select schema_name from duckdb_schemas() where database_name = current_database()"
            ).fetchall()
        }
        assert "staging" not in schemas and "raw" not in schemas
        info = conn.execute(f"select seed_fingerprint_sha256, table_count from marts.{BUILD_INFO_TABLE}").fetchone()
        assert info == (result.seed_fingerprint, 1)
        comment = conn.execute("select comment from duckdb_tables() where table_name = 'fct_example'").fetchone()[0]
        assert comment == "an example mart"
    assert (tmp_path / "parquet" / "fct_example" / "data_0.parquet").exists()
    assert not list(tmp_path.glob(f"{TMP_PREFIX}*"))


def test_open_reader_keeps_its_build_and_does_not_block_publishing(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _make_build(build, 1)
    publish(build, published)
    reader = duckdb.connect(str(published), read_only=True)
    try:
        _make_build(build, 2)
        publish(build, published)  # must not fail on the reader's open file
        assert reader.execute("select distinct build from marts.fct_example").fetchall() == [(1,)]
        # A new reader (another process: DuckDB shares one instance per file within a process) sees build 2.
        query = "select distinct build from marts.fct_example"
        code = f"import duckdb; print(duckdb.connect({str(published)!r}, read_only=True).execute({query!r}).fetchall())"
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        assert out.strip() == "[(2,)]"
    finally:
        reader.close()


def test_failed_publish_leaves_the_previous_warehouse(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _make_build(build, 1)
    publish(build, published)
    before = published.read_bytes()
    with duckdb.connect(str(build)) as conn:
        conn.execute("drop table marts.fct_example")
    with pytest.raises(RuntimeError, match="nothing to publish"):
        publish(build, published)
    assert published.read_bytes() == before


def test_stale_temporaries_of_dead_publishers_are_removed(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _make_build(build, 1)
    dead_pid = 2**22 + 12345  # above the default pid_max: never a live process
    stale = tmp_path / f"{TMP_PREFIX}{dead_pid}-warehouse.duckdb"
    stale.write_bytes(b"half written")
    publish(build, published)
    assert not stale.exists()
    assert os.path.exists(published)


# --------------------------------------------------------------------- publishing proportional to the change
def _dated_build(path, rows_2025: int = 30, value: int = 1, extra_column: bool = False) -> None:
    """A dated mart over 2023-2025 (one partition per year), an undated one, and the seed bookkeeping."""
    with duckdb.connect(str(path)) as conn:
        conn.execute("create schema if not exists marts; create schema if not exists raw")
        conn.execute(
            "create or replace table marts.fct_daily as "
            "select d::date as date, 'S' || (i % 3) as symbol, i * 1.5 as value"
            + (", 1 as extra" if extra_column else "")
            + " from (select unnest(generate_series(date '2023-01-02', date '2024-12-31', interval 5 day)) as d,"
            " row_number() over () as i)"
        )
        conn.execute(
            "insert into marts.fct_daily by name select date '2025-01-01' + i::int as date, 'S' || (i % 3) as symbol, "
            "i * ? as value" + (", 1 as extra" if extra_column else "") + " from range(?) t(i)",
            [value, rows_2025],
        )
        conn.execute("comment on column marts.fct_daily.value is 'a value'")
        conn.execute("create or replace table marts.dim_symbol as select 'S' || range as symbol from range(3)")
        conn.execute(
            "create or replace table raw._seed_files as "
            "select 'prices_daily' as table_name, 'a.csv' as file, ? as sha256",
            [str(rows_2025)],
        )


def _published_rows(published, table: str) -> list[tuple]:
    with duckdb.connect(str(published), read_only=True) as conn:
        return sorted(conn.execute(f"select * from marts.{table}").fetchall())


def _parquet_rows(folder, table: str) -> list[tuple]:
    files = f"{folder / 'parquet' / table}/**/*.parquet"
    return sorted(duckdb.sql(f"select * from read_parquet('{files}', hive_partitioning = false)").fetchall())


def _build_rows(build, table: str) -> list[tuple]:
    with duckdb.connect(str(build), read_only=True) as conn:
        return sorted(conn.execute(f"select * from marts.{table}").fetchall())


def test_a_new_day_rewrites_one_year_and_links_the_others(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _dated_build(build, rows_2025=30)
    first = publish(build, published)
    assert first.changes["fct_daily"] == "whole table / parquet 3 of 3"
    years = {y: (tmp_path / "parquet" / "fct_daily" / f"year={y}" / "data_0.parquet") for y in (2023, 2024, 2025)}
    inodes = {y: p.stat().st_ino for y, p in years.items()}

    _dated_build(build, rows_2025=31)  # one more day in 2025; 2023, 2024 and the undated mart unchanged
    second = publish(build, published)

    assert second.changes == {
        "fct_daily": "1 of 3 years / parquet 1 of 3",
        "dim_symbol": "unchanged / parquet 0 of 1",
    }
    assert second.tables == {"fct_daily": first.tables["fct_daily"] + 1, "dim_symbol": 3}
    assert {y: p.stat().st_ino for y, p in years.items() if y != 2025} == {2023: inodes[2023], 2024: inodes[2024]}
    assert years[2025].stat().st_ino != inodes[2025]
    for table in ("fct_daily", "dim_symbol"):
        assert _published_rows(published, table) == _build_rows(build, table), table
        assert _parquet_rows(tmp_path, table) == _build_rows(build, table), table
    with duckdb.connect(str(published), read_only=True) as conn:
        assert conn.execute(
            "select comment from duckdb_columns() where table_name = 'fct_daily' and column_name = 'value'"
        ).fetchone() == ("a value",)
    assert not list(tmp_path.glob(f"{TMP_PREFIX}*")) and not list((tmp_path / "parquet").glob(f"{TMP_PREFIX}*"))


def test_changed_history_a_new_column_and_a_dropped_mart(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _dated_build(build)
    publish(build, published)
    with duckdb.connect(str(build)) as conn:  # a restated 2023: its year is rewritten, the others kept
        conn.execute("update marts.fct_daily set value = value + 1 where year(date) = 2023")
    assert publish(build, published).changes["fct_daily"] == "1 of 3 years / parquet 1 of 3"
    assert _published_rows(published, "fct_daily") == _build_rows(build, "fct_daily")
    assert _parquet_rows(tmp_path, "fct_daily") == _build_rows(build, "fct_daily")

    _dated_build(build, extra_column=True)  # another shape: the whole mart is rewritten
    with duckdb.connect(str(build)) as conn:
        conn.execute("drop table marts.dim_symbol")
    result = publish(build, published)
    assert result.changes == {"fct_daily": "whole table / parquet 3 of 3"}
    assert _published_rows(published, "fct_daily") == _build_rows(build, "fct_daily")
    assert _parquet_rows(tmp_path, "fct_daily") == _build_rows(build, "fct_daily")
    with duckdb.connect(str(published), read_only=True) as conn:
        assert conn.execute("select table_name from duckdb_tables() where table_name = 'dim_symbol'").fetchall() == []
    assert not (tmp_path / "parquet" / "dim_symbol").exists()
    assert not list((tmp_path / "parquet" / ".versions").glob("dim_symbol@*"))


def test_a_parquet_reader_keeps_the_version_it_resolved_until_the_next_publish(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _dated_build(build, rows_2025=30)
    publish(build, published)
    opened = (tmp_path / "parquet" / "fct_daily").resolve()  # what a reader listing the folder resolved
    _dated_build(build, rows_2025=31)
    publish(build, published)
    assert (tmp_path / "parquet" / "fct_daily").resolve() != opened
    assert len(list(opened.rglob("*.parquet"))) == 3  # still whole for a reader that resolved it before
    _dated_build(build, rows_2025=32)
    publish(build, published)
    assert not opened.exists()  # two publishes later it is gone
    versions = sorted(p.name for p in (tmp_path / "parquet" / ".versions").glob("fct_daily@*"))
    assert len(versions) == 2, versions  # the published version and the one it replaced


def test_a_file_from_before_fingerprints_is_replaced_whole(tmp_path):
    """A published file without fingerprints (an older publisher, or another storage version): every mart is
    written into a new file, as on the first publish; the single-file Parquet layout is removed."""
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _dated_build(build)
    with duckdb.connect(str(published)) as conn:
        conn.execute("create schema marts; create table marts.warehouse_build_info as select 1 as table_count")
    (tmp_path / "parquet").mkdir()
    (tmp_path / "parquet" / "fct_daily.parquet").write_bytes(b"old layout")
    result = publish(build, published)
    assert set(result.changes.values()) == {"whole table / parquet 3 of 3", "whole table / parquet 1 of 1"}
    assert _published_rows(published, "fct_daily") == _build_rows(build, "fct_daily")
    assert not (tmp_path / "parquet" / "fct_daily.parquet").exists()
