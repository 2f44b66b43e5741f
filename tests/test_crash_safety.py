"""Crash safety: SIGKILL the pipeline (`python -m dagster_project.cli.build` with its dbt child) at several
points; the published warehouse still opens and is the last good build, the next run succeeds without
manual cleanup, and no temporary files pile up.

Kill points are made deterministic by tests/crash_build.py, which runs the build with a pause injected at
CTR_TEST_PAUSE_AT: the build announces the point on stderr and sleeps there until it is killed. The dbt kill
is timed: the build is killed while `dbt build` runs. Slow (several full builds): `make test-slow`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from warehouse_state import marts_content, parquet_differences, published_state, temporaries

from dagster_project.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow

BUILD = [sys.executable, str(Path(__file__).resolve().parent / "crash_build.py")]


def env_for(folder: Path, pause_at: str | None = None) -> dict[str, str]:
    env = dict(os.environ, WAREHOUSE_DIR=str(folder))
    env.pop("CTR_TEST_PAUSE_AT", None)
    if pause_at:
        env["CTR_TEST_PAUSE_AT"] = pause_at
    return env


def full_build(folder: Path) -> None:
    done = subprocess.run(BUILD, cwd=PROJECT_ROOT, env=env_for(folder), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]


def kill_at(
    folder: Path,
    pause_at: str | None = None,
    after_line: str | None = None,
    delay: float = 0.0,
    seeds: Path | None = None,
) -> str:
    """Start a build in its own process group; SIGKILL the group at a pause point, or `delay` seconds after
    a line appears on stderr. Returns the stderr seen so far."""
    proc = subprocess.Popen(
        BUILD + (["--seeds-dir", str(seeds)] if seeds else []),
        cwd=PROJECT_ROOT,
        env=env_for(folder, pause_at),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    wanted = f"CTR_TEST_PAUSED {pause_at}" if pause_at else after_line
    seen = []
    deadline = time.monotonic() + 600
    try:
        for line in proc.stderr:
            seen.append(line)
            if wanted in line:
                break
            assert time.monotonic() < deadline, "build never reached the kill point"
        else:
            pytest.fail(f"build ended before the kill point {wanted!r}:\n{''.join(seen)[-3000:]}")
        time.sleep(delay)
        assert proc.poll() is None, f"build finished before it could be killed at {wanted!r}"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    return "".join(seen)


def assert_last_good(folder: Path, good_state: dict[str, str], good_marts: dict[str, str]) -> None:
    assert published_state(folder) == good_state  # byte for byte, DuckDB file and Parquet
    assert marts_content(folder) == good_marts  # and it opens, read-only, with every mart


KILL_POINTS = [
    # (id, pause point, line to wait for, delay after it, what the killed run loads)
    ("raw-between-tables", "raw-fundamentals_quarterly", None, 0.0, "same"),
    # the same seeds would be "unchanged": forget the load state, so prices are loaded in full
    ("raw-inside-load-transaction", "raw-in-transaction-prices_daily", None, 0.0, "full"),
    # one more trading day in a copy of the seeds: the append path's transaction
    ("raw-inside-append-transaction", "raw-in-transaction-prices_daily", None, 0.0, "append"),
    ("dbt-running", None, "raw:", 8.0, "same"),
    ("publish-parquet-written", "publish-parquet", None, 0.0, "same"),
    # a new trading day: the publish copies the last file and rewrites only the changed years (fingerprint.py)
    ("publish-parquet-written-after-a-new-day", "publish-parquet", None, 0.0, "append"),
    ("publish-before-rename", "publish-before-rename", None, 0.0, "same"),
]


def prepare(folder: Path, loads: str, tmp_path: Path) -> Path | None:
    """Seeds for the killed run (None: the shipped ones)."""
    if loads == "full":
        with duckdb.connect(str(folder / "build.duckdb")) as conn:
            conn.execute("delete from raw._load_state")
    if loads != "append":
        return None
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", seeds)
    with (seeds / "prices" / "BABA.csv").open("a") as f:
        f.write("BABA,2026-03-27,USD,113.5,114.9,112.8,114.2,,9876500,dividend_adjusted,crash test,estimate,\n")
    return seeds


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Path:
    """One good build in a temporary WAREHOUSE_DIR, copied for each kill (a subprocess build, like `make run`)."""
    folder = tmp_path_factory.mktemp("crash") / "good"
    full_build(folder)
    return folder


@pytest.mark.parametrize("name,pause_at,after_line,delay,loads", KILL_POINTS, ids=[k[0] for k in KILL_POINTS])
def test_kill_leaves_the_last_good_warehouse_and_the_next_run_recovers(
    name, pause_at, after_line, delay, loads, good_build, tmp_path
):
    folder = tmp_path / "warehouse"
    shutil.copytree(good_build, folder, symlinks=True)
    good_state, good_marts = published_state(folder), marts_content(folder)

    kill_at(folder, pause_at, after_line, delay, seeds=prepare(folder, loads, tmp_path))
    assert_last_good(folder, good_state, good_marts)

    full_build(folder)  # no manual cleanup in between
    assert not temporaries(folder)  # the killed publisher's leftovers are gone
    assert marts_content(folder) == good_marts  # same seeds: same marts
    assert not parquet_differences(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["build.duckdb", "parquet", "warehouse.duckdb"]


def test_kill_between_the_file_and_the_parquet_swap(good_build, tmp_path):
    """Killed after the new file was renamed in, before any Parquet folder was swapped: the new file opens with
    the new day, every Parquet folder is still the last good build's whole version, and the next run brings
    the Parquet folders to the file's marts."""
    folder = tmp_path / "warehouse"
    shutil.copytree(good_build, folder, symlinks=True)
    good_state, good_marts = published_state(folder), marts_content(folder)

    kill_at(folder, "publish-after-rename", seeds=prepare(folder, "append", tmp_path))
    new_marts = marts_content(folder)
    assert new_marts != good_marts  # the file readers open is the new build's
    parquet_state = {k: v for k, v in published_state(folder).items() if k != "warehouse.duckdb"}
    assert parquet_state == {k: v for k, v in good_state.items() if k != "warehouse.duckdb"}

    full_build(folder)  # the shipped seeds again: back to the good marts, Parquet included
    assert marts_content(folder) == good_marts
    assert not parquet_differences(folder)
    assert not temporaries(folder)
