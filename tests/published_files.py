"""What readers can see of a published warehouse folder: the DuckDB file and every Parquet file of every mart
(through each mart's folder link, parquet/<mart> -> .versions/<mart>@<version>), and publishing's leftovers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from dagster_project.serving.publish import TMP_PREFIX


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
    """Hash of the published file and of every Parquet file: what readers can see."""
    state = {"warehouse.duckdb": sha256(folder / "warehouse.duckdb")}
    state.update({name: sha256(path) for name, path in parquet_files(folder).items()})
    return state


def temporaries(folder: Path) -> list[Path]:
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
