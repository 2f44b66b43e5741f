"""What changed since the last publish: a fingerprint per mart and per year of its date column.

A mart with a date column (`date`, `week_ending` or `event_date`, the first one present) is cut into one
partition per calendar year of that column; any other mart is one partition. A partition's fingerprint is
its row count and the sum of a 64-bit hash of every row (order-free, duplicates counted); a mart's shape is
a hash of its column names, types and descriptions. Publishing stores them next to what it wrote (in the
published file, and with each mart's Parquet folder) and rewrites only the partitions whose fingerprint
moved, and a whole mart when its shape did. One pass over each mart reads every row once: far cheaper than
writing it (no compression, no I/O), and it needs nothing from dbt (a mart dbt rebuilt to the same rows
counts as unchanged).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

import duckdb

PARTITION_COLUMNS = ("date", "week_ending", "event_date")
DATE_TYPES = ("DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE")
WHOLE = "all"  # the one partition of a mart without a date column
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # DuckDB's (and Hive's) folder name for a null partition key


@dataclass(frozen=True)
class MartFingerprint:
    shape: str
    partition_column: str | None
    partitions: dict[str, str] = field(default_factory=dict)  # partition -> "rows:hash sum"

    @property
    def rows(self) -> int:
        return sum(int(fp.split(":", 1)[0]) for fp in self.partitions.values())

    def changed_since(self, previous: MartFingerprint | None) -> set[str] | None:
        """Partitions to rewrite (new, changed or gone); None when the whole mart must be rewritten."""
        if previous is None or previous.shape != self.shape or previous.partition_column != self.partition_column:
            return None
        keys = set(self.partitions) | set(previous.partitions)
        return {k for k in keys if self.partitions.get(k) != previous.partitions.get(k)}

    def to_json(self) -> str:
        return json.dumps(
            {"shape": self.shape, "partition_column": self.partition_column, "partitions": self.partitions},
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> MartFingerprint:
        data = json.loads(text)
        return cls(data["shape"], data["partition_column"], dict(data["partitions"]))


def partition_key(column: str | None) -> str:
    """SQL for a row's partition: its year as text (the Parquet folder is `year=<key>`), or WHOLE."""
    if column is None:
        return f"'{WHOLE}'"
    return f"coalesce(year(\"{column}\")::varchar, '{NULL_PARTITION}')"


def _columns(conn: duckdb.DuckDBPyConnection, database: str, schema: str, table: str) -> list[tuple]:
    return conn.execute(
        "select column_name, data_type, comment from duckdb_columns() "
        "where database_name = ? and schema_name = ? and table_name = ? order by column_index",
        [database, schema, table],
    ).fetchall()


def fingerprint(conn: duckdb.DuckDBPyConnection, database: str, schema: str, table: str) -> MartFingerprint:
    """The fingerprint of `database.schema.table` (a table or a view)."""
    columns = _columns(conn, database, schema, table)
    comment = conn.execute(
        "select comment from duckdb_tables() where database_name = ? and schema_name = ? and table_name = ? "
        "union all select comment from duckdb_views() where database_name = ? and schema_name = ? "
        "and view_name = ?",
        [database, schema, table] * 2,
    ).fetchone()
    shape = hashlib.sha256(json.dumps([comment[0] if comment else None, columns], default=str).encode()).hexdigest()
    types = {name: dtype for name, dtype, _ in columns}
    column = next((c for c in PARTITION_COLUMNS if types.get(c) in DATE_TYPES), None)
    rows = conn.execute(
        f"select {partition_key(column)} as p, count(*)::varchar || ':' || coalesce(sum(hash(_row_)), 0)::varchar "
        f'from "{database}"."{schema}"."{table}" as _row_ group by p'
    ).fetchall()
    return MartFingerprint(shape, column, dict(rows))
