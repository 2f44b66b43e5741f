"""The build (`python -m dagster_project.cli.build`) with a pause injected at one step, for the crash tests.

    CTR_TEST_PAUSE_AT=<step> python tests/crash_build.py [build options]

At <step> the build announces `CTR_TEST_PAUSED <step>` on stderr and sleeps (CTR_TEST_PAUSE_SECONDS, default
600) until the test kills it, or until the file CTR_TEST_RESUME_FILE exists. Steps: build-locked (the build
lock taken, nothing opened yet), raw-<table> (before loading it), raw-in-transaction-<table> (inside its load
transaction), dbt (before dbt build), publish-parquet (all Parquet files written, none renamed yet),
publish-before-rename (the new file complete, not yet renamed over the old one).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dagster_project.cli import build  # noqa: E402


def pause_at(step: str) -> None:
    if os.environ.get("CTR_TEST_PAUSE_AT") == step:
        print(f"CTR_TEST_PAUSED {step}", file=sys.stderr, flush=True)
        until = time.monotonic() + float(os.environ.get("CTR_TEST_PAUSE_SECONDS", "600"))
        resume = os.environ.get("CTR_TEST_RESUME_FILE")  # the pause ends early once this file exists
        while time.monotonic() < until and not (resume and os.path.exists(resume)):
            time.sleep(0.1)


if __name__ == "__main__":
    sys.exit(build.main(sys.argv[1:], checkpoint=pause_at))
