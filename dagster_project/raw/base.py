"""What every part of the loader shares: the schemas it writes, its error, its result, two SQL helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

RAW_SCHEMA = "raw"
REJECTS_SCHEMA = "raw_rejects"
FILES_TABLE = f"{RAW_SCHEMA}._seed_files"
STATE_TABLE = f"{RAW_SCHEMA}._load_state"
# Bump when the loader's own rules change what a valid load is: every table then takes the full path once.
LOADER_VERSION = "3"  # 3: NaN and infinity refused in every DOUBLE column

# Called with a step name at each point a load can be observed (e.g. `raw-in-transaction-<table>`): a caller
# may log or wait there. The pipeline passes nothing; the crash tests pass a pause (tests/crash_build.py).
Checkpoint = Callable[[str], None]


def no_checkpoint(step: str) -> None:
    """The default checkpoint: nothing happens."""


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


def sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def table_exists(conn: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        conn.execute(
            "select count(*) from information_schema.tables where table_schema = ? and table_name = ? "
            "and table_catalog = current_database()",
            [schema, table],
        ).fetchone()[0]
    )
