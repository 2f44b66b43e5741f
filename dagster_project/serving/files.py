"""File operations publishing relies on: temporaries named after their writer, fsync, a cheap file copy."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

TMP_PREFIX = ".publishing-"
# The published file and its Parquet copies are made read-only (r--r--r--): a reader tool that tries
# to open them for writing is refused by the OS. Replacing them stays possible: a rename is an
# operation on the folder, not on the file.
PUBLISHED_MODE = 0o444


def fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove(path: Path) -> None:
    """A file, a symlink or a whole folder."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete what a killed publisher left behind (its pid is in the name): files, links and folders."""
    removed = []
    for path in folder.glob(f"{TMP_PREFIX}*"):
        try:
            pid = int(path.name[len(TMP_PREFIX) :].split("-", 1)[0])
        except ValueError:
            pid = -1
        if pid != os.getpid() and not _pid_alive(pid):
            remove(path)
            removed.append(path)
    return removed


def remove_my_temporaries(folder: Path) -> None:
    for path in folder.glob(f"{TMP_PREFIX}{os.getpid()}-*") if folder.is_dir() else ():
        try:
            remove(path)
        except OSError:
            pass


def copy_file(source: Path, target: Path) -> None:
    """A new file with `source`'s bytes, copied by the kernel (a reflink where the file system has them)."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        size, done = os.fstat(src.fileno()).st_size, 0
        try:
            while done < size:
                n = os.copy_file_range(src.fileno(), dst.fileno(), size - done)
                if n == 0:
                    break
                done += n
        except OSError:
            done = 0  # not supported here (another file system, an old kernel): copy in user space
        if done < size:
            src.seek(0)
            dst.seek(0)
            dst.truncate()
            shutil.copyfileobj(src, dst, 16 * 2**20)
