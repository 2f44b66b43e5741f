"""The append path: only the bytes appended to growing files are parsed, checked (with the last rows of each
series they extend) and inserted, in one transaction. Returns None whenever a full load must judge the rows."""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from ..seeds.files import FileScan
from .base import RAW_SCHEMA, Checkpoint, LoadResult, no_checkpoint
from .checks import CONTEXT_ROWS
from .reader import ranges_sql, read_csv_sql
from .rules import any_cross_check_finding, failing_row_rules
from .schemas import RawTable
from .state import Plan, result_of, save_state


def load_changes(
    conn: duckdb.DuckDBPyConnection,
    spec: RawTable,
    plan: Plan,
    shown: dict[str, str],
    scans: dict[str, FileScan],
    checkpoint: Checkpoint = no_checkpoint,
) -> LoadResult | None:
    """The unchanged and append paths. None when the appended rows need a full load to be judged."""
    if not plan.appended:
        return result_of(conn, spec, scans, "unchanged", 0)
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
            read = read_csv_sql([tail], spec)
            conn.execute(f"create or replace temp table {append} as {ranges_sql(read, pieces)}")
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
            if out_of_order or failing_row_rules(conn, spec, view):
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
            if any_cross_check_finding(conn, spec, view, judged):
                conn.execute("rollback")
                return None
            checkpoint(f"raw-in-transaction-{spec.name}")  # test-only kill point (tests/test_crash_safety.py)
            conn.execute(f"insert into {table} select {cols}, _source_file, _source_line from {append}")
            save_state(conn, spec, scans, plan.changed)
            result = result_of(conn, spec, scans, "append", int(n_new))
            conn.execute("commit")
            return result
        except BaseException:
            conn.execute("rollback")
            raise
