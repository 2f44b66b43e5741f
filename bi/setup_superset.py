"""Register the published warehouse in Superset: database (read-only), datasets, charts, dashboard.

Run with the Superset environment's interpreter (make bi does):
    .venv-bi/bin/python bi/setup_superset.py            # set up Superset's metadata and register
    .venv-bi/bin/python bi/setup_superset.py --check    # only check the marts have what the charts need

Idempotent: a second run updates the same database, datasets, charts and dashboard (matched by name).
Everything goes through Superset's REST API (served in-process by Flask's test client, so no server
needs to be running); the admin user and Superset's own tables are set up with its CLI first.

Environment:
  WAREHOUSE_DIR            folder with the published warehouse.duckdb (default: data/ in the project)
  SUPERSET_ADMIN_USER      admin login (default admin; local use only)
  SUPERSET_ADMIN_PASSWORD  admin password (default admin; local use only)
  SUPERSET_SECRET_KEY      see bi/superset_config.py (default: generated under $WAREHOUSE_DIR/superset)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BI_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BI_DIR.parent
os.environ.setdefault("SUPERSET_CONFIG_PATH", str(BI_DIR / "superset_config.py"))
os.environ.setdefault("WAREHOUSE_DIR", str(PROJECT_ROOT / "data"))

DATABASE_NAME = "China tech warehouse (read-only)"
DASHBOARD_TITLE = "China tech re-rating"
DASHBOARD_SLUG = "china-tech-rerating"
SCHEMA = "marts"
# Weeks shown "around the catalysts": from the autumn 2024 stimulus rally through DeepSeek, Qwen and tariffs.
CATALYST_WINDOW_START = "2024-09-01"
ALIBABA_SYMBOL = "9988.HK"


def warehouse_dir() -> Path:
    return Path(os.environ["WAREHOUSE_DIR"]).resolve()


def published_path() -> Path:
    return warehouse_dir() / "warehouse.duckdb"


def admin_credentials() -> tuple[str, str]:
    return os.environ.get("SUPERSET_ADMIN_USER", "admin"), os.environ.get("SUPERSET_ADMIN_PASSWORD", "admin")


# The DuckDB connection Superset opens: read-only, and no access to other files, URLs or extensions
# (so SQL Lab cannot read_csv('/etc/passwd'), ATTACH another file writable or COPY ... TO a file).
CONNECT_ARGS: dict[str, Any] = {
    "read_only": True,
    "config": {"enable_external_access": False},
}


def sqlalchemy_uri() -> str:
    return f"duckdb:///{published_path()}"


# ---------------------------------------------------------------------------------------------
# What the dashboard reads: every chart names its dataset and the mart columns it needs.
# ---------------------------------------------------------------------------------------------

# A virtual dataset: the sum-of-the-parts bridge on the latest date that has every part.
SOTP_BRIDGE_DATASET = "sotp_bridge_latest"
SOTP_BRIDGE_SQL = """
with latest as (
    select *
    from marts.fct_segment_valuation
    where implied_cloud_ai_value_usd is not null
    order by date desc
    limit 1
)
select date, company_id, 1 as step_order, '1 Market value' as step, market_cap_usd / 1e9 as value_usd_bn,
       implied_cloud_ai_value_usd / 1e9 as implied_cloud_ai_value_usd_bn from latest
union all
select date, company_id, 2, '2 E-commerce', -ecommerce_value_usd / 1e9,
       implied_cloud_ai_value_usd / 1e9 from latest
union all
select date, company_id, 3, '3 Net cash', -net_cash_usd / 1e9, implied_cloud_ai_value_usd / 1e9 from latest
union all
select date, company_id, 4, '4 Investments', -investments_usd / 1e9, implied_cloud_ai_value_usd / 1e9
from latest
""".strip()

REQUIRED_COLUMNS: dict[str, list[str]] = {
    "fct_valuation_gap_daily": [
        "date",
        "cn_median_pe_ttm_adjusted",
        "us_median_pe_ttm_adjusted",
        "cn_median_pe_ttm_gaap",
        "us_median_pe_ttm_gaap",
        "cn_to_us_pe_ratio",
        "cn_to_us_pe_ratio_adjusted",
        "cn_companies_covered",
        "us_companies_covered",
        "cn_companies_covered_adjusted",
        "us_companies_covered_adjusted",
    ],
    "fct_weekly_performance": ["symbol", "week_ending", "weekly_return", "benchmark_return", "excess_return"],
    "fct_segment_valuation": [
        "date",
        "company_id",
        "market_cap_usd",
        "ecommerce_value_usd",
        "net_cash_usd",
        "investments_usd",
        "implied_cloud_ai_value_usd",
    ],
    "fct_cloud_capex_quarterly": ["company_id", "calendar_quarter", "capex_definition", "capex_usd"],
    "fct_capex_region_quarterly": [
        "region",
        "calendar_quarter",
        "capex_usd",
        "capex_usd_reported",
        "is_complete",
    ],
    "dim_ai_event": ["event_date", "event_type", "company_id", "title"],
}


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
        "legendType": "scroll",
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


def chart_specs() -> list[Chart]:
    # A median of fewer than two companies is one company's P/E, not a basket's: not drawn (as in the PNGs).
    def basket(column: str, covered: str) -> str:
        return f"AVG(CASE WHEN {covered} >= 2 THEN {column} END)"

    pe_metrics = [
        sql_metric(basket("cn_median_pe_ttm_adjusted", "cn_companies_covered_adjusted"), "China median P/E (adjusted)"),
        sql_metric(basket("us_median_pe_ttm_adjusted", "us_companies_covered_adjusted"), "US median P/E (adjusted)"),
        sql_metric(basket("cn_median_pe_ttm_gaap", "cn_companies_covered"), "China median P/E (GAAP)"),
        sql_metric(basket("us_median_pe_ttm_gaap", "us_companies_covered"), "US median P/E (GAAP)"),
    ]
    ratio_metrics = [
        sql_metric(
            "AVG(CASE WHEN cn_companies_covered_adjusted >= 2 AND us_companies_covered_adjusted >= 2 "
            "THEN cn_to_us_pe_ratio_adjusted END)",
            "China / US P/E (adjusted)",
        ),
        sql_metric(
            "AVG(CASE WHEN cn_companies_covered >= 2 AND us_companies_covered >= 2 THEN cn_to_us_pe_ratio END)",
            "China / US P/E (GAAP)",
        ),
    ]
    weekly_metrics = [
        sql_metric("SUM(weekly_return)", f"Alibaba ({ALIBABA_SYMBOL})"),
        sql_metric("SUM(benchmark_return)", "Hang Seng"),
        sql_metric("SUM(excess_return)", "Excess return"),
    ]
    weekly_filters = [
        sql_filter(f"symbol = '{ALIBABA_SYMBOL}'"),
        sql_filter(f"week_ending >= DATE '{CATALYST_WINDOW_START}'"),
    ]
    capex_company_series = {
        "expressionType": "SQL",
        "sqlExpression": "company_id || ' (' || capex_definition || ')'",
        "label": "company (capex definition)",
    }
    capex_metric = [sql_metric("SUM(capex_usd) / 1e9", "Capex (USD bn)")]
    region_metrics = [
        sql_metric("SUM(capex_usd) / 1e9", "all members reported"),
        sql_metric(
            "SUM(CASE WHEN NOT is_complete THEN capex_usd_reported END) / 1e9",
            "members missing (partial sum)",
        ),
    ]
    sotp_metric = sql_metric("SUM(value_usd_bn)", "USD bn")
    events_filters = [sql_filter(f"event_date >= DATE '{CATALYST_WINDOW_START}'")]

    return [
        Chart(
            name="China vs US median P/E (TTM)",
            dataset="fct_valuation_gap_daily",
            viz_type="echarts_timeseries_line",
            form_data=timeseries("date", pe_metrics, "P1D", y_axis_title="P/E (x)", y_axis_format=".1f"),
            query={"columns": ["date"], "metrics": pe_metrics, "orderby": [["date", True]]},
            width=8,
            description="Median trailing P/E of the Chinese and US baskets, adjusted (non-GAAP) and GAAP.",
        ),
        Chart(
            name="China / US P/E ratio",
            dataset="fct_valuation_gap_daily",
            viz_type="echarts_timeseries_line",
            form_data=timeseries("date", ratio_metrics, "P1D", y_axis_format=".2f"),
            query={"columns": ["date"], "metrics": ratio_metrics, "orderby": [["date", True]]},
            width=4,
            description="China basket median P/E divided by the US basket's (1.0 = no discount).",
        ),
        Chart(
            name=f"Alibaba ({ALIBABA_SYMBOL}) weekly return vs Hang Seng",
            dataset="fct_weekly_performance",
            viz_type="echarts_timeseries_bar",
            form_data=timeseries(
                "week_ending", weekly_metrics, "P1D", adhoc_filters=weekly_filters, y_axis_format=".1%"
            ),
            query={
                "columns": ["week_ending"],
                "metrics": weekly_metrics,
                "orderby": [["week_ending", True]],
                "filters": [
                    {"col": "symbol", "op": "==", "val": ALIBABA_SYMBOL},
                    {"col": "week_ending", "op": ">=", "val": CATALYST_WINDOW_START},
                ],
            },
            width=8,
            description="Weekly total return of the Hong Kong line against the Hang Seng index, from autumn 2024.",  # noqa: E501
        ),
        Chart(
            name="Catalysts",
            dataset="dim_ai_event",
            viz_type="table",
            form_data={
                "query_mode": "raw",
                "all_columns": ["event_date", "event_type", "company_id", "title"],
                "order_by_cols": [json.dumps(["event_date", True])],
                "adhoc_filters": events_filters,
                "row_limit": 200,
                "server_pagination": False,
                "include_search": False,
                "table_timestamp_format": "%Y-%m-%d",
            },
            query={
                "columns": ["event_date", "event_type", "company_id", "title"],
                "orderby": [["event_date", True]],
                "filters": [{"col": "event_date", "op": ">=", "val": CATALYST_WINDOW_START}],
            },
            width=4,
            description="Events in the window of the weekly chart.",
        ),
        Chart(
            name="Alibaba sum of the parts: what the market pays for cloud and AI",
            dataset=SOTP_BRIDGE_DATASET,
            viz_type="waterfall",
            form_data={
                "x_axis": "step",
                "time_grain_sqla": None,
                "groupby": [],
                "metric": sotp_metric,
                "adhoc_filters": [],
                "row_limit": 100,
                "show_value": True,
                "show_legend": True,
                "x_axis_label": "latest trading day; the total is the implied value of cloud and AI",
                "y_axis_label": "USD bn",
                "y_axis_format": ",.0f",
                "total_label": "Implied cloud and AI",
            },
            query={"columns": ["step"], "metrics": [sotp_metric], "orderby": [["step", True]]},
            width=6,
            description="Market value less e-commerce (valued at a multiple of adjusted EBITA), net cash and "
            "investments: the remainder is what the market implicitly pays for cloud and AI.",
        ),
        Chart(
            name="Capex by region (USD bn per calendar quarter)",
            dataset="fct_capex_region_quarterly",
            viz_type="echarts_timeseries_bar",
            form_data=timeseries(
                "calendar_quarter",
                region_metrics,
                None,
                groupby=["region"],
                x_axis_sort_asc=True,
                y_axis_format=",.1f",
            ),
            query={
                "columns": ["calendar_quarter", "region"],
                "metrics": region_metrics,
                "orderby": [["calendar_quarter", True]],
            },
            width=6,
            description="Sum of each region's companies on one capex definition each. A quarter in which a "
            "member "
            "has not reported shows its partial sum as a separate series, never as the region's total.",
        ),
        Chart(
            name="Capex by company (USD bn per calendar quarter)",
            dataset="fct_cloud_capex_quarterly",
            viz_type="echarts_timeseries_bar",
            form_data=timeseries(
                "calendar_quarter",
                capex_metric,
                None,
                groupby=[capex_company_series],
                x_axis_sort_asc=True,
                y_axis_format=",.1f",
            ),
            query={
                "columns": ["calendar_quarter", capex_company_series],
                "metrics": capex_metric,
                "orderby": [["calendar_quarter", True]],
            },
            width=12,
            description="One series per company and capex definition: definitions are never mixed.",
        ),
    ]


# Rows of the dashboard grid (12 columns wide), by chart name.
def dashboard_rows(charts: list[Chart]) -> list[list[Chart]]:
    return [charts[0:2], charts[2:4], charts[4:6], charts[6:7]]


DASHBOARD_INTRO = f"""\
### China tech re-rating
How far Chinese tech was marked down against US big tech, how it re-rated around DeepSeek and Qwen,
what the market pays for Alibaba's cloud and AI, and how Chinese capex compares with the hyperscalers'.
Source: the published warehouse (read-only), rebuilt by `make run`; weeks from {CATALYST_WINDOW_START}.
"""


# ---------------------------------------------------------------------------------------------
# Checks on the warehouse, before Superset is touched.
# ---------------------------------------------------------------------------------------------


def check_warehouse(path: Path) -> dict[str, list[str]]:
    """Fail loudly (SystemExit) when the warehouse or a column a chart needs is missing."""
    import duckdb

    if not path.exists():
        raise SystemExit(f"No published warehouse at {path}. Run `make run` (or set WAREHOUSE_DIR) first.")
    with duckdb.connect(str(path), read_only=True, config=dict(CONNECT_ARGS["config"])) as conn:
        rows = conn.execute(
            "select table_name, column_name from information_schema.columns where table_schema = ? "
            "order by table_name, ordinal_position",
            [SCHEMA],
        ).fetchall()
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        columns.setdefault(table, []).append(column)
    problems = []
    for table, needed in REQUIRED_COLUMNS.items():
        if table not in columns:
            problems.append(f"table {SCHEMA}.{table} is missing")
            continue
        missing = [c for c in needed if c not in columns[table]]
        if missing:
            problems.append(f"{SCHEMA}.{table} lacks column(s) {', '.join(missing)}")
    if problems:
        raise SystemExit(
            f"The published warehouse {path} does not have what the dashboard needs:\n  - "
            + "\n  - ".join(problems)
            + "\nFix the marts (or the chart definitions in bi/setup_superset.py) and rerun."
        )
    return columns


# ---------------------------------------------------------------------------------------------
# Superset's REST API, in-process (Flask test client) or against a running server (requests).
# ---------------------------------------------------------------------------------------------


class ApiError(RuntimeError):
    pass


class SupersetApi:
    """A logged-in REST client. `client` is a Flask test client or a requests.Session with base_url."""

    def __init__(self, client: Any, base_url: str = ""):
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.headers: dict[str, str] = {}

    def _call(self, method: str, path: str, payload: Any = None, expect: tuple[int, ...] = (200, 201)) -> Any:
        url = self.base_url + path
        kwargs: dict[str, Any] = {"headers": {**self.headers, "Referer": self.base_url or "http://localhost"}}
        if payload is not None:
            kwargs["json"] = payload
        response = getattr(self.client, method)(url, **kwargs)
        status = response.status_code
        body = response.get_json(silent=True) if hasattr(response, "get_json") else _json_or_none(response)
        if status not in expect:
            text = (
                body
                if body is not None
                else (response.get_data(as_text=True) if hasattr(response, "get_data") else response.text)
            )
            raise ApiError(f"{method.upper()} {path} -> {status}: {str(text)[:2000]}")
        return body

    def get(self, path: str, **kw: Any) -> Any:
        return self._call("get", path, **kw)

    def post(self, path: str, payload: Any, **kw: Any) -> Any:
        return self._call("post", path, payload, **kw)

    def put(self, path: str, payload: Any, **kw: Any) -> Any:
        return self._call("put", path, payload, **kw)

    def login(self, username: str, password: str) -> None:
        token = self.post(
            "/api/v1/security/login",
            {"username": username, "password": password, "provider": "db", "refresh": True},
        )["access_token"]
        self.headers["Authorization"] = f"Bearer {token}"
        csrf = self.get("/api/v1/security/csrf_token/")["result"]
        self.headers["X-CSRFToken"] = csrf

    def find(self, resource: str, column: str, value: Any) -> dict | None:
        query = _rison({"filters": [{"col": column, "opr": "eq", "value": value}], "page_size": 100})
        result = self.get(f"/api/v1/{resource}/?q={query}")["result"]
        return result[0] if result else None


def _json_or_none(response: Any) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _rison(value: Any) -> str:
    from urllib.parse import quote

    import prison  # installed with Superset

    return quote(prison.dumps(value))


# ---------------------------------------------------------------------------------------------
# Registering the database, datasets, charts and dashboard.
# ---------------------------------------------------------------------------------------------


def upsert_database(api: SupersetApi) -> int:
    payload = {
        "database_name": DATABASE_NAME,
        "sqlalchemy_uri": sqlalchemy_uri(),
        "expose_in_sqllab": True,
        "allow_dml": False,
        "allow_ctas": False,
        "allow_cvas": False,
        "allow_file_upload": False,
        "allow_run_async": False,
        "extra": json.dumps(
            {
                "engine_params": {"connect_args": CONNECT_ARGS},
                "allows_virtual_table_explore": True,
                "metadata_cache_timeout": {},
                "schemas_allowed_for_file_upload": [],
            }
        ),
    }
    existing = api.find("database", "database_name", DATABASE_NAME)
    if existing:
        api.put(f"/api/v1/database/{existing['id']}", payload)
        return int(existing["id"])
    return int(api.post("/api/v1/database/", payload)["id"])


def upsert_datasets(api: SupersetApi, database_id: int, tables: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    existing = {
        (d["schema"], d["table_name"]): d
        for d in api.get(
            "/api/v1/dataset/?q="
            + _rison({"filters": [{"col": "database", "opr": "rel_o_m", "value": database_id}], "page_size": 100})
        )["result"]
    }
    for table in tables:
        found = existing.get((SCHEMA, table))
        if found:
            ids[table] = int(found["id"])
            api.put(f"/api/v1/dataset/{found['id']}/refresh", None)  # pick up changed mart columns
        else:
            ids[table] = int(
                api.post("/api/v1/dataset/", {"database": database_id, "schema": SCHEMA, "table_name": table})["id"]
            )
    # The virtual dataset of the sum-of-the-parts bridge.
    found = existing.get((SCHEMA, SOTP_BRIDGE_DATASET))
    payload = {
        "database": database_id,
        "schema": SCHEMA,
        "table_name": SOTP_BRIDGE_DATASET,
        "sql": SOTP_BRIDGE_SQL,
    }
    if found:
        ids[SOTP_BRIDGE_DATASET] = int(found["id"])
        api.put(f"/api/v1/dataset/{found['id']}", {"sql": SOTP_BRIDGE_SQL})
        api.put(f"/api/v1/dataset/{found['id']}/refresh", None)
    else:
        ids[SOTP_BRIDGE_DATASET] = int(api.post("/api/v1/dataset/", payload)["id"])
    return ids


def _query_context(chart: Chart, dataset_id: int, form_data: dict[str, Any]) -> dict[str, Any]:
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


def upsert_charts(api: SupersetApi, dataset_ids: dict[str, int], dashboard_id: int) -> list[tuple[Chart, int]]:
    saved = []
    for chart in chart_specs():
        dataset_id = dataset_ids[chart.dataset]
        form_data = {"datasource": f"{dataset_id}__table", "viz_type": chart.viz_type, **chart.form_data}
        payload = {
            "slice_name": chart.name,
            "viz_type": chart.viz_type,
            "datasource_id": dataset_id,
            "datasource_type": "table",
            "description": chart.description,
            "params": json.dumps(form_data),
            "query_context": json.dumps(_query_context(chart, dataset_id, form_data)),
            "dashboards": [dashboard_id],
        }
        existing = api.find("chart", "slice_name", chart.name)
        if existing:
            api.put(f"/api/v1/chart/{existing['id']}", payload)
            saved.append((chart, int(existing["id"])))
        else:
            saved.append((chart, int(api.post("/api/v1/chart/", payload)["id"])))
    return saved


def _position(charts: list[tuple[Chart, int]]) -> dict[str, Any]:
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


def upsert_dashboard(api: SupersetApi) -> int:
    existing = api.find("dashboard", "slug", DASHBOARD_SLUG)
    if existing:
        return int(existing["id"])
    return int(
        api.post(
            "/api/v1/dashboard/",
            {"dashboard_title": DASHBOARD_TITLE, "slug": DASHBOARD_SLUG, "published": True},
        )["id"]
    )


def finish_dashboard(api: SupersetApi, dashboard_id: int, charts: list[tuple[Chart, int]]) -> None:
    position = _position(charts)
    metadata = {
        "refresh_frequency": 0,
        "color_scheme": "supersetColors",
        "cross_filters_enabled": False,
        "expanded_slices": {},
        "timed_refresh_immune_slices": [],
        "native_filter_configuration": [],
        "positions": position,
    }
    api.put(
        f"/api/v1/dashboard/{dashboard_id}",
        {
            "dashboard_title": DASHBOARD_TITLE,
            "slug": DASHBOARD_SLUG,
            "published": True,
            "position_json": json.dumps(position),
            "json_metadata": json.dumps(metadata),
        },
    )


def register(api: SupersetApi, tables: list[str]) -> dict[str, Any]:
    database_id = upsert_database(api)
    dataset_ids = upsert_datasets(api, database_id, tables)
    dashboard_id = upsert_dashboard(api)
    charts = upsert_charts(api, dataset_ids, dashboard_id)
    finish_dashboard(api, dashboard_id, charts)
    return {
        "database_id": database_id,
        "datasets": dataset_ids,
        "dashboard_id": dashboard_id,
        "dashboard_slug": DASHBOARD_SLUG,
        "charts": {chart.name: chart_id for chart, chart_id in charts},
    }


# ---------------------------------------------------------------------------------------------
# Superset's own state: metadata tables, roles, the admin user.
# ---------------------------------------------------------------------------------------------


def superset_cli(*args: str) -> None:
    superset = Path(sys.executable).with_name("superset")
    started = time.perf_counter()
    result = subprocess.run([str(superset), *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-5000:] + result.stderr[-5000:])
        raise SystemExit(f"`superset {' '.join(args)}` failed with exit code {result.returncode}")
    print(f"superset {' '.join(args)}: {time.perf_counter() - started:.0f}s", file=sys.stderr)


def ensure_admin(app: Any, username: str, password: str) -> None:
    from superset import security_manager

    with app.app_context():
        user = security_manager.find_user(username=username)
        if user is None:
            role = security_manager.find_role("Admin")
            created = security_manager.add_user(
                username, "Superset", "Admin", f"{username}@localhost.invalid", role, password=password
            )
            if not created:
                raise SystemExit(f"could not create the Superset admin user {username!r}")
        else:
            security_manager.reset_password(user.id, password)  # keep it in step with the environment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check the warehouse has what the charts need")
    parser.add_argument(
        "--skip-init",
        action="store_true",
        help="skip `superset db upgrade` and `superset init` (already done for this WAREHOUSE_DIR)",
    )
    args = parser.parse_args(argv)

    columns = check_warehouse(published_path())
    print(f"warehouse ok: {published_path()} ({len(columns)} tables in {SCHEMA})", file=sys.stderr)
    if args.check:
        return 0

    if not args.skip_init:
        superset_cli("db", "upgrade")
        superset_cli("init")

    from superset.app import create_app

    app = create_app()
    username, password = admin_credentials()
    if password == "admin":
        print(
            "WARNING: Superset admin password is the default 'admin' (local use only); "
            "set SUPERSET_ADMIN_PASSWORD to change it.",
            file=sys.stderr,
        )
    ensure_admin(app, username, password)
    api = SupersetApi(app.test_client())
    api.login(username, password)
    tables = sorted(columns)
    result = register(api, tables)
    state = warehouse_dir() / "superset" / "registered.json"
    state.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
