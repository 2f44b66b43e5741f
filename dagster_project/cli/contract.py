"""Write what is generated from the raw contract (dagster_project/raw/schemas/) and the chart registry
(dagster_project/readers/chart_registry.py):

    python -m dagster_project.cli.contract     # dbt/models/staging/__sources.yml, docs/seeds-contract.md,
                                               # dbt/models/exposures.yml

Run after changing either (`make contract`); tests fail while a committed copy differs.
"""

from __future__ import annotations

import sys

from ..paths import PROJECT_ROOT
from ..raw.contract import CONTRACT_DOC_PATH, SOURCES_PATH, contract_markdown, sources_yml
from ..readers.chart_registry import EXPOSURES_PATH, exposures_yml


def replace_between(text: str, start: str, end: str, body: str) -> str:
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    return f"{head}{start}\n{body}{end}{tail}"


def main() -> int:
    (PROJECT_ROOT / SOURCES_PATH).write_text(sources_yml())
    (PROJECT_ROOT / CONTRACT_DOC_PATH).write_text(contract_markdown())
    (PROJECT_ROOT / EXPOSURES_PATH).write_text(exposures_yml())
    print(f"wrote {SOURCES_PATH}, {CONTRACT_DOC_PATH} and {EXPOSURES_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
