"""Crashes anywhere: SIGKILL a full build (`python -m dagster_project.cli.build` and its dbt child) at N random
moments, each followed by a normal run that must succeed without manual cleanup, publish marts identical to an
uninterrupted build's, and leave no temporary file and no lock behind.

The moments are drawn from a seed (CTR_KILL_SEED, random by default) printed at the start and in every failure
message, so a failing run is replayed with CTR_KILL_SEED=<seed>. N is CTR_RANDOM_KILLS (default 20). Each kill
hits a rerun of the build in the same folder: half of them with the raw load state forgotten (every raw table
loaded in full, in its transaction), the others incremental (raw unchanged, dbt, publish), at a moment drawn
uniformly over that kind of run's measured duration. Slow: `make test-slow`.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from warehouse_state import marts_content, temporaries

from dagster_project.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow

BUILD = [sys.executable, "-m", "dagster_project.cli.build"]
KILLS = int(os.environ.get("CTR_RANDOM_KILLS", "20"))


def env_for(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CTR_TEST_")}
    return {**env, "WAREHOUSE_DIR": str(folder)}


def timed_build(folder: Path, why: str) -> float:
    started = time.monotonic()
    done = subprocess.run(BUILD, cwd=PROJECT_ROOT, env=env_for(folder), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{why}:\n{done.stderr[-3000:]}"
    return time.monotonic() - started


def forget_load_state(folder: Path) -> None:
    with duckdb.connect(str(folder / "build.duckdb")) as conn:
        conn.execute("delete from raw._load_state")


def kill_after(folder: Path, seconds: float) -> bool:
    """Start a build in its own process group and SIGKILL the group after `seconds`; False if it finished."""
    proc = subprocess.Popen(
        BUILD,
        cwd=PROJECT_ROOT,
        env=env_for(folder),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        return True
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
    return False


def test_kills_at_random_moments_recover_to_identical_marts(tmp_path):
    seed = int(os.environ.get("CTR_KILL_SEED") or random.SystemRandom().randrange(10**6))
    print(f"random kills: CTR_KILL_SEED={seed}, {KILLS} kills", flush=True)
    draw = random.Random(seed)
    folder = tmp_path / "warehouse"

    timed_build(folder, "the uninterrupted build")
    good_marts = marts_content(folder)
    durations = {"incremental": timed_build(folder, "an uninterrupted rerun")}
    assert marts_content(folder) == good_marts
    forget_load_state(folder)
    durations["full raw"] = timed_build(folder, "a rerun loading every raw table")
    assert marts_content(folder) == good_marts
    print(f"uninterrupted reruns: {', '.join(f'{k} {v:.0f}s' for k, v in durations.items())}", flush=True)

    killed, finished = [], 0
    for i in range(KILLS):
        kind = draw.choice(sorted(durations))
        moment = draw.uniform(0.0, durations[kind])
        where = f"kill {i + 1}/{KILLS} ({kind} run, {moment:.1f}s in; CTR_KILL_SEED={seed})"
        if kind == "full raw":
            forget_load_state(folder)
        if kill_after(folder, moment):
            killed.append(moment)
        else:
            finished += 1  # the run ended before the moment: nothing to kill, it is still checked below
        assert marts_content(folder) == good_marts, f"after {where}: readers see other marts"

        timed_build(folder, f"the run after {where}")  # no manual cleanup in between
        assert marts_content(folder) == good_marts, f"after {where}: the next run published other marts"
        assert not temporaries(folder), f"after {where}: temporaries left"
        left = sorted(p.name for p in folder.iterdir())
        assert left == ["build.duckdb", "parquet", "warehouse.duckdb"], f"after {where}: {left}"
        print(f"{where}: {'killed' if killed and killed[-1] == moment else 'ended first'}, recovered", flush=True)
    print(
        f"random kills: {len(killed)} SIGKILLs survived ({finished} runs ended first), moments "
        f"{', '.join(f'{m:.1f}' for m in sorted(killed))} s; run durations "
        f"{', '.join(f'{k} {v:.0f}s' for k, v in durations.items())}; seed {seed}"
    )
    assert len(killed) >= KILLS * 3 // 4, f"too few runs were still running at their moment (seed {seed})"
