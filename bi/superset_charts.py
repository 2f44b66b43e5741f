"""The dashboard as Superset sees it: its charts, built from the project's chart registry
(dagster_project/readers/chart_registry.py), whose metrics read mart columns and their flag columns only,
and its layout."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dagster_project.readers import chart_data, chart_registry  # noqa: E402
from dagster_project.readers.chart_registry import CATALYST_WINDOW_START  # noqa: E402

DASHBOARD_TITLE = "China tech re-rating"
DASHBOARD_SLUG = "china-tech-rerating"

# ---------------------------------------------------------------------------------------------
# What the dashboard reads: every chart names its dataset and the mart columns it needs.
# ---------------------------------------------------------------------------------------------

# The bridge chart's dataset (a mart: the steps are computed in dbt, not here).
SOTP_BRIDGE_DATASET = "fct_segment_valuation_bridge"
# Every mart column a chart reads, from the chart registry (checked before Superset is touched).
REQUIRED_COLUMNS: dict[str, list[str]] = chart_registry.required_columns()


def sql_metric(expression: str, label: str) -> dict[str, Any]:
    return {"expressionType": "SQL", "sqlExpression": expression, "label": label}


def sql_filter(expression: str) -> dict[str, Any]:
    return {"expressionType": "SQL", "clause": "WHERE", "sqlExpression": expression}


@dataclass
class Chart:
    name: str
    dataset: str  # table in marts, or the virtual dataset's name
    viz_type: str
    form_data: dict[str, Any]
    query: dict[str, Any]  # the query of the saved query context (what /api/v1/chart/<id>/data returns)
    width: int = 6
    height: int = 50
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def timeseries(x_axis: str, metrics: list[dict], grain: str | None = None, **options: Any) -> dict[str, Any]:
    form = {
        "x_axis": x_axis,
        "time_grain_sqla": grain,
        "metrics": metrics,
        "groupby": [],
        "adhoc_filters": [],
        "row_limit": 10000,
        "truncate_metric": True,
        "show_legend": True,
        "legendType": "plain",  # wraps onto more rows instead of paging: every entry visible
        "legendOrientation": "top",
        "rich_tooltip": True,
        "tooltipTimeFormat": "smart_date",
        "x_axis_time_format": "smart_date",
        "y_axis_format": "SMART_NUMBER",
        "zoomable": True,
        "markerEnabled": False,
        "order_desc": True,
    }
    form.update(options)
    return form


VIZ_TYPES = {
    "line": "echarts_timeseries_line",
    "bar": "echarts_timeseries_bar",
    "stacked_bar": "echarts_timeseries_bar",
    "waterfall": "waterfall",
    "events": "table",
}


def _filters(spec: chart_registry.Chart) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The registry's filters as Superset's adhoc filters (form data) and as query filters."""
    adhoc = [sql_filter(f.sql()) for f in spec.filters]
    query = [{"col": f.column, "op": f.op, "val": f.value} for f in spec.filters if f.op != "is_true"]
    query += [{"col": f.column, "op": "IS TRUE"} for f in spec.filters if f.op == "is_true"]
    return adhoc, query


def superset_chart(drawn: chart_data.Drawn) -> Chart:
    """One registry entry as a Superset chart, as chart_data resolved it on the warehouse (the PNG files and
    the report follow the same): its title states its assumptions, one metric per legend entry with data
    (a grouped chart's groups are metrics too, so no group without data gets a legend entry), reading mart
    columns (and their flag columns) only."""
    spec = drawn.chart
    adhoc, query_filters = _filters(spec)
    viz_type = VIZ_TYPES[spec.kind]
    metrics = [sql_metric(d.series.sql(spec.aggregate, d.condition(spec)), d.label) for d in drawn.series]
    if spec.kind == "events":
        columns = [spec.x, *spec.columns]
        form_data = {
            "query_mode": "raw",
            "all_columns": columns,
            "order_by_cols": [json.dumps([spec.x, True])],
            "adhoc_filters": adhoc,
            "row_limit": 200,
            "server_pagination": False,
            "include_search": False,
            "table_timestamp_format": "%Y-%m-%d",
        }
        query = {"columns": columns, "orderby": [[spec.x, True]], "filters": query_filters}
    elif spec.kind == "waterfall":
        form_data = {
            "x_axis": spec.x,
            "time_grain_sqla": None,
            "groupby": [],
            "metric": metrics[0],
            "adhoc_filters": adhoc,
            "row_limit": 100,
            "show_value": True,
            "show_legend": True,
            "x_axis_label": "latest trading day; the total is the implied value of cloud and AI",
            "y_axis_label": spec.y_label,
            "y_axis_format": spec.y_format,
            "total_label": "Implied cloud and AI",
        }
        query = {"columns": [spec.x], "metrics": metrics, "orderby": [[spec.x, True]], "filters": query_filters}
    else:
        dated = spec.x in ("date", "week_ending")
        options: dict[str, Any] = {"adhoc_filters": adhoc, "y_axis_format": spec.y_format}
        if not dated:
            options["x_axis_sort_asc"] = True
        if spec.kind == "stacked_bar":
            options["stack"] = "Stack"
        if spec.y_label:
            options["y_axis_title"] = spec.y_label
            options["y_axis_title_margin"] = 30  # clear of the tick labels
        form_data = timeseries(spec.x, metrics, "P1D" if dated else None, **options)
        query = {"columns": [spec.x], "metrics": metrics, "orderby": [[spec.x, True]], "filters": query_filters}
    return Chart(
        name=drawn.title,
        dataset=spec.table,
        viz_type=viz_type,
        form_data=form_data,
        query=query,
        width=spec.width,
        description=spec.description,
    )


def warehouse_query(path: Path, config: dict[str, Any]) -> chart_data.Query:
    """A function running SQL on the published warehouse (read-only): what the charts draw depends on it."""
    import duckdb

    def query(sql: str) -> list[tuple]:
        with duckdb.connect(str(path), read_only=True, config=dict(config)) as conn:
            return conn.execute(sql).fetchall()

    return query


def chart_specs(query: chart_data.Query) -> list[Chart]:
    """Every registry chart as drawn on the warehouse `query` reads."""
    return [superset_chart(chart_data.resolve(spec, query)) for spec in chart_registry.CHARTS]


# Rows of the dashboard grid (12 columns wide), by chart name.
def dashboard_rows(charts: list[Chart]) -> list[list[Chart]]:
    """Charts in registry order, as many to a row as fit its 12 columns."""
    rows: list[list[Chart]] = []
    for chart in charts:
        if rows and sum(c.width for c in rows[-1]) + chart.width <= 12:
            rows[-1].append(chart)
        else:
            rows.append([chart])
    return rows


DASHBOARD_INTRO = f"""\
### China tech re-rating
How far Chinese tech was marked down against US big tech, how it re-rated around DeepSeek and Qwen,
what the market pays for Alibaba's cloud and AI, and how Chinese capex compares with the hyperscalers'.
Source: the published warehouse (read-only), rebuilt by `make run`; weeks from {CATALYST_WINDOW_START}.
"""


def query_context(chart: Chart, dataset_id: int, form_data: dict[str, Any]) -> dict[str, Any]:
    query = {
        "filters": [],
        "extras": {"having": "", "where": ""},
        "applied_time_extras": {},
        "row_limit": form_data.get("row_limit", 10000),
        "metrics": [],
        "orderby": [],
        "url_params": {},
        "custom_params": {},
        "custom_form_data": {},
        **chart.query,
    }
    return {
        "datasource": {"id": dataset_id, "type": "table"},
        "force": False,
        "queries": [query],
        "form_data": form_data,
        "result_format": "json",
        "result_type": "full",
    }


def dashboard_position(charts: list[tuple[Chart, int]]) -> dict[str, Any]:
    ids = {chart.name: chart_id for chart, chart_id in charts}
    specs = [chart for chart, _ in charts]
    position: dict[str, Any] = {
        "DASHBOARD_VERSION_KEY": "v2",
        "ROOT_ID": {"type": "ROOT", "id": "ROOT_ID", "children": ["GRID_ID"]},
        "GRID_ID": {"type": "GRID", "id": "GRID_ID", "children": [], "parents": ["ROOT_ID"]},
        "HEADER_ID": {"id": "HEADER_ID", "type": "HEADER", "meta": {"text": DASHBOARD_TITLE}},
    }
    rows = [["MARKDOWN-intro"]]
    position["MARKDOWN-intro"] = {
        "type": "MARKDOWN",
        "id": "MARKDOWN-intro",
        "children": [],
        "parents": ["ROOT_ID", "GRID_ID", "ROW-0"],
        "meta": {"code": DASHBOARD_INTRO, "width": 12, "height": 16},
    }
    for row in dashboard_rows(specs):
        rows.append([f"CHART-{ids[chart.name]}" for chart in row])
        for chart in row:
            key = f"CHART-{ids[chart.name]}"
            position[key] = {
                "type": "CHART",
                "id": key,
                "children": [],
                "parents": ["ROOT_ID", "GRID_ID", f"ROW-{len(rows) - 1}"],
                "meta": {
                    "chartId": ids[chart.name],
                    "width": chart.width,
                    "height": chart.height,
                    "sliceName": chart.name,
                },
            }
    for index, children in enumerate(rows):
        key = f"ROW-{index}"
        position[key] = {
            "type": "ROW",
            "id": key,
            "children": children,
            "parents": ["ROOT_ID", "GRID_ID"],
            "meta": {"background": "BACKGROUND_TRANSPARENT"},
        }
        position["GRID_ID"]["children"].append(key)
    return position
