"""Screenshot a Superset dashboard with headless Chromium (Debian's chromium + chromium-driver).

    .venv-bi/bin/python bi/screenshot.py --url http://127.0.0.1:8088 --dashboard china-tech-rerating \
        --out dashboard.png

Logs in through Superset's login form (SUPERSET_ADMIN_USER / SUPERSET_ADMIN_PASSWORD, default admin/admin),
opens the dashboard, waits until every chart has rendered (or reported an error) and saves a PNG.
Exits non-zero when a chart shows an error or no data, or does not render in time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
]


def _binary(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit(f"none of {', '.join(names)} found: apt-get install -y chromium chromium-driver")


def driver(width: int, height: int, profile: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = _binary("chromium", "chromium-browser")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    # A local chromedriver: Selenium Manager never downloads anything.
    return webdriver.Chrome(service=Service(_binary("chromedriver")), options=options)


def login(browser: webdriver.Chrome, base: str, username: str, password: str, timeout: float) -> None:
    browser.get(f"{base}/login/")
    wait = WebDriverWait(browser, timeout)
    user_box = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input[name='username'], #username")))
    user_box.send_keys(username)
    browser.find_element(By.CSS_SELECTOR, "input[name='password'], #password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "button[type='submit'], input[type='submit']").click()
    wait.until(lambda b: "/login" not in b.current_url)


def wait_for_charts(browser: webdriver.Chrome, expected: int, timeout: float) -> dict[str, int]:
    """Wait until `expected` chart holders have finished loading; return counts of rendered/errored."""
    deadline = time.monotonic() + timeout
    state = {}
    while time.monotonic() < deadline:
        state = browser.execute_script(
            """
            const holders = document.querySelectorAll('.dashboard-component-chart-holder');
            const loading = document.querySelectorAll('.dashboard-component-chart-holder .loading, '
              + '.dashboard-component-chart-holder [aria-label="Loading"]').length;
            const errors = document.querySelectorAll('.dashboard-component-chart-holder .ant-alert-error, '
              + '.dashboard-component-chart-holder [role="alert"]').length;
            const drawn = document.querySelectorAll('.dashboard-component-chart-holder canvas, '
              + '.dashboard-component-chart-holder svg.superset-legacy-chart, '
              + '.dashboard-component-chart-holder table').length;
            const empty = [...holders].filter(h => /No results were returned|No data/i.test(h.innerText)).length;
            return {holders: holders.length, loading: loading, errors: errors, drawn: drawn, empty: empty};
            """
        )
        if state["holders"] >= expected and state["loading"] == 0 and state["drawn"] + state["errors"] >= expected:
            time.sleep(2)  # let the chart animations finish
            return state
        time.sleep(1)
    raise SystemExit(f"dashboard did not finish rendering in {timeout:.0f}s: {state}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8088")
    parser.add_argument("--dashboard", default="china-tech-rerating", help="slug or id")
    parser.add_argument("--charts", type=int, default=1, help="number of charts to wait for")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=2400)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args(argv)

    username = os.environ.get("SUPERSET_ADMIN_USER", "admin")
    password = os.environ.get("SUPERSET_ADMIN_PASSWORD", "admin")
    base = args.url.rstrip("/")
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    browser = driver(args.width, args.height, profile)
    try:
        browser.set_page_load_timeout(args.timeout)
        login(browser, base, username, password, args.timeout)
        browser.get(f"{base}/superset/dashboard/{args.dashboard}/?standalone=1")
        state = wait_for_charts(browser, args.charts, args.timeout)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(args.out))
        print(f"saved {args.out}: {state}")
        if state["errors"] or state["empty"]:  # every panel must show data
            print(f"{state['errors']} chart(s) show an error, {state['empty']} no data", file=sys.stderr)
            return 1
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
