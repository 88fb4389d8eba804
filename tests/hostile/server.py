"""Chromium reading the app, and the page's structure, for the browser checks of the
hostile corpus and of concurrent sessions. The app itself is served by ``serve`` in
tests/browser/conftest.py, each server with its own home, models folder and translation
memory under a temp folder.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

# The reading page's structure, in one place: a row pairs a Hindi sentence with its English
# (until it is translated, the English side shows the word-by-word gloss).
ROW, HINDI_CELL, ENGLISH_CELL, READER = ".hr-row", ".hr-src", ".hr-tgt", ".hr-reader"
DONE_ROWS = ("hr-k-mt", "hr-k-copy")  # machine-translated, or English in the original


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_tab(browser: Any, url: str, dialogs: list[str] | None = None) -> Any:
    """A fresh session on the app; every dialog a page opens is recorded and dismissed."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    if dialogs is not None:
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.goto(url, wait_until="domcontentloaded")
    tab.wait_for_selector('[data-testid="stSidebar"]', timeout=90_000)
    return tab


def choose_source(tab: Any, label: str) -> None:
    tab.locator('[data-testid="stSidebar"] label').filter(has_text=label).first.click()


def paste(tab: Any, text: str) -> None:
    choose_source(tab, "Paste text")
    box = tab.locator('[data-testid="stSidebar"] textarea')
    box.fill(text)
    box.press("Control+Enter")


def upload(tab: Any, path: Path) -> None:
    choose_source(tab, "Upload a file")
    tab.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(path))


def rows(tab: Any) -> list[tuple[str, str]]:
    """(Hindi, English) text of each row of the reading page, spaces collapsed; the
    English is "" for a row not translated yet."""
    return [(hindi, english) for hindi, english in tab.evaluate(
        """([row, hindi, english, done]) => Array.from(document.querySelectorAll(row)).map(r => {
             const text = sel => {
               const e = r.querySelector(sel);
               return e ? e.innerText.replace(/\\s+/g, ' ').trim() : '';
             };
             return [text(hindi), done.some(c => r.classList.contains(c)) ? text(english) : ''];
           })""",
        [ROW, HINDI_CELL, ENGLISH_CELL, DONE_ROWS],
    )]  # fmt: skip


def errors(tab: Any) -> list[str]:
    return tab.evaluate(
        """() => Array.from(document.querySelectorAll(
                   '[data-testid="stException"], [data-testid="stAlertContentError"]'))
                 .map(e => e.innerText)"""
    )


def script_ran(tab: Any) -> str | None:
    """What shows that script from the article ran in any frame of the tab, or None."""
    for frame in tab.frames:
        try:
            found = frame.evaluate(
                """() => {
                     if (window.__pwned !== undefined) return 'window.__pwned is set';
                     const live = document.querySelector('a[href^="javascript:"], iframe[srcdoc], '
                       + '[onerror], [onload], [onclick], meta[http-equiv="refresh" i]');
                     return live ? 'a live element: ' + live.outerHTML.slice(0, 80) : null;
                   }"""
            )
        except Exception as exc:  # a frame navigating away is itself a finding
            return f"frame {frame.url} could not be inspected: {exc}"
        if found:
            return f"{frame.url}: {found}"
    return None
