"""Superset on a temporary warehouse: setup, API login, SQL Lab, chart data, read-only, screenshot.

Run with `make test-bi` (creates .venv-bi, installs Chromium if missing). Superset runs from .venv-bi in a
subprocess bound to 127.0.0.1 on a free port; this process talks to it over HTTP.

The warehouse is built by the pipeline (`python -m dagster_project.cli.build`) into a temporary WAREHOUSE_DIR;
BI_TEST_WAREHOUSE_DIR=<dir with warehouse.duckdb> reuses an already published warehouse (a copy of it)
instead. BI_ARTIFACTS_DIR says where the dashboard screenshot is copied.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.bi

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BI_DIR = PROJECT_ROOT / "bi"
BI_PYTHON = PROJECT_ROOT / ".venv-bi" / "bin" / "python"

requests = pytest.importorskip("requests")


def _setup_module():
    spec = importlib.util.spec_from_file_location("bi_setup_superset", BI_DIR / "setup_superset.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bi = _setup_module()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def bi_warehouse(tmp_path_factory) -> Path:
    if not BI_PYTHON.exists():
        pytest.fail("No Superset environment: run `make test-bi` (it creates .venv-bi)")
    reuse = os.environ.get("BI_TEST_WAREHOUSE_DIR")
    if reuse:
        folder = tmp_path_factory.mktemp("bi-warehouse")
        shutil.copy2(Path(reuse) / "warehouse.duckdb", folder / "warehouse.duckdb")
        return folder
    # The pipeline without Dagster (raw -> dbt build -> publish) into a private folder.
    folder = tmp_path_factory.mktemp("bi-warehouse")
    env = {**os.environ, "WAREHOUSE_DIR": str(folder)}
    build = subprocess.run(
        [sys.executable, "-m", "dagster_project.cli.build"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    return folder


@pytest.fixture(scope="module")
def superset(bi_warehouse):
    """Set up Superset for the warehouse, serve it on a free port, yield its URL and registration."""
    password = secrets.token_urlsafe(12)
    env = {
        **os.environ,
        "WAREHOUSE_DIR": str(bi_warehouse),
        "SUPERSET_CONFIG_PATH": str(BI_DIR / "superset_config.py"),
        "SUPERSET_ADMIN_USER": "bi_test_admin",
        "SUPERSET_ADMIN_PASSWORD": password,
    }
    env.pop("SUPERSET_SECRET_KEY", None)
    started = time.perf_counter()
    setup = subprocess.run(
        [str(BI_PYTHON), str(BI_DIR / "setup_superset.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert setup.returncode == 0, setup.stdout[-3000:] + setup.stderr[-5000:]
    registered = json.loads((bi_warehouse / "superset" / "registered.json").read_text())
    setup_seconds = time.perf_counter() - started

    port = _free_port()
    log = open(bi_warehouse / "superset" / "server.log", "w")
    server = subprocess.Popen(
        ["bash", str(BI_DIR / "serve.sh"), str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, (bi_warehouse / "superset" / "server.log").read_text()[-5000:]
            try:
                if requests.get(f"{url}/health", timeout=5).status_code == 200:
                    break
            except requests.RequestException:  # not listening yet, or the worker is still booting
                pass
            assert time.monotonic() < deadline, "Superset did not answer /health in 180 s"
            time.sleep(1)
        print(f"superset setup {setup_seconds:.0f}s, serving on {url}")
        yield {
            "url": url,
            "env": env,
            "password": password,
            "registered": registered,
            "warehouse": bi_warehouse,
            "setup_output": setup.stdout + setup.stderr,
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server's own process group (gunicorn and its worker)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def api(superset):
    client = bi.SupersetApi(requests.Session(), superset["url"])
    client.login("bi_test_admin", superset["password"])
    return client


def sql_lab(api, database_id: int, sql: str) -> tuple[int, dict]:
    response = api.client.post(
        f"{api.base_url}/api/v1/sqllab/execute/",
        json={
            "database_id": database_id,
            "sql": sql,
            "schema": "marts",
            "runAsync": False,
            "client_id": secrets.token_hex(5),
            "queryLimit": 1000,
            "tab": "pytest",
        },
        headers={**api.headers, "Referer": api.base_url},
        timeout=120,
    )
    return response.status_code, response.json()


def direct(warehouse: Path, sql: str):
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def test_login_rejects_a_wrong_password(superset):
    response = requests.post(
        f"{superset['url']}/api/v1/security/login",
        timeout=30,
        json={"username": "bi_test_admin", "password": "wrong", "provider": "db"},
    )
    assert response.status_code == 401


def test_secret_key_generated_under_the_warehouse_not_in_the_repo(superset):
    key = superset["warehouse"] / "superset" / "secret_key"
    assert key.exists() and oct(key.stat().st_mode & 0o777) == "0o600"
    assert not (BI_DIR / "secret_key").exists()


def test_sql_lab_query_on_a_mart(superset, api):
    database_id = superset["registered"]["database_id"]
    status, body = sql_lab(
        api, database_id, "select count(*) as n, max(date) as latest from marts.fct_valuation_gap_daily"
    )
    assert status == 200, body
    assert body["status"] == "success"
    expected = direct(superset["warehouse"], "select count(*) from marts.fct_valuation_gap_daily")[0][0]
    assert body["data"][0]["n"] == expected > 0


def test_dml_and_file_access_are_refused(superset, api):
    database_id = superset["registered"]["database_id"]
    before = direct(superset["warehouse"], "select count(*) from marts.fct_weekly_performance")[0][0]
    for statement in (
        "delete from marts.fct_weekly_performance",
        "create table marts.hacked as select 1 as x",
        "insert into marts.fct_weekly_performance (symbol) values ('X')",
    ):
        status, body = sql_lab(api, database_id, statement)
        assert status != 200, (statement, body)
        assert body["errors"][0]["error_type"] == "DML_NOT_ALLOWED_ERROR", body
    # Read-only and sandboxed in DuckDB itself, not only in Superset's SQL parser.
    for statement in ("select * from read_csv('/etc/passwd')", "copy (select 1) to '/tmp/bi-test-leak.csv'"):
        status, body = sql_lab(api, database_id, statement)
        assert status != 200 and "disabled by configuration" in json.dumps(body), (statement, body)
    extra = json.loads(api.get(f"/api/v1/database/{database_id}/connection")["result"]["extra"])
    assert extra["engine_params"]["connect_args"]["read_only"] is True
    assert direct(superset["warehouse"], "select count(*) from marts.fct_weekly_performance")[0][0] == before


def test_duckdb_connection_itself_is_read_only(superset):
    """Even with Superset's DML guard off, the connection Superset opens cannot write the file."""
    uri = f"duckdb:///{superset['warehouse'] / 'warehouse.duckdb'}"
    assert superset["registered"]["database_id"]
    code = (
        "import json, sqlalchemy as sa, sys\n"
        f"engine = sa.create_engine({uri!r}, connect_args=json.loads(sys.argv[1]))\n"
        "with engine.connect() as conn:\n"
        "    try:\n"
        "        conn.execute(sa.text('create table marts.hacked as select 1 as x'))\n"
        "    except Exception as exc:\n"
        "        print('refused:', exc)\n"
        "    else:\n"
        "        print('WROTE')\n"
    )
    env = {**superset["env"]}
    out = subprocess.run(
        [str(BI_PYTHON), "-c", code, json.dumps(bi.CONNECT_ARGS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("refused:") and "read-only" in out.stdout.lower(), out.stdout


def specs(superset) -> list:
    """The dashboard's charts as resolved on the test warehouse (what setup_superset.py registered)."""
    return bi.chart_specs(bi.warehouse_query(superset["warehouse"] / "warehouse.duckdb", bi.CONNECT_ARGS["config"]))


def test_dashboard_charts_return_data(superset, api):
    dashboard_id = superset["registered"]["dashboard_id"]
    dashboard = api.get(f"/api/v1/dashboard/{dashboard_id}")["result"]
    assert dashboard["slug"] == bi.DASHBOARD_SLUG and dashboard["published"]
    charts = {c["slice_name"]: c["id"] for c in api.get(f"/api/v1/dashboard/{dashboard_id}/charts")["result"]}
    assert set(charts) == {c.name for c in specs(superset)}
    for name, chart_id in charts.items():
        result = api.get(f"/api/v1/chart/{chart_id}/data/")["result"][0]
        assert result["rowcount"] > 0, name

    # The sum-of-the-parts bridge: its steps add up to the implied value of cloud and AI, and its title
    # states the e-commerce multiple it rests on.
    sotp = next(c for c in specs(superset) if c.dataset == bi.SOTP_BRIDGE_DATASET)
    multiple = direct(
        superset["warehouse"], "select any_value(ecommerce_multiple) from marts.fct_segment_valuation_bridge"
    )
    assert f"e-commerce at {multiple[0][0]:g}x" in sotp.name
    rows = api.get(f"/api/v1/chart/{charts[sotp.name]}/data/")["result"][0]["data"]
    steps = direct(
        superset["warehouse"], "select step from marts.fct_segment_valuation_bridge where is_latest order by 1"
    )
    assert [r["step"] for r in rows] == [s for (s,) in steps] and len(rows) >= 4
    implied = direct(
        superset["warehouse"],
        "select implied_cloud_ai_value_usd / 1e9 from marts.fct_segment_valuation "
        "where implied_cloud_ai_value_usd is not null order by date desc limit 1",
    )[0][0]
    assert sum(r["USD bn"] for r in rows) == pytest.approx(implied, rel=1e-9, abs=1e-6)

    # Alibaba against the Hang Seng only.
    weekly = next(c for c in specs(superset) if c.dataset == "fct_weekly_performance")
    data = api.get(f"/api/v1/chart/{charts[weekly.name]}/data/")["result"][0]
    assert (
        data["rowcount"]
        == direct(
            superset["warehouse"],
            "select count(distinct week_ending) from marts.fct_weekly_performance "
            f"where symbol = '{bi.ALIBABA_SYMBOL}' "
            f"and week_ending >= DATE '{bi.CATALYST_WINDOW_START}'",
        )[0][0]
    )


def test_every_legend_entry_has_data_and_no_median_from_too_few_companies(superset, api):
    """Each metric of a chart is a legend entry: each has a value in the chart's data; a series without data
    (the US adjusted P/E, a region that never reported complete) is not a metric at all."""
    dashboard_id = superset["registered"]["dashboard_id"]
    charts = {c["slice_name"]: c["id"] for c in api.get(f"/api/v1/dashboard/{dashboard_id}/charts")["result"]}
    labels = {}
    for chart in specs(superset):
        metrics = chart.form_data.get("metrics") or [chart.form_data.get("metric")] * ("metric" in chart.form_data)
        data = api.get(f"/api/v1/chart/{charts[chart.name]}/data/")["result"][0]["data"]
        for metric in metrics:
            assert any(row.get(metric["label"]) is not None for row in data), (chart.name, metric["label"])
        labels[chart.name] = [m["label"] for m in metrics]
    # the US adjusted median is in the legend exactly when the mart has a reliable value of it
    us_adjusted = direct(
        superset["warehouse"],
        "select count(us_median_pe_ttm_adjusted) filter (where us_median_adjusted_is_reliable) "
        "from marts.fct_valuation_gap_daily",
    )[0][0]
    pe_labels = next(v for k, v in labels.items() if k.startswith("China vs US median"))
    assert any(label.startswith("US median P/E (adjusted)") for label in pe_labels) == (us_adjusted > 0)
    # Medians are drawn where they cover at least var median_min_companies companies only: the chart has a US
    # value on exactly the mart's reliable days, and there are days with fewer companies it leaves out.
    from dagster_project.settings import dbt_var

    pe = next(c for c in specs(superset) if c.name.startswith("China vs US median"))
    data = api.get(f"/api/v1/chart/{charts[pe.name]}/data/")["result"][0]["data"]
    drawn = sum(r["US median P/E (GAAP)"] is not None for r in data)
    reliable, thin = direct(
        superset["warehouse"],
        "select count(*) filter (where us_median_is_reliable and us_median_pe_ttm_gaap is not null), "
        "count(*) filter (where us_companies_covered between 1 and ?) from marts.fct_valuation_gap_daily".replace(
            "?", str(dbt_var("median_min_companies") - 1)
        ),
    )[0]
    assert drawn == reliable > 0, (drawn, reliable, thin)


def test_setup_again_removes_a_chart_whose_title_changed(superset, api):
    """A rerun (here after a chart of an old title was left on the dashboard) keeps exactly the current charts."""
    dashboard_id = superset["registered"]["dashboard_id"]
    dataset_id = superset["registered"]["datasets"]["fct_segment_valuation_bridge"]
    stale = api.post(
        "/api/v1/chart/",
        {
            "slice_name": "Alibaba sum of the parts at an old multiple",
            "viz_type": "table",
            "datasource_id": dataset_id,
            "datasource_type": "table",
            "dashboards": [dashboard_id],
        },
    )["id"]
    on_dashboard = {c["id"] for c in api.get(f"/api/v1/dashboard/{dashboard_id}/charts")["result"]}
    assert stale in on_dashboard
    again = subprocess.run(
        [str(BI_PYTHON), str(BI_DIR / "setup_superset.py"), "--skip-init"],
        env=superset["env"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-5000:]
    names = {c["slice_name"] for c in api.get(f"/api/v1/dashboard/{dashboard_id}/charts")["result"]}
    assert names == {c.name for c in specs(superset)}


def test_republished_warehouse_is_served_without_restart(superset, api):
    """An atomic publish while Superset runs: the next query sees the new build, nothing fails."""
    build = superset["warehouse"] / "build.duckdb"
    if not build.exists():
        pytest.skip("reused warehouse without its build database")
    from dagster_project.serving.publish import publish

    database_id = superset["registered"]["database_id"]
    sql = "select cast(built_at_utc as varchar) as built from marts.warehouse_build_info"
    status, before = sql_lab(api, database_id, sql)
    assert status == 200, before
    time.sleep(1.1)  # built_at has one-second resolution
    publish(build, superset["warehouse"] / "warehouse.duckdb")
    status, after = sql_lab(api, database_id, sql)
    assert status == 200, after
    assert after["data"][0]["built"] > before["data"][0]["built"]


def test_dashboard_screenshot(superset):
    for binary in ("chromium", "chromedriver"):
        assert shutil.which(binary), f"{binary} not found: `make test-bi` installs chromium and chromium-driver"
    out = superset["warehouse"] / "artifacts" / "dashboard.png"
    result = subprocess.run(
        [
            str(BI_PYTHON),
            str(BI_DIR / "screenshot.py"),
            "--url",
            superset["url"],
            "--dashboard",
            bi.DASHBOARD_SLUG,
            "--charts",
            str(len(specs(superset))),
            "--out",
            str(out),
        ],
        env=superset["env"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-5000:]
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width >= 1200 and height >= 1200
    assert len(data) > 100_000, "suspiciously small screenshot: the charts probably did not render"
    artifacts = os.environ.get("BI_ARTIFACTS_DIR")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy2(out, Path(artifacts) / "superset_dashboard.png")


def test_no_secret_in_the_setup_output_or_the_server_log(superset):
    """The admin password and the secret key appear neither in what setup printed nor in the server's log."""
    requests.post(  # a failed and a good login, so the log has seen both
        f"{superset['url']}/api/v1/security/login",
        json={"username": "bi_test_admin", "password": "wrong-" + superset["password"], "provider": "db"},
        timeout=30,
    )
    key = (superset["warehouse"] / "superset" / "secret_key").read_text().strip()
    logs = superset["setup_output"] + (superset["warehouse"] / "superset" / "server.log").read_text()
    assert superset["password"] not in logs
    assert key not in logs
