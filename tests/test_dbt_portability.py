"""Portable SQL: DuckDB-only syntax stays behind dispatched macros, so the models can build on Spark later."""

from __future__ import annotations

import re

import pytest

from dagster_project.paths import DBT_DIR, PROJECT_ROOT

# Constructs that DuckDB accepts and Spark SQL does not (or reads differently).
DUCKDB_ONLY = {
    "postgres-style cast '::'": r"::",
    "QUALIFY": r"\bqualify\b",
    "list/struct functions": r"\b(list_\w+|struct_\w+|unnest)\s*\(",
    "median/quantile": r"\b(median|quantile_cont|quantile_disc)\s*\(",
    "arg_max/arg_min": r"\barg_(max|min)\s*\(",
    "ASOF join": r"\basof\b",
    "interval arithmetic": r"\binterval\s+'?\d",
    "generate_series/range table function": r"\b(generate_series|range)\s*\(\s*(date|cast|'|\d)",
    "strftime/strptime": r"\b(strftime|strptime)\s*\(",
    "string_agg": r"\bstring_agg\s*\(",
    "read_csv/read_parquet": r"\bread_(csv|parquet)\w*\s*\(",
}

SQL_FILES = sorted((DBT_DIR / "models").rglob("*.sql")) + sorted((PROJECT_ROOT / "analyses").glob("*.sql"))


def _code(path) -> str:
    text = path.read_text()
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)  # jinja comments
    text = re.sub(r"\{\{.*?\}\}", "", text, flags=re.S)  # macro calls (dispatched)
    text = re.sub(r"--[^\n]*", "", text)  # SQL comments
    return re.sub(r"'[^']*'", "''", text)  # string literals


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda p: p.name)
def test_models_use_no_duckdb_only_syntax(path):
    code = _code(path).lower()
    found = [name for name, pattern in DUCKDB_ONLY.items() if re.search(pattern, code)]
    assert not found, f"{path.name}: {found} — put it in a macro with adapter.dispatch"


def test_engine_specific_macros_are_dispatched():
    """Every macro with a duckdb__ implementation also has a default__ (or spark__) one."""
    text = "\n".join(p.read_text() for p in (DBT_DIR / "macros").rglob("*.sql"))
    duckdb_impls = set(re.findall(r"macro\s+duckdb__(\w+)", text))
    for name in duckdb_impls:
        assert re.search(rf"macro\s+(default|spark)__{name}\b", text), name


PORTABLE_CONTRACT_TYPES = {"string", "double", "date", "boolean", "bigint", "integer", "timestamp"}


def test_contract_types_are_accepted_by_both_engines():
    """Mart contracts must declare types DuckDB and Spark both accept (`varchar` without a length fails on Spark)."""
    used = set()
    for path in (DBT_DIR / "models").rglob("*.yml"):
        used |= {m.lower() for m in re.findall(r"data_type:\s*([A-Za-z_]+)", path.read_text())}
    assert used <= PORTABLE_CONTRACT_TYPES, f"not portable: {sorted(used - PORTABLE_CONTRACT_TYPES)}"
