"""Load seed CSV files into `raw.<table>`: validate everything first, then swap in one transaction.

The fast path is DuckDB's own CSV reader with the declared column types. Values that do not
parse are collected by the reader itself (`store_rejects`), which knows the file, line and
column. Rules the reader cannot check (required values, allowed codes, primary keys, row
rules) run as SQL on a temporary table; a row's line number is recovered from its position
in that table, because DuckDB keeps insertion order and we stop on any rejected row.
Rules over several rows or other raw tables (`checks.py`) run next, on the same staging copy.
A few of them quarantine instead of failing: the offending row goes to `raw_rejects.<table>` with
its rule and reason, replaced in the same transaction as `raw.<table>`.
If anything fails, the transaction is rolled back and `raw.<table>` is untouched.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..publish import pause_for_tests
from .checks import CrossCheck, checks_for
from .schemas import RawTable

RAW_SCHEMA = "raw"
REJECTS_SCHEMA = "raw_rejects"


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


def seed_files(seeds_dir: Path, spec: RawTable) -> list[Path]:
    return sorted((seeds_dir / spec.family).glob(spec.pattern))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
            f"row_number() over (partition by {key} order by _row) > 1",
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


def _check_rules(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, shown: dict[str, str]) -> None:
    """Every declared rule in one scan; only a rule that fails is run again to find its first line."""
    rules = _rule_violations(spec)
    row_rules = [(i, cond) for i, (_, cond, _) in enumerate(rules) if "over (" not in cond]
    counts = conn.execute(
        "select " + ", ".join(f"count_if({cond})" for _, cond in row_rules) + f" from {staging}"
    ).fetchone()
    failing = {i for (i, _), n in zip(row_rules, counts, strict=True) if n}
    if _has_duplicate_keys(conn, spec, staging):
        failing |= {i for i, (_, cond, _) in enumerate(rules) if "over (" in cond}
    for i in sorted(failing):  # declared order: the same first error as checking rule by rule
        column, condition, message = rules[i]
        bad = conn.execute(
            f"select filename, _line, count(*) over () from (select *, {condition} as _bad from {staging}) "
            "where _bad order by _row limit 1"
        ).fetchone()
        if bad:
            raise SeedValidationError(
                shown.get(bad[0], bad[0]), int(bad[1]), column, message, rule=message, rows=int(bad[2])
            )


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
    shown: dict[str, str],
    severity: str,
    strict: bool,
    skipped: list[str],
) -> int:
    """Run the rules of `checks.py` of one severity; quarantine or raise. Returns rows quarantined."""
    quarantined = 0
    duplicated_keys: bool | None = None
    for check in (c for c in checks_for(spec.name) if c.severity == severity):
        if check.name == "exact_duplicate_row":
            # Two identical lines share their primary key: without a repeated key there is nothing to find.
            duplicated_keys = _has_duplicate_keys(conn, spec, staging) if duplicated_keys is None else duplicated_keys
            if not duplicated_keys:
                continue
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
                f"join {staging} s using (_row) order by _row limit 1"
            ).fetchone()
            if bad:
                raise SeedValidationError(
                    shown.get(bad[0], bad[0]),
                    int(bad[1]),
                    check.column,
                    f"fails rule '{check.name}': {bad[2]}",
                    rule=check.name,
                    rows=int(bad[3]),
                )
        conn.execute(f"drop table if exists temp.{found}")
    return quarantined


def _quarantine(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, found: str, check: CrossCheck) -> int:
    rejects = f"_rejects_{spec.name}"
    conn.execute(
        f"insert into {rejects} select s.*, ?, ?, f._reason from {staging} s join {found} f using (_row)",
        [check.name, check.column],
    )
    n = conn.execute(f"select count(*) from {found}").fetchone()[0]
    conn.execute(f"delete from {staging} where _row in (select _row from {found})")
    return int(n)


def load_table(
    conn: duckdb.DuckDBPyConnection,
    spec: RawTable,
    files: list[Path],
    root: Path | None = None,
    strict_cross_checks: bool = False,
) -> LoadResult:
    """Validate `files` against `spec` and replace `raw.<spec.name>` with them, atomically.

    Cross-file rules read other raw tables; with `strict_cross_checks` a missing one is an error
    (the pipeline), without it the rule is skipped and listed in the result (one table on its own).
    """
    root = root or Path.cwd()
    skipped: list[str] = []

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

    staging = f"_load_{spec.name}"
    rejects = f"_rejects_{spec.name}"
    # hashlib releases the GIL: the files are hashed while DuckDB parses them.
    hashing = ThreadPoolExecutor(max_workers=1).submit(lambda: {shown[str(p)]: sha256_of(p) for p in files})
    conn.execute("begin transaction")
    try:
        # rowid order is file order then line order (insertion order is preserved).
        conn.execute(f"create or replace temp table {staging} as select * from {_read_csv_sql(files, spec)}")
        error = _first_reader_error(conn, shown)
        if error:
            raise error
        # Line numbers from each file's first rowid: a small group-by, not a window over every row.
        conn.execute(
            f"""
            create or replace temp table {staging} as
            select s.*, s.rowid as _row, s.rowid - f.first_row + 2 as _line
            from {staging} s
            join (select filename, min(rowid) as first_row from {staging} group by filename) f using (filename)
            """
        )
        conn.execute(
            f"create or replace temp table {rejects} as select *, ''::varchar as _rule, ''::varchar as _column, "
            f"''::varchar as _reason from {staging} where false"
        )
        pause_for_tests(f"raw-in-transaction-{spec.name}")  # test-only kill point (tests/test_crash_safety.py)
        quarantined = _run_cross_checks(conn, spec, staging, shown, "quarantine", strict_cross_checks, skipped)
        _check_rules(conn, spec, staging, shown)
        _run_cross_checks(conn, spec, staging, shown, "error", strict_cross_checks, skipped)

        cols = ", ".join(f'"{c}"' for c in spec.column_names)
        key = ", ".join(f'"{k}"' for k in spec.primary_key)
        conn.execute(f"create schema if not exists {RAW_SCHEMA}")
        # File paths are stored relative to the project so a rerun from elsewhere gives the same table.
        names = ", ".join(f"({_sql_str(a)}, {_sql_str(r)})" for a, r in shown.items())
        conn.execute(
            f"""
            create or replace table {RAW_SCHEMA}.{spec.name} as
            select {cols}, f.relative as _source_file, _line as _source_line
            from {staging} join (values {names}) as f(absolute, relative) on f.absolute = filename
            order by {key}
            """
        )
        # Quarantined rows: replaced with the table, so a clean load leaves an empty rejects table.
        conn.execute(f"create schema if not exists {REJECTS_SCHEMA}")
        conn.execute(
            f"""
            create or replace table {REJECTS_SCHEMA}.{spec.name} as
            select {cols}, f.relative as _source_file, _line as _source_line,
                   _rule as rule, _column as "column", _reason as reason
            from {rejects} join (values {names}) as f(absolute, relative) on f.absolute = filename
            order by _row
            """
        )
        # Which files (and which bytes) the table was built from: the published warehouse's fingerprint.
        hashes = hashing.result()
        conn.execute(
            f"create table if not exists {RAW_SCHEMA}._seed_files "
            "(table_name varchar, file varchar, sha256 varchar, primary key (table_name, file))"
        )
        conn.execute(f"delete from {RAW_SCHEMA}._seed_files where table_name = ?", [spec.name])
        conn.execute(
            f"insert into {RAW_SCHEMA}._seed_files values "
            + ", ".join(f"({_sql_str(spec.name)}, {_sql_str(f)}, {_sql_str(h)})" for f, h in sorted(hashes.items()))
        )
        count = conn.execute(f"select count(*) from {RAW_SCHEMA}.{spec.name}").fetchone()[0]
        min_date = max_date = None
        if spec.date_column:
            lo, hi = conn.execute(
                f'select min("{spec.date_column}"), max("{spec.date_column}") from {RAW_SCHEMA}.{spec.name}'
            ).fetchone()
            min_date, max_date = (str(lo) if lo else None), (str(hi) if hi else None)
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise
    finally:
        for temp in (staging, rejects, f"_found_{spec.name}", "_raw_rejects", "_raw_reject_scans"):
            try:
                conn.execute(f"drop table if exists temp.{temp}")
            except duckdb.Error:
                pass
    return LoadResult(
        table=f"{RAW_SCHEMA}.{spec.name}",
        row_count=int(count),
        files=hashes,
        min_date=min_date,
        max_date=max_date,
        quarantined=quarantined,
        skipped_checks=tuple(skipped),
    )
