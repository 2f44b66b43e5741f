"""The marts as Parquet: one folder per mart, partitioned by year, each mart swapped in whole by one rename.

    parquet/<mart>  ->  .versions/<mart>@<version>                  a symlink, replaced atomically
    parquet/.versions/<mart>@<version>/year=2024/data_0.parquet      a mart with a date column (hive layout)
    parquet/.versions/<mart>@<version>/data_0.parquet                any other mart
    parquet/.versions/<mart>@<version>/_fingerprint.json             what this version holds (fingerprint.py)

Readers: `read_parquet('parquet/<mart>/**/*.parquet')` (with `hive_partitioning = true` a `year` column too).
A new version hard-links every partition whose fingerprint did not move from the version it replaces (the
files are read-only and never written again) and writes only the others, so a new trading day rewrites one
year per dated mart. Readers resolve `parquet/<mart>` once and see one whole version: the symlink is swapped by
a rename, and the version it replaced stays on disk until the next publish (a reader still listing it finds
its files).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .files import PUBLISHED_MODE, TMP_PREFIX, remove
from .fingerprint import WHOLE, MartFingerprint, partition_key

VERSIONS = ".versions"
FINGERPRINT_FILE = "_fingerprint.json"


@dataclass(frozen=True)
class StagedMart:
    table: str
    staging: Path  # parquet/.publishing-<pid>-<mart>: complete, not yet visible
    version: str  # its name under parquet/.versions once published
    rewritten: int  # partitions written by this run (the others are hard links)


def _partition_dir(root: Path, partition: str) -> Path:
    return root if partition == WHOLE else root / f"year={partition}"


def current_version(parquet_dir: Path, table: str) -> Path | None:
    link = parquet_dir / table
    if not link.is_symlink():
        return None
    target = link.resolve()
    return target if target.is_dir() else None


def _stored_fingerprint(version: Path | None) -> MartFingerprint | None:
    try:
        return MartFingerprint.from_json((version / FINGERPRINT_FILE).read_text()) if version else None
    except (OSError, ValueError, KeyError):
        return None


def stage(
    conn: duckdb.DuckDBPyConnection, relation: str, table: str, fp: MartFingerprint, parquet_dir: Path, version: str
) -> StagedMart:
    """Write the next version of one mart's folder beside the published one (not visible to readers)."""
    staging = parquet_dir / f"{TMP_PREFIX}{os.getpid()}-{table}"
    remove(staging)
    staging.mkdir()
    previous = current_version(parquet_dir, table)
    changed = fp.changed_since(_stored_fingerprint(previous))
    to_write = set(fp.partitions) if changed is None else changed & set(fp.partitions)
    for partition in sorted(set(fp.partitions) - to_write):
        source, target = _partition_dir(previous, partition), _partition_dir(staging, partition)
        files = sorted(source.glob("*.parquet"))
        if not files:  # a partition the previous version lacks on disk: write it
            to_write.add(partition)
            continue
        target.mkdir(parents=True, exist_ok=True)
        for file in files:
            try:
                os.link(file, target / file.name)
            except OSError:  # a file system without hard links: copy instead
                shutil.copyfile(file, target / file.name)
    _write(conn, relation, fp, to_write, staging)
    for file in staging.rglob("*.parquet"):
        os.chmod(file, PUBLISHED_MODE)
    (staging / FINGERPRINT_FILE).write_text(fp.to_json())
    return StagedMart(table, staging, f"{table}@{version}", len(to_write))


def _write(conn: duckdb.DuckDBPyConnection, relation: str, fp: MartFingerprint, partitions: set[str], to: Path):
    if not partitions:
        return
    if fp.partition_column is None:
        conn.execute(f"copy (select * from {relation}) to '{to / 'data_0.parquet'}' (format parquet)")
        return
    key = partition_key(fp.partition_column)
    wanted = ", ".join("'" + p.replace("'", "''") + "'" for p in sorted(partitions))
    # The partition key as a column named `year` is only in the folder names (DuckDB does not write it into
    # the files); a mart with a column of that name would need another key name.
    conn.execute(
        f"copy (select *, {key} as year from {relation} where {key} in ({wanted})) to '{to}' "
        "(format parquet, partition_by (year), overwrite_or_ignore, filename_pattern 'data_{i}')"
    )


def swap_in(parquet_dir: Path, staged: StagedMart) -> None:
    """Make the staged version the published one: one rename readers can observe. Then delete the versions of
    this mart older than the one it replaced (and any a killed publisher left unpublished)."""
    versions = parquet_dir / VERSIONS
    versions.mkdir(exist_ok=True)
    final = versions / staged.version
    os.replace(staged.staging, final)
    previous = current_version(parquet_dir, staged.table)
    link = parquet_dir / f"{TMP_PREFIX}{os.getpid()}-{staged.table}.link"
    link.unlink(missing_ok=True)
    os.symlink(f"{VERSIONS}/{staged.version}", link)
    published = parquet_dir / staged.table
    if published.is_dir() and not published.is_symlink():
        remove(published)  # a folder not made by this publisher: the rename cannot replace it
    os.replace(link, published)
    for old in versions.glob(f"{staged.table}@*"):
        if old not in (final, previous):
            remove(old)
    (parquet_dir / f"{staged.table}.parquet").unlink(missing_ok=True)  # the single-file layout before this one


def retire(parquet_dir: Path, tables: list[str]) -> None:
    """Remove the Parquet folders of marts no longer published."""
    for link in parquet_dir.iterdir():
        if link.is_symlink() and link.name not in tables and not link.name.startswith("."):
            link.unlink()
    versions = parquet_dir / VERSIONS
    for old in versions.iterdir() if versions.is_dir() else ():
        if old.name.split("@", 1)[0] not in tables:
            remove(old)
