"""One build at a time (dagster_project/buildlock.py): two builds started together, as a user would (two
terminals running a build, or the schedule/UI and a terminal), never meet in the build database. The second
stops at once with one line naming the first (PID, start, run id), or waits for it with --wait; a lock left by a
killed build is taken over with a log line; Dagster's run queue starts one build run at a time.

The first build is held at its `build-locked` checkpoint (tests/crash_build.py), the moment it holds the lock
and has opened nothing for writing yet, so the overlap is certain rather than a race.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import dagster as dg
import pytest

from dagster_project.buildlock import LOCK_NAME, BuildBusy, BuildLock, build_lock, holds_lock, read_holder
from dagster_project.paths import PROJECT_ROOT

CRASH_BUILD = [sys.executable, str(Path(__file__).resolve().parent / "crash_build.py")]
CLI_BUILD = [sys.executable, "-m", "dagster_project.cli.build"]
CLI_RUN = [sys.executable, "-m", "dagster_project.cli.run"]
BUSY_LINE = re.compile(r"^another build is running \(PID (\d+), started (\S+), run (\S+)\); it will publish when done$")


def env_for(folder: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CTR_TEST_")}
    return {**env, "WAREHOUSE_DIR": str(folder), **extra}


def hold_lock(folder: Path, seconds: float, *args: str, resume: Path | None = None) -> subprocess.Popen:
    """A command-line build that takes the lock and pauses right after (until `resume` exists, if given),
    then goes on with `args`."""
    extra = {"CTR_TEST_RESUME_FILE": str(resume)} if resume else {}
    proc = subprocess.Popen(
        [*CRASH_BUILD, *args],
        cwd=PROJECT_ROOT,
        env=env_for(folder, CTR_TEST_PAUSE_AT="build-locked", CTR_TEST_PAUSE_SECONDS=str(seconds), **extra),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    for line in proc.stderr:
        if "CTR_TEST_PAUSED build-locked" in line:
            return proc
    pytest.fail(f"the first build never took the lock (exit {proc.wait()})")


@pytest.fixture
def good_copy(built_warehouse, tmp_path) -> Path:
    folder = tmp_path / "warehouse"
    shutil.copytree(built_warehouse, folder, ignore=shutil.ignore_patterns("dagster_home"))
    return folder


def test_the_lock_file_says_who_builds_and_is_removed_after(tmp_path):
    with build_lock("run-1", folder=tmp_path) as holder:
        written = json.loads((tmp_path / LOCK_NAME).read_text())
        assert written == holder
        assert written["pid"] == os.getpid() and written["run_id"] == "run-1" and written["host"]
        assert written["started_at"].endswith("+00:00")
        with build_lock("nested", folder=tmp_path) as again:  # the same process builds: no deadlock
            assert again is holder
        assert holds_lock(tmp_path)
    assert not (tmp_path / LOCK_NAME).exists() and not holds_lock(tmp_path)


def test_two_command_line_builds_the_second_stops_with_one_line(warehouse):
    first = hold_lock(warehouse, 600)
    try:
        holder = read_holder(warehouse / LOCK_NAME)
        started = time.monotonic()
        second = subprocess.run(CLI_BUILD, cwd=PROJECT_ROOT, env=env_for(warehouse), capture_output=True, text=True)
        assert time.monotonic() - started < 30  # at once, not after the first build
        assert second.returncode == 75
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1, second.stderr  # one line, no traceback
        match = BUSY_LINE.match(lines[0])
        assert match, lines[0]
        assert (int(match[1]), match[2], match[3]) == (first.pid, holder["started_at"], holder["run_id"])
        assert not (warehouse / "build.duckdb").exists()  # the second build opened nothing
    finally:
        first.kill()
        first.wait()


def test_a_waiting_build_runs_after_the_first_has_published(good_copy, tmp_path):
    resume = tmp_path / "resume"
    first = hold_lock(good_copy, 600, "--select", "publish", resume=resume)
    second = subprocess.Popen(
        [*CLI_BUILD, "--wait", "--select", "publish"],
        cwd=PROJECT_ROOT,
        env=env_for(good_copy),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    waiting = second.stderr.readline()  # its first words: it waits for the first build
    assert waiting.startswith(f"waiting: another build is running (PID {first.pid},"), waiting
    assert second.poll() is None
    resume.touch()  # the first build goes on and publishes
    first_err = first.stderr.read()
    assert first.wait(timeout=600) == 0, first_err
    first_done = time.monotonic()
    rest = second.stderr.read()
    assert second.wait(timeout=600) == 0, rest
    assert time.monotonic() >= first_done and "publish:" in rest and "Traceback" not in rest
    assert not (good_copy / LOCK_NAME).exists()


def test_make_run_while_a_command_line_build_runs_stops_with_one_line(good_copy):
    """`make run` (cli.run: the Dagster run) while a command-line build holds the lock: refused at once with the
    one line naming that build, before Dagster or dbt opened anything."""
    first = hold_lock(good_copy, 600)
    try:
        env = env_for(good_copy, DAGSTER_HOME=str(good_copy / "dagster_home"))
        (good_copy / "dagster_home").mkdir(exist_ok=True)
        refused = subprocess.run(CLI_RUN, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert refused.returncode == 75, refused.stderr
        assert BUSY_LINE.match(refused.stderr.strip()), refused.stderr
        assert f"PID {first.pid}," in refused.stderr
    finally:
        first.kill()
        first.wait()


def test_a_dagster_run_holding_the_lock_refuses_a_command_line_build(warehouse):
    """The UI/schedule path: a Dagster run's steps hold the lock (the BuildLock resource, for the whole run);
    a command-line build started meanwhile stops with the one line naming the Dagster run."""
    entered, release = threading.Event(), threading.Event()

    @dg.asset
    def writes_the_build(build_lock: BuildLock) -> None:
        entered.set()
        release.wait(120)

    outcome = {}
    runner = threading.Thread(
        target=lambda: outcome.update(result=dg.materialize([writes_the_build], resources={"build_lock": BuildLock()}))
    )
    runner.start()
    try:
        assert entered.wait(120)
        holder = read_holder(warehouse / LOCK_NAME)
        second = subprocess.run(CLI_BUILD, cwd=PROJECT_ROOT, env=env_for(warehouse), capture_output=True, text=True)
        assert second.returncode == 75
        match = BUSY_LINE.match(second.stderr.strip())
        assert match, second.stderr
        assert int(match[1]) == os.getpid() and match[3] == holder["run_id"]
    finally:
        release.set()
        runner.join(120)
    assert outcome["result"].success
    assert match[3] == outcome["result"].run_id  # the run id shown is the Dagster run's
    assert not (warehouse / LOCK_NAME).exists()


def test_a_dagster_run_that_may_not_wait_fails_with_the_one_line(warehouse):
    @dg.asset
    def writes_the_build(build_lock: BuildLock) -> None:
        pass

    first = hold_lock(warehouse, 600)
    try:
        result = dg.materialize(
            [writes_the_build], resources={"build_lock": BuildLock(wait=False)}, raise_on_error=False
        )
        assert not result.success
        failure = str(result.all_events)
        assert "another build is running (PID" in failure and str(first.pid) in failure
    finally:
        first.kill()
        first.wait()


def test_a_stale_lock_is_taken_over_with_a_log_line(good_copy):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a PID that no longer runs
    stale = {"pid": gone.pid, "host": "old-host", "started_at": "2026-01-01T00:00:00+00:00", "run_id": "cli-killed"}
    (good_copy / LOCK_NAME).write_text(json.dumps(stale))
    done = subprocess.run(
        [*CLI_BUILD, "--select", "publish"], cwd=PROJECT_ROOT, env=env_for(good_copy), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"took over a stale build lock: PID {gone.pid} (gone) on old-host" in done.stderr
    assert "run cli-killed" in done.stderr
    assert not (good_copy / LOCK_NAME).exists()


def test_a_killed_holder_leaves_a_lock_the_next_build_takes_over(warehouse):
    first = hold_lock(warehouse, 600)
    first.kill()
    first.wait()
    assert read_holder(warehouse / LOCK_NAME)["pid"] == first.pid  # the file stays, its PID is gone
    with build_lock("next", folder=warehouse) as holder:
        assert holder["pid"] == os.getpid()


def test_busy_is_one_line():
    message = str(BuildBusy({"pid": 1, "started_at": "t", "run_id": "r"}))
    assert message == "another build is running (PID 1, started t, run r); it will publish when done"


def test_the_run_queue_starts_one_build_at_a_time(tmp_path):
    """dagster.yaml (copied into DAGSTER_HOME by make run/dev): one run at a time, build jobs tagged."""
    shutil.copyfile(PROJECT_ROOT / "dagster.yaml", tmp_path / "dagster.yaml")
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        queue = instance.get_concurrency_config().run_queue_config
        assert queue.max_concurrent_runs == 1
        assert {"key": "warehouse/build", "limit": 1} in [dict(x) for x in queue.tag_concurrency_limits]
    from dagster_project.definitions import defs

    for name in ("build_everything", "full_refresh_everything"):
        assert defs.resolve_job_def(name).tags.get("warehouse/build") == "true"
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    assert "cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml" in makefile


@pytest.mark.slow
def test_make_run_builds_publishes_and_records_its_run(tmp_path):
    """`make run`'s command on an empty warehouse: the Dagster run succeeds behind the lock, is recorded in
    DAGSTER_HOME (with the project's dagster.yaml), publishes, and leaves no lock."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")
    folder = tmp_path / "warehouse"
    env = env_for(folder, DAGSTER_HOME=str(home))
    done = subprocess.run(CLI_RUN, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (folder / "warehouse.duckdb").exists() and not (folder / LOCK_NAME).exists()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs()
        assert len(runs) == 1 and runs[0].status == dg.DagsterRunStatus.SUCCESS
