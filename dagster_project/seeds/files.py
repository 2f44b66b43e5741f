"""Seed files on disk: one pass over each (hash, size, data rows), and a fingerprint of the whole folder."""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path


@dataclass
class FileScan:
    """One pass over a file: its hash, size and data rows; with `prefix_size`, also the hash of that prefix."""

    sha256: str
    size: int
    data_rows: int  # lines after the header, assuming one line per row (checked against the reader)
    prefix_sha256: str | None = None
    prefix_ends_with_newline: bool = False


def scan_file(path: Path, prefix_size: int | None = None) -> FileScan:
    digest = hashlib.sha256()
    prefix_digest = prefix_end = None
    newlines, size, last = 0, 0, b""
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            if prefix_size is not None and prefix_digest is None and size + len(block) >= prefix_size:
                cut = prefix_size - size
                digest.update(block[:cut])
                prefix_digest = digest.hexdigest()
                prefix_end = (block[cut - 1 : cut] if cut else last) == b"\n"
                digest.update(block[cut:])
            else:
                digest.update(block)
            newlines += block.count(b"\n")
            size += len(block)
            last = block[-1:]
    ends = last == b"\n"
    return FileScan(
        sha256=digest.hexdigest(),
        size=size,
        data_rows=max(newlines + (0 if ends or not size else 1) - 1, 0),
        prefix_sha256=prefix_digest,
        prefix_ends_with_newline=bool(prefix_end),
    )


def scan_all(files: list[Path], shown: dict[str, str], prefix_sizes: dict[str, int]) -> dict[str, FileScan]:
    """Hash every file (two threads: hashlib releases the GIL), with the known old size of each as prefix."""

    def one(p: Path) -> tuple[str, FileScan]:
        return shown[str(p)], scan_file(p, prefix_sizes.get(shown[str(p)]))

    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        return dict(pool.map(one, files))


def seeds_fingerprint(seeds_dir: Path) -> str:
    """Changes when any seed file is added, removed, or changes size or modification time."""
    digest = hashlib.sha256()
    for path in sorted(seeds_dir.rglob("*.csv")):
        stat = path.stat()
        digest.update(f"{path.relative_to(seeds_dir)}\t{stat.st_size}\t{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
