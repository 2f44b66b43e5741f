"""Load state: what each raw table was last built from (`raw._seed_files`, `raw._load_state`), and the plan
it gives for the next load (unchanged, append or full, and why)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..seeds.files import FileScan
from .base import (
    FILES_TABLE,
    LOADER_VERSION,
    RAW_SCHEMA,
    REJECTS_SCHEMA,
    STATE_TABLE,
    LoadResult,
    sql_str,
    table_exists,
)
from .checks import CONTEXT_ROWS, checks_for
from .schemas import RawTable


def contract_fingerprint(spec: RawTable) -> str:
    """What a valid load of `spec` is: its columns, rules and cross-file rules (and the loader's version)."""
    text = repr((LOADER_VERSION, spec, checks_for(spec.name), CONTEXT_ROWS))
    return hashlib.sha256(text.encode()).hexdigest()


def ensure_state_tables(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(f"create schema if not exists {RAW_SCHEMA}")
    conn.execute(
        f"create table if not exists {FILES_TABLE} "
        "(table_name varchar, file varchar, sha256 varchar, primary key (table_name, file))"
    )
    # Added by the append path (older build databases lack them: those files are simply reloaded in full).
    conn.execute(f"alter table {FILES_TABLE} add column if not exists size_bytes bigint")
    conn.execute(f"alter table {FILES_TABLE} add column if not exists data_rows bigint")
    conn.execute(
        f"create table if not exists {STATE_TABLE} "
        "(table_name varchar primary key, contract varchar, reference_fingerprint varchar)"
    )


def reference_fingerprint(conn: duckdb.DuckDBPyConnection, spec: RawTable) -> str:
    """The bytes and contracts of the raw tables that `spec`'s cross-file rules read, as loaded now."""
    required = sorted({r for c in checks_for(spec.name) for r in c.requires})
    if not required:
        return ""
    marks = ", ".join("?" for _ in required)
    rows = conn.execute(
        f"select f.table_name, f.file, f.sha256, s.contract from {FILES_TABLE} f "
        f"left join {STATE_TABLE} s using (table_name) where f.table_name in ({marks}) order by all",
        required,
    ).fetchall()
    return hashlib.sha256(repr((required, rows)).encode()).hexdigest()


@dataclass
class Previous:
    files: dict[str, tuple[str, int | None, int | None]] = field(default_factory=dict)  # shown -> sha, size, rows
    contract: str | None = None
    reference: str | None = None
    table_exists: bool = False
    rejects_empty: bool = False


def previous_load(conn: duckdb.DuckDBPyConnection, spec: RawTable) -> Previous:
    prev = Previous()
    if not (table_exists(conn, RAW_SCHEMA, "_seed_files") and table_exists(conn, RAW_SCHEMA, "_load_state")):
        return prev
    columns = {r[0] for r in conn.execute(f"describe {FILES_TABLE}").fetchall()}
    if not {"size_bytes", "data_rows"} <= columns:
        return prev
    prev.files = {
        f: (h, size, rows)
        for f, h, size, rows in conn.execute(
            f"select file, sha256, size_bytes, data_rows from {FILES_TABLE} where table_name = ?", [spec.name]
        ).fetchall()
    }
    state = conn.execute(
        f"select contract, reference_fingerprint from {STATE_TABLE} where table_name = ?", [spec.name]
    ).fetchone()
    if state:
        prev.contract, prev.reference = state
    prev.table_exists = table_exists(conn, RAW_SCHEMA, spec.name)
    prev.rejects_empty = (
        table_exists(conn, REJECTS_SCHEMA, spec.name)
        and not conn.execute(f"select exists (select 1 from {REJECTS_SCHEMA}.{spec.name})").fetchone()[0]
    )
    return prev


def save_state(
    conn: duckdb.DuckDBPyConnection, spec: RawTable, scans: dict[str, FileScan], changed: list[str] | None
) -> None:
    """Record the files' hashes (all, or only `changed`) and what the table was checked against."""
    keep = scans if changed is None else {f: scans[f] for f in changed}
    if changed is None:
        conn.execute(f"delete from {FILES_TABLE} where table_name = ?", [spec.name])
    elif keep:
        conn.execute(
            f"delete from {FILES_TABLE} where table_name = ? and file in ({', '.join('?' for _ in keep)})",
            [spec.name, *keep],
        )
    if keep:
        conn.execute(
            f"insert into {FILES_TABLE} (table_name, file, sha256, size_bytes, data_rows) values "
            + ", ".join(
                f"({sql_str(spec.name)}, {sql_str(f)}, {sql_str(s.sha256)}, {s.size}, {s.data_rows})"
                for f, s in sorted(keep.items())
            )
        )
    conn.execute(f"delete from {STATE_TABLE} where table_name = ?", [spec.name])
    conn.execute(
        f"insert into {STATE_TABLE} values (?, ?, ?)",
        [spec.name, contract_fingerprint(spec), reference_fingerprint(conn, spec)],
    )


@dataclass
class Plan:
    appended: dict[str, tuple[Path, int, int]]  # shown -> (path, old size, old data rows); new files: (p, 0, 0)
    changed: list[str]


def why_not_incremental(conn: duckdb.DuckDBPyConnection, spec: RawTable, prev: Previous, strict: bool) -> str:
    """Why this load cannot be an unchanged or append one, before looking at the files ('' if it may be)."""
    if not prev.table_exists or prev.contract is None:
        return "no earlier load of this table to extend"
    if prev.contract != contract_fingerprint(spec):
        return "the table's contract or rules changed"
    if not prev.rejects_empty:
        return "rows are quarantined in raw_rejects: a full load re-decides them"
    required = {r for c in checks_for(spec.name) for r in c.requires}
    if any(not table_exists(conn, RAW_SCHEMA, r) for r in required) or (not strict and required):
        return "cross-file rules cannot run"  # a table loaded on its own skips them: never extend it
    if prev.reference != reference_fingerprint(conn, spec):
        return "a reference table the rules read changed"
    return ""


def plan(
    spec: RawTable,
    files: list[Path],
    shown: dict[str, str],
    scans: dict[str, FileScan],
    prev: Previous,
) -> tuple[Plan | None, str]:
    """Which files were appended to (none: unchanged); (None, why) when any changed otherwise."""
    if set(prev.files) - set(scans):
        return None, "a seed file was removed"
    appended: dict[str, tuple[Path, int, int]] = {}
    for p in files:
        name = shown[str(p)]
        scan, old = scans[name], prev.files.get(name)
        if old is not None and scan.sha256 == old[0]:
            continue
        if not spec.append_series or not spec.date_column:
            return None, f"{name} changed"
        if old is None:
            appended[name] = (p, 0, 0)
            continue
        old_sha, old_size, old_rows = old
        if old_size is None or old_rows is None or scan.size <= old_size:
            return None, f"{name} changed"
        if scan.prefix_sha256 != old_sha or not scan.prefix_ends_with_newline:
            return None, f"{name} changed before its last loaded line"
        appended[name] = (p, old_size, old_rows)
    return Plan(appended, sorted(appended)), ""


def result_of(
    conn: duckdb.DuckDBPyConnection, spec: RawTable, scans: dict[str, FileScan], mode: str, loaded: int, quarantined=0
) -> LoadResult:
    count = conn.execute(f"select count(*) from {RAW_SCHEMA}.{spec.name}").fetchone()[0]
    min_date = max_date = None
    if spec.date_column:
        lo, hi = conn.execute(
            f'select min("{spec.date_column}"), max("{spec.date_column}") from {RAW_SCHEMA}.{spec.name}'
        ).fetchone()
        min_date, max_date = (str(lo) if lo else None), (str(hi) if hi else None)
    return LoadResult(
        table=f"{RAW_SCHEMA}.{spec.name}",
        row_count=int(count),
        files={f: s.sha256 for f, s in sorted(scans.items())},
        min_date=min_date,
        max_date=max_date,
        quarantined=quarantined,
        mode=mode,
        rows_loaded=loaded,
    )
