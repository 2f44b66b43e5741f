"""Every test works on a temporary warehouse: WAREHOUSE_DIR points into pytest's tmp folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before the project is imported so nothing ever resolves to the user's data/ folder.
_SESSION_WAREHOUSE = Path(os.environ.get("PYTEST_WAREHOUSE_ROOT", "/tmp")) / f"ctr-tests-{os.getpid()}"
os.environ["WAREHOUSE_DIR"] = str(_SESSION_WAREHOUSE)

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def warehouse(tmp_path, monkeypatch) -> Path:
    """A fresh, empty warehouse folder for one test."""
    folder = tmp_path / "warehouse"
    folder.mkdir()
    monkeypatch.setenv("WAREHOUSE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory) -> Path:
    """Dagster's 'materialize all' (raw -> dbt build with checks -> publish -> charts) on the shipped
    seeds, in process, once per session."""
    folder = tmp_path_factory.mktemp("built")
    previous = os.environ.get("WAREHOUSE_DIR")
    os.environ["WAREHOUSE_DIR"] = str(folder)
    try:
        import dagster as dg

        from dagster_project.definitions import defs

        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(
            instance=dg.DagsterInstance.ephemeral()
        )
        assert result.success
    finally:
        if previous is not None:
            os.environ["WAREHOUSE_DIR"] = previous
    return folder
