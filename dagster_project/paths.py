"""Where things live: the project's folders and the warehouse location, resolved in one function.

Standard library only, so `bi/` (its own virtualenv) imports this module too. Nothing is changed in the
environment: a process that starts dbt passes `dbt_env()` to it.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
DBT_DIR = PROJECT_ROOT / "dbt"


def warehouse_dir() -> Path:
    """The folder that holds the build database, the published warehouse and its exports: `WAREHOUSE_DIR`
    (a relative path is taken from the project folder, whatever the current directory), default `data/`."""
    path = Path(os.environ.get("WAREHOUSE_DIR") or PROJECT_ROOT / "data")
    return path if path.is_absolute() else (PROJECT_ROOT / path).resolve()


def seeds_dir() -> Path:
    """The seed folder the pipeline loads: `SEEDS_DIR` (e.g. generated benchmark seeds), default `seeds/`."""
    path = Path(os.environ.get("SEEDS_DIR") or SEEDS_DIR)
    return path if path.is_absolute() else (PROJECT_ROOT / path).resolve()


def build_db_path() -> Path:
    """Private database the pipeline writes to (raw, staging, intermediate, marts)."""
    return warehouse_dir() / "build.duckdb"


def published_db_path() -> Path:
    """Read-only copy for SQL users and BI tools, replaced atomically after a good build."""
    return warehouse_dir() / "warehouse.duckdb"


# The writers' default share of the machine's memory (3 GiB on a 24 GiB machine): the build shares the machine
# with dbt's threads, readers and other work, and every stage spills to disk beyond its bound.
MEMORY_SHARE = 1 / 8


def machine_memory_bytes() -> int:
    """Physical memory, or the cgroup's limit when it is lower (a container)."""
    total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    for limit_file in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            text = Path(limit_file).read_text().strip()
        except OSError:
            continue
        if text.isdigit():
            total = min(total, int(text))
    return total


def duckdb_memory_limit() -> str:
    """Memory bound for the writers (loader, dbt, publish): `DUCKDB_MEMORY_LIMIT` (e.g. `8GB`), default
    MEMORY_SHARE of the machine's memory. DuckDB spills to `duckdb_temp_dir()` beyond it."""
    configured = os.environ.get("DUCKDB_MEMORY_LIMIT", "").strip()
    if configured:
        return configured
    return f"{max(256, int(machine_memory_bytes() * MEMORY_SHARE) >> 20)}MiB"


def duckdb_temp_dir() -> Path:
    """Where every DuckDB writer spills (sorts, joins, aggregates, staging beyond the memory bound): on the
    warehouse's own disk, whose free space a full build checks first. DuckDB creates it when it first spills,
    names its files per process, and removes them (and the folder, once empty) when the connection closes."""
    return warehouse_dir() / ".duckdb_tmp"


ENGINES = ("duckdb", "spark")


def engine() -> str:
    """The engine dbt builds the models on: `ENGINE` = duckdb (default) or spark. The raw load (validation)
    and the published warehouse are DuckDB's either way, so readers never see which engine built the marts."""
    value = (os.environ.get("ENGINE") or "duckdb").strip().lower()
    if value not in ENGINES:
        raise ValueError(f"ENGINE={value!r}: expected one of {', '.join(ENGINES)}")
    return value


def spark_dir() -> Path:
    """Spark's side of the warehouse: raw/ (the loader's Parquet hand-over), warehouse/ (Spark's tables, one
    folder of Parquet files per table) and metastore_db/ (its catalogue). dbt/profiles.yml reads the same paths."""
    return warehouse_dir() / "spark"


def spark_raw_dir() -> Path:
    return spark_dir() / "raw"


def spark_marts_dir() -> Path:
    return spark_dir() / "warehouse" / "marts.db"


def dbt_env() -> dict[str, str]:
    """The environment for a dbt process: the dbt profile reads the warehouse folder (WAREHOUSE_DIR), the
    memory bound (DUCKDB_MEMORY_LIMIT) and where to spill (DUCKDB_TEMP_DIRECTORY) from it."""
    return {**os.environ, **dbt_settings()}


def dbt_settings() -> dict[str, str]:
    """The variables the dbt profile reads, as this process resolves them."""
    return {
        "WAREHOUSE_DIR": str(warehouse_dir()),
        "DUCKDB_MEMORY_LIMIT": duckdb_memory_limit(),
        "DUCKDB_TEMP_DIRECTORY": str(duckdb_temp_dir()),
    }


if __name__ == "__main__":  # `python3 dagster_project/paths.py`: the warehouse folder, for shell scripts
    print(warehouse_dir())
