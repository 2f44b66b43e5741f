"""`make run`: every asset through Dagster (recorded in DAGSTER_HOME like any run), holding the build lock.

    python -m dagster_project.cli.run [--wait]

When another build holds $WAREHOUSE_DIR/build.lock (a second `make run`, the schedule, a run from the UI, a
command-line build), this one stops at once with one line and exit status 75, or with --wait (`make run
WAIT=1`) waits for it. The Dagster run takes the same lock; in this process it already holds it.
"""

from __future__ import annotations

import argparse
import sys
import uuid

import dagster as dg

from ..buildlock import BuildBusy, WarehouseNotWritable, build_lock
from .build import EXIT_BUSY


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wait", action="store_true", help="wait for a build in progress instead of stopping")
    args = parser.parse_args(argv)
    run_id = str(uuid.uuid4())
    try:
        with build_lock(run_id, wait=args.wait):
            from ..definitions import defs  # loads the dbt manifest: only once the lock is held

            result = defs.resolve_implicit_global_asset_job_def().execute_in_process(
                instance=dg.DagsterInstance.get(), run_id=run_id, raise_on_error=False
            )
    except BuildBusy as busy:
        print(busy, file=sys.stderr)
        return EXIT_BUSY
    except WarehouseNotWritable as failed:
        print(f"build failed: {failed}", file=sys.stderr)
        return 1
    if not result.success:
        failures = [
            f"{e.step_key}: {(e.step_failure_data.error.message if e.step_failure_data.error else '').strip()}"
            for e in result.all_events
            if e.is_step_failure
        ]
        print(f"build failed (Dagster run {run_id}): " + "; ".join(failures or ["see the run's logs"]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
