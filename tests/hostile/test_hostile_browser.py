"""The corpus's markup in a real Chromium: uploaded to the page, and as the standalone
HTML export opened from disk. No script from the article may run: no dialog opens, the
``window.__pwned`` flag every payload sets stays unset in every frame, and no element
carries a live handler or a javascript: link."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import serve
from tests.hostile.corpus import Case, by_kind, materialize
from tests.hostile.entry import library_page, record
from tests.hostile.server import CHROMIUM, READER, errors, open_tab, rows, script_ran, upload

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing; install Debian's chromium"),
]
MARKUP = [c for c in by_kind("article", "saved") if c.html]
UPLOADS = [c for c in MARKUP if c.kind == "article"]
SETTLE_SECONDS = 1.5  # handlers such as onerror fire right after the markup is inserted


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(tmp_path_factory.mktemp("hostile-app")) as url:
        yield url


def _judge(tab: Any, dialogs: list[str]) -> str | None:
    time.sleep(SETTLE_SECONDS)
    if dialogs:
        return f"dialogs opened: {dialogs}"
    return script_ran(tab)


@pytest.mark.parametrize("case", UPLOADS, ids=lambda c: c.name)
def test_uploaded_markup_never_runs(case: Case, corpus_dir: Path, browser: Any, app_url: str) -> None:
    dialogs: list[str] = []
    tab = open_tab(browser, app_url, dialogs)
    try:
        upload(tab, materialize(case, corpus_dir))
        tab.wait_for_selector(f"{READER} .hr-src", timeout=90_000)
        tab.wait_for_function("() => !document.querySelector('[data-testid=\"stSpinner\"]')", timeout=90_000)
        problem = _judge(tab, dialogs) or (f"errors: {errors(tab)}" if errors(tab) else None)
        if problem is None and not any(hindi for hindi, _ in rows(tab)):
            problem = "no Hindi sentence on the page"
        record("browser page", case, problem)
    finally:
        tab.context.close()


@pytest.mark.parametrize("case", MARKUP, ids=lambda c: c.name)
def test_html_export_of_markup_never_runs(case: Case, corpus_dir: Path, browser: Any, tmp_path: Path) -> None:
    from assistant.export import export_page

    exported = tmp_path / "export.html"
    exported.write_bytes(export_page(library_page(case, materialize(case, corpus_dir)), "html"))
    dialogs: list[str] = []
    context = browser.new_context()
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        tab.goto(exported.as_uri(), wait_until="load")
        tab.hover("body")
        record("browser html export", case, _judge(tab, dialogs))
    finally:
        context.close()
