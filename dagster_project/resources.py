"""Dagster resources: the build database and the dbt CLI, both pointed at WAREHOUSE_DIR."""

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource

from .dbt_project import dbt_project
from .paths import build_db_path, duckdb_memory_limit


class BuildDatabase(DuckDBResource):
    """WAREHOUSE_DIR/build.duckdb, resolved when a step runs rather than when the code is imported, so
    the loaders always write the file dbt's profile reads (both follow WAREHOUSE_DIR)."""

    database: str = ""

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        path = self.database or str(build_db_path())
        if not self.database:
            build_db_path().parent.mkdir(parents=True, exist_ok=True)
        config = {"memory_limit": duckdb_memory_limit(), **self.connection_config}
        with DuckDBResource(database=path, connection_config=config).get_connection() as conn:
            yield conn


def build_database() -> BuildDatabase:
    return BuildDatabase()


def dbt_cli() -> DbtCliResource:
    return DbtCliResource(project_dir=dbt_project)
