"""The pipeline without Dagster: load raw, `dbt build`, publish. Same code paths as the assets.

Used by tests and by the benchmark (to measure Dagster's overhead); analysts use `make run`.
    python -m dagster_project.cli.build [--select raw|dbt|publish ...] [--seeds-dir DIR] [--full-refresh]
                                    [--dbt-target-path DIR] [--dbt-vars JSON] [--wait]

One build at a time (dagster_project/buildlock.py): when another build holds $WAREHOUSE_DIR/build.lock, this
one stops at once with one line (exit status 75), or with --wait waits for it and then builds.

`dbt build` is incremental for the price-derived models (docs/incremental-builds.md); --full-refresh
rebuilds them from scratch; --dbt-vars '{"incremental_from": "2025-06-02", "incremental_to": "2025-06-06"}'
also recomputes those dates (what a Dagster partition does). --dbt-target-path keeps dbt's artefacts out of
dbt/target (parallel builds).
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from pathlib import Path

from ..buildlock import BuildBusy, WarehouseNotWritable, build_lock
from ..database import connect_build
from ..dbt.project import run_dbt
from ..paths import (
    PROJECT_ROOT,
    build_db_path,
    engine,
    published_db_path,
    seeds_dir,
    spark_marts_dir,
    spark_raw_dir,
    warehouse_dir,
)
from ..raw import disk
from ..raw.base import Checkpoint, no_checkpoint
from ..raw.handover import hand_over
from ..raw.loader import load_table, seed_files
from ..raw.schemas import TABLES
from ..serving.publish import PublishError, publish_or_fail

STEPS = ("raw", "dbt", "publish")
EXIT_BUSY = 75  # EX_TEMPFAIL: try again later (or pass --wait)


def load_raw(seeds: Path | None = None, checkpoint: Checkpoint = no_checkpoint) -> dict[str, int]:
    # Files are named relative to the project, or to the seeds folder's parent for a copy elsewhere
    # (so an error says `seeds/prices/BABA.csv` either way).
    seeds = (seeds or seeds_dir()).resolve()
    root = PROJECT_ROOT if seeds.is_relative_to(PROJECT_ROOT) else seeds.parent
    counts = {}
    with connect_build() as conn:
        for spec in TABLES:  # reference tables first: later tables' cross-file rules read them
            checkpoint("raw-" + spec.name)
            result = load_table(conn, spec, seed_files(seeds, spec), root, True, checkpoint)
            if engine() == "spark":
                hand_over(conn, spec, spark_raw_dir())
            counts[result.table] = result.row_count
            if result.mode != "unchanged":
                print(result.describe(), file=sys.stderr)  # parsed by benchmarks/run.py (RAW_MODE_RE)
    return counts


def run(
    steps: tuple[str, ...] = STEPS,
    seeds: Path | None = None,
    full_refresh: bool = False,
    dbt_target_path: Path | None = None,
    dbt_vars: str | None = None,
    checkpoint: Checkpoint = no_checkpoint,
    wait: bool = False,
    run_id: str | None = None,
) -> None:
    """The steps in order, holding the build lock (BuildBusy when another build holds it, unless `wait`);
    `checkpoint` is called at each observable point (`build-locked`, `raw-<table>`, `dbt`, and the loader's and
    publisher's own), which the crash tests use to stop the build at a known step."""
    with build_lock(run_id or f"cli-{uuid.uuid4().hex[:12]}", wait=wait):
        checkpoint("build-locked")
        _run_steps(steps, seeds, full_refresh, dbt_target_path, dbt_vars, checkpoint)


def _run_steps(steps, seeds, full_refresh, dbt_target_path, dbt_vars, checkpoint) -> None:
    warehouse_dir().mkdir(parents=True, exist_ok=True)
    if "raw" in steps:
        disk.check(seeds or seeds_dir(), warehouse_dir())  # room for a full build, or stop before writing
    for step in steps:
        started = time.perf_counter()
        if step == "raw":
            load_raw(seeds, checkpoint)
        elif step == "dbt":
            checkpoint("dbt")  # no separate `dbt parse`: `dbt build` parses (partially) for itself
            options = (["--full-refresh"] if full_refresh else []) + (["--vars", dbt_vars] if dbt_vars else [])
            run_dbt("build", "--quiet", *options, target_path=dbt_target_path)
        elif step == "publish":
            marts = spark_marts_dir() if engine() == "spark" else None
            publish_or_fail(build_db_path(), published_db_path(), checkpoint=checkpoint, marts_parquet_dir=marts)
        print(f"{step}: {time.perf_counter() - started:.1f}s", file=sys.stderr)


def main(argv: list[str] | None = None, checkpoint: Checkpoint = no_checkpoint) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--select", nargs="+", choices=STEPS, default=list(STEPS))
    parser.add_argument("--seeds-dir", type=Path, default=None, help="seed folder (default SEEDS_DIR or seeds/)")
    parser.add_argument("--full-refresh", action="store_true", help="rebuild the incremental models from scratch")
    parser.add_argument("--dbt-target-path", type=Path, default=None, help="dbt artefacts folder (default dbt/target)")
    parser.add_argument("--dbt-vars", default=None, help="dbt --vars (YAML/JSON), e.g. a forced date range")
    parser.add_argument("--wait", action="store_true", help="wait for a build in progress instead of stopping")
    args = parser.parse_args(argv)
    steps = tuple(s for s in STEPS if s in args.select)
    try:
        run(steps, args.seeds_dir, args.full_refresh, args.dbt_target_path, args.dbt_vars, checkpoint, args.wait)
    except BuildBusy as busy:
        print(busy, file=sys.stderr)
        return EXIT_BUSY
    except (WarehouseNotWritable, PublishError) as failed:
        print(f"build failed: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
