"""The raw contract (dagster_project/raw/schemas/) is declared once: dbt's sources, the seeds README, the
benchmark generator's headers and the staging models all follow it, under one name per seed family."""

from __future__ import annotations

import importlib.util
import re

import yaml

from dagster_project.paths import DBT_DIR, PROJECT_ROOT
from dagster_project.raw.contract import SOURCES_PATH, sources_yml
from dagster_project.raw.schemas import TABLES
from dagster_project.readers.chart_registry import EXPOSURES_PATH, exposures_yml


def test_dbt_sources_file_is_generated_from_the_contract():
    assert (PROJECT_ROOT / SOURCES_PATH).read_text() == sources_yml(), "run `make contract`"


def test_every_source_column_is_a_declared_column_with_a_description():
    sources = yaml.safe_load((PROJECT_ROOT / SOURCES_PATH).read_text())["sources"]
    declared = {(t.family, t.name): t.column_names for t in TABLES}
    found = {(s["name"], t["name"]): tuple(c["name"] for c in t["columns"]) for s in sources for t in s["tables"]}
    assert found == declared
    assert all(c["description"] for s in sources for t in s["tables"] for c in t["columns"])


def test_one_name_per_family_from_folder_to_raw_table_to_dbt_source():
    staging = {p.name: p.read_text() for p in (DBT_DIR / "models" / "staging").glob("stg_*.sql")}
    for spec in TABLES:
        assert spec.name == spec.family or spec.name.startswith(spec.family + "_") or spec.family == "reference", (
            f"raw.{spec.name} is not named after its folder seeds/{spec.family}/"
        )
        call = re.compile(rf"source\(\s*'{spec.family}'\s*,\s*'{spec.name}'\s*\)")
        readers = [name for name, sql in staging.items() if call.search(sql)]
        assert readers, f"no staging model reads source('{spec.family}', '{spec.name}')"
        assert all(name.endswith(f"__{spec.name}.sql") for name in readers), readers


def test_benchmark_generator_writes_the_declared_headers(tmp_path):
    """The files a small generated market holds: one kind per declared table, each with its declared header."""
    spec_ = importlib.util.spec_from_file_location("bench_generate", PROJECT_ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec_)
    spec_.loader.exec_module(generate)
    out = tmp_path / "seeds"
    generate.generate(out, 30, 1, 3, generate.DEFAULT_END)
    folders = {p.name for p in out.iterdir() if p.is_dir()}
    assert folders == {spec.family for spec in TABLES}
    for spec in TABLES:
        files = sorted((out / spec.family).glob(spec.pattern))
        assert files, f"no generated files for {spec.name}"
        for f in files:
            with f.open() as lines:
                assert lines.readline().rstrip("\n").split(",") == list(spec.column_names), f


def test_dbt_exposures_are_generated_from_the_chart_registry():
    assert (PROJECT_ROOT / EXPOSURES_PATH).read_text() == exposures_yml(), "run `make contract`"
