"""A hostile machine at publish time: the disk fills up, or the warehouse folder is read-only. The build fails
with one clear line, the previously published warehouse stays byte-for-byte intact and readable, and no
temporary file is left behind.

Real failures where the machine allows it: a small tmpfs that the new file does not fit in (ENOSPC from
DuckDB's own writes), and a read-only bind mount (EROFS); both need mount rights (root in a container) and are
skipped otherwise. Everywhere: ENOSPC injected where the OS also reports it (fsync of the new file), and, for a
non-root account, a folder without write permission.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from warehouse_state import published_state, temporaries

from dagster_project.paths import PROJECT_ROOT
from dagster_project.serving import publish as publish_module
from dagster_project.serving.publish import PublishError, publish_or_fail

CLI_BUILD = [sys.executable, "-m", "dagster_project.cli.build"]


def readable_marts(folder: Path) -> int:
    with duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute("select count(*) from duckdb_tables() where schema_name = 'marts'").fetchone()[0]


def build_publish(folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "WAREHOUSE_DIR": str(folder)}
    return subprocess.run(
        [*CLI_BUILD, "--select", "publish"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def mounted(*args: str, target: Path) -> Iterator[None]:
    if os.geteuid() != 0 or not shutil.which("mount") or not _mount(*args, str(target)):
        pytest.skip("needs mount rights (root in a container) for a real tmpfs or read-only bind mount")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@pytest.fixture
def good_copy(built_warehouse, tmp_path) -> Path:
    folder = tmp_path / "warehouse"
    shutil.copytree(built_warehouse, folder, ignore=shutil.ignore_patterns("dagster_home", "charts"))
    return folder


def assert_previous_intact(folder: Path, before: dict[str, str], marts: int) -> None:
    assert published_state(folder) == before  # byte for byte, DuckDB file and Parquet
    assert readable_marts(folder) == marts  # and it opens with every mart
    assert not temporaries(folder)


def test_disk_full_during_publish_real_tmpfs(good_copy, tmp_path):
    """The warehouse folder on a tmpfs with room for the old build but not for a new copy of the marts."""
    target = tmp_path / "small"
    target.mkdir()
    used = sum(p.stat().st_size for p in good_copy.rglob("*") if p.is_file())
    room = used + (good_copy / "warehouse.duckdb").stat().st_size // 3
    with mounted("-t", "tmpfs", "-o", f"size={room}", "tmpfs", target=target):
        folder = target / "warehouse"
        shutil.copytree(good_copy, folder)
        before, marts = published_state(folder), readable_marts(folder)

        done = build_publish(folder)

        assert done.returncode == 1, done.stderr
        line = done.stderr.strip().splitlines()[-1]
        assert line.startswith("build failed: publishing failed, the previous ") and "is unchanged" in line, line
        assert "No space left on device" in line or "disk" in line.lower(), line
        assert "Traceback" not in done.stderr
        assert_previous_intact(folder, before, marts)
        assert not (folder / "build.lock").exists()


def test_disk_full_reported_at_fsync(good_copy, monkeypatch):
    """ENOSPC where delayed allocation reports it (the fsync of the new file): same outcome."""
    before, marts = published_state(good_copy), readable_marts(good_copy)

    def full(path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(publish_module, "_fsync", full)
    with pytest.raises(PublishError) as caught:
        publish_or_fail(good_copy / "build.duckdb", good_copy / "warehouse.duckdb")
    message = str(caught.value)
    assert message == (
        f"publishing failed, the previous {good_copy / 'warehouse.duckdb'} is unchanged: No space left on device"
    )
    assert_previous_intact(good_copy, before, marts)


def test_read_only_warehouse_folder_real_mount(good_copy):
    """A read-only bind mount of the warehouse folder (EROFS, which root cannot override)."""
    before, marts = published_state(good_copy), readable_marts(good_copy)
    with mounted("--bind", "-o", "ro", str(good_copy), target=good_copy):
        with pytest.raises(OSError):
            (good_copy / "probe").write_text("x")
        done = build_publish(good_copy)
        assert done.returncode == 1, done.stderr
        lines = done.stderr.strip().splitlines()
        assert lines == [
            f"build failed: cannot take the build lock {good_copy / 'build.lock'}: Read-only file system; "
            "the warehouse folder must be writable by the build (the published warehouse is unchanged)"
        ], done.stderr
        # publishing on its own (the lock elsewhere) is refused the same way, with the previous file kept
        with pytest.raises(PublishError, match="the previous .* is unchanged: .*[Rr]ead-only file system"):
            publish_or_fail(good_copy / "build.duckdb", good_copy / "warehouse.duckdb")
        assert_previous_intact(good_copy, before, marts)
    assert_previous_intact(good_copy, before, marts)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions (the mount test covers root)")
def test_warehouse_folder_without_write_permission(good_copy):
    before, marts = published_state(good_copy), readable_marts(good_copy)
    os.chmod(good_copy, 0o555)
    try:
        done = build_publish(good_copy)
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("build failed: cannot take the build lock"), done.stderr
        assert "Permission denied" in done.stderr and "Traceback" not in done.stderr
    finally:
        os.chmod(good_copy, 0o755)
    assert_previous_intact(good_copy, before, marts)
