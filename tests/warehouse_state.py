"""What readers can see of a published warehouse folder, to compare before and after a build: file hashes (the
DuckDB file and every Parquet file of every mart, parquet/<mart> -> .versions/<mart>@<version>), mart contents,
Parquet against the file, and the publisher's temporaries."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from dagster_project.serving.publish import BUILD_INFO_TABLE, TMP_PREFIX


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parquet_files(folder: Path) -> dict[str, Path]:
    """`parquet/<mart>/<partition>/<file>` -> the file, for every mart folder readers see."""
    root = folder / "parquet"
    files: dict[str, Path] = {}
    for mart in sorted(root.iterdir()) if root.is_dir() else ():
        if mart.name.startswith(".") or not mart.is_dir():
            continue
        base = mart.resolve()
        for file in sorted(base.rglob("*.parquet")):
            files[f"parquet/{mart.name}/{file.relative_to(base)}"] = file
    return files


def published_state(folder: Path) -> dict[str, str]:
    """Hash of the published file and of every Parquet file (through each mart's folder link): what readers see."""
    state = {"warehouse.duckdb": sha256(folder / "warehouse.duckdb")}
    state.update({name: sha256(path) for name, path in parquet_files(folder).items()})
    return state


def marts_content(folder: Path) -> dict[str, str]:
    """Row count and md5 of the rows of every published mart (the build-info table aside)."""
    with duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts' and table_name <> ? order by 1",
                [BUILD_INFO_TABLE],
            ).fetchall()
        ]
        return {
            t: conn.execute(
                f"select count(*) || ':' || coalesce(md5(string_agg(t::varchar, '|' order by t::varchar)), '') "
                f"from marts.{t} t"
            ).fetchone()[0]
            for t in tables
        }


def temporaries(folder: Path) -> list[Path]:
    """The publisher's leftovers next to the published file and the Parquet exports."""
    return sorted([*folder.glob(f"{TMP_PREFIX}*"), *(folder / "parquet").glob(f"{TMP_PREFIX}*")])


def parquet_differences(folder: Path) -> list[str]:
    """Marts whose Parquet folder does not hold exactly the published file's rows (empty: all agree)."""
    problems = []
    with duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts' "
                "and table_name <> 'warehouse_build_info' order by 1"
            ).fetchall()
        ]
        for table in tables:
            files = f"{folder / 'parquet' / table}/**/*.parquet"
            parquet = f"read_parquet('{files}', hive_partitioning = false)"
            diff = conn.execute(
                f"select (select count(*) from (select * from marts.{table} except all select * from {parquet})),"
                f" (select count(*) from (select * from {parquet} except all select * from marts.{table}))"
            ).fetchone()
            if diff != (0, 0):
                problems.append(f"{table}: {diff[0]} rows only in the file, {diff[1]} only in Parquet")
    return problems
