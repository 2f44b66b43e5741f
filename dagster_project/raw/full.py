"""The full path: `raw.<table>` replaced from DuckDB's CSV reader (two streaming passes: rows, then their file
and line), then validated in place; commit, or roll back and leave the table untouched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from ..seeds.files import FileScan
from .base import RAW_SCHEMA, REJECTS_SCHEMA, STATE_TABLE, Checkpoint, LoadResult, no_checkpoint
from .reader import first_reader_error, read_csv_sql
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
    """Replace `raw.<table>` from the reader, validate it in place, commit or roll back."""
    skipped: list[str] = []
    table = f"{RAW_SCHEMA}.{spec.name}"
    view, rejects = f"_load_{spec.name}", f"_rejects_{spec.name}"
    cols = ", ".join(f'"{c}"' for c in spec.column_names)
    conn.execute("begin transaction")
    try:
        number_lines(conn, spec, files, shown, table)
        scans = wait_for_scans()
        offset = sum(scans[shown[str(p)]].data_rows for p in files)
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


def number_lines(
    conn: duckdb.DuckDBPyConnection, spec: RawTable, files: list[Path], shown: dict[str, str], table: str
) -> None:
    """Write `table` from the reader with each row's `_source_file` and `_source_line`, in two streaming
    passes that DuckDB runs in parallel and spills to disk: memory does not grow with the data.

    The reader writes a staging table in its output order (file, then line: insertion order is preserved)
    with each row's file index. Each file's rows are then consecutive row ids, so a row's line is its row id
    minus its file's first row id, plus 2 (the header is line 1): one aggregate finds every file's first row
    id, and the table is written from the staging table with both columns computed per row. (An update of
    every row instead keeps its undo state in memory until the commit: it runs out of memory at scale.)
    A file with blank lines or a line break inside a quoted field is numbered by its rows, as near as the
    reader lets us get."""
    stage = f"{RAW_SCHEMA}._loading_{spec.name}"
    cols = ", ".join(f'"{c}"' for c in spec.column_names)
    read = read_csv_sql(files, spec)
    conn.execute(f"create or replace table {stage} as select {cols}, cast(file_index as bigint) as _file from {read}")
    error = first_reader_error(conn, shown)
    if error:
        raise error
    firsts = [None] * len(files)
    consecutive = True
    for index, rows, first, last in conn.execute(
        f"select _file, count(*), min(rowid), max(rowid) from {stage} group by _file"
    ).fetchall():
        firsts[index] = first
        consecutive &= last - first + 1 == rows
    params: list[object] = [[shown[str(p)] for p in files]]
    if consecutive:
        line = "rowid - $2[_file + 1] + 2"
        params.append([f if f is not None else 0 for f in firsts])
    else:  # never seen (the reader keeps each file's rows together): number them by a sort, which spills
        line = "row_number() over (partition by _file order by rowid) + 1"
    conn.execute(
        f"create or replace table {table} as select {cols}, $1[_file + 1] as _source_file, "
        f"cast({line} as bigint) as _source_line from {stage}",
        params,
    )
    conn.execute(f"drop table {stage}")
