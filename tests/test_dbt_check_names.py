"""Every dbt test shows in Dagster as an asset check with a readable name and a description (dbt/checks.py)."""

from __future__ import annotations

import json
import re

from dagster_project.dbt.checks import describe_test, readable_manifest
from dagster_project.dbt.project import prepare_manifest


def _dbt_check_specs():
    from dagster_project.definitions import defs

    dbt_models = next(a for a in defs.assets if getattr(a, "node_def", None) and a.node_def.name == "dbt_models")
    return list(dbt_models.check_specs)


def test_every_dbt_test_is_a_check_with_a_readable_name_and_a_description():
    manifest = json.loads(prepare_manifest().read_text())
    tests = [n for n in manifest["nodes"].values() if n["resource_type"] == "test"]
    specs = _dbt_check_specs()
    assert len(specs) == len(tests), "a dbt test is not an asset check (a singular test needs meta.dagster.ref)"
    for spec in specs:
        assert re.fullmatch(r"[a-z0-9_]{3,120}", spec.name), spec.name
        # dbt's generated names carry argument values and hashes: none left
        assert not re.search(r"__(true|false)__|_[0-9a-f]{10}$|dbt_utils_", spec.name), spec.name
        assert spec.description and len(spec.description) > 10, spec.name


def test_names_say_column_and_rule():
    node = {
        "name": "accepted_range_fct_x_pe_ttm_gaap__False__0",
        "resource_type": "test",
        "column_name": "pe_ttm_gaap",
        "attached_node": "model.p.fct_x",
        "test_metadata": {"name": "accepted_range", "kwargs": {"min_value": 0, "inclusive": False}},
        "config": {"severity": "warn", "where": "date > '2024-01-01'"},
    }
    name, description = describe_test(node)
    assert name == "pe_ttm_gaap__in_range"
    assert description == (
        "pe_ttm_gaap is > 0 (nulls allowed) (rows where date > '2024-01-01'); warns only, does not block publishing"
    )


def test_a_second_test_of_the_same_kind_gets_its_own_name():
    base = {
        "resource_type": "test",
        "column_name": "rate",
        "attached_node": "model.p.m",
        "config": {},
    }
    manifest = {
        "nodes": {
            "test.p.a": {
                **base,
                "name": "accepted_range_m_rate__0",
                "test_metadata": {"name": "accepted_range", "kwargs": {"min_value": 0}},
            },
            "test.p.b": {
                **base,
                "name": "accepted_range_m_rate__9",
                "test_metadata": {"name": "accepted_range", "kwargs": {"max_value": 9}},
            },
        }
    }
    names = sorted(n["name"] for n in readable_manifest(manifest)["nodes"].values())
    assert names == ["rate__in_range", "rate__in_range__2"]
