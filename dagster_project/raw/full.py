"""The full path: `raw.<table>` replaced straight from DuckDB's CSV reader (one write), each row given its
file and line, then validated in place; commit, or roll back and leave the table untouched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from ..seeds.files import FileScan
from .base import (
    RAW_SCHEMA,
    REJECTS_SCHEMA,
    STATE_TABLE,
    Checkpoint,
    LoadResult,
    SeedValidationError,
    no_checkpoint,
    sql_str,
)
from .reader import first_reader_error, read_csv_sql, unterminated_quote
from .rules import check_rules, has_duplicate_keys, run_cross_checks
from .schemas import RawTable
from .state import result_of, save_state


def load_full(
    conn: duckdb.DuckDBPyConnection,
    spec: RawTable,
    files: list[Path],
    shown: dict[str, str],
    wait_for_scans: Callable[[], dict[str, FileScan]],  # the hashing thread, on a first load
    strict_cross_checks: bool,
    checkpoint: Checkpoint = no_checkpoint,
) -> LoadResult:
    """Replace `raw.<table>` straight from the reader (one write), validate it in place, commit or roll back."""
    skipped: list[str] = []
    table = f"{RAW_SCHEMA}.{spec.name}"
    view, rejects = f"_load_{spec.name}", f"_rejects_{spec.name}"
    cols = ", ".join(f'"{c}"' for c in spec.column_names)
    conn.execute("begin transaction")
    try:
        # Insertion order is preserved: the new table's row ids follow the reader's output, file then line.
        conn.execute(f"create or replace table {table} as select * from {read_csv_sql(files, spec)}")
        error = first_reader_error(conn, shown)
        if error:
            raise error
        scans = wait_for_scans()
        # Line = row id - the table's first row id - rows of the earlier files + 2 (header = line 1), written
        # by one update of two columns: far cheaper than numbering rows while reading (which serialises
        # DuckDB's parallel CSV reader: measured 2x) or a window over the files.
        values, offset = [], 0
        for p in files:
            values.append(f"({sql_str(str(p))}, {sql_str(shown[str(p)])}, {offset})")
            offset += scans[shown[str(p)]].data_rows
        first = conn.execute(f"select min(rowid) from {table}").fetchone()[0]
        conn.execute(f"alter table {table} add column _source_line bigint")
        conn.execute(
            f"update {table} set _source_line = {table}.rowid - {first} - f.row_offset + 2, filename = f.shown "
            f"from (values {', '.join(values)}) as f(path, shown, row_offset) where f.path = {table}.filename"
        )
        conn.execute(f"alter table {table} rename column filename to _source_file")
        check_line_numbers(conn, table, scans, {shown[str(p)]: p for p in files}, spec)
        # _row (the row id) follows file then line order: the rules break ties between equal keys with it.
        conn.execute(
            f"create or replace temp view {view} as "
            f"select *, rowid as _row, _source_file as filename, _source_line as _line from {table}"
        )
        conn.execute(
            f"create or replace temp table {rejects} as select {cols}, _source_file, _source_line, "
            f"''::varchar as _rule, ''::varchar as _column, ''::varchar as _reason from {table} where false"
        )
        checkpoint(f"raw-in-transaction-{spec.name}")  # test-only kill point (tests/test_crash_safety.py)
        duplicates = has_duplicate_keys(conn, spec, view)  # one hash aggregate, used by two rules
        quarantined = run_cross_checks(conn, spec, view, "quarantine", strict_cross_checks, skipped, duplicates)
        check_rules(conn, spec, view, duplicates)
        run_cross_checks(conn, spec, view, "error", strict_cross_checks, skipped, duplicates)

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
        save_state(conn, spec, scans, None)
        if skipped:  # rules not run: the next load must not extend this table without them
            conn.execute(f"delete from {STATE_TABLE} where table_name = ?", [spec.name])
        result = result_of(conn, spec, scans, "full", offset, quarantined)
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise
    return LoadResult(**{**result.__dict__, "skipped_checks": tuple(skipped)})


def check_line_numbers(
    conn: duckdb.DuckDBPyConnection, table: str, scans: dict[str, FileScan], paths: dict[str, Path], spec: RawTable
) -> None:
    """Line numbers assume one line per row. A file with blank lines or a line break inside a quoted field
    has another row count than its lines: number its rows in reader order instead (as near as we can get).
    A quoted field that never closes (a file cut off inside it) is an error: the reader drops that row."""
    # A wrong count also shifts every later file's numbers: compare each file's first and last line too.
    found = {
        f: (n, lo, hi)
        for f, n, lo, hi in conn.execute(
            f"select _source_file, count(*), min(_source_line), max(_source_line) from {table} group by all"
        ).fetchall()
    }
    for f in sorted(paths):
        if scans[f].data_rows and found.get(f, (0,))[0] != scans[f].data_rows:
            where = unterminated_quote(paths[f])
            if where:
                column = spec.column_names[min(where[1], len(spec.column_names) - 1)]
                raise SeedValidationError(
                    f, where[0], column, "a quoted field opens here and never closes (file cut off, or a stray quote)"
                )
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
