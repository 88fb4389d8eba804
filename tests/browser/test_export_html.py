"""The exported HTML file opened from disk in a real Chromium: offline, inert article text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.export import export_page
from tests.test_export_pages import SCRIPT, translated_page

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def browser_page():
    sync_api = pytest.importorskip("playwright.sync_api")
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            context = browser.new_context(offline=True)
            yield context.new_page()
        finally:
            browser.close()


def test_exported_html_opens_offline_and_never_runs_article_script(browser_page, tmp_path: Path) -> None:
    path = tmp_path / "reading.html"
    path.write_bytes(export_page(translated_page(), "html"))
    dialogs: list[str] = []
    errors: list[str] = []
    requests: list[str] = []
    browser_page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    browser_page.on("pageerror", lambda e: errors.append(str(e)))
    browser_page.on("request", lambda r: requests.append(r.url))
    browser_page.goto(path.as_uri())
    body = browser_page.inner_text("body")
    assert f"The article said {SCRIPT}." in body
    assert "प्रतिबंधों के बढ़ने पर बैठक हुई।" in body
    assert "opus-mt-hi-en" in body
    assert dialogs == [] and errors == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), requests
