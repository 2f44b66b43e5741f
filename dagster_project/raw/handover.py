"""Hand the validated raw tables to Spark: one Parquet file per table under `paths.spark_raw_dir()`.

The loader stays the one place for every rule; Spark's dbt sources read these files (dbt/macros/
spark_sources.sql). Each file is written next to its final name and renamed over it, so a Spark build never
reads half a table, and a crash leaves the previous file (and a temporary that the next hand-over removes).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from .schemas import RawTable

TMP_PREFIX = ".handover-"


def hand_over(conn: duckdb.DuckDBPyConnection, spec: RawTable, dest: Path) -> Path:
    """Write `raw.<table>` (its declared columns, not the loader's bookkeeping) to `dest/<table>.parquet`."""
    dest.mkdir(parents=True, exist_ok=True)
    for stale in dest.glob(f"{TMP_PREFIX}*"):
        stale.unlink(missing_ok=True)
    final = dest / f"{spec.name}.parquet"
    tmp = dest / f"{TMP_PREFIX}{os.getpid()}-{spec.name}.parquet"
    columns = ", ".join(f'"{c}"' for c in spec.column_names)
    conn.execute(f"copy (select {columns} from raw.{spec.name}) to '{tmp}' (format parquet)")
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, final)
    return final
