"""Every DuckDB connection of the pipeline: the build database (also as the Dagster resource the raw
assets use), the published warehouse read-only, and an in-memory session with the same memory bound."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster_duckdb import DuckDBResource

from .paths import build_db_path, duckdb_memory_limit, duckdb_temp_dir, published_db_path

# Read-only, and locked: no file access beyond the warehouse itself (no ATTACH of another file, no COPY ... TO,
# no extension installs), and the settings cannot be switched back on (docs/RELIABILITY.md).
READ_ONLY_CONFIG = {"enable_external_access": False, "lock_configuration": True}


def writer_config() -> dict[str, object]:
    """Every writer's bounds: DuckDB's memory limit, and spilling beyond it into the warehouse's temp folder
    (created by DuckDB when it first spills, removed when the last process spilling there closes)."""
    return {"memory_limit": duckdb_memory_limit(), "temp_directory": str(duckdb_temp_dir())}


def connect_build(read_only: bool = False, **config: object) -> duckdb.DuckDBPyConnection:
    """WAREHOUSE_DIR/build.duckdb, resolved at call time (the file dbt's profile reads)."""
    path = build_db_path()
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only, config={**writer_config(), **config})


def connect_memory(**config: object) -> duckdb.DuckDBPyConnection:
    """An in-memory session (publishing attaches the build and the new file to it; coverage loads seeds)."""
    return duckdb.connect(config={**writer_config(), **config})


def connect_published(locked: bool = True, path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """The published warehouse (or another published file), read-only, and locked for SQL users."""
    path = path or published_db_path()
    if not path.exists():
        raise SystemExit(f"No published warehouse at {path}. Run `make run` first.")
    return duckdb.connect(str(path), read_only=True, config=READ_ONLY_CONFIG if locked else {})


class BuildDatabase(DuckDBResource):
    """The build database as a Dagster resource, resolved when a step runs rather than when the code is
    imported (so the loaders always write the file dbt's profile reads). `database` overrides the path."""

    database: str = ""

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if not self.database:
            with connect_build(**self.connection_config) as conn:
                yield conn
            return
        config = {**writer_config(), **self.connection_config}
        with DuckDBResource(database=self.database, connection_config=config).get_connection() as conn:
            yield conn
