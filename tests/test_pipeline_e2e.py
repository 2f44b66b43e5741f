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
    "fct_segment_valuation_bridge",
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
        assert list((built_warehouse / "parquet" / mart).glob("**/*.parquet")), mart


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
    from dagster_project.readers.chart_registry import png_files

    charts = sorted((built_warehouse / "charts").glob("*.png"))
    assert [c.name for c in charts] == sorted(png_files()) and len(charts) >= 4, charts
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


def test_report_is_rendered_with_every_chart_embedded(built_warehouse):
    """The Dagster asset warehouse/report: one page, a chart embedded per question (make test-report opens it)."""
    from dagster_project.readers.report import REPORT_NAME, SECTIONS

    text = (built_warehouse / "report" / REPORT_NAME).read_text()
    assert text.count('<img src="data:image/png;base64,') == len(SECTIONS) == 4
    assert text.count("<table>") == sum(len(s.tables) for s in SECTIONS)


def test_every_chart_reads_columns_the_published_marts_have(built_warehouse):
    from dagster_project.readers.chart_registry import required_columns

    with duckdb.connect(str(built_warehouse / "warehouse.duckdb"), read_only=True) as conn:
        for table, needed in required_columns().items():
            have = {r[0] for r in conn.execute(f"describe marts.{table}").fetchall()}
            assert set(needed) <= have, (table, set(needed) - have)


def test_mart_rules_the_charts_read(built_warehouse):
    with duckdb.connect(str(built_warehouse / "warehouse.duckdb"), read_only=True) as conn:
        # the bridge's steps add up to the implied value of cloud and AI, on every date
        off = conn.execute(
            "select count(*) from (select date, sum(value_usd) as total, any_value(implied_cloud_ai_value_usd) as v "
            "from marts.fct_segment_valuation_bridge group by date) where abs(total - v) > 1e-6 * abs(v)"
        ).fetchone()[0]
        assert off == 0
        assert (
            conn.execute(
                "select count(distinct date) from marts.fct_segment_valuation_bridge where is_latest"
            ).fetchone()[0]
            == 1
        )
        # one capex definition per company and quarter, the one dbt var capex_preferred_definition names
        from dagster_project.settings import dbt_var

        preferred = dbt_var("capex_preferred_definition")
        rows = conn.execute(
            "select company_id, capex_definition from marts.fct_cloud_capex_quarterly where is_preferred_definition"
        ).fetchall()
        assert rows and all(d == preferred.get(c, preferred["default"]) for c, d in rows)
        twice = conn.execute(
            "select count(*) from (select company_id, calendar_quarter from marts.fct_cloud_capex_quarterly "
            "where is_preferred_definition group by all having count(*) > 1)"
        ).fetchone()[0]
        assert twice == 0
        # a median is reliable exactly when it covers at least var median_min_companies companies
        least = dbt_var("median_min_companies")
        wrong = conn.execute(
            "select count(*) from marts.fct_valuation_gap_daily "
            "where cn_median_is_reliable <> (cn_companies_covered >= ?) "
            "or us_median_is_reliable <> (us_companies_covered >= ?)",
            [least, least],
        ).fetchone()[0]
        assert wrong == 0
