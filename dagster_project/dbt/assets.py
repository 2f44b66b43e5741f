"""dbt models as Dagster assets: one translator decides keys, groups, owners, descriptions and partitions.

One `@dbt_assets` (one `dbt build`, every test an asset check) over the whole project; dbt decides what an
incremental run rebuilds (docs/incremental-builds.md). `build_dbt_assets(daily_partitions=True)` puts daily
partitions on the incremental models (a run also recomputes its dates through the dbt vars `incremental_from`
/ `incremental_to`). A run tagged `dbt/full_refresh=true` passes `--full-refresh`. The project is not split
into two `@dbt_assets`: that splits the dbt op around the partitioned models and runs relationship tests
before the models they reference exist.
"""

import json
from collections.abc import Iterator, Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from ..buildlock import BuildLock
from ..database import connect_build
from ..paths import engine
from .checks import readable_manifest
from .project import prepare_manifest

LAYERS = ("staging", "intermediate", "marts")
FULL_REFRESH_TAG = "dbt/full_refresh"

# One partition per calendar day (UTC), up to and including today. Days without trading simply have nothing
# to recompute. The start only bounds what the UI offers to backfill: older data is built all the same.
daily_partitions = dg.DailyPartitionsDefinition(start_date="2010-01-01", end_offset=1)


def _layer(props: Mapping[str, Any]) -> str | None:
    fqn = props.get("fqn") or []
    return fqn[1] if len(fqn) > 2 and fqn[1] in LAYERS else None


class WarehouseTranslator(DagsterDbtTranslator):
    """Keys are <layer>/<model> (raw sources keep their raw/<table> keys from the source meta); with
    `daily_partitions`, the incremental models are partitioned by day."""

    def __init__(self, settings: DagsterDbtTranslatorSettings | None = None, daily_partitions: bool = False):
        super().__init__(settings=settings)
        self.daily_partitions = daily_partitions

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        layer = _layer(dbt_resource_props)
        if dbt_resource_props["resource_type"] == "model" and layer:
            return dg.AssetKey([layer, dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return _layer(dbt_resource_props) or super().get_group_name(dbt_resource_props)

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str] | None:
        owner = (dbt_resource_props.get("meta") or {}).get("owner") or (
            dbt_resource_props.get("config", {}).get("meta") or {}
        ).get("owner")
        return [owner] if owner else ["team:analytics-engineering"]

    def get_partitions_def(self, dbt_resource_props: Mapping[str, Any]) -> dg.PartitionsDefinition | None:
        if self.daily_partitions and (dbt_resource_props.get("config") or {}).get("materialized") == "incremental":
            return daily_partitions
        return None


def build_dbt_assets(daily_partitions: bool = False) -> dg.AssetsDefinition:
    """The dbt project as one multi-asset; with `daily_partitions`, the incremental models are partitioned."""
    dbt_translator = WarehouseTranslator(DagsterDbtTranslatorSettings(enable_asset_checks=True), daily_partitions)

    @dbt_assets(
        # every dbt test an asset check with a readable name and a description (checks.py)
        manifest=readable_manifest(json.loads(prepare_manifest().read_text())),
        dagster_dbt_translator=dbt_translator,
        name="dbt_models",
        backfill_policy=dg.BackfillPolicy.single_run() if daily_partitions else None,
    )
    def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, build_lock: BuildLock):
        """`dbt build`: every model and its tests; a failing test fails the step, so nothing publishes. The
        incremental models build new days and whatever changed inputs invalidated (and, in a partitioned run,
        recompute the partition's dates)."""
        args = ["build"]
        if context.run.tags.get(FULL_REFRESH_TAG, "").lower() == "true":
            args.append("--full-refresh")
        if context.has_partition_key or context.has_partition_key_range:
            days = context.partition_key_range
            args += ["--vars", json.dumps({"incremental_from": days.start, "incremental_to": days.end})]
            context.log.info(f"incremental models: recomputing {days.start}..{days.end} and every new or changed row")
        invocation = dbt.cli(args, context=context)
        yield from invocation.stream()
        yield from _row_counts(context, invocation, dbt_translator)

    return dbt_models


def _row_counts(
    context: dg.AssetExecutionContext, invocation: Any, dbt_translator: DagsterDbtTranslator
) -> Iterator[dg.AssetObservation]:
    """Row count of every table the build wrote, in one read-only connection once dbt has finished.

    Why not dagster-dbt's fetch_row_counts() / fetch_column_metadata(): they open a database connection per
    model and parse every model with sqlglot for column lineage; measured on the shipped and synthetic seeds,
    that was ~30 s of every run whatever the data size (Dagster 61 s vs 21 s for the same build without it).
    Column names, types and descriptions still come from the dbt YAML (the manifest)."""
    manifest = invocation.manifest
    results = invocation.get_artifact("run_results.json")["results"]
    built = {r["unique_id"] for r in results if r["unique_id"].startswith("model.") and r["status"] == "success"}
    nodes = {
        uid: manifest["nodes"][uid]
        for uid in built
        if manifest["nodes"][uid]["config"].get("materialized") in ("table", "incremental")
    }
    if not nodes:
        return
    selected = context.selected_asset_keys
    if engine() == "spark":  # Spark's tables are Parquet folders, not in the build database
        return
    with connect_build(read_only=True) as conn:
        for node in nodes.values():
            key = dbt_translator.get_asset_key(node)
            if key not in selected:
                continue
            relation = f'"{node["schema"]}"."{node.get("alias") or node["name"]}"'
            count = conn.execute(f"select count(*) from {relation}").fetchone()[0]
            yield dg.AssetObservation(asset_key=key, metadata={"dagster/row_count": int(count)})
