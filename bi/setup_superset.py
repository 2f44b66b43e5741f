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
# The project's own warehouse location and chart registry (standard-library modules, no pipeline imports).
sys.path.insert(0, str(PROJECT_ROOT))
from dagster_project.paths import published_db_path, warehouse_dir  # noqa: E402
from dagster_project.readers import chart_registry  # noqa: E402
from dagster_project.readers.chart_registry import ALIBABA_SYMBOL, CATALYST_WINDOW_START  # noqa: E402, F401

os.environ.setdefault("SUPERSET_CONFIG_PATH", str(BI_DIR / "superset_config.py"))
# Superset's CLI and config (bi/superset_config.py) run in child processes: they get the same folder.
os.environ["WAREHOUSE_DIR"] = str(warehouse_dir())

DATABASE_NAME = "China tech warehouse (read-only)"
DASHBOARD_TITLE = "China tech re-rating"
DASHBOARD_SLUG = "china-tech-rerating"
SCHEMA = "marts"


def published_path() -> Path:
    return published_db_path()


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


def superset_chart(spec: chart_registry.Chart) -> Chart:
    """One registry entry as a Superset chart: the metrics read mart columns (and their flag columns) only."""
    adhoc, query_filters = _filters(spec)
    viz_type = VIZ_TYPES[spec.kind]
    metrics = [sql_metric(s.sql(spec.aggregate), s.label) for s in spec.series]
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
        if spec.group_by:
            options["groupby"] = [spec.group_by]
        if not dated:
            options["x_axis_sort_asc"] = True
        if spec.kind == "stacked_bar":
            options["stack"] = "Stack"
        if spec.y_label:
            options["y_axis_title"] = spec.y_label
        form_data = timeseries(spec.x, metrics, "P1D" if dated else None, **options)
        columns = [spec.x] + ([spec.group_by] if spec.group_by else [])
        query = {"columns": columns, "metrics": metrics, "orderby": [[spec.x, True]], "filters": query_filters}
    return Chart(
        name=spec.name,
        dataset=spec.table,
        viz_type=viz_type,
        form_data=form_data,
        query=query,
        width=spec.width,
        description=spec.description,
    )


def chart_specs() -> list[Chart]:
    return [superset_chart(spec) for spec in chart_registry.CHARTS]


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
