"""Where things live. One environment variable, WAREHOUSE_DIR, decides where every database file goes.

Paths are made absolute here, at import time, so nothing depends on the current directory, and
WAREHOUSE_DIR is written back to the environment so the dbt profile reads the same value.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
DBT_DIR = PROJECT_ROOT / "dbt"


def warehouse_dir() -> Path:
    """The folder that holds the build database, the published warehouse and its exports."""
    path = Path(os.environ.get("WAREHOUSE_DIR") or PROJECT_ROOT / "data")
    if not path.is_absolute():
        path = (PROJECT_ROOT / path).resolve()
    os.environ["WAREHOUSE_DIR"] = str(path)
    return path


def build_db_path() -> Path:
    """Private database the pipeline writes to (raw, staging, intermediate, marts)."""
    return warehouse_dir() / "build.duckdb"


def published_db_path() -> Path:
    """Read-only copy for SQL users and BI tools, replaced atomically after a good build."""
    return warehouse_dir() / "warehouse.duckdb"


def duckdb_memory_limit() -> str:
    """Memory bound for the writers (loader, dbt, publish); DuckDB spills to disk beyond it."""
    return os.environ.get("DUCKDB_MEMORY_LIMIT", "3GB")


warehouse_dir()
