"""Readers cannot write: every documented way to read the published warehouse refuses writes.

- `make sql` / `dagster_project.cli.sql.connect_read_only()`: DuckDB read-only AND locked configuration
  (no file access beyond the warehouse: no ATTACH of another file, no COPY ... TO, no extensions);
- any DuckDB client that opens the file `read_only=True` (BI tools, notebooks): no INSERT/UPDATE/DELETE/
  CREATE/DROP/ALTER, and no ATTACH of the same file read-write from that connection;
- the files themselves (warehouse.duckdb, parquet/*.parquet) are r--r--r--: a non-root account cannot
  open them for writing at all (root ignores file modes, so that part is skipped when run as root).
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import duckdb
import pytest
from warehouse_state import parquet_files, sha256

from dagster_project.serving.publish import PUBLISHED_MODE

WRITES = [
    "insert into marts.dim_company select * from marts.dim_company limit 1",
    "update marts.dim_company set sector = 'x'",
    "delete from marts.dim_company",
    "drop table marts.dim_company",
    "create table marts.injected as select 1 as x",
    "alter table marts.dim_company add column x int",
    "create schema scratch",
    "comment on table marts.dim_company is 'changed'",
]


@pytest.fixture(scope="module")
def published(built_warehouse, tmp_path_factory) -> Path:
    """A copy of the session's published warehouse (file modes preserved) in its own WAREHOUSE_DIR."""
    folder = tmp_path_factory.mktemp("read-only") / "warehouse"
    folder.mkdir()
    shutil.copy2(built_warehouse / "warehouse.duckdb", folder / "warehouse.duckdb")
    shutil.copytree(built_warehouse / "parquet", folder / "parquet", symlinks=True)
    return folder


def refused(conn: duckdb.DuckDBPyConnection, sql: str) -> bool:
    try:
        conn.execute(sql)
    except duckdb.Error:
        return True
    return False


def test_sql_shell_connection_refuses_every_write(published, monkeypatch, tmp_path):
    from dagster_project.cli.sql import connect_read_only

    monkeypatch.setenv("WAREHOUSE_DIR", str(published))
    before = sha256(published / "warehouse.duckdb")
    outside = tmp_path / "exfiltrated.csv"
    attempts = [
        *WRITES,
        f"attach '{published / 'warehouse.duckdb'}' as rw (read_only false)",
        f"attach '{tmp_path / 'other.duckdb'}' as other",
        f"copy marts.dim_company to '{outside}'",
        f"copy (select 1) to '{published / 'parquet' / 'dim_company.parquet'}' (format parquet)",
        "set enable_external_access = true",
        "reset enable_external_access",
        "install httpfs",
    ]
    conn = connect_read_only()
    try:
        assert conn.execute("select count(*) from marts.dim_company").fetchone()[0] > 0  # reading works
        allowed = [sql for sql in attempts if not refused(conn, sql)]
    finally:
        conn.close()
    assert allowed == []
    assert not outside.exists() and not (tmp_path / "other.duckdb").exists()
    assert sha256(published / "warehouse.duckdb") == before
    print(f"write attempts refused (sql shell): {len(attempts)}")


def test_any_read_only_duckdb_client_refuses_writes(published):
    path = published / "warehouse.duckdb"
    before = sha256(path)
    attempts = [*WRITES, f"attach '{path}' as rw (read_only false)", "detach warehouse"]
    with duckdb.connect(str(path), read_only=True) as conn:
        allowed = [sql for sql in attempts if not refused(conn, sql)]
    assert allowed == []
    assert sha256(path) == before
    print(f"write attempts refused (read-only client): {len(attempts)}")


def test_published_files_are_read_only_on_disk(published):
    files = [published / "warehouse.duckdb", *parquet_files(published).values()]
    assert len(files) > 1
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == PUBLISHED_MODE, path


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file modes; run as a normal user to prove this")
def test_non_root_cannot_open_published_files_for_writing(published):
    path = published / "warehouse.duckdb"
    with pytest.raises(PermissionError):
        path.open("r+b")
    with pytest.raises(duckdb.Error):
        duckdb.connect().execute(f"attach '{path}' as rw (read_only false)")
    for parquet in parquet_files(published).values():
        with pytest.raises(PermissionError):
            parquet.open("r+b")


def test_parquet_exports_are_readable_not_writable_through_duckdb(published):
    """Parquet is read with read_parquet; DuckDB has no statement that modifies a Parquet file in place."""
    parquet = published / "parquet" / "dim_company" / "data_0.parquet"
    before = sha256(parquet)
    conn = duckdb.connect()
    assert conn.execute(f"select count(*) from read_parquet('{parquet}')").fetchone()[0] > 0
    assert refused(conn, f"insert into read_parquet('{parquet}') values (1)")
    assert refused(conn, f"create view v as select * from read_parquet('{parquet}'); insert into v values (1)")
    assert sha256(parquet) == before


def test_republishing_replaces_a_read_only_file(tmp_path):
    """0444 does not stop the pipeline: publishing renames a new file over the old one."""
    from dagster_project.serving.publish import publish

    build, target = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    for value in (1, 2):
        with duckdb.connect(str(build)) as conn:
            conn.execute("create schema if not exists marts; create schema if not exists raw")
            conn.execute("create or replace table marts.fct_x as select ? as v", [value])
            conn.execute(
                "create or replace table raw._seed_files as select 't' as table_name, 'f' as file, 'h' as sha256"
            )
        publish(build, target)
        assert stat.S_IMODE(target.stat().st_mode) == PUBLISHED_MODE
        with duckdb.connect(str(target), read_only=True) as conn:
            assert conn.execute("select v from marts.fct_x").fetchone()[0] == value
