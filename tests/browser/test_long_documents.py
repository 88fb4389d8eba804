"""Long documents and phones in the app: sections, navigation, tooltips, one-column stream.

The documents are generated from shipped text (``tests/longdoc.py``) and read in
gloss-only mode. Every wait is bounded; the speed figures themselves are measured by
``scripts/bench_page.py``, these tests check that the page works and stays usable.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_reading_page import SIDEBAR, choose_in_select, open_app, shot, wait_idle
from tests.longdoc import long_document

pytestmark = pytest.mark.browser

MEDIUM = 200_000
NEAR_LIMIT = 1_900_000
POSITION = ".hr-nav-top .hr-pos:not(.hr-busy)"
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def upload(page: Any, path: Path) -> None:
    page.locator(f"{SIDEBAR} label").filter(has_text="Upload a file").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))


def gloss_only(page: Any) -> None:
    choose_in_select(page, "Model", "word-by-word gloss only")
    page.wait_for_selector(".hr-row.hr-k-gloss", timeout=60_000)
    wait_idle(page)


def position(page: Any) -> str:
    return page.locator(POSITION).inner_text()


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("long")
    paths = {}
    for name, size in (("medium", MEDIUM), ("near-limit", NEAR_LIMIT)):
        path = folder / f"{name}.hi.txt"
        path.write_text(long_document(size), encoding="utf-8")
        paths[name] = path
    return paths


@pytest.fixture(scope="module")
def medium(browser: Any, app_url: str, documents: dict[str, Path]) -> Iterator[Any]:
    """One session reading the 200 KB document in gloss-only mode."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    open_app(tab, app_url)
    gloss_only(tab)
    upload(tab, documents["medium"])
    tab.wait_for_selector(f".hr-reader:not(.hr-partial) {POSITION}", timeout=90_000)
    wait_idle(tab)
    yield tab
    context.close()


def test_a_long_document_opens_at_its_first_section(medium: Any) -> None:
    page = medium
    assert position(page).startswith("sentences 1–")
    rows = page.locator(".hr-row").count()
    assert 5 < rows < 200  # one section, not the whole document
    total = int(position(page).split(" of ")[1].split(" ")[0])
    assert total > 500
    options = page.locator(".hr-nav-top .hr-sections option")
    assert options.count() > 5
    word = page.locator(".hr-b-paragraph .hr-w").nth(5)
    word.hover()
    page.wait_for_selector(".hr-tip.hr-open")
    shot(page, "long-document.png")


def test_sections_move_forward_back_and_by_choice(medium: Any) -> None:
    page = medium
    first_row = page.locator(".hr-row").first.inner_text()
    page.locator(".hr-nav-top .hr-next").click()
    page.wait_for_function(
        "p => document.querySelector(p)?.textContent.startsWith('sentences ') "
        "&& !document.querySelector(p).textContent.startsWith('sentences 1–') "
        "&& document.querySelectorAll('.hr-row').length > 3",
        arg=POSITION,
    )
    assert page.locator(".hr-row").first.inner_text() != first_row
    second = position(page)
    page.locator(".hr-nav-top .hr-sections").select_option("4")
    page.wait_for_function(
        "([p, s]) => document.querySelector(p)?.textContent !== s "
        "&& document.querySelectorAll('.hr-row').length > 3",
        arg=[POSITION, second],
    )
    assert page.locator(".hr-nav-top .hr-sections").input_value() == "4"
    page.locator(".hr-nav-bottom .hr-prev").click()
    page.wait_for_function(
        "() => document.querySelector('.hr-nav-top .hr-sections')?.value === '3' "
        "&& document.querySelectorAll('.hr-row').length > 3"
    )


def test_reading_aids_keep_the_section(medium: Any) -> None:
    page = medium
    page.locator(".hr-nav-top .hr-sections").select_option("2")
    page.wait_for_function("() => document.querySelector('.hr-nav-top .hr-sections')?.value === '2'")
    page.wait_for_function("() => document.querySelectorAll('.hr-row').length > 3")
    wait_idle(page)
    where = position(page)
    page.locator(".hr-aids").get_by_text("Romanization under each word").click()
    page.wait_for_selector(".hr-reader.hr-rom .hr-r", timeout=30_000)
    assert page.locator(".hr-reader.hr-rom .hr-r").first.is_visible()
    assert position(page) == where
    # The next section, drawn from the app's new data, keeps the reader's choice.
    page.locator(".hr-nav-top .hr-next").click()
    page.wait_for_function(
        "w => document.querySelector('.hr-nav-top .hr-pos:not(.hr-busy)')?.textContent !== w "
        "&& document.querySelectorAll('.hr-row').length > 3 && !document.querySelector('.hr-loading')",
        arg=where,
    )
    assert page.locator(".hr-reader.hr-rom .hr-r").first.is_visible()
    page.locator(".hr-aids").get_by_text("Romanization under each word").click()
    page.wait_for_function("() => !document.querySelector('.hr-reader.hr-rom')")


def test_near_limit_document_opens_and_stays_responsive(
    browser: Any, app_url: str, documents: dict[str, Path]
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        open_app(page, app_url)
        gloss_only(page)
        upload(page, documents["near-limit"])
        page.wait_for_selector(POSITION, timeout=60_000)  # the opening, while the rest is looked up
        assert page.locator(".hr-row").count() < 200
        assert int(position(page).split(" of ")[1].split(" ")[0]) > 5000
        page.wait_for_selector(f".hr-reader:not(.hr-partial) {POSITION}", timeout=120_000)
        total = int(position(page).split(" of ")[1].split(" ")[0])
        assert total > 5000
        word = page.locator(".hr-b-paragraph .hr-w").nth(7)
        word.hover()
        page.wait_for_selector(".hr-tip.hr-open", timeout=5_000)
        middle = page.locator(".hr-nav-top .hr-sections option").count() // 2
        page.locator(".hr-nav-top .hr-sections").select_option(str(middle))
        page.wait_for_function(
            "() => document.querySelectorAll('.hr-row').length > 3 && !document.querySelector('.hr-loading')",
            timeout=30_000,
        )
        shot(page, "long-document-near-limit.png")
    finally:
        context.close()


# ---------------------------------------------------------------- phones


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


def test_phone_reads_one_column_with_tap_tooltips(phone: Any, app_url: str) -> None:
    page = phone
    open_app(page, app_url)
    page.wait_for_selector(".hr-row .hr-w", timeout=90_000)
    wait_idle(page)
    assert page.evaluate(OVERFLOW) <= 0
    row = page.locator(".hr-b-paragraph .hr-row").nth(1)
    src, tgt = row.locator(".hr-src").bounding_box(), row.locator(".hr-tgt").bounding_box()
    assert tgt["y"] >= src["y"] + src["height"] - 1  # the English follows the Hindi
    assert abs(tgt["x"] - src["x"]) < 40 and tgt["width"] > 200
    for label in page.locator(".hr-label").all()[:6]:
        box = label.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    word = row.locator(".hr-w").last
    word.scroll_into_view_if_needed()
    word.tap()
    page.wait_for_selector(".hr-tip.hr-open")
    box = page.locator(".hr-tip").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box
    shot(page, "phone-layout.png")
    word.tap()  # a second tap closes it
    page.wait_for_function("() => !document.querySelector('.hr-tip.hr-open')")
