"""One build at a time: `$WAREHOUSE_DIR/build.lock`, taken before a build opens anything for writing.

The file holds who builds (PID, host, start time, run id) for the message a second build prints; the lock
itself is an exclusive `flock` on it, which the kernel drops when the holder dies, however it dies. So a lock
file left by a killed build (its PID gone) is stale by construction: the next build takes it over and says so.
The holder removes the file when it is done (a waiting build re-checks that it locked the file that is still
there, so removal never lets two builds in).

    with build_lock(run_id, wait=False):   # BuildBusy at once if another build holds it
        ...

A process that holds the lock may take it again (the Dagster run inside `make run`): that is a no-op.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from .paths import warehouse_dir

LOCK_NAME = "build.lock"

_held: dict[str, dict] = {}  # lock path -> holder info, for the locks this process holds


class BuildBusy(RuntimeError):
    """Another build holds the lock; the message is the one line a user sees."""

    def __init__(self, holder: dict):
        self.holder = holder
        super().__init__(
            f"another build is running (PID {holder.get('pid', '?')}, started {holder.get('started_at', '?')}, "
            f"run {holder.get('run_id', '?')}); it will publish when done"
        )


class WarehouseNotWritable(RuntimeError):
    """The warehouse folder cannot be written (read-only, full, no permission): one clear line."""


def lock_path(folder: Path | None = None) -> Path:
    return (folder or warehouse_dir()) / LOCK_NAME


def read_holder(path: Path) -> dict:
    """The holder's details as written in the lock file ({} when unreadable or being written)."""
    for _ in range(5):
        try:
            text = path.read_text()
            if text.strip():
                return json.loads(text)
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    return {}


def _pid_alive(pid: object) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, ValueError, TypeError):
        return False
    except PermissionError:
        return True
    return True


def _say(message: str) -> None:
    """A line on stderr: the terminal of a command-line build, the captured output of a Dagster run."""
    print(message, file=sys.stderr, flush=True)


def _open_locked(path: Path, wait: bool) -> int:
    """An fd on `path` holding its exclusive flock; the file is the one at `path` now (not a removed one)."""
    announced = False
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise WarehouseNotWritable(
                f"cannot take the build lock {path}: {exc.strerror or exc}; "
                "the warehouse folder must be writable by the build (the published warehouse is unchanged)"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                holder = read_holder(path)
                os.close(fd)
                raise BuildBusy(holder) from None
            if not announced:
                _say(f"waiting: {BuildBusy(read_holder(path))}")
                announced = True
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the holder removed the file as we waited on it: lock the current one


@contextmanager
def build_lock(run_id: str, wait: bool = False, folder: Path | None = None) -> Iterator[dict]:
    """Hold the build lock of `folder` (default WAREHOUSE_DIR) for the block; yields the holder's details."""
    folder = folder or warehouse_dir()
    path = lock_path(folder)
    key = str(path)
    if key in _held:  # this process already builds (an outer command holds the lock)
        yield _held[key]
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseNotWritable(f"cannot create the warehouse folder {folder}: {exc.strerror or exc}") from None
    fd = _open_locked(path, wait)
    try:
        previous = read_holder(path) if os.fstat(fd).st_size else {}
        if previous and int(previous.get("pid", -1)) != os.getpid():
            state = "gone" if not _pid_alive(previous.get("pid")) else "no longer holding it"
            _say(
                f"took over a stale build lock: PID {previous.get('pid')} ({state}) on {previous.get('host')}, "
                f"started {previous.get('started_at')}, run {previous.get('run_id')}"
            )
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "run_id": run_id,
        }
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(holder).encode() + b"\n", 0)
        except OSError as exc:
            raise WarehouseNotWritable(f"cannot write the build lock {path}: {exc.strerror or exc}") from None
        _held[key] = holder
        try:
            yield holder
        finally:
            del _held[key]
            try:
                path.unlink()  # still holding the flock: nobody else has this file
            except OSError:
                pass
    finally:
        os.close(fd)


def holds_lock(folder: Path | None = None) -> bool:
    return str(lock_path(folder)) in _held


class BuildLock(dg.ConfigurableResource):
    """The build lock for the length of a Dagster run: every step that writes (raw, dbt, publish) requires it,
    so it is taken once, before the first of them, and released when the run ends. Runs wait for a build
    in progress (the schedule, the sensor, the UI); `wait=False` fails the run at once instead."""

    wait: bool = True

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[BuildLock]:
        run_id = context.run.run_id if context.run else "dagster"
        try:
            with build_lock(run_id, wait=self.wait):
                yield self
        except (BuildBusy, WarehouseNotWritable) as exc:
            raise dg.Failure(description=str(exc)) from None
