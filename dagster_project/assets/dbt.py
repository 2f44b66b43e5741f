"""dbt models as Dagster assets: one translator decides keys, groups, owners and descriptions."""

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from ..dbt_project import dbt_project

LAYERS = ("staging", "intermediate", "marts")


def _layer(props: Mapping[str, Any]) -> str | None:
    fqn = props.get("fqn") or []
    return fqn[1] if len(fqn) > 2 and fqn[1] in LAYERS else None


class WarehouseTranslator(DagsterDbtTranslator):
    """Keys are <layer>/<model> (raw sources keep their raw/<table> keys from the source meta)."""

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


translator = WarehouseTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=translator, name="dbt_models")
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """`dbt build`: every model and its tests; a failing test fails the step, so nothing publishes."""
    yield from dbt.cli(["build"], context=context).stream().fetch_row_counts().fetch_column_metadata()
