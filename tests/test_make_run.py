"""`make run` as a newcomer sees it, on a temporary warehouse: a short terminal, the story's figures, a failing
dbt test named at the end, and the run in the Dagster UI with readable check names.

Slow (a full build each): `make test-slow` runs the terminal tests; the UI test needs headless Chromium and
.venv-bi's Selenium (`make test-bi`, marker bi). Screenshots go to BI_ARTIFACTS_DIR (default test-artifacts/).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BI_PYTHON = PROJECT_ROOT / ".venv-bi" / "bin" / "python"
MAX_LINES = 40
HEADLINES = (
    "China/US P/E (median, GAAP, trailing) on ",
    "Alibaba's best week vs the Hang Seng: week ending ",
    "Alibaba's implied cloud & AI value on ",
    "x post-tax e-commerce EBITA",
    "US four's capex guidance for ",
)


def _make_run(project: Path, warehouse: Path) -> subprocess.CompletedProcess:
    # As typed in a shell (not a make recursion); without NO_COLOR, so the check is the not-a-terminal rule.
    drop = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "DAGSTER_HOME", "NO_COLOR")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["WAREHOUSE_DIR"] = str(warehouse)
    return subprocess.run(
        ["make", "run"], cwd=project, env=env, capture_output=True, text=True, timeout=1800, check=False
    )


@pytest.fixture(scope="module")
def make_run(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    warehouse = tmp_path_factory.mktemp("make-run")
    return warehouse, _make_run(PROJECT_ROOT, warehouse)


@pytest.mark.slow
def test_make_run_is_short_and_ends_with_the_story_and_the_paths(make_run):
    warehouse, run = make_run
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    lines = (run.stdout + run.stderr).splitlines()
    assert len(lines) <= MAX_LINES, "\n".join(lines)
    text = "\n".join(lines)
    for headline in HEADLINES:
        assert headline in text, f"missing {headline!r} in:\n{text}"
    assert "\x1b[" not in text, "colour codes although the output is not a terminal"
    for stage in ("raw tables loaded", "dbt models built", "dbt tests run", "warehouse published", "charts rendered"):
        assert any(line.startswith(stage) and " ok" in line for line in lines), f"{stage} not ok in:\n{text}"
    for path in (warehouse / "warehouse.duckdb", warehouse / "parquet", warehouse / "charts"):
        assert str(path) in text
    assert "Warning" not in text and "Telemetry" not in text, text
    logs = list((warehouse / "logs").glob("run-*.log"))
    assert len(logs) == 1 and str(logs[0]) in text
    log = logs[0].read_text()
    assert "RUN_SUCCESS" in log and "dbt build" in log and len(log.splitlines()) > 200
    assert "\x1b[" not in log


@pytest.mark.slow
def test_a_failing_dbt_test_is_named_in_the_last_lines(tmp_path):
    """A copy of the project with one extra dbt test that fails; `make run` there names it and the log."""
    project = tmp_path / "project"
    skip = shutil.ignore_patterns(
        ".venv*", ".git", "data", "test-artifacts", "target", "logs", "benchmarks", "*.egg-info"
    )
    shutil.copytree(PROJECT_ROOT, project, ignore=skip)
    (project / ".venv").symlink_to(PROJECT_ROOT / ".venv")
    stamp = (PROJECT_ROOT / ".venv" / ".installed").stat().st_mtime
    os.utime(project / "pyproject.toml", (stamp - 60, stamp - 60))  # make must not reinstall into the shared venv
    (project / "dbt" / "tests" / "assert_injected_failure.sql").write_text(
        "{#- Injected by tests/test_make_run.py: fails on every company. -#}\n"
        "select company_id from {{ ref('stg_reference__companies') }}\n"
    )
    warehouse = tmp_path / "warehouse"
    run = _make_run(project, warehouse)
    assert run.returncode != 0
    lines = (run.stdout + run.stderr).splitlines()
    last = "\n".join(lines[-6:])
    assert "failing dbt test: assert_injected_failure on staging/stg_reference__companies" in last, last
    logs = list((warehouse / "logs").glob("run-*.log"))
    assert len(logs) == 1 and f"Full log: {logs[0]}" in last, last
    assert not (warehouse / "warehouse.duckdb").exists(), "published although a blocking test failed"
    assert len(lines) <= MAX_LINES, "\n".join(lines)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.bi
def test_dagster_ui_shows_the_job_run_and_readable_check_names(make_run):
    warehouse, run = make_run
    assert run.returncode == 0, run.stdout[-3000:]
    for binary in ("chromium", "chromedriver"):
        assert shutil.which(binary), f"{binary} not found: `make browser` installs chromium and chromium-driver"
    assert BI_PYTHON.exists(), "no .venv-bi (Selenium): run `make test-bi`"
    port = _free_port()
    env = {**os.environ, "WAREHOUSE_DIR": str(warehouse), "DAGSTER_HOME": str(warehouse / "dagster_home")}
    server = subprocess.Popen(
        [str(PROJECT_ROOT / ".venv" / "bin" / "dagster-webserver"), "-h", "127.0.0.1", "-p", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    artifacts = Path(os.environ.get("BI_ARTIFACTS_DIR", PROJECT_ROOT / "test-artifacts"))
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(1)
        shot = subprocess.run(
            [
                str(BI_PYTHON),
                str(PROJECT_ROOT / "tests" / "dagster_ui_screenshot.py"),
                f"--url=http://127.0.0.1:{port}",
                f"--out-dir={artifacts}",
                "--page=job_runs=/locations/china_tech_rerating/jobs/build_everything/runs:Success",
                "--page=mart_checks=/assets/marts/fct_valuation_gap_daily?view=checks:ratio_is_ratio_of_medians",
                "--page=timeline=/overview/activity/timeline:build_everything",
                "--markdown=charts=/assets/warehouse/charts",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    assert shot.returncode == 0, shot.stdout[-2000:] + shot.stderr[-3000:]
    pages = json.loads(shot.stdout.strip().splitlines()[-1])
    runs, checks = pages["job_runs"]["text"], pages["mart_checks"]["text"]
    assert "build_everything" in runs and "Success" in runs, runs
    assert "No runs" not in pages["timeline"]["text"], pages["timeline"]["text"]
    # readable names (column__rule, or the test's own name) and the description derived from the test metadata
    for name in ("date__unique", "ratio_is_ratio_of_medians", "us_median_coverage"):
        assert name in checks, checks
    assert "is never null" in checks and "__False__0" not in checks, checks
    # the charts asset's metadata shows every PNG the run rendered, as images
    rendered = sorted((warehouse / "charts").glob("*.png"))
    assert rendered and len(pages["charts"]["images"]) == len(rendered), pages["charts"]["images"]
    assert all(width > 200 and height > 200 for width, height in pages["charts"]["images"])
    for page in pages.values():
        assert Path(page["screenshot"]).stat().st_size > 30_000, f"suspiciously small screenshot: {page}"
