"""Load seed CSV files into `raw.<table>`: validate everything, inside one transaction.

Three ways a load can go, chosen per table from what changed since its last load (`raw._seed_files`: each
file's SHA-256, size and row count; `raw._load_state`: the contract and the reference tables it was
checked against):

- **unchanged**: same files, same bytes, same contract and reference tables: nothing to do;
- **append**: files only grew (their old bytes are a prefix of the new ones, ending in a newline) in a table
  whose series grow by date (`RawTable.append_series`: prices per symbol, FX per pair), and the new rows
  come after each series' last date: only the appended bytes are parsed and checked (with the last rows of
  each series they extend, for the rules over neighbouring rows) and inserted. Anything the append path
  would have to reject or quarantine sends the table down the full path instead, so errors and
  quarantines are exactly those of a full load;
- **full**: `raw.<table>` is replaced straight from DuckDB's CSV reader with the declared column types (one
  write, as fast as the reader), then validated in place before the commit.

Values that do not parse are collected by the reader itself (`store_rejects`), which knows the file, line
and column. Rules the reader cannot check (required values, allowed codes, primary keys, row rules, and the
rules over several rows or other raw tables in `checks.py`) run as SQL on the new table. A row's line
number comes from its position in the reader's output and each file's row count (counted while the file
is hashed), checked against what the reader read. A few rules quarantine instead of failing: the
offending row goes to `raw_rejects.<table>` with its rule and reason, replaced in the same transaction.
If anything fails, the transaction is rolled back and `raw.<table>` is untouched.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..publish import pause_for_tests
from .checks import CONTEXT_ROWS, CrossCheck, checks_for
from .schemas import RawTable

RAW_SCHEMA = "raw"
REJECTS_SCHEMA = "raw_rejects"
FILES_TABLE = f"{RAW_SCHEMA}._seed_files"
STATE_TABLE = f"{RAW_SCHEMA}._load_state"
# Bump when the loader's own rules change what a valid load is: every table then takes the full path once.
LOADER_VERSION = "2"


class SeedValidationError(ValueError):
    """A seed file breaks its declared schema. Names the file, the line and the column."""

    def __init__(
        self,
        file: str,
        line: int | None,
        column: str | None,
        message: str,
        rule: str | None = None,
        rows: int | None = None,
    ):
        self.file, self.line, self.column, self.reason = file, line, column, message
        self.rule, self.rows = rule, rows  # the rule broken, and how many rows break it (when known)
        where = file + (f", line {line}" if line else "") + (f", column '{column}'" if column else "")
        more = f" ({rows - 1} more row(s) break the same rule)" if rows and rows > 1 else ""
        super().__init__(f"{where}: {message}{more}")


@dataclass(frozen=True)
class LoadResult:
    table: str
    row_count: int
    files: dict[str, str]  # relative path -> sha256
    min_date: str | None
    max_date: str | None
    quarantined: int = 0  # rows moved to raw_rejects.<table>
    skipped_checks: tuple[str, ...] = ()  # cross-file rules not run because a required table was absent
    mode: str = "full"  # full | append | unchanged
    rows_loaded: int = 0  # rows parsed and inserted by this load (all of them on the full path)
    full_load_reason: str = ""  # why the append path was not taken (empty when it was)

    def describe(self) -> str:
        """One line for logs: `raw.prices_daily: append, 5000 rows loaded` (and why a load was full)."""
        why = f" ({self.full_load_reason})" if self.full_load_reason else ""
        return f"{self.table}: {self.mode}, {self.rows_loaded} rows loaded{why}"


# ------------------------------------------------------------------------------------------- files
def seed_files(seeds_dir: Path, spec: RawTable) -> list[Path]:
    return sorted((seeds_dir / spec.family).glob(spec.pattern))


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


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _check_header(path: Path, shown: str, spec: RawTable) -> None:
    """Fail early, naming the column, when the header is not the declared one."""
    with path.open("rb") as handle:
        head = handle.readline()
        has_second_line = bool(handle.readline().strip())
    if not head.strip():
        raise SeedValidationError(shown, 1, None, "file is empty (expected a header and data rows)")
    if head.startswith(b"\xef\xbb\xbf"):
        raise SeedValidationError(
            shown, 1, spec.column_names[0], "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"
        )
    try:
        text = head.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise SeedValidationError(shown, 1, None, f"header is not UTF-8 ({exc.reason})") from None
    found = [c.strip().strip('"') for c in text.split(",")]
    expected = list(spec.column_names)
    if found != expected:
        missing = [c for c in expected if c not in found]
        extra = [c for c in found if c not in expected]
        if len(found) == 1 and any(sep in text for sep in ";\t|"):
            sep = next(sep for sep in ";\t|" if sep in text)
            problem, column = f"header is not comma-delimited (found {sep!r})", expected[0]
        elif missing:
            problem, column = f"missing column(s) {missing}", missing[0]
        elif extra:
            problem, column = f"unexpected column(s) {extra}", extra[0]
        else:
            position = next(i for i, (a, b) in enumerate(zip(found, expected, strict=True)) if a != b)
            problem, column = f"columns out of order (expected {expected})", found[position]
        raise SeedValidationError(shown, 1, column, f"header does not match the declared schema: {problem}")
    if not has_second_line:
        raise SeedValidationError(shown, 2, None, "file has a header but no data rows")


def _read_csv_sql(files: list[Path], spec: RawTable) -> str:
    columns = ", ".join(f"{_sql_str(c.name)}: {_sql_str(c.type)}" for c in spec.columns)
    paths = "[" + ", ".join(_sql_str(str(p)) for p in files) + "]"
    return (
        f"read_csv({paths}, header = true, auto_detect = false, columns = {{{columns}}}, "
        "delim = ',', quote = '\"', escape = '\"', dateformat = '%Y-%m-%d', "
        "filename = true, store_rejects = true, "
        "rejects_table = '_raw_rejects', rejects_scan = '_raw_reject_scans')"
    )


def _first_reader_error(conn: duckdb.DuckDBPyConnection, shown: dict[str, str]) -> SeedValidationError | None:
    row = conn.execute(
        """
        select s.file_path, e.line, e.column_name, e.error_type, e.error_message
        from _raw_rejects e join _raw_reject_scans s using (scan_id, file_id)
        order by s.file_path, e.line, e.column_idx limit 1
        """
    ).fetchone()
    if row is None:
        return None
    path, line, column, kind, message = row
    first_line = message.splitlines()[0] if message else str(kind)
    return SeedValidationError(shown.get(path, path), int(line), column, f"{kind}: {first_line}")


# ------------------------------------------------------------------------------------------- rules
def _rule_violations(spec: RawTable) -> list[tuple[str, str, str]]:
    """(column, SQL condition that marks a bad row, message) for every declared rule."""
    rules: list[tuple[str, str, str]] = []
    for c in spec.columns:
        if c.required:
            rules.append((c.name, f'"{c.name}" is null', "required value is missing"))
    for c in spec.columns:
        if c.allowed:
            values = ", ".join(_sql_str(v) for v in c.allowed)
            rules.append(
                (
                    c.name,
                    f'"{c.name}" is not null and cast("{c.name}" as varchar) not in ({values})',
                    f"value not allowed (allowed: {', '.join(c.allowed)})",
                )
            )
    key = ", ".join(f'"{k}"' for k in spec.primary_key)
    rules.append(
        (
            spec.primary_key[-1],
            f"row_number() over (partition by {key} order by filename, _line) > 1",
            f"duplicate primary key ({', '.join(spec.primary_key)}) — the same key appears on an earlier line",
        )
    )
    for check in spec.checks:
        rules.append(
            (check.column, f"({check.predicate}) is not true", f"fails rule '{check.name}': {check.predicate}")
        )
    return rules


def _has_duplicate_keys(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str) -> bool:
    key = ", ".join(f'"{k}"' for k in spec.primary_key)
    return conn.execute(f"select exists (select 1 from {staging} group by {key} having count(*) > 1)").fetchone()[0]


def _failing_row_rules(
    conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, duplicates: bool | None = None
) -> list[int]:
    """Indexes (in declared order) of the rules some row of `staging` breaks: every rule in one scan."""
    rules = _rule_violations(spec)
    row_rules = [(i, cond) for i, (_, cond, _) in enumerate(rules) if "over (" not in cond]
    counts = conn.execute(
        "select " + ", ".join(f"count_if({cond})" for _, cond in row_rules) + f" from {staging}"
    ).fetchone()
    failing = {i for (i, _), n in zip(row_rules, counts, strict=True) if n}
    if _has_duplicate_keys(conn, spec, staging) if duplicates is None else duplicates:
        failing |= {i for i, (_, cond, _) in enumerate(rules) if "over (" in cond}
    return sorted(failing)


def _check_rules(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, duplicates: bool) -> None:
    """Only a rule that fails is run again, to find its first line (the same first error as rule by rule)."""
    rules = _rule_violations(spec)
    for i in _failing_row_rules(conn, spec, staging, duplicates):
        column, condition, message = rules[i]
        bad = conn.execute(
            f"select filename, _line, count(*) over () from (select *, {condition} as _bad from {staging}) "
            "where _bad order by filename, _line limit 1"
        ).fetchone()
        if bad:
            raise SeedValidationError(bad[0], int(bad[1]), column, message, rule=message, rows=int(bad[2]))


def _table_exists(conn: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        conn.execute(
            "select count(*) from information_schema.tables where table_schema = ? and table_name = ? "
            "and table_catalog = current_database()",
            [schema, table],
        ).fetchone()[0]
    )


def _run_cross_checks(
    conn: duckdb.DuckDBPyConnection,
    spec: RawTable,
    staging: str,
    severity: str,
    strict: bool,
    skipped: list[str],
    duplicated_keys: bool,
) -> int:
    """Run the rules of `checks.py` of one severity; quarantine or raise. Returns rows quarantined."""
    quarantined = 0
    for check in (c for c in checks_for(spec.name) if c.severity == severity):
        if check.name == "exact_duplicate_row" and not duplicated_keys:
            continue  # two identical lines share their primary key: without a repeated key there is nothing to find
        missing = [r for r in check.requires if not _table_exists(conn, RAW_SCHEMA, r)]
        if missing:
            if strict:
                raise SeedValidationError(
                    f"seeds/{spec.family}/{spec.pattern}",
                    None,
                    check.column,
                    f"rule '{check.name}' needs {', '.join(f'raw.{m}' for m in missing)}: load it first",
                    rule=check.name,
                )
            skipped.append(check.name)
            continue
        found = f"_found_{spec.name}"
        conn.execute(f"create or replace temp table {found} as {check.sql.format(t=staging)}")
        if severity == "quarantine":
            quarantined += _quarantine(conn, spec, staging, found, check)
        else:
            bad = conn.execute(
                f"select s.filename, s._line, f._reason, count(*) over () from {found} f "
                f"join {staging} s using (_row) order by s.filename, s._line limit 1"
            ).fetchone()
            if bad:
                raise SeedValidationError(
                    bad[0],
                    int(bad[1]),
                    check.column,
                    f"fails rule '{check.name}': {bad[2]}",
                    rule=check.name,
                    rows=int(bad[3]),
                )
        conn.execute(f"drop table if exists temp.{found}")
    return quarantined


def _quarantine(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, found: str, check: CrossCheck) -> int:
    cols = ", ".join(f's."{c}"' for c in spec.column_names)
    conn.execute(
        f"insert into _rejects_{spec.name} select {cols}, s.filename, s._line, ?, ?, f._reason "
        f"from {staging} s join {found} f using (_row)",
        [check.name, check.column],
    )
    n = conn.execute(f"select count(*) from {found}").fetchone()[0]
    conn.execute(f"delete from {RAW_SCHEMA}.{spec.name} where rowid in (select _row from {found})")
    return int(n)


def _any_cross_check_finding(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, rows: str) -> bool:
    """Whether any rule of checks.py (either severity) flags a row of `staging` whose _row is in `rows`."""
    for check in checks_for(spec.name):
        hit = conn.execute(
            f"select exists (select 1 from ({check.sql.format(t=staging)}) f where f._row in ({rows}))"
        ).fetchone()[0]
        if hit:
            return True
    return False


# ------------------------------------------------------------------------------------- load state
def contract_fingerprint(spec: RawTable) -> str:
    """What a valid load of `spec` is: its columns, rules and cross-file rules (and the loader's version)."""
    text = repr((LOADER_VERSION, spec, checks_for(spec.name), CONTEXT_ROWS))
    return hashlib.sha256(text.encode()).hexdigest()


def _ensure_state_tables(conn: duckdb.DuckDBPyConnection) -> None:
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


def _reference_fingerprint(conn: duckdb.DuckDBPyConnection, spec: RawTable) -> str:
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
class _Previous:
    files: dict[str, tuple[str, int | None, int | None]] = field(default_factory=dict)  # shown -> sha, size, rows
    contract: str | None = None
    reference: str | None = None
    table_exists: bool = False
    rejects_empty: bool = False


def _previous_load(conn: duckdb.DuckDBPyConnection, spec: RawTable) -> _Previous:
    prev = _Previous()
    if not (_table_exists(conn, RAW_SCHEMA, "_seed_files") and _table_exists(conn, RAW_SCHEMA, "_load_state")):
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
    prev.table_exists = _table_exists(conn, RAW_SCHEMA, spec.name)
    prev.rejects_empty = (
        _table_exists(conn, REJECTS_SCHEMA, spec.name)
        and not conn.execute(f"select exists (select 1 from {REJECTS_SCHEMA}.{spec.name})").fetchone()[0]
    )
    return prev


def _save_state(
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
                f"({_sql_str(spec.name)}, {_sql_str(f)}, {_sql_str(s.sha256)}, {s.size}, {s.data_rows})"
                for f, s in sorted(keep.items())
            )
        )
    conn.execute(f"delete from {STATE_TABLE} where table_name = ?", [spec.name])
    conn.execute(
        f"insert into {STATE_TABLE} values (?, ?, ?)",
        [spec.name, contract_fingerprint(spec), _reference_fingerprint(conn, spec)],
    )


def _scan_all(files: list[Path], shown: dict[str, str], prev: _Previous) -> dict[str, FileScan]:
    """Hash every file (two threads: hashlib releases the GIL), with the old prefix where one is known."""

    def one(p: Path) -> tuple[str, FileScan]:
        old = prev.files.get(shown[str(p)])
        return shown[str(p)], scan_file(p, old[1] if old and old[1] is not None else None)

    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        return dict(pool.map(one, files))


# ------------------------------------------------------------------------------------------- load
def load_table(
    conn: duckdb.DuckDBPyConnection,
    spec: RawTable,
    files: list[Path],
    root: Path | None = None,
    strict_cross_checks: bool = False,
) -> LoadResult:
    """Validate `files` against `spec` and bring `raw.<spec.name>` up to date with them, atomically.

    Cross-file rules read other raw tables; with `strict_cross_checks` a missing one is an error
    (the pipeline), without it the rule is skipped and listed in the result (one table on its own).
    """
    root = root or Path.cwd()

    def shown_name(p: Path) -> str:
        try:
            return str(p.resolve().relative_to(root.resolve()))
        except ValueError:
            return str(p)

    if not files:
        raise SeedValidationError(f"seeds/{spec.family}/{spec.pattern}", None, None, "no seed files found")
    shown = {str(p): shown_name(p) for p in files}
    for p in files:
        _check_header(p, shown[str(p)], spec)

    order = conn.execute("select current_setting('preserve_insertion_order')").fetchone()[0]
    conn.execute("set preserve_insertion_order = true")  # line numbers follow the reader's output order
    try:
        _ensure_state_tables(conn)
        prev = _previous_load(conn, spec)
        reason = _why_not_incremental(conn, spec, prev, strict_cross_checks)
        if reason:  # a full load: the files are hashed while DuckDB reads them
            with ThreadPoolExecutor(max_workers=1) as pool:
                scanning = pool.submit(_scan_all, files, shown, _Previous())
                result = _load_full(conn, spec, files, shown, scanning.result, strict_cross_checks)
            return LoadResult(**{**result.__dict__, "full_load_reason": reason})
        scans = _scan_all(files, shown, prev)
        plan, reason = _plan(spec, files, shown, scans, prev)
        if plan is not None:
            result = _load_changes(conn, spec, plan, shown, scans)
            if result is not None:
                return result
            reason = "an appended row breaks a rule or extends its series out of order: reloaded to report it"
        result = _load_full(conn, spec, files, shown, lambda: scans, strict_cross_checks)
        return LoadResult(**{**result.__dict__, "full_load_reason": reason})
    finally:
        conn.execute(f"set preserve_insertion_order = {order}")
        temps = [("view", f"_load_{spec.name}")] + [
            ("table", t)
            for t in (
                f"_rejects_{spec.name}",
                f"_found_{spec.name}",
                f"_append_{spec.name}",
                f"_context_{spec.name}",
                f"_context_{spec.name}_dates",
                "_raw_rejects",
                "_raw_reject_scans",
            )
        ]
        for kind, temp in temps:
            try:
                conn.execute(f"drop {kind} if exists temp.{temp}")
            except duckdb.Error:
                pass


@dataclass
class _Plan:
    appended: dict[str, tuple[Path, int, int]]  # shown -> (path, old size, old data rows); new files: (p, 0, 0)
    changed: list[str]


def _why_not_incremental(conn: duckdb.DuckDBPyConnection, spec: RawTable, prev: _Previous, strict: bool) -> str:
    """Why this load cannot be an unchanged or append one, before looking at the files ('' if it may be)."""
    if not prev.table_exists or prev.contract is None:
        return "no earlier load of this table to extend"
    if prev.contract != contract_fingerprint(spec):
        return "the table's contract or rules changed"
    if not prev.rejects_empty:
        return "rows are quarantined in raw_rejects: a full load re-decides them"
    required = {r for c in checks_for(spec.name) for r in c.requires}
    if any(not _table_exists(conn, RAW_SCHEMA, r) for r in required) or (not strict and required):
        return "cross-file rules cannot run"  # a table loaded on its own skips them: never extend it
    if prev.reference != _reference_fingerprint(conn, spec):
        return "a reference table the rules read changed"
    return ""


def _plan(
    spec: RawTable,
    files: list[Path],
    shown: dict[str, str],
    scans: dict[str, FileScan],
    prev: _Previous,
) -> tuple[_Plan | None, str]:
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
    return _Plan(appended, sorted(appended)), ""


def _result(
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


def _load_changes(
    conn: duckdb.DuckDBPyConnection, spec: RawTable, plan: _Plan, shown: dict[str, str], scans: dict[str, FileScan]
) -> LoadResult | None:
    """The unchanged and append paths. None when the appended rows need a full load to be judged."""
    if not plan.appended:
        return _result(conn, spec, scans, "unchanged", 0)
    cols = ", ".join(f'"{c}"' for c in spec.column_names)
    series = ", ".join(f'"{c}"' for c in spec.append_series)
    key = ", ".join(f'"{k}"' for k in spec.primary_key)
    date = f'"{spec.date_column}"'
    table = f"{RAW_SCHEMA}.{spec.name}"
    append, context = f"_append_{spec.name}", f"_context_{spec.name}"
    with tempfile.TemporaryDirectory(prefix="raw-append-") as tmp:
        # The appended bytes of every file behind one header, in one CSV: one read for any number of files.
        tail = Path(tmp) / f"{spec.name}.csv"
        pieces, offset = [], 0
        with tail.open("wb") as out:
            out.write((",".join(spec.column_names) + "\n").encode())
            for name in plan.changed:
                path, old_size, old_rows = plan.appended[name]
                with path.open("rb") as handle:
                    if old_size:
                        handle.seek(old_size)
                    else:
                        handle.readline()  # a new file: skip its header
                    data = handle.read()
                if b"\n\n" in data or data.startswith(b"\n"):
                    return None  # blank lines: the line numbers need the full path's check
                if not data.endswith(b"\n"):
                    data += b"\n"
                pieces.append((str(tail), name, offset, old_rows + 2))
                offset += data.count(b"\n")
                out.write(data)
        conn.execute("begin transaction")
        try:
            read = _read_csv_sql([tail], spec)
            conn.execute(f"create or replace temp table {append} as {_ranges_sql(read, pieces)}")
            if conn.execute("select exists (select 1 from _raw_rejects)").fetchone()[0]:
                conn.execute("rollback")
                return None
            n_new = conn.execute(f"select count(*) from {append}").fetchone()[0]
            if n_new != offset:
                conn.execute("rollback")
                return None
            view = f"_load_{spec.name}"
            conn.execute(
                f"create or replace temp view {view} as select *, rowid as _row, _source_file as filename, "
                f"_source_line as _line from {append}"
            )
            out_of_order = conn.execute(
                f"""
                select exists (
                    select 1 from {append} a
                    join (select {series}, max({date}) as last_date from {table} group by {series}) l
                      using ({series})
                    where a.{date} <= l.last_date
                ) or exists (select 1 from {append} a join {table} t using ({key}))
                """
            ).fetchone()[0]
            if out_of_order or _failing_row_rules(conn, spec, view):
                conn.execute("rollback")
                return None
            # The last CONTEXT_ROWS rows of each appended series (what a rule over neighbours can see), found
            # with one aggregate per row back (no sort of the loaded table), then the new rows.
            conn.execute(
                f"create or replace temp table {context}_dates as select {series}, max({date}) as d "
                f"from {table} join (select distinct {series} from {append}) using ({series}) group by all"
            )
            for _ in range(CONTEXT_ROWS - 1):
                conn.execute(
                    f"insert into {context}_dates select {series}, max(t.{date}) from {table} t "
                    f"join (select {series}, min(d) as d from {context}_dates group by all) b using ({series}) "
                    f"where t.{date} < b.d group by all"
                )
            conn.execute(
                f"""
                create or replace temp table {context} as
                select {", ".join(f"t.{c}" for c in cols.split(", "))}, t._source_file, t._source_line, false as _new
                from {table} t join {context}_dates c on {" and ".join(f"t.{c} = c.{c}" for c in series.split(", "))}
                     and t.{date} = c.d
                union all
                select {cols}, _source_file, _source_line, true as _new from {append}
                """
            )
            conn.execute(
                f"create or replace temp view {view} as select *, rowid as _row, _source_file as filename, "
                f"_source_line as _line from {context}"
            )
            # Every rule, on the new rows and the last loaded row of each series (its neighbour changed). No two
            # rows share a key here (checked above), so _row order never decides anything.
            judged = (
                f"select _row from (select _row, _new, row_number() over (partition by {series} "
                f"order by {date} desc) as back from {view} where not _new) where back = 1 "
                f"union all select _row from {view} where _new"
            )
            if _any_cross_check_finding(conn, spec, view, judged):
                conn.execute("rollback")
                return None
            pause_for_tests(f"raw-in-transaction-{spec.name}")  # test-only kill point (tests/test_crash_safety.py)
            conn.execute(f"insert into {table} select {cols}, _source_file, _source_line from {append}")
            _save_state(conn, spec, scans, plan.changed)
            result = _result(conn, spec, scans, "append", int(n_new))
            conn.execute("commit")
            return result
        except BaseException:
            conn.execute("rollback")
            raise


def _ranges_sql(read_csv: str, pieces: list[tuple[str, str, int, int]]) -> str:
    """Rows of the appended-bytes CSV with their original file and line: piece k covers the reader's rows
    after pieces[k].row_offset up to the next piece's offset."""
    bounds = [
        (shown, o, (pieces[i + 1][2] if i + 1 < len(pieces) else 2**62), first)
        for i, (_, shown, o, first) in enumerate(pieces)
    ]
    values = ", ".join(f"({_sql_str(s)}, {lo}, {hi}, {first})" for s, lo, hi, first in bounds)
    return f"""
        select r.* exclude (filename, _n), f.shown as _source_file,
               cast(r._n - f.lo - 1 + f.first_line as bigint) as _source_line
        from (select *, row_number() over () as _n from {read_csv}) as r
        join (values {values}) as f(shown, lo, hi, first_line)
          on r._n > f.lo and r._n <= f.hi
    """


def _load_full(
    conn: duckdb.DuckDBPyConnection,
    spec: RawTable,
    files: list[Path],
    shown: dict[str, str],
    wait_for_scans: Callable[[], dict[str, FileScan]],  # the hashing thread, on a first load
    strict_cross_checks: bool,
) -> LoadResult:
    """Replace `raw.<table>` straight from the reader (one write), validate it in place, commit or roll back."""
    skipped: list[str] = []
    table = f"{RAW_SCHEMA}.{spec.name}"
    view, rejects = f"_load_{spec.name}", f"_rejects_{spec.name}"
    cols = ", ".join(f'"{c}"' for c in spec.column_names)
    conn.execute("begin transaction")
    try:
        # Insertion order is preserved: the new table's row ids follow the reader's output, file then line.
        conn.execute(f"create or replace table {table} as select * from {_read_csv_sql(files, spec)}")
        error = _first_reader_error(conn, shown)
        if error:
            raise error
        scans = wait_for_scans()
        # Line = row id - the table's first row id - rows of the earlier files + 2 (header = line 1), written
        # by one update of two columns: far cheaper than numbering rows while reading (which serialises
        # DuckDB's parallel CSV reader: measured 2x) or a window over the files.
        values, offset = [], 0
        for p in files:
            values.append(f"({_sql_str(str(p))}, {_sql_str(shown[str(p)])}, {offset})")
            offset += scans[shown[str(p)]].data_rows
        first = conn.execute(f"select min(rowid) from {table}").fetchone()[0]
        conn.execute(f"alter table {table} add column _source_line bigint")
        conn.execute(
            f"update {table} set _source_line = {table}.rowid - {first} - f.row_offset + 2, filename = f.shown "
            f"from (values {', '.join(values)}) as f(path, shown, row_offset) where f.path = {table}.filename"
        )
        conn.execute(f"alter table {table} rename column filename to _source_file")
        _check_line_numbers(conn, table, scans)
        # _row (the row id) follows file then line order: the rules break ties between equal keys with it.
        conn.execute(
            f"create or replace temp view {view} as "
            f"select *, rowid as _row, _source_file as filename, _source_line as _line from {table}"
        )
        conn.execute(
            f"create or replace temp table {rejects} as select {cols}, _source_file, _source_line, "
            f"''::varchar as _rule, ''::varchar as _column, ''::varchar as _reason from {table} where false"
        )
        pause_for_tests(f"raw-in-transaction-{spec.name}")  # test-only kill point (tests/test_crash_safety.py)
        duplicates = _has_duplicate_keys(conn, spec, view)  # one hash aggregate, used by two rules
        quarantined = _run_cross_checks(conn, spec, view, "quarantine", strict_cross_checks, skipped, duplicates)
        _check_rules(conn, spec, view, duplicates)
        _run_cross_checks(conn, spec, view, "error", strict_cross_checks, skipped, duplicates)

        # Quarantined rows: replaced with the table, so a clean load leaves an empty rejects table.
        conn.execute(f"create schema if not exists {REJECTS_SCHEMA}")
        conn.execute(
            f"""
            create or replace table {REJECTS_SCHEMA}.{spec.name} as
            select {cols}, _source_file, _source_line, _rule as rule, _column as "column", _reason as reason
            from {rejects} order by _source_file, _source_line
            """
        )
        # Which files (and which bytes) the table was built from: the published warehouse's fingerprint.
        _save_state(conn, spec, scans, None)
        if skipped:  # rules not run: the next load must not extend this table without them
            conn.execute(f"delete from {STATE_TABLE} where table_name = ?", [spec.name])
        result = _result(conn, spec, scans, "full", offset, quarantined)
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise
    return LoadResult(**{**result.__dict__, "skipped_checks": tuple(skipped)})


def _check_line_numbers(conn: duckdb.DuckDBPyConnection, table: str, scans: dict[str, FileScan]) -> None:
    """Line numbers assume one line per row. A file with blank lines or a line break inside a quoted field
    has another row count than its lines: number its rows in reader order instead (as near as we can get)."""
    # A wrong count also shifts every later file's numbers: compare each file's first and last line too.
    found = {
        f: (n, lo, hi)
        for f, n, lo, hi in conn.execute(
            f"select _source_file, count(*), min(_source_line), max(_source_line) from {table} group by all"
        ).fetchall()
    }
    off = [f for f, (n, lo, hi) in found.items() if (n, lo, hi) != (scans[f].data_rows, 2, scans[f].data_rows + 1)]
    if not off:
        return
    marks = ", ".join("?" for _ in off)
    conn.execute(
        f"""
        update {table} set _source_line = n.line
        from (select rowid as r, row_number() over (partition by _source_file order by _source_line) + 1 as line
              from {table} where _source_file in ({marks})) n
        where {table}.rowid = n.r
        """,
        off,
    )
