"""Several browser sessions on one server with one loaded (tiny) model, and a model
download in one session while another reads.

Each session pastes its own article; every session must finish with no error, its rows
holding its own sentences in order (never another session's), each with the English the
model produced for that very sentence (as the server's translation memory recorded it).
Only stable things are read from the page: sentence text, English text, error elements.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import serve
from tests.hostile.server import CHROMIUM, errors, open_tab, paste, rows
from tests.test_concurrency import sentences

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing; install Debian's chromium"),
]
MODEL = "tiny-marian"
SENTENCES_PER_ARTICLE = 4
WAIT_SECONDS = 180  # a hang guard, not a speed target


def article(k: int) -> str:
    body = sentences(SENTENCES_PER_ARTICLE, offset=1000 + 10 * k)
    return f"लेख {k}\n\n" + " ".join(body[:2]) + "\n\n" + " ".join(body[2:])


def expected_pairs(model: Path, text: str) -> list[tuple[str, str]]:
    """(Hindi, English) of each sentence with the article translated alone, no memory."""
    from assistant.reader import build_reading_page, open_article
    from assistant.translate import load_translator

    translator = load_translator(str(model), cache=False, threads=1)
    try:
        page = build_reading_page(open_article(text, "pasted text"), translator)
    finally:
        translator.close()
    return [(p.source.text, p.translation) for p in page.pairs()]


def squash(text: str) -> str:
    return "".join(text.split())


def landed(tab: Any, expected: list[tuple[str, str]]) -> bool:
    """Whether every sentence of the session's own article shows, in order, with English.

    The random-weight test model says nearly the same gibberish for every sentence, and its
    output shifts with how sentences are batched, so the English is checked for presence,
    not compared word for word with a translation made elsewhere.
    """
    shown = rows(tab)
    if len(shown) != len(expected):
        return False
    pairs = zip(expected, shown, strict=True)
    return all(squash(hi) in squash(h) and e.strip() for (hi, _), (h, e) in pairs)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, tiny_marian_dir: Path) -> Path:
    home = tmp_path_factory.mktemp("sessions")
    shutil.copytree(tiny_marian_dir, home / "models" / MODEL)
    return home


def remembered(cache: Path) -> dict[str, str]:
    """The server's translation memory: what the model said for each sentence, as it said it."""
    from tests.test_concurrency import rows as memory_rows

    return memory_rows(cache)


Pairs = list[tuple[str, str]]


def own_english(expected: Pairs, shown: Pairs, memory: dict[str, str]) -> list[str]:
    """Rows whose English is not the model's translation of that row's own sentence."""
    from assistant.translate.cache import normalize_source

    wrong = []
    for (sentence, _), (_, english) in zip(expected, shown, strict=True):
        said = memory.get(normalize_source(sentence))
        if said is None or squash(said) not in squash(english):
            wrong.append(f"{sentence[:30]!r} shows {english[:40]!r}, the model said {said and said[:40]!r}")
    return wrong


def read_at_once(browser: Any, url: str, model: Path, count: int, cache: Path) -> dict[str, float]:
    texts = [article(k) for k in range(count)]
    expected = [expected_pairs(model, text) for text in texts]
    tabs = [open_tab(browser, url) for _ in range(count)]
    try:
        start = time.monotonic()
        for tab, text in zip(tabs, texts, strict=True):
            paste(tab, text)
        finished: dict[int, float] = {}
        deadline = start + WAIT_SECONDS
        while len(finished) < count and time.monotonic() < deadline:
            for k, tab in enumerate(tabs):
                if k not in finished and landed(tab, expected[k]):
                    finished[k] = time.monotonic() - start
            time.sleep(0.5)
        shown_errors = {k: errors(tab) for k, tab in enumerate(tabs) if errors(tab)}
        assert not shown_errors, shown_errors
        missing = {k: rows(tabs[k]) for k in range(count) if k not in finished}
        assert not missing, f"sessions that did not finish with their own translations: {missing}"
        # Each row's English is what the model produced for that very sentence.
        memory = remembered(cache)
        mixed = {k: own_english(expected[k], rows(tab), memory) for k, tab in enumerate(tabs)}
        assert not any(mixed.values()), mixed
    finally:
        for tab in tabs:
            tab.context.close()
    return {"first": min(finished.values()), "last": max(finished.values())}


@pytest.mark.parametrize("count", [2, 8])
def test_sessions_read_different_articles_at_once(count: int, browser: Any, home: Path,
                                                  tiny_marian_dir: Path) -> None:
    models, server = str(home / "models"), home / f"server-{count}"
    with serve(server, ASSISTANT_MODELS_DIR=models, ASSISTANT_MODEL=MODEL) as url:
        times = read_at_once(browser, url, tiny_marian_dir, count, server / "cache.sqlite")
    print(f"{count} sessions: first finished after {times['first']:.1f} s, last after {times['last']:.1f} s")


@contextlib.contextmanager
def silent_hub() -> Iterator[str]:
    """A hub address that accepts connections and never answers (a stalled download)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        listener.close()


def start_download(sidebar: Any, name: str) -> None:
    """Press a model's download button until its progress shows: on a loaded machine a click
    made while the tab's first run is still drawing the sidebar can be lost with the old
    sidebar. The button goes away once the download runs, so it is never pressed twice."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    progress = sidebar.locator('[data-testid="stProgress"]').first
    for _ in range(3):
        expander = sidebar.get_by_text("Get or remove models")
        button = sidebar.get_by_role("button", name=f"Download {name}")
        if not button.is_visible():
            expander.click()
        if button.count():
            button.click()
        try:
            progress.wait_for(timeout=30_000)
            return
        except PlaywrightTimeout:
            continue  # the click was lost: press again
    progress.wait_for(timeout=30_000)


def test_a_stalled_download_in_one_session_does_not_block_reading_in_another(
    browser: Any, home: Path, tiny_marian_dir: Path
) -> None:
    text = article(99)
    expected = expected_pairs(tiny_marian_dir, text)
    models = str(home / "models")
    with silent_hub() as hub, serve(home / "server-download", ASSISTANT_MODELS_DIR=models,
                                    ASSISTANT_MODEL=MODEL, HF_ENDPOINT=hub, HF_HUB_OFFLINE="0") as url:
        downloader = open_tab(browser, url)
        reader = open_tab(browser, url)
        try:
            sidebar = downloader.locator('[data-testid="stSidebar"]')
            start_download(sidebar, "opus-mt-hi-en")
            paste(reader, text)
            deadline = time.monotonic() + WAIT_SECONDS
            while not landed(reader, expected) and time.monotonic() < deadline:
                time.sleep(0.5)
            assert landed(reader, expected), rows(reader)
            assert not errors(reader), errors(reader)
            # the download is still waiting on the hub: reading did not wait for it
            assert sidebar.locator('[data-testid="stProgress"]').count() > 0
        finally:
            downloader.context.close()
            reader.context.close()


def test_closing_the_browser_midway_keeps_every_finished_sentence(browser: Any, home: Path) -> None:
    from assistant.translate.cache import normalize_source

    body = sentences(150, offset=3000)
    text = "लंबा लेख\n\n" + "\n\n".join(" ".join(body[i : i + 5]) for i in range(0, len(body), 5))
    server = home / "server-closed"
    cache = server / "cache.sqlite"
    with serve(server, ASSISTANT_MODELS_DIR=str(home / "models"), ASSISTANT_MODEL=MODEL) as url:
        tab = open_tab(browser, url)
        paste(tab, text)
        deadline = time.monotonic() + WAIT_SECONDS
        shown = rows(tab)
        # The signal is the count of sentences the page shows translated, not a sleep.
        while sum(bool(e) for _, e in shown) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
            shown = rows(tab)
        tab.context.close()  # the reader closes the tab midway
        finished = [hindi for hindi, english in shown if english]
        assert finished, "no sentence had been translated when the tab closed"
        # Judged on the page as it stood when the tab closed: the server may well finish the
        # article afterwards, so the memory's size at this point proves nothing.
        assert len(finished) < len(shown), "the whole article was done before the tab closed"
        memory = remembered(cache)
        from assistant.reader import open_article

        sources = {normalize_source(s.text) for s in open_article(text).sentences() if s.lang == "hi"}
        kept = [s for s in sources if s in memory]
        assert len(kept) >= len(finished), (len(kept), len(finished))

        again = open_tab(browser, url)
        try:
            paste(again, text)
            deadline = time.monotonic() + WAIT_SECONDS
            shown = rows(again)
            while time.monotonic() < deadline and not (shown and all(e for _, e in shown)):
                time.sleep(0.5)
                shown = rows(again)
            pending = [h[:30] for h, e in shown if not e]
            assert shown and not pending, f"{len(pending)} of {len(shown)} rows untranslated: {pending[:3]}"
            assert not errors(again), errors(again)
            final = remembered(cache)
            assert sources <= set(final)
            # what was finished before the tab closed is served as it was, not translated again
            assert all(final[s] == memory[s] for s in kept)
        finally:
            again.context.close()
