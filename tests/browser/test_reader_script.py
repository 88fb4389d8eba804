"""The reader's script on its own in Chromium: new data for the drawing on screen, and the
reading-aid bar. The app sends such data on every run; here it is handed over directly."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.pagedata import FormTable, table_size
from assistant.render import RenderOptions, component_data, reader_css, reader_js
from tests.test_render import make_page

pytestmark = pytest.mark.browser

SET_DATA = "d => { window.reader.setData(d); }"


def data(options: RenderOptions | None = None, **kwargs: Any) -> dict[str, Any]:
    raw = component_data(make_page(), options or RenderOptions(), 0, page_id="p", **kwargs)
    return json.loads(raw)


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A blank page holding the reader's stylesheet and script, and one reader."""
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content(
        f"<style>{reader_css()}</style><div id='r'></div><script>{reader_js()}</script>"
        "<script>window.asked = []; window.mount = d => { window.reader = HindiReader.mount("
        "document.getElementById('r'), d, {resend: have => window.asked.push(have)}); };</script>"
    )
    yield page
    assert errors == []
    context.close()


def test_rows_drawn_without_their_word_forms_are_drawn_again_when_the_forms_come(tab: Any) -> None:
    table = FormTable()
    first = data(table=table)
    held = table_size(table)
    # The app believes this browser holds the forms (a run that carried them never arrived).
    tab.evaluate("d => window.mount(d)", data(table=table, sent=held))
    assert tab.evaluate("() => window.asked") == [[0, 0, 0]]
    assert tab.locator(".hr-w").count() == 0 and tab.locator(".hr-reader.hr-incomplete").count() == 1
    assert first["draw"] == data(table=table, sent=held)["draw"]  # the same drawing
    tab.evaluate(SET_DATA, first)  # sent again from what the browser holds
    assert tab.locator(".hr-w").count() > 3 and tab.locator(".hr-reader.hr-incomplete").count() == 0


def test_data_that_only_changes_options_keeps_the_rows_and_the_readers_aids(tab: Any) -> None:
    tab.evaluate("d => window.mount(d)", data())
    tab.locator(".hr-row").first.evaluate("e => { e.kept = true; }")
    tab.locator(".hr-aids input[data-aid='romanization']").check()
    assert tab.locator(".hr-r").first.is_visible()
    # The next run brings a highlight, and the options the app knew before the switch.
    tab.evaluate(SET_DATA, data(RenderOptions(highlight_lemma="देश")))
    marked = tab.locator(".hr-w.hr-mark").evaluate_all("ws => ws.map(w => w.firstChild.nodeValue)")
    assert marked == ["देश", "देश"]
    assert tab.locator(".hr-row").first.evaluate("e => e.isConnected && e.kept === true")
    assert tab.locator(".hr-r").first.is_visible()
    assert tab.evaluate("() => HindiReader.aids()")["romanization"] is True
    tab.evaluate(SET_DATA, data(RenderOptions()))
    assert tab.locator(".hr-w.hr-mark").count() == 0
    # Another drawing (here: another page) is drawn anew, with the reader's aids.
    other = json.loads(component_data(make_page("gloss"), RenderOptions(), 0, page_id="q"))
    tab.evaluate(SET_DATA, other)
    assert tab.locator(".hr-row").first.evaluate("e => e.kept === undefined")
    assert tab.locator(".hr-r").first.is_visible()
    assert tab.locator(".hr-aids input[data-aid='glossLine']").count() == 0  # gloss-only page


def test_each_aid_of_the_bar_changes_the_page(tab: Any) -> None:
    tab.evaluate("d => window.mount(d)", data())
    row = tab.locator(".hr-b-paragraph .hr-row").first
    aid = ".hr-aids input[data-aid='{}']"
    assert [text.split("\n")[0].strip() for text in tab.locator(".hr-aids label").all_inner_texts()] == [
        "Romanization under each word",
        "Word-by-word gloss line",
        "English column",
        "Font size",
    ]
    assert row.locator(".hr-gl").is_visible() and row.locator(".hr-tgt").is_visible()
    tab.locator(aid.format("glossLine")).uncheck()
    assert not row.locator(".hr-gl").is_visible()
    tab.locator(aid.format("showEnglish")).uncheck()
    assert not row.locator(".hr-tgt").is_visible() and not tab.locator(".hr-head-tgt").is_visible()
    before = row.locator(".hr-src .hr-s").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    tab.locator(aid.format("fontSize")).fill("28")
    after = row.locator(".hr-src .hr-s").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert after > before * 1.3
    assert tab.locator(".hr-aid-val").inner_text() == "28 px"
    assert tab.evaluate("() => HindiReader.aids()") == {
        "romanization": False,
        "glossLine": False,
        "showEnglish": False,
        "fontSize": 28,
    }
