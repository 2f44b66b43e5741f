"""Screenshots of the Dagster UI in headless Chromium, for tests/test_make_run.py (run with .venv-bi's Python,
which has Selenium; the browser set-up is bi/screenshot.py's).

    .venv-bi/bin/python tests/dagster_ui_screenshot.py --url http://127.0.0.1:3000 --out-dir test-artifacts \
        --page job_runs=/locations/china_tech_rerating/jobs/build_everything/runs:build_everything \
        --page mart_checks=/assets/marts/fct_valuation_gap_daily?view=checks:Checks

Each --page is name=path:text; the page is screenshot once `text` is on it. --markdown name=path opens an
asset's markdown metadata (the charts' preview). Prints one JSON object: per page, the screenshot's path and the
page's visible text (and the size of each image the markdown rendered).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

_SPEC = importlib.util.spec_from_file_location(
    "bi_screenshot", Path(__file__).resolve().parent.parent / "bi" / "screenshot.py"
)
bi_screenshot = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bi_screenshot)


def _dismiss_welcome(browser) -> None:
    """The UI greets a new browser profile with a newsletter dialog: skip it."""
    for button in browser.find_elements(By.XPATH, "//button[normalize-space()='Skip']"):
        try:
            button.click()
        except WebDriverException:
            pass


def _wait_for_text(browser, text: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        _dismiss_welcome(browser)
        body = browser.find_element(By.TAG_NAME, "body").text
        if text in body and "Loading" not in body:
            time.sleep(1)  # let the last request settle
            _dismiss_welcome(browser)
            return browser.find_element(By.TAG_NAME, "body").text
        time.sleep(1)
    raise SystemExit(f"{text!r} did not appear in {timeout:.0f}s; the page shows: {body[:500]}")


def _markdown_images(browser, url: str, out_dir: Path, name: str, timeout: float) -> dict:
    """Open the first markdown metadata entry of an asset page; the size of every image it renders."""
    browser.get(url)
    _wait_for_text(browser, "[Show Markdown]", timeout)
    link = browser.find_elements(By.XPATH, "//*[contains(text(), '[Show Markdown]')]")[-1]
    browser.execute_script("arguments[0].click()", link)
    deadline, images = time.monotonic() + timeout, []
    while time.monotonic() < deadline and not images:
        time.sleep(1)
        images = browser.execute_script(
            "return Array.from(document.querySelectorAll('img')).filter(i => i.src.startsWith('data:image/png'))"
            ".map(i => [i.naturalWidth, i.naturalHeight])"
        )
    out = out_dir / f"dagster_{name}.png"
    browser.save_screenshot(str(out))
    return {"screenshot": str(out), "text": browser.find_element(By.TAG_NAME, "body").text, "images": images}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--out-dir", type=Path, required=True)
    parser.add_argument("--page", action="append", required=True, help="name=path:text")
    parser.add_argument("--markdown", default=None, help="name=path: open the page's markdown metadata (images)")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    browser = bi_screenshot.driver(1600, 1200, profile)
    result = {}
    try:
        browser.set_page_load_timeout(args.timeout)
        for page in args.page:
            name, rest = page.split("=", 1)
            path, text = rest.rsplit(":", 1)
            browser.get(args.url.rstrip("/") + path)
            body = _wait_for_text(browser, text, args.timeout)
            out = args.out_dir / f"dagster_{name}.png"
            browser.save_screenshot(str(out))
            result[name] = {"screenshot": str(out), "text": body}
        if args.markdown:
            name, path = args.markdown.split("=", 1)
            result[name] = _markdown_images(browser, args.url.rstrip("/") + path, args.out_dir, name, args.timeout)
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
