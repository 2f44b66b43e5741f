"""Disk as a resource: before a build loads raw tables, check that the warehouse folder has room for it.

The estimate comes from the seed files' size, with ratios measured by `benchmarks/scale.py` (the warehouse
folder's peak over a full build, DuckDB's spill folder included, per byte of CSV read): the build database
holds the raw tables, a staging copy during the load, and the models; DuckDB spills sorts and joins beyond its
memory bound; publishing writes a new file and Parquet copies beside the old ones before one rename. An
existing build database counts as room: the next build reuses its blocks. `WAREHOUSE_DISK_CHECK=0` skips it.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

# Peak bytes a full build adds to the warehouse folder per byte of seed CSV, by what holds them. Measured at
# 2,000 listings x 10 years (0.86 GiB of CSV; benchmarks/README.md, "Scale"): build database 1.57x after dbt,
# published file + Parquet 0.93x, folder peak 2.50x; spill is small at that scale with a 3 GiB bound and grows
# with the data past the bound (a guess until the 50,000-listing run). Each with a margin.
BUILD_DB_PER_INPUT_BYTE = 1.8  # raw tables (+ the load's staging copy) and dbt's tables
SPILL_PER_INPUT_BYTE = 0.3  # DuckDB's temp files at their peak
PUBLISHED_PER_INPUT_BYTE = 1.0  # the new published file + Parquet, while the old ones still exist
MARGIN_BYTES = 256 << 20


class NotEnoughDisk(RuntimeError):
    """The warehouse folder cannot hold the build: raised before anything is written."""


@dataclass(frozen=True)
class Estimate:
    input_bytes: int
    required_bytes: int  # free space the build needs in the warehouse folder


def estimate(seeds: Path, warehouse: Path) -> Estimate:
    """Free space a full build from `seeds` needs in `warehouse`, net of the build database it reuses."""
    input_bytes = sum(p.stat().st_size for p in Path(seeds).rglob("*.csv"))
    build_db = Path(warehouse) / "build.duckdb"
    reused = build_db.stat().st_size if build_db.exists() else 0
    required = (
        max(0, int(input_bytes * BUILD_DB_PER_INPUT_BYTE) - reused)
        + int(input_bytes * (SPILL_PER_INPUT_BYTE + PUBLISHED_PER_INPUT_BYTE))
        + MARGIN_BYTES
    )
    return Estimate(input_bytes, required)


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def remove_stale_spill_files(warehouse: Path) -> list[Path]:
    """DuckDB's spill files left by a killed process (`duckdb_temp_<pid>_...` in `.duckdb_tmp/`), and the
    folder once empty: a live process's files stay."""
    folder = Path(warehouse) / ".duckdb_tmp"
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.glob("duckdb_temp_*"):
        pid = path.name.split("_")[2]
        if pid.isdigit() and not _alive(int(pid)):
            path.unlink(missing_ok=True)
            removed.append(path)
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty: another process spills there
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def check(seeds: Path, warehouse: Path) -> None:
    """Stop with a clear message when the warehouse folder's disk cannot hold a full build from `seeds`
    (after removing what a killed build left in the spill folder)."""
    remove_stale_spill_files(warehouse)
    if os.environ.get("WAREHOUSE_DISK_CHECK", "1").strip().lower() in {"0", "false", "no", "off"}:
        return
    folder = Path(warehouse)
    need = estimate(seeds, folder)
    existing = folder if folder.exists() else next(p for p in folder.parents if p.exists())
    free = free_bytes(existing)
    if free < need.required_bytes:
        raise NotEnoughDisk(
            f"Not enough disk space for this build in WAREHOUSE_DIR ({folder}): {gib(free)} free, about "
            f"{gib(need.required_bytes)} needed for {gib(need.input_bytes)} of seed CSV (build database, DuckDB's "
            "spill files under .duckdb_tmp/, and the published copy beside the current one). Free some space, "
            "or point WAREHOUSE_DIR at a larger disk; WAREHOUSE_DISK_CHECK=0 skips this check."
        )


def gib(n: int) -> str:
    return f"{n / 2**30:.1f} GiB" if n >= 2**30 else f"{n / 2**20:.0f} MiB"
