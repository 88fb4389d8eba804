"""The exported HTML file opened from disk in a real Chromium: offline, inert article text."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.export import export_page
from assistant.types import AlignmentLink, ReadingPage
from tests.browser.test_long_documents import OVERFLOW
from tests.browser.test_reading_page import shot
from tests.longdoc import long_document
from tests.test_export_pages import SCRIPT, translated_page
from tests.test_render import compact, data_of, linked_page, make_page

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


# ---------------------------------------------------------------- drawn from the page data


def open_export(context: Any, page: ReadingPage, tmp_path: Path, name: str = "reading.html") -> Any:
    path = tmp_path / name
    path.write_bytes(export_page(page, "html"))
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(path.as_uri())
    tab.wait_for_selector(".hr-row")
    tab.errors = errors
    return tab


@pytest.fixture
def offline(browser: Any) -> Iterator[Any]:
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 800})
    yield context
    context.close()


def test_exported_page_draws_the_same_rows_as_its_data(offline: Any, tmp_path: Path) -> None:
    page = make_page()
    tab = open_export(offline, page, tmp_path)
    rows = tab.locator(".hr-row").all_inner_texts()
    lines = compact(data_of(page)).splitlines()
    expected = [line.split(": ", 1)[1] for line in lines if line.startswith("#")]
    assert len(rows) == len(expected) == 4
    for drawn, line in zip(rows, expected, strict=True):
        words = [w for w in re.split(r"[<>|~()…\s]+", line) if w and w not in ("gloss",)]
        assert all(w in drawn for w in words), (drawn, line)
    assert tab.errors == []


def test_exported_tooltips_open_on_hover_offline(offline: Any, tmp_path: Path) -> None:
    tab = open_export(offline, make_page(), tmp_path)
    word = tab.locator(".hr-b-paragraph .hr-w").nth(1)
    word.hover()
    tab.wait_for_selector(".hr-tip.hr-open")
    text = tab.locator(".hr-tip").inner_text()
    assert "बड़ा" in text and "baṛā" in text and "adjective" in text and "big; large; great" in text
    tab.mouse.move(1, 1)
    tab.wait_for_function("() => !document.querySelector('.hr-tip.hr-open')")


def test_exported_page_switches_its_reading_aids_offline(offline: Any, tmp_path: Path) -> None:
    tab = open_export(offline, make_page(), tmp_path)
    roman = tab.locator(".hr-b-paragraph .hr-r").first
    assert not roman.is_visible()
    tab.locator(".hr-aids").get_by_text("Romanization under each word").click()
    assert roman.is_visible() and roman.inner_text() == "bhārat"
    tab.locator(".hr-aids").get_by_text("English column").click()
    assert not tab.locator(".hr-tgt").first.is_visible()
    assert tab.errors == []


LINKS = (AlignmentLink(0, 0, 0.9, "name"), AlignmentLink(2, 4, 0.8), AlignmentLink(1, 3, 0.3))


def test_alignment_hover_highlights_the_other_side(offline: Any, tmp_path: Path) -> None:
    tab = open_export(offline, linked_page(LINKS), tmp_path)
    row = tab.locator(".hr-b-paragraph .hr-row").first
    country = row.locator('.hr-ew[data-e="4"]')
    assert country.inner_text() == "country"
    assert row.locator(".hr-ew").count() == 3  # only linked English words are wrapped
    row.locator('.hr-w[data-t="2"]').hover()  # देश
    tab.wait_for_selector('.hr-ew.hr-al[data-e="4"]')
    assert row.locator(".hr-ew.hr-al").count() == 1
    assert tab.locator(".hr-tip .hr-th").inner_text() == "here: country"
    shot(tab, "alignment-hover.png")
    row.locator('.hr-w[data-t="1"]').hover()  # बड़ा: linked, but not confidently
    tab.wait_for_selector('.hr-ew.hr-al[data-e="3"]')
    assert tab.locator(".hr-tip .hr-th").count() == 0
    tab.mouse.move(1, 1)
    row.locator('.hr-ew[data-e="0"]').hover()  # India -> भारत
    tab.wait_for_selector('.hr-w.hr-al[data-t="0"]')
    assert row.locator(".hr-w.hr-al").count() == 1


def test_exported_long_document_has_sections_and_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    from assistant.reader import build_reading_page, open_article

    page = build_reading_page(open_article(long_document(100_000), "long.hi.txt"))
    context = browser.new_context(
        offline=True, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        tab = open_export(context, page, tmp_path, "long.html")
        assert tab.locator(".hr-nav-top .hr-sections option").count() > 3
        assert tab.evaluate(OVERFLOW) <= 0
        row = tab.locator(".hr-b-paragraph .hr-row").first
        src, tgt = row.locator(".hr-src").bounding_box(), row.locator(".hr-tgt").bounding_box()
        assert tgt["y"] >= src["y"] + src["height"] - 1  # one column: the English follows
        word = tab.locator(".hr-b-paragraph .hr-w").nth(4)
        word.tap()
        tab.wait_for_selector(".hr-tip.hr-open")
        box = tab.locator(".hr-tip").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        shot(tab, "export-phone.png")
        first = tab.locator(".hr-row").first.inner_text()
        tab.locator(".hr-nav-top .hr-next").tap()
        tab.wait_for_function("() => document.querySelector('.hr-nav-top .hr-sections').value === '1'")
        assert tab.locator(".hr-row").first.inner_text() != first
        assert tab.evaluate("() => location.hash") == "#section-2"
        tab.evaluate("() => document.querySelector('.hr-footer').scrollIntoView()")
        assert tab.evaluate(OVERFLOW) <= 0
        assert tab.errors == []
    finally:
        context.close()
