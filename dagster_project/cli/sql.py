"""Read-only SQL on the published warehouse: an interactive shell, or one query with --query."""

from __future__ import annotations

import argparse
import sys

import duckdb

from ..database import connect_published
from ..paths import published_db_path


def connect_read_only() -> duckdb.DuckDBPyConnection:
    """The published warehouse, read-only and locked (database.connect_published)."""
    return connect_published()


def run_query(conn: duckdb.DuckDBPyConnection, query: str) -> None:
    relation = conn.sql(query)
    if relation is not None:
        relation.show(max_rows=200, max_width=250)


def shell(conn: duckdb.DuckDBPyConnection) -> None:
    print(f"Read-only SQL on {published_db_path()}. End statements with ';'. Ctrl-D to quit.")
    print("Try: show tables;  select * from marts.fct_valuation_gap_daily order by date desc limit 5;")
    buffer: list[str] = []
    while True:
        try:
            line = input("sql> " if not buffer else "...> ")
        except EOFError:
            print()
            return
        buffer.append(line)
        if line.rstrip().endswith(";"):
            try:
                run_query(conn, "\n".join(buffer))
            except duckdb.Error as exc:
                print(f"error: {exc}")
            buffer.clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--query", "-q", help="run one query and print the result")
    args = parser.parse_args(argv)
    conn = connect_read_only()
    conn.execute("use marts")
    try:
        if args.query:
            run_query(conn, args.query)
        else:
            shell(conn)
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
