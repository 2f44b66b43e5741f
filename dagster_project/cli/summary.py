"""Printed at the end of `make run`: each published mart, its row count, and where the warehouse is."""

from __future__ import annotations

import sys

from ..database import connect_published
from ..paths import published_db_path


def main() -> int:
    path = published_db_path()
    if not path.exists():
        print(f"No published warehouse at {path}: the build did not finish.", file=sys.stderr)
        return 1
    with connect_published(locked=False) as conn:
        rows = conn.execute(
            "select table_name, estimated_size from duckdb_tables() where schema_name = 'marts' order by 1"
        ).fetchall()
        info = conn.execute("select built_at_utc, seed_fingerprint_sha256 from marts.warehouse_build_info").fetchone()
        print(f"\nPublished warehouse: {path}")
        print(f"Built at {info[0]} UTC from seeds {info[1][:12]}\n")
        print(f"{'mart':<40} {'rows':>10}")
        for table, _ in rows:
            count = conn.execute(f"select count(*) from marts.{table}").fetchone()[0]
            print(f"{table:<40} {count:>10,}")
    print(f"\nParquet exports: {path.parent / 'parquet'}")
    print('Query it: make sql Q="select * from marts.fct_valuation_gap_daily order by date desc limit 5"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
