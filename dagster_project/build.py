"""The pipeline without Dagster: load raw, `dbt build`, publish. Same code paths as the assets.

Used by tests and by the benchmark (to measure Dagster's overhead); analysts use `make run`.
    python -m dagster_project.build [--select raw|dbt|publish ...] [--seeds-dir DIR] [--full-refresh]
                                    [--dbt-target-path DIR] [--dbt-vars JSON]

`dbt build` is incremental for the price-derived models (README "Incremental builds"); --full-refresh
rebuilds them from scratch; --dbt-vars '{"incremental_from": "2025-06-02", "incremental_to": "2025-06-06"}'
also recomputes those dates (what a Dagster partition does). --dbt-target-path keeps dbt's artefacts out of
dbt/target (parallel builds).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from .paths import (
    DBT_DIR,
    PROJECT_ROOT,
    SEEDS_DIR,
    build_db_path,
    duckdb_memory_limit,
    published_db_path,
    warehouse_dir,
)
from .publish import pause_for_tests
from .raw.loader import load_table, seed_files
from .raw.schemas import TABLES

STEPS = ("raw", "dbt", "publish")


def load_raw(seeds_dir: Path = SEEDS_DIR, db_path: Path | None = None) -> dict[str, int]:
    db_path = db_path or build_db_path()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # Files are named relative to the project, or to the seeds folder's parent for a copy elsewhere
    # (so an error says `seeds/prices/BABA.csv` either way).
    seeds_dir = seeds_dir.resolve()
    root = PROJECT_ROOT if seeds_dir.is_relative_to(PROJECT_ROOT) else seeds_dir.parent
    counts = {}
    with duckdb.connect(str(db_path), config={"memory_limit": duckdb_memory_limit()}) as conn:
        for spec in TABLES:  # reference tables first: later tables' cross-file rules read them
            pause_for_tests("raw-" + spec.name)
            result = load_table(conn, spec, seed_files(seeds_dir, spec), root=root, strict_cross_checks=True)
            counts[result.table] = result.row_count
            if result.mode != "unchanged":
                print(result.describe(), file=sys.stderr)  # parsed by benchmarks/run.py (RAW_MODE_RE)
    return counts


def dbt(*args: str, target_path: Path | None = None) -> None:
    """Run the dbt CLI of this interpreter's environment on the project."""
    from . import dbt_project  # noqa: F401  (puts dbt on PATH, prepares the manifest)

    command = ["dbt", *args, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)]
    if target_path is not None:
        command += ["--target-path", str(target_path)]
    subprocess.run(command, check=True, cwd=DBT_DIR)


def run(
    steps: tuple[str, ...] = STEPS,
    seeds_dir: Path = SEEDS_DIR,
    full_refresh: bool = False,
    dbt_target_path: Path | None = None,
    dbt_vars: str | None = None,
) -> None:
    warehouse_dir().mkdir(parents=True, exist_ok=True)
    for step in steps:
        started = time.perf_counter()
        if step == "raw":
            load_raw(seeds_dir)
        elif step == "dbt":
            pause_for_tests("dbt")
            options = (["--full-refresh"] if full_refresh else []) + (["--vars", dbt_vars] if dbt_vars else [])
            dbt("build", "--quiet", *options, target_path=dbt_target_path)
        elif step == "publish":
            from .publish import publish

            publish(build_db_path(), published_db_path())
        print(f"{step}: {time.perf_counter() - started:.1f}s", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--select", nargs="+", choices=STEPS, default=list(STEPS))
    parser.add_argument("--seeds-dir", type=Path, default=SEEDS_DIR)
    parser.add_argument("--full-refresh", action="store_true", help="rebuild the incremental models from scratch")
    parser.add_argument("--dbt-target-path", type=Path, default=None, help="dbt artefacts folder (default dbt/target)")
    parser.add_argument("--dbt-vars", default=None, help="dbt --vars (YAML/JSON), e.g. a forced date range")
    args = parser.parse_args(argv)
    steps = tuple(s for s in STEPS if s in args.select)
    run(steps, args.seeds_dir, args.full_refresh, args.dbt_target_path, args.dbt_vars)
    return 0


if __name__ == "__main__":
    sys.exit(main())
