"""`make report`: the story as one static HTML page from the published warehouse (opens offline).

python -m dagster_project.cli.report
"""

from __future__ import annotations

import sys

from ..paths import published_db_path, warehouse_dir
from ..readers.report import write_report


def main() -> int:
    published = published_db_path()
    if not published.exists():
        print(f"No published warehouse at {published}: run `make run` first.", file=sys.stderr)
        return 1
    path = write_report(published, warehouse_dir() / "report")
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
