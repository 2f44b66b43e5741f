"""The code location loads and its graph is the one we promise: seed -> raw -> dbt -> published."""

from __future__ import annotations

import dagster as dg

from dagster_project.definitions import defs
from dagster_project.raw.schemas import TABLES


def _graph():
    return defs.resolve_asset_graph()


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)


def test_every_raw_table_is_an_asset_feeding_its_staging_model():
    graph = _graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    for spec in TABLES:
        raw_key = dg.AssetKey(["raw", spec.name])
        assert raw_key.to_user_string() in keys
        children = {c.to_user_string() for c in graph.get(raw_key).child_keys}
        assert any(c.startswith("staging/stg_") and c.endswith("__" + spec.name) for c in children), children


def test_raw_assets_describe_every_column():
    """The UI lists each raw table's columns with the description from raw/schemas.py."""
    graph = _graph()
    for spec in TABLES:
        schema = graph.get(dg.AssetKey(["raw", spec.name])).metadata["dagster/column_schema"]
        described = {c.name: c.description for c in schema.columns}
        assert list(described) == list(spec.column_names)
        assert all(described.values()), [name for name, text in described.items() if not text]


def test_publish_waits_for_every_mart():
    graph = _graph()
    marts = {k for k in graph.get_all_asset_keys() if k.path[0] == "marts"}
    assert marts, "no marts in the graph"
    parents = set(graph.get(dg.AssetKey(["warehouse", "published"])).parent_keys)
    assert marts <= parents


def test_dbt_tests_are_asset_checks():
    graph = _graph()
    checked = {k.asset_key.path[0] for k in graph.asset_check_keys}
    assert {"staging", "marts"} <= checked or "marts" in checked


def test_groups_follow_layers():
    graph = _graph()
    for key in graph.get_all_asset_keys():
        group = graph.get(key).group_name
        layer = key.path[0]
        expected = {
            "raw": "raw",
            "staging": "staging",
            "intermediate": "intermediate",
            "marts": "marts",
            "warehouse": "serving",
        }[layer]
        assert group == expected, (key, group)


def test_one_job_a_schedule_and_a_seed_sensor():
    assert defs.get_job_def("build_everything")
    assert defs.get_schedule_def("weekday_after_us_close").cron_schedule == "30 17 * * 1-5"
    assert defs.get_sensor_def("seed_files_changed")


def test_seed_sensor_fires_on_a_changed_file(tmp_path, monkeypatch):
    seed_files_changed = defs.get_sensor_def("seed_files_changed")

    (tmp_path / "prices").mkdir()
    seed = tmp_path / "prices" / "X.csv"
    seed.write_text("a\n1\n")
    monkeypatch.setenv("SEEDS_DIR", str(tmp_path))
    first = dg.build_sensor_context()
    assert isinstance(seed_files_changed(first), dg.SkipReason)
    unchanged = dg.build_sensor_context(cursor=first.cursor)
    assert isinstance(seed_files_changed(unchanged), dg.SkipReason)
    seed.write_text("a\n1\n2\n")
    changed = dg.build_sensor_context(cursor=first.cursor)
    request = seed_files_changed(changed)
    assert isinstance(request, dg.RunRequest)


def test_a_broken_seed_shows_as_a_failed_check_with_its_location(tmp_path, monkeypatch):
    import shutil

    from dagster_project.buildlock import BuildLock
    from dagster_project.database import BuildDatabase
    from dagster_project.paths import SEEDS_DIR
    from dagster_project.raw import assets as raw_assets_module

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR / "reference", seeds / "reference")
    listings = seeds / "reference" / "listings.csv"
    listings.write_text(listings.read_text().replace("NYSE,US,USD,8,", "NYSE,US,USD,eight,"))
    monkeypatch.setenv("SEEDS_DIR", str(seeds))
    monkeypatch.setenv("WAREHOUSE_DIR", str(tmp_path / "warehouse"))

    assets = [a for a in raw_assets_module.raw_assets if a.key.path[-1] in ("companies", "listings")]
    result = dg.materialize(
        assets, resources={"build_db": BuildDatabase(), "build_lock": BuildLock()}, raise_on_error=False
    )
    assert not result.success
    evaluations = [e for e in result.get_asset_check_evaluations() if e.asset_key.path[-1] == "listings"]
    assert len(evaluations) == 1 and not evaluations[0].passed
    meta = {k: v.value for k, v in evaluations[0].metadata.items()}
    assert meta["file"] == "seeds/reference/listings.csv"
    assert meta["column"] == "ordinary_shares_per_unit" and meta["line"] > 1 and meta["offending_rows"] >= 1


def test_dagster_runs_dbt_in_the_pipelines_target_folder_without_the_adapter(monkeypatch, tmp_path):
    """Partial parsing carries over from run to run (one target folder, not a new one per run), and the dbt
    adapter dagster-dbt would load in process for metadata this project does not fetch is skipped."""
    from dagster_dbt import DbtCliResource

    from dagster_project.dbt.project import dbt_cli

    monkeypatch.setenv("DBT_TARGET_PATH", str(tmp_path / "target"))
    resource = dbt_cli()
    assert resource._initialize_dbt_core_adapter(["build"]) is None
    seen: dict = {}
    monkeypatch.setattr(DbtCliResource, "cli", lambda self, args, **kwargs: seen.update(kwargs))
    resource.cli(["build"])
    assert seen["target_path"] == tmp_path / "target"
