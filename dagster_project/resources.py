"""Dagster resources: the build database and the dbt CLI, both pointed at WAREHOUSE_DIR."""

from __future__ import annotations

from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource

from .paths import build_db_path, warehouse_dir
from .dbt_project import dbt_project


def build_database() -> DuckDBResource:
    warehouse_dir().mkdir(parents=True, exist_ok=True)
    return DuckDBResource(database=str(build_db_path()))


def dbt_cli() -> DbtCliResource:
    return DbtCliResource(project_dir=dbt_project)
