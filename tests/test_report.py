"""The story report: one static HTML page from the published marts, opened offline in headless Chromium.

Needs chromium and chromedriver (`make browser`) and selenium (the dev extra): `make test-report`.
REPORT_TEST_WAREHOUSE_DIR=<dir with warehouse.duckdb> reuses a published warehouse instead of building one.
The screenshot goes to BI_ARTIFACTS_DIR (test-artifacts/ under make), else next to the report.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from dagster_project.paths import PROJECT_ROOT

pytestmark = pytest.mark.bi


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    reuse = os.environ.get("REPORT_TEST_WAREHOUSE_DIR")
    folder = tmp_path_factory.mktemp("report-warehouse")
    if reuse:
        shutil.copy2(Path(reuse) / "warehouse.duckdb", folder / "warehouse.duckdb")
        return folder
    build = subprocess.run(
        [sys.executable, "-m", "dagster_project.cli.build"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "WAREHOUSE_DIR": str(folder)},
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    return folder


@pytest.fixture(scope="module")
def report(published) -> Path:
    out = subprocess.run(
        [sys.executable, "-m", "dagster_project.cli.report"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "WAREHOUSE_DIR": str(published)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr[-5000:]
    path = published / "report" / "china_tech_rerating.html"
    assert str(path) in out.stdout
    return path


def test_report_is_self_contained(report):
    text = report.read_text()
    # nothing loaded from elsewhere: every src is a data URI, no script, stylesheet link or remote URL
    sources = re.findall(r"""\bsrc=["']?([^"' >]+)""", text)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources), sources[:3]
    assert "<script" not in text and "<link" not in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert "@import" not in text and "url(" not in text


def test_report_answers_each_question_with_units_coverage_and_assumptions(report, published):
    from dagster_project.readers.report import SECTIONS

    text = report.read_text()
    for section in SECTIONS:
        assert section.question.replace("'", "&#x27;") in text, section.question
    assert text.count("<b>Coverage:</b>") == len(SECTIONS) and text.count("<b>Assumptions:</b>") == len(SECTIONS)
    notes = re.findall(r"<p class=notes>(.*?)</p>", text, flags=re.S)
    assert len(notes) == len(SECTIONS) and not any("n/a" in n or "None" in n for n in notes), notes
    with duckdb.connect(str(published / "warehouse.duckdb"), read_only=True) as conn:
        multiple, implied = conn.execute(
            "select any_value(ecommerce_multiple), any_value(implied_cloud_ai_value_usd) / 1e9 "
            "from marts.fct_segment_valuation_bridge where is_latest"
        ).fetchone()
        as_of = conn.execute("select max(date) from marts.fct_valuation_gap_daily").fetchone()[0]
    assert f"e-commerce at {multiple:g}x" in text  # the assumption behind the implied value is stated
    assert f"{implied:+,.1f}" in text  # the implied value of cloud and AI, in USD bn as the marts have it
    assert f"Data as of {as_of.isoformat()}" in text


def test_report_renders_every_chart_and_table_in_headless_chromium(report):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for binary in ("chromium", "chromedriver"):
        assert shutil.which(binary), f"{binary} not found: `make browser` installs chromium and chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    profile = tempfile.mkdtemp(prefix="report-chromium-")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]
    flags += ["--disable-background-networking", f"--user-data-dir={profile}", "--window-size=1280,1000"]
    for flag in flags:
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        browser.get(report.as_uri())
        state = browser.execute_script(
            """
            const imgs = [...document.images].map(i => [i.complete, i.naturalWidth, i.naturalHeight]);
            const tables = [...document.querySelectorAll('table')].map(t => t.querySelectorAll('tr').length - 1);
            const empty = [...document.querySelectorAll('td')]
              .filter(td => td.textContent.includes('no rows')).length;
            const sections = document.querySelectorAll('section').length;
            return {imgs, tables, empty, height: document.body.scrollHeight, sections};
            """
        )
        from dagster_project.readers.report import SECTIONS

        assert state["sections"] == len(SECTIONS)
        assert len(state["imgs"]) == len(SECTIONS), state
        assert all(done and w > 600 and h > 300 for done, w, h in state["imgs"]), state["imgs"]
        assert len(state["tables"]) == sum(len(s.tables) for s in SECTIONS), state
        assert all(rows > 0 for rows in state["tables"]) and state["empty"] == 0, state
        browser.set_window_size(1280, min(state["height"] + 100, 16000))
        shot = Path(os.environ.get("BI_ARTIFACTS_DIR") or report.parent) / "report.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(shot))
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[20:24], "big") > 3000
