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
import sys
from pathlib import Path
from typing import Any

BI_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BI_DIR.parent
# The project's own warehouse location and chart registry (standard-library modules, no pipeline imports).
sys.path[:0] = [str(PROJECT_ROOT), str(BI_DIR)]
from superset_admin import ensure_admin, superset_cli  # noqa: E402
from superset_api import ApiError, SupersetApi, _rison  # noqa: E402, F401
from superset_charts import (  # noqa: E402, F401
    DASHBOARD_SLUG,
    DASHBOARD_TITLE,
    REQUIRED_COLUMNS,
    SOTP_BRIDGE_DATASET,
    Chart,
    chart_specs,
    dashboard_position,
    dashboard_rows,
    query_context,
    warehouse_query,
)

from dagster_project.paths import published_db_path, warehouse_dir  # noqa: E402
from dagster_project.readers.chart_registry import ALIBABA_SYMBOL, CATALYST_WINDOW_START  # noqa: E402, F401

os.environ.setdefault("SUPERSET_CONFIG_PATH", str(BI_DIR / "superset_config.py"))
# Superset's CLI and config (bi/superset_config.py) run in child processes: they get the same folder.
os.environ["WAREHOUSE_DIR"] = str(warehouse_dir())

DATABASE_NAME = "China tech warehouse (read-only)"
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
            + "\nFix the marts (or the chart registry, dagster_project/readers/chart_registry.py) and rerun."
        )
    return columns


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


def upsert_charts(api: SupersetApi, dataset_ids: dict[str, int], dashboard_id: int) -> list[tuple[Chart, int]]:
    saved = []
    for chart in chart_specs(warehouse_query(published_path(), CONNECT_ARGS["config"])):
        dataset_id = dataset_ids[chart.dataset]
        form_data = {"datasource": f"{dataset_id}__table", "viz_type": chart.viz_type, **chart.form_data}
        payload = {
            "slice_name": chart.name,
            "viz_type": chart.viz_type,
            "datasource_id": dataset_id,
            "datasource_type": "table",
            "description": chart.description,
            "params": json.dumps(form_data),
            "query_context": json.dumps(query_context(chart, dataset_id, form_data)),
            "dashboards": [dashboard_id],
        }
        existing = api.find("chart", "slice_name", chart.name)
        if existing:
            api.put(f"/api/v1/chart/{existing['id']}", payload)
            saved.append((chart, int(existing["id"])))
        else:
            saved.append((chart, int(api.post("/api/v1/chart/", payload)["id"])))
    return saved


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
    position = dashboard_position(charts)
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
    # A chart's title states its assumptions (chart_data.py): when one changes, so does the title, and the chart
    # saved under the old title is removed rather than left on the dashboard.
    current = {chart_id for _, chart_id in charts}
    for old in api.get(f"/api/v1/dashboard/{dashboard_id}/charts")["result"]:
        if old["id"] not in current:
            api.delete(f"/api/v1/chart/{old['id']}")
    finish_dashboard(api, dashboard_id, charts)
    return {
        "database_id": database_id,
        "datasets": dataset_ids,
        "dashboard_id": dashboard_id,
        "dashboard_slug": DASHBOARD_SLUG,
        "charts": {chart.name: chart_id for chart, chart_id in charts},
    }


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
