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
    assert (tmp_path / "parquet" / "fct_example.parquet").exists()
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
