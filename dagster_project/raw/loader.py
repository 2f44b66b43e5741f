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
- **full**: `raw.<table>` is replaced from DuckDB's CSV reader with the declared column types (two streaming
  passes that spill: memory does not grow with the data), then validated in place before the commit.

Values that do not parse are collected by the reader itself (`store_rejects`), which knows the file, line
and column. Rules the reader cannot check (required values, allowed codes, primary keys, row rules, and the
rules over several rows or other raw tables in `checks/`) run as SQL on the new table. A row's line number
comes from its position in the reader's output: its row id less its file's first row id. A few rules
quarantine instead of failing: the offending row goes to `raw_rejects.<table>` with its rule and reason,
replaced in the same transaction. If anything fails, the transaction is rolled back and `raw.<table>` is
untouched.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb

from ..seeds.files import scan_all
from .append import load_changes
from .base import Checkpoint, LoadResult, SeedValidationError, no_checkpoint
from .full import load_full
from .reader import check_header
from .schemas import RawTable
from .state import ensure_state_tables, plan, previous_load, why_not_incremental

__all__ = ["LoadResult", "SeedValidationError", "load_table", "seed_files"]


def seed_files(seeds_dir: Path, spec: RawTable) -> list[Path]:
    """The files that make `raw.<spec.name>`: `seeds/<family>/<pattern>`, in name order."""
    return sorted((seeds_dir / spec.family).glob(spec.pattern))


def load_table(
    conn: duckdb.DuckDBPyConnection,
    spec: RawTable,
    files: list[Path],
    root: Path | None = None,
    strict_cross_checks: bool = False,
    checkpoint: Checkpoint = no_checkpoint,
) -> LoadResult:
    """Validate `files` against `spec` and bring `raw.<spec.name>` up to date with them, atomically.

    Cross-file rules read other raw tables; with `strict_cross_checks` a missing one is an error
    (the pipeline), without it the rule is skipped and listed in the result (one table on its own).
    `checkpoint` is called with `raw-in-transaction-<table>` inside the load's transaction.
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
        check_header(p, shown[str(p)], spec)

    order = conn.execute("select current_setting('preserve_insertion_order')").fetchone()[0]
    conn.execute("set preserve_insertion_order = true")  # line numbers follow the reader's output order
    try:
        ensure_state_tables(conn)
        prev = previous_load(conn, spec)
        reason = why_not_incremental(conn, spec, prev, strict_cross_checks)
        if reason:  # a full load: the files are hashed while DuckDB reads them
            with ThreadPoolExecutor(max_workers=1) as pool:
                scanning = pool.submit(scan_all, files, shown, {})
                result = load_full(conn, spec, files, shown, scanning.result, strict_cross_checks, checkpoint)
            return LoadResult(**{**result.__dict__, "full_load_reason": reason})
        scans = scan_all(files, shown, {f: size for f, (_, size, _) in prev.files.items() if size is not None})
        appended, reason = plan(spec, files, shown, scans, prev)
        if appended is not None:
            result = load_changes(conn, spec, appended, shown, scans, checkpoint)
            if result is not None:
                return result
            reason = "an appended row breaks a rule or extends its series out of order: reloaded to report it"
        result = load_full(conn, spec, files, shown, lambda: scans, strict_cross_checks, checkpoint)
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
