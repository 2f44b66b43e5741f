"""The raw contract (schemas/) rendered for its readers: dbt's sources file and the seeds README section.

Both are generated (`make contract`) and tests fail when a committed copy differs, so a seed family is
declared once, in schemas/. One name per family: the folder under seeds/ is the dbt source name, and its
raw tables are named after it (`<family>` or `<family>_<grain>`).
"""

from __future__ import annotations

import json

from .schemas import TABLES, RawTable

SOURCES_PATH = "dbt/models/staging/__sources.yml"
CONTRACT_DOC_PATH = "docs/seeds-contract.md"


def _q(text: str) -> str:
    """A YAML scalar: JSON's double-quoted string is valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def _column_description(spec: RawTable, name: str) -> str:
    column = spec.column(name)
    parts = [column.description] if column.description else []
    if column.allowed:
        parts.append("one of: " + ", ".join(column.allowed))
    parts.append(f"{column.type.lower()}, {'required' if column.required else 'optional'}")
    return "; ".join(parts)


def sources_yml() -> str:
    """dbt/models/staging/__sources.yml: one source per seed family, each raw table with its columns."""
    out = [
        "version: 2",
        "",
        "# Generated from dagster_project/raw/schemas/ by `make contract`: do not edit by hand.",
        "# One source per seed family (the folder under seeds/); meta.dagster.asset_key links each table to the",
        "# raw asset that loads it, so lineage runs seed -> raw -> models.",
        "sources:",
    ]
    families = list(dict.fromkeys(spec.family for spec in TABLES))
    for family in families:
        out += [
            f"  - name: {family}",
            "    schema: raw",
            f"    description: {_q(f'Seed family seeds/{family}/, loaded and validated by the raw assets.')}",
            "    tables:",
        ]
        for spec in (s for s in TABLES if s.family == family):
            key = ", ".join(_q(p) for p in ("raw", spec.name))
            out += [
                f"      - name: {spec.name}",
                f"        description: {_q(spec.description)}",
                f"        meta: {{dagster: {{asset_key: [{key}]}}}}",
                "        columns:",
            ]
            for c in spec.columns:
                description = _q(_column_description(spec, c.name))
                out += [f"          - name: {c.name}", f"            description: {description}"]
    return "\n".join(out) + "\n"


def contract_markdown() -> str:
    """docs/seeds-contract.md: the declared schema of every family."""
    out = [
        "# Seeds contract",
        "",
        "<!-- Generated from dagster_project/raw/schemas/ by `make contract`: do not edit by hand. -->",
        "",
        "What a seed file must be to load: one section per raw table, named after its folder under `seeds/`",
        "(the dbt source of the same name reads it). Rules over several rows or tables (neighbouring prices,",
        "known companies and symbols, EPS against net income) are in `dagster_project/raw/checks/`; what",
        "happens to a file that breaks any of them: [RELIABILITY.md](RELIABILITY.md), section 1.",
        "",
    ]
    for spec in TABLES:
        out += [
            f"### `seeds/{spec.family}/{spec.pattern}` → `raw.{spec.name}`",
            "",
            spec.description,
            "",
            f"Primary key: ({', '.join(spec.primary_key)}).",
            "",
            "| column | type | required | allowed / meaning |",
            "|---|---|---|---|",
        ]
        for c in spec.columns:
            meaning = ("one of: " + ", ".join(f"`{v}`" for v in c.allowed)) if c.allowed else ""
            meaning = "; ".join(x for x in (meaning, c.description) if x)
            out.append(f"| `{c.name}` | {c.type} | {'yes' if c.required else ''} | {meaning} |")
        if spec.checks:
            out += ["", "Row rules: " + "; ".join(f"`{k.predicate}`" for k in spec.checks) + "."]
        out.append("")
    return "\n".join(out)
