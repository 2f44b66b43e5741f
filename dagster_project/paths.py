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


def duckdb_memory_limit() -> str:
    """Memory bound for the writers (loader, dbt, publish); DuckDB spills to disk beyond it."""
    return os.environ.get("DUCKDB_MEMORY_LIMIT", "3GB")


def dbt_env() -> dict[str, str]:
    """The environment for a dbt process: the dbt profile reads the warehouse folder from WAREHOUSE_DIR."""
    return {**os.environ, "WAREHOUSE_DIR": str(warehouse_dir())}


if __name__ == "__main__":  # `python3 dagster_project/paths.py`: the warehouse folder, for shell scripts
    print(warehouse_dir())
