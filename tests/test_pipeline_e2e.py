"""End to end on a temporary warehouse: Dagster's 'materialize all', then what users read."""

from __future__ import annotations

import os
import subprocess

import duckdb
import pytest

from dagster_project.paths import DBT_DIR, PROJECT_ROOT

MARTS = [
    "dim_company",
    "dim_listing",
    "dim_ai_event",
    "fct_listing_valuation_daily",
    "fct_valuation_gap_daily",
    "fct_weekly_performance",
    "fct_rerating_decomposition",
    "fct_ai_event_returns",
    "fct_ai_event_study",
    "fct_ai_event_caar",
    "fct_segment_valuation",
    "fct_segment_valuation_scenarios",
    "fct_cloud_capex_quarterly",
    "fct_capex_region_quarterly",
    "fct_capex_guidance",
]


def test_every_mart_is_published_and_not_empty(built_warehouse):
    with duckdb.connect(str(built_warehouse / "warehouse.duckdb"), read_only=True) as conn:
        tables = {
            r[0] for r in conn.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        }
        for mart in MARTS:
            assert mart in tables, mart
            assert conn.execute(f"select count(*) from marts.{mart}").fetchone()[0] > 0, mart
        assert "warehouse_build_info" in tables
    for mart in MARTS:
        assert (built_warehouse / "parquet" / f"{mart}.parquet").exists()


def test_published_file_holds_only_marts(built_warehouse):
    with duckdb.connect(str(built_warehouse / "warehouse.duckdb"), read_only=True) as conn:
        schemas = {
            r[0]
            for r in conn.execute(
                "select distinct schema_name from duckdb_tables() where database_name = current_database()"
            ).fetchall()
        }
    assert schemas == {"marts"}


def test_charts_are_valid_non_trivial_pngs(built_warehouse):
    charts = sorted((built_warehouse / "charts").glob("*.png"))
    assert len(charts) == 4, charts
    for chart in charts:
        data = chart.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", chart
        assert len(data) > 15_000, (chart, len(data))


def _analyses() -> list[str]:
    return sorted(p.stem for p in (PROJECT_ROOT / "analyses").glob("*.sql"))


@pytest.mark.parametrize("analysis", _analyses())
def test_analysis_compiles_and_returns_rows(analysis, built_warehouse, monkeypatch):
    monkeypatch.setenv("WAREHOUSE_DIR", str(built_warehouse))
    target = built_warehouse / "dbt_target"
    subprocess.run(
        [
            str(PROJECT_ROOT / ".venv" / "bin" / "dbt") if (PROJECT_ROOT / ".venv" / "bin" / "dbt").exists() else "dbt",
            "compile",
            "--quiet",
            "--select",
            analysis,
            "--project-dir",
            str(DBT_DIR),
            "--profiles-dir",
            str(DBT_DIR),
            "--target-path",
            str(target),
        ],
        check=True,
        cwd=DBT_DIR,
    )
    compiled = next(target.rglob(f"analyses/{analysis}.sql")).read_text()
    with duckdb.connect(str(built_warehouse / "build.duckdb"), read_only=True) as conn:
        rows = conn.execute(compiled).fetchall()
    assert rows, f"analysis {analysis} returned no rows"


@pytest.mark.slow
def test_dagster_cli_materializes_everything(tmp_path):
    """`dagster asset materialize --select '*'` from the project root, as the README says."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    env = {**os.environ, "WAREHOUSE_DIR": str(tmp_path), "DAGSTER_HOME": str(home)}
    result = subprocess.run(
        [
            str(PROJECT_ROOT / ".venv" / "bin" / "dagster"),
            "asset",
            "materialize",
            "--select",
            "*",
            "-m",
            "dagster_project.definitions",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "warehouse.duckdb").exists()
