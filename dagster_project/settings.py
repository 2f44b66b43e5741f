"""Assumptions shared by Python and dbt live once, as dbt vars in dbt/dbt_project.yml; Python reads them here."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from .paths import DBT_DIR


@cache
def dbt_vars() -> dict[str, Any]:
    """The `vars:` block of dbt/dbt_project.yml (the defaults a build uses unless `--vars` overrides them)."""
    with (DBT_DIR / "dbt_project.yml").open() as handle:
        return yaml.safe_load(handle).get("vars") or {}


def dbt_var(name: str) -> Any:
    return dbt_vars()[name]
