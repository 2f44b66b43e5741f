"""Publish the marts for readers: a complete new file, then one atomic rename over the old one.

Readers open `warehouse.duckdb` read-only. A reader that opened the previous file keeps reading
that file (its inode) until it closes; the next open sees the new build. Nothing is ever written
in place, so a reader never blocks the pipeline and never sees half a build.

The work is proportional to what changed (fingerprint.py): the new file starts as a copy of the published
one (a kernel copy, sequential), and only the marts, or the years of a dated mart, whose fingerprint moved
are rewritten in it; the Parquet folders hard-link the partitions that did not move (parquet.py). Without a
usable previous file (the first publish, another storage version) every mart is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..database import connect_memory
from ..raw.base import Checkpoint, no_checkpoint
from . import parquet
from .files import PUBLISHED_MODE, TMP_PREFIX, copy_file, remove_my_temporaries, remove_stale_temporaries
from .files import fsync as _fsync
from .fingerprint import MartFingerprint, fingerprint, partition_key

__all__ = ["PUBLISHED_MODE", "TMP_PREFIX", "PublishError", "PublishResult", "publish", "publish_or_fail"]

# DuckDB 1.1+ drivers (bundled by many BI tools) can read files written with this storage version.
STORAGE_VERSION = "v1.1.0"
PUBLISHED_SCHEMA = "marts"
BUILD_INFO_TABLE = "warehouse_build_info"
# Publishing's own bookkeeping, a column of the build info: each mart's fingerprint as it was written (JSON).
FINGERPRINTS_COLUMN = "mart_fingerprints"


@dataclass(frozen=True)
class PublishResult:
    path: Path
    tables: dict[str, int]  # table -> row count
    seed_fingerprint: str
    built_at: str
    parquet_dir: Path
    # table -> what this run wrote of it in the DuckDB file and in Parquet, e.g. "1 of 3 years / 1 of 3 years"
    changes: dict[str, str] = field(default_factory=dict)


def seed_fingerprint(conn: duckdb.DuckDBPyConnection) -> str:
    rows = conn.execute("select table_name, file, sha256 from build.raw._seed_files order by all").fetchall()
    return hashlib.sha256("\n".join("\t".join(r) for r in rows).encode()).hexdigest()


def _spark_marts(conn: duckdb.DuckDBPyConnection, marts_parquet_dir: Path) -> list[str]:
    """Spark's marts (one folder of Parquet files per table) as views in this session's schema `marts`."""
    conn.execute(f"create schema if not exists memory.{PUBLISHED_SCHEMA}")
    tables = sorted(p.name for p in marts_parquet_dir.iterdir() if p.is_dir() and any(p.glob("*.parquet")))
    for table in tables:
        conn.execute(
            f"create view memory.{PUBLISHED_SCHEMA}.{table} as "
            f"select * from read_parquet('{marts_parquet_dir / table}/*.parquet')"
        )
    return tables


def _previous(conn: duckdb.DuckDBPyConnection, published: Path) -> dict[str, MartFingerprint] | None:
    """The marts' fingerprints recorded in the published file; None when it cannot be extended (missing,
    unreadable, written before fingerprints or with another storage version)."""
    if not published.exists():
        return None
    try:
        conn.execute(f"attach '{published}' as prev (read_only)")
    except duckdb.Error:
        return None
    try:
        version = conn.execute(f"select storage_version from prev.{PUBLISHED_SCHEMA}.{BUILD_INFO_TABLE}").fetchone()
        if not version or version[0] != STORAGE_VERSION:
            return None
        stored = conn.execute(
            f"select {FINGERPRINTS_COLUMN} from prev.{PUBLISHED_SCHEMA}.{BUILD_INFO_TABLE}"
        ).fetchone()
        return {table: MartFingerprint.from_json(text) for table, text in json.loads(stored[0]).items()}
    except (duckdb.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        conn.execute("detach prev")


def _write_mart(conn, table: str, fp: MartFingerprint, previous: MartFingerprint | None) -> str:
    """Bring `pub.marts.<table>` to the build's rows; returns what was written."""
    target, source = f"pub.{PUBLISHED_SCHEMA}.{table}", f"{PUBLISHED_SCHEMA}.{table}"
    changed = fp.changed_since(previous)
    years = len(fp.partitions)
    if changed is not None and not changed:
        return "unchanged"
    # A dated mart is written in date order, so each year fills row groups of its own: rewriting a year then
    # drops whole row groups instead of leaving deletes in every one, which the checkpoint would have to
    # rewrite (measured at 500 x 3: the checkpoint of one rewritten year took 9.5 s of a 17.4 s publish
    # on unordered marts). Date order also gives readers' date filters tight zone maps.
    order = f' order by "{fp.partition_column}"' if fp.partition_column else ""
    if changed is None or fp.partition_column is None or 2 * len(changed) > years:
        conn.execute(f"create or replace table {target} as select * from {source}{order}")
        _copy_comments(conn, table)
        return "whole table"
    key = partition_key(fp.partition_column)
    wanted = ", ".join("'" + p.replace("'", "''") + "'" for p in sorted(changed))
    conn.execute(f"delete from {target} where {key} in ({wanted})")
    conn.execute(f"insert into {target} select * from {source} where {key} in ({wanted}){order}")
    return f"{len(changed)} of {years} years"


def _write_file(conn, tmp: Path, published: Path, tables, marts, built_at, seeds) -> dict[str, str]:
    """The new file at `tmp`: a copy of the published file with the changed marts rewritten, or all new."""
    previous = _previous(conn, published)
    if previous is not None:
        copy_file(published, tmp)
        os.chmod(tmp, 0o644)
        conn.execute(f"attach '{tmp}' as pub")
    else:
        conn.execute(f"attach '{tmp}' as pub (storage_version '{STORAGE_VERSION}')")
        conn.execute(f"create schema pub.{PUBLISHED_SCHEMA}")
    stored = json.dumps({t: marts[t].to_json() for t in tables}, sort_keys=True)
    try:
        written = {t: _write_mart(conn, t, marts[t], (previous or {}).get(t)) for t in tables}
        for (gone,) in conn.execute(
            "select table_name from duckdb_tables() where database_name = 'pub' and schema_name = ?",
            [PUBLISHED_SCHEMA],
        ).fetchall():
            if gone not in marts and gone != BUILD_INFO_TABLE:
                conn.execute(f"drop table pub.{PUBLISHED_SCHEMA}.{gone}")
        conn.execute(
            f"create or replace table pub.{PUBLISHED_SCHEMA}.{BUILD_INFO_TABLE} as select "
            "?::timestamp as built_at_utc, ? as seed_fingerprint_sha256, ? as duckdb_version, "
            f"? as storage_version, ? as table_count, ? as {FINGERPRINTS_COLUMN}",
            [built_at, seeds, duckdb.__version__, STORAGE_VERSION, len(tables), stored],
        )
        conn.execute("checkpoint pub")
    finally:
        conn.execute("detach pub")
    return written


def publish(
    build_db: Path,
    published: Path,
    parquet_dir: Path | None = None,
    checkpoint: Checkpoint = no_checkpoint,
    marts_parquet_dir: Path | None = None,
) -> PublishResult:
    """Copy the `marts` schema of `build_db` to `published`, atomically; export Parquet alongside.
    With `marts_parquet_dir` (a Spark build: one folder of Parquet files per mart), the marts are read from
    there instead; the seed fingerprint still comes from `build_db`, where the loader validated the seeds.
    `checkpoint` is called with `publish-parquet` (every Parquet folder staged, none swapped in),
    `publish-before-rename` (the new file complete, not yet renamed over the old one) and `publish-after-rename`
    (the new file published, the Parquet folders not yet swapped in)."""
    folder = published.parent
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(folder)
    parquet_dir = parquet_dir or folder / "parquet"
    parquet_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(parquet_dir)
    tmp = folder / f"{TMP_PREFIX}{os.getpid()}-{published.name}"
    tmp.unlink(missing_ok=True)
    now = dt.datetime.now(dt.UTC)
    built_at = now.isoformat()  # microseconds: two builds in one second stay distinct

    # An in-memory session attaches the build read-only and the new file writable.
    # The marts carry no meaningful row order (dbt builds them with preserve_insertion_order off too): not
    # preserving it lets both cores write the copy (measured: ~1.5x faster on the largest mart).
    conn = connect_memory(preserve_insertion_order=False)
    conn.execute(f"attach '{build_db}' as build (read_only)")
    if marts_parquet_dir is None:
        conn.execute("use build")
    try:
        if marts_parquet_dir is not None:
            tables = _spark_marts(conn, marts_parquet_dir)
        else:
            tables = [
                r[0]
                for r in conn.execute(
                    "select table_name from information_schema.tables "
                    "where table_schema = ? and table_type = 'BASE TABLE' order by table_name",
                    [PUBLISHED_SCHEMA],
                ).fetchall()
            ]
        if not tables:
            raise RuntimeError(f"{build_db} has no tables in schema '{PUBLISHED_SCHEMA}': nothing to publish")
        seeds = seed_fingerprint(conn)
        source_db = "build" if marts_parquet_dir is None else "memory"
        marts = {t: fingerprint(conn, source_db, PUBLISHED_SCHEMA, t) for t in tables}
        written = _write_file(conn, tmp, published, tables, marts, built_at, seeds)
        # Every Parquet folder is staged in full before any is swapped in: a crash while exporting leaves
        # the previous set untouched (and temporaries that the next run removes).
        version = now.strftime("%Y%m%dT%H%M%S%fZ")
        staged = [parquet.stage(conn, f"{PUBLISHED_SCHEMA}.{t}", t, marts[t], parquet_dir, version) for t in tables]
        checkpoint("publish-parquet")
    finally:
        conn.close()

    _fsync(tmp)
    os.chmod(tmp, PUBLISHED_MODE)
    checkpoint("publish-before-rename")
    os.replace(tmp, published)  # the one atomic step readers of the DuckDB file can observe
    _fsync(folder)
    checkpoint("publish-after-rename")
    for mart in staged:
        parquet.swap_in(parquet_dir, mart)  # one atomic step per mart for readers of its Parquet folder
    parquet.retire(parquet_dir, tables)
    _fsync(parquet_dir)
    changes = {
        s.table: f"{written[s.table]} / parquet {s.rewritten} of {len(marts[s.table].partitions)}" for s in staged
    }
    counts = {t: marts[t].rows for t in tables}
    return PublishResult(published, counts, seeds, built_at, parquet_dir, changes)


def _copy_comments(conn: duckdb.DuckDBPyConnection, table: str) -> None:
    """Carry the dbt descriptions (persisted as comments) into the published file for BI users."""
    comment = conn.execute(
        "select comment from duckdb_tables() where schema_name = ? and table_name = ? and database_name = 'build'",
        [PUBLISHED_SCHEMA, table],
    ).fetchone()
    if comment and comment[0]:
        conn.execute(f"comment on table pub.{PUBLISHED_SCHEMA}.{table} is {_sql_literal(comment[0])}")
    for column, text in conn.execute(
        "select column_name, comment from duckdb_columns() where schema_name = ? and table_name = ? "
        "and database_name = 'build' and comment is not null",
        [PUBLISHED_SCHEMA, table],
    ).fetchall():
        conn.execute(f'comment on column pub.{PUBLISHED_SCHEMA}.{table}."{column}" is {_sql_literal(text)}')


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class PublishError(RuntimeError):
    """Publishing could not write the new warehouse (disk full, read-only folder, no permission); the
    previously published files are untouched (nothing is renamed before everything is written)."""


def publish_or_fail(*args, **kwargs) -> PublishResult:
    """`publish(...)`, with a write failure turned into a PublishError that names the cause and the
    published file left as it was, after removing this process's temporaries."""
    published = Path(kwargs.get("published") or args[1])
    try:
        return publish(*args, **kwargs)
    except (OSError, duckdb.Error) as exc:
        cause = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
        for folder in (published.parent, Path(kwargs.get("parquet_dir") or published.parent / "parquet")):
            remove_my_temporaries(folder)
        kept = (
            f"the previous {published} is unchanged" if published.exists() else f"nothing was published at {published}"
        )
        raise PublishError(f"publishing failed, {kept}: {cause}") from exc
