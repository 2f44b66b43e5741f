"""Bad vendor files (tests/data/bad/, manifest cases.csv): each run either fails naming file, line and
column, or quarantines the row into raw_rejects.<table> and goes on; the published warehouse of the last
good build stays byte-for-byte what it was.

Each case swaps one file into a copy of seeds/ and runs the pipeline (`build.run`) against a copy of the
session's good build. A failing file stops the run in its raw step, before dbt and publishing.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest
from warehouse_state import parquet_files, sha256

from dagster_project.cli import build
from dagster_project.paths import SEEDS_DIR
from dagster_project.raw.loader import SeedValidationError
from dagster_project.raw.schemas import BY_NAME, TABLES

BAD_DIR = Path(__file__).parent / "data" / "bad"
CASES = list(csv.DictReader((BAD_DIR / "cases.csv").open(encoding="utf-8")))


def table_digest(db: Path, table: str) -> tuple[int, str] | None:
    with duckdb.connect(str(db), read_only=True) as conn:
        try:
            return conn.execute(
                f"select count(*), coalesce(md5(string_agg(t::varchar, '|' order by t::varchar)), '') "
                f"from raw.{table} t"
            ).fetchone()
        except duckdb.CatalogException:
            return None


@pytest.fixture(scope="module")
def good_copy(built_warehouse, tmp_path_factory) -> Path:
    """A copy of the session's good build (build database, published file, Parquet)."""
    folder = tmp_path_factory.mktemp("bad-inputs") / "warehouse"
    shutil.copytree(built_warehouse, folder, ignore=shutil.ignore_patterns("dagster_home"))
    return folder


def seeds_with(case: dict, tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    shutil.copyfile(BAD_DIR / case["case"], seeds / case["seed_path"])
    return seeds


def test_corpus_covers_every_family():
    assert len(CASES) >= 25
    families = {BY_NAME[c["table"]].family for c in CASES}
    assert {
        "prices",
        "fx",
        "corporate_actions",
        "fundamentals",
        "segments",
        "capex",
        "guidance",
        "reference",
        "events",
        "balance_sheet",
    } <= families
    for c in CASES:
        assert (BAD_DIR / c["case"]).exists(), c["case"]
        assert (SEEDS_DIR / c["seed_path"]).exists(), f"{c['case']} replaces a file that is not a seed"
        assert c["outcome"] in {"fail", "quarantine"}


@pytest.mark.parametrize("case", [c for c in CASES if c["outcome"] == "fail"], ids=lambda c: c["case"])
def test_bad_file_fails_the_run_and_changes_nothing(case, good_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("WAREHOUSE_DIR", str(good_copy))
    published = good_copy / "warehouse.duckdb"
    before = sha256(published)
    parquet_before = {name: sha256(path) for name, path in parquet_files(good_copy).items()}
    assert parquet_before
    table_before = table_digest(good_copy / "build.duckdb", case["table"])
    seeds = seeds_with(case, tmp_path)

    with pytest.raises(SeedValidationError) as caught:
        build.run(seeds=seeds)  # raw -> dbt -> publish; must stop in raw

    error, message = caught.value, str(caught.value)
    shown = f"seeds/{case['seed_path']}"
    assert error.file == shown and message.startswith(shown), message
    assert error.line == int(case["line"]) and f"line {case['line']}" in message, message
    if case["column"]:
        assert error.column == case["column"] and f"column '{case['column']}'" in message, message
    assert case["words"].lower() in message.lower(), message
    # Nothing half-written: the table keeps its last good content; readers see the last good build.
    assert table_digest(good_copy / "build.duckdb", case["table"]) == table_before
    assert sha256(published) == before
    assert {name: sha256(path) for name, path in parquet_files(good_copy).items()} == parquet_before
    assert not list(good_copy.glob(".publishing-*"))


@pytest.mark.parametrize("case", [c for c in CASES if c["outcome"] == "quarantine"], ids=lambda c: c["case"])
def test_suspect_row_is_quarantined_and_the_load_goes_on(case, good_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("WAREHOUSE_DIR", str(good_copy))
    published = good_copy / "warehouse.duckdb"
    before = sha256(published)
    seeds = seeds_with(case, tmp_path)

    build.run(("raw",), seeds=seeds)

    shown, table, line = f"seeds/{case['seed_path']}", case["table"], int(case["line"])
    with duckdb.connect(str(good_copy / "build.duckdb"), read_only=True) as conn:
        rejects = conn.execute(
            f'select _source_file, _source_line, "column", rule, reason from raw_rejects.{table}'
        ).fetchall()
        assert len(rejects) == 1, rejects
        file, rejected_line, column, rule, reason = rejects[0]
        assert (file, rejected_line, column) == (shown, line, case["column"])
        assert case["words"].lower() in reason.lower(), reason
        kept = conn.execute(
            f"select count(*) from raw.{table} where _source_file = ? and _source_line = ?", [shown, line]
        ).fetchone()[0]
        assert kept == 0
        loaded = conn.execute(f"select count(*) from raw.{table} where _source_file = ?", [shown]).fetchone()[0]
    data_lines = len((BAD_DIR / case["case"]).read_text().splitlines()) - 1
    assert loaded == data_lines - 1  # every other line of the file is loaded
    assert sha256(published) == before  # the raw step never touches what readers see


def test_shipped_seeds_pass_every_rule_without_quarantine(tmp_path, monkeypatch):
    """The real seeds meet every rule, including the cross-file ones; nothing is quarantined."""
    monkeypatch.setenv("WAREHOUSE_DIR", str(tmp_path))
    db = tmp_path / "build.duckdb"
    build.load_raw(SEEDS_DIR)
    with duckdb.connect(str(db), read_only=True) as conn:
        for spec in TABLES:
            assert conn.execute(f"select count(*) from raw_rejects.{spec.name}").fetchone()[0] == 0, spec.name


def test_cross_file_rules_need_their_reference_tables(tmp_path):
    """In the pipeline a rule whose reference table is missing is an error, never silently skipped."""
    from dagster_project.raw.loader import load_table, seed_files

    spec = BY_NAME["prices_daily"]
    with duckdb.connect(str(tmp_path / "b.duckdb")) as conn:
        with pytest.raises(SeedValidationError, match="raw.listings"):
            load_table(conn, spec, seed_files(SEEDS_DIR, spec), strict_cross_checks=True)
        result = load_table(conn, spec, seed_files(SEEDS_DIR, spec))  # one table on its own: skipped, listed
        assert "symbol_listed" in result.skipped_checks


def test_reference_tables_load_first():
    order = [t.name for t in TABLES]
    from dagster_project.raw.checks import required_tables

    for spec in TABLES:
        for needed in required_tables(spec.name):
            assert order.index(needed) < order.index(spec.name), (spec.name, needed)


def test_failing_dbt_test_stops_publishing_and_shows_as_a_failed_check(good_copy, tmp_path, monkeypatch):
    """Seeds that meet every raw rule but break a mart test: the Dagster run fails on that asset check,
    `warehouse/published` is not materialized, and readers keep the last good build."""
    import dagster as dg
    from dagster_duckdb import DuckDBResource

    from dagster_project.buildlock import BuildLock
    from dagster_project.dbt.assets import build_dbt_assets
    from dagster_project.dbt.project import dbt_cli
    from dagster_project.raw import assets as raw_assets_module
    from dagster_project.serving.assets import build_published_warehouse

    # An equity listing without its company: allowed by the raw contract (company_id is optional for
    # indices and funds), refused by the mart test dim_listing_equities_have_ads_ratio.
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    listings = seeds / "reference" / "listings.csv"
    listings.write_text(listings.read_text().replace("Alibaba Group ADS,alibaba,ads,", "Alibaba Group ADS,,ads,", 1))

    monkeypatch.setenv("WAREHOUSE_DIR", str(good_copy))
    monkeypatch.setenv("SEEDS_DIR", str(seeds))
    published = good_copy / "warehouse.duckdb"
    before = sha256(published)

    dbt_models = build_dbt_assets()
    result = dg.materialize(
        [*raw_assets_module.raw_assets, dbt_models, build_published_warehouse(dbt_models)],
        resources={
            "build_db": DuckDBResource(database=str(good_copy / "build.duckdb")),
            "dbt": dbt_cli(),
            "build_lock": BuildLock(),
        },
        raise_on_error=False,
    )
    assert not result.success
    failed_checks = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert any(e.asset_key == dg.AssetKey(["marts", "dim_listing"]) for e in failed_checks), failed_checks
    materialized = {e.asset_key for e in result.get_asset_materialization_events()}
    assert dg.AssetKey(["warehouse", "published"]) not in {k for k in materialized}
    assert sha256(published) == before
