"""Write what is generated from the raw contract (dagster_project/raw/schemas.py):

    python -m dagster_project.cli.contract     # dbt/models/staging/__sources.yml and the contract in seeds/README.md

Run after changing schemas.py (`make contract`); tests fail while a committed copy differs.
"""

from __future__ import annotations

import sys

from ..paths import PROJECT_ROOT, SEEDS_DIR
from ..raw.contract import SEEDS_README_END, SEEDS_README_START, SOURCES_PATH, contract_markdown, sources_yml


def replace_between(text: str, start: str, end: str, body: str) -> str:
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    return f"{head}{start}\n{body}{end}{tail}"


def main() -> int:
    (PROJECT_ROOT / SOURCES_PATH).write_text(sources_yml())
    readme = SEEDS_DIR / "README.md"
    readme.write_text(replace_between(readme.read_text(), SEEDS_README_START, SEEDS_README_END, contract_markdown()))
    print(f"wrote {SOURCES_PATH} and the contract section of seeds/README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
