"""`make run`: the `build_everything` job through Dagster (recorded in DAGSTER_HOME, so the UI lists it under
Jobs and Overview), holding the build lock; then the story's headline figures and where everything is.

    python -m dagster_project.cli.run [--wait]

The terminal shows one line per stage (cli/progress.py) and the summary (cli/summary.py); the full log (Dagster's
DEBUG events, dbt's output) goes to $WAREHOUSE_DIR/logs/run-<time>-<run id>.log. On failure the last lines name
the failing dbt test or asset and that log. When another build holds $WAREHOUSE_DIR/build.lock, this one stops
at once with one line and exit status 75, or with --wait (`make run WAIT=1`) waits for it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
import uuid
from datetime import datetime, timezone

import dagster as dg

from ..buildlock import BuildBusy, WarehouseNotWritable, build_lock
from ..paths import warehouse_dir
from . import summary
from .build import EXIT_BUSY
from .origin import with_code_location_origin
from .progress import StageBoard, capture_output, make_console

JOB_NAME = "build_everything"


def _execute(run_id: str, console) -> tuple[dg.ExecuteInProcessResult, StageBoard]:
    from ..definitions import defs  # loads the dbt manifest: only once the lock is held

    job = defs.resolve_job_def(JOB_NAME)
    dbt_models = next(a for a in defs.assets if isinstance(a, dg.AssetsDefinition) and a.node_def.name == "dbt_models")
    board = StageBoard(job, set(dbt_models.check_keys), console)
    job = job.with_logger_defs({**job.loggers, "stage_progress": board.logger_def()})
    with board.progress:
        result = job.execute_in_process(
            instance=with_code_location_origin(dg.DagsterInstance.get(), JOB_NAME),  # listed in the UI's Overview
            run_id=run_id,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "DEBUG"}}, "stage_progress": {}}},
        )
    return result, board


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wait", action="store_true", help="wait for a build in progress instead of stopping")
    args = parser.parse_args(argv)
    run_id = str(uuid.uuid4())
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    log_path = warehouse_dir() / "logs" / f"run-{stamp}-{run_id[:8]}.log"
    os.environ.setdefault("DBT_USE_COLORS", "false")  # dbt's output goes to the log file: no colour codes there
    started = time.perf_counter()
    try:
        with build_lock(run_id, wait=args.wait), capture_output(log_path) as terminal:
            console = make_console(terminal)
            console.print(f"Building the warehouse: Dagster job {JOB_NAME}, run {run_id[:8]}", soft_wrap=True)
            try:
                result, board = _execute(run_id, console)
            except Exception as error:  # Dagster's own machinery failed (e.g. a full disk): say where to look
                traceback.print_exc()  # into the log file
                crash = f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}"
            else:
                crash = None
                for line in board.lines():
                    console.print(line, soft_wrap=True)
    except BuildBusy as busy:
        print(busy, file=sys.stderr)
        return EXIT_BUSY
    except WarehouseNotWritable as failed:
        print(f"build failed: {failed}", file=sys.stderr)
        return 1
    console = make_console(sys.stdout)
    if crash:
        console.print(f"\nBUILD FAILED (Dagster run {run_id}): {crash[:300]}", style="bold red", soft_wrap=True)
        console.print(f"Full log: {log_path}", soft_wrap=True)
        return 1
    if not result.success:
        _report_failure(console, board, run_id, log_path)
        return 1
    console.print(f"Built in {time.perf_counter() - started:.0f} s. Full log: {log_path}", soft_wrap=True)
    return summary.print_summary(console)


def _report_failure(console, board: StageBoard, run_id: str, log_path) -> None:
    console.print(f"\nBUILD FAILED (Dagster run {run_id}); nothing was published.", style="bold red", soft_wrap=True)
    failed_tests = board.stages["tests"].failed
    for name in failed_tests[:5]:
        console.print(f"failing dbt test: {name}", soft_wrap=True)
    for step, message in board.step_failures:
        if failed_tests and step == "dbt_models":
            continue  # named above, test by test
        console.print(f"failing asset: {step}: {message[:300]}", soft_wrap=True)
    if not failed_tests and not board.step_failures:
        console.print("the run failed before any step: see the log", soft_wrap=True)
    console.print(f"Full log: {log_path}", soft_wrap=True)


if __name__ == "__main__":
    sys.exit(main())
