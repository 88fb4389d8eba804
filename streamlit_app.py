"""The reading page in a browser: ``streamlit run streamlit_app.py``.

A thin front end: reading, segmenting, translating, glossing, rendering and exporting
all live in ``assistant``; this file only wires widgets to those calls. Translations
stream in reading order; finished pages are kept per session so that switching reading
aids never translates again, and the translation memory answers repeated sentences.
Romanization, the gloss line, the English column and the font size are switched by the
reader in the browser, with no run of this script; they reach the script with the
reader's next request.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import streamlit as st

from assistant import downloads
from assistant.errors import AssistantError
from assistant.pagedata import AIDS, SECTION_WORDS, FormTable, apply_aids, sections, table_size
from assistant.render import RenderOptions, component_data, component_js, glossary_rows, reader_css
from assistant.types import ReadingPage

SEEDS = Path(__file__).resolve().parent / "seeds"
GLOSS_ONLY = ""
SOURCES = ("Sample article", "Upload a file", "Paste text")
RENDER_EVERY = 0.3  # seconds between redraws while translating; cached runs draw once
OPENING = "⏳ Opening the article and looking up its words…"
NO_MODEL_NOTICE = (
    "No translation model is installed, so the page shows a **word-by-word gloss, not a translation**. "
    "Download *opus-mt-hi-en* (about 300 MB) below, or run "
    "`python -m assistant models download opus-mt-hi-en`."
)

st.set_page_config(page_title="Hindi reader", page_icon="📰", layout="wide")
state = st.session_state
state.setdefault("pages", {})  # (article digest, model) -> finished ReadingPage
state.setdefault("partial", {})  # same key -> page of a stopped or interrupted job
state.setdefault("stopped", set())
state.setdefault("section", {})  # article digest -> section being read
state.setdefault("tables", {})  # page key -> FormTable: word forms numbered once per page
state.setdefault("sent", {})  # page key -> (forms, strings, units) the browser holds
state.setdefault("owner", uuid.uuid4().hex)  # this session, as the owner of the downloads it starts
state.setdefault("aids", {})  # reading aids as the reader last reported them (switched in the browser)

# The reading page: the library's data, drawn in the browser by the package's script.
# Not isolated in a shadow root: its CSS is scoped under .hr-reader already.
READER = st.components.v2.component("hindi_reader", css=reader_css(), js=component_js(), isolate_styles=False)
READER_KEY = "reader"


# ---------------------------------------------------------------- article


def sample_name(path: Path) -> str:
    """'statecraft-lukashenko-putin-2021-12-30.hi.txt' -> 'Lukashenko Putin (Statecraft, 2021-12-30)'."""
    stem = path.name.split(".")[0]
    match = re.match(r"(.*?)-?(\d{4}-\d{2}-\d{2})?$", stem)
    words, day = (match.group(1), match.group(2)) if match else (stem, None)
    source, _, rest = words.partition("-")
    title = rest.replace("-", " ").title() or source.title()
    details = ", ".join(part for part in (source.title() if rest else "", day or "") if part)
    return f"{title} ({details})" if details else title


@st.cache_data(show_spinner=False, max_entries=32)
def read_source(data: bytes, filename: str) -> str:
    from assistant.sources import read_article

    return read_article(data, filename)


@st.cache_resource(show_spinner=False, max_entries=8)
def segment(text: str, name: str):
    # A resource, not data: the Article is immutable, and copying a long one on every run
    # (what cache_data does) would cost seconds.
    from assistant.reader import open_article

    return open_article(text, name)


def choose_article() -> tuple[str, str] | None:
    """The sidebar's article choice as (text, display name), or None when there is none yet."""
    st.sidebar.header("Article")
    source = st.sidebar.radio("Source", SOURCES, key="source", label_visibility="collapsed")
    if source == "Sample article":
        samples = sorted(SEEDS.glob("*.hi.txt"))
        if not samples:
            st.sidebar.warning("No sample articles found in seeds/.")
            return None
        path = st.sidebar.selectbox("Sample", samples, format_func=sample_name, key="sample")
        return read_source(path.read_bytes(), path.name), sample_name(path)
    if source == "Upload a file":
        upload = st.sidebar.file_uploader(
            "Hindi article (.txt, .md, .html)", type=["txt", "md", "html", "htm"]
        )
        if upload is None:
            st.info("Choose a .txt, .md or .html file with a Hindi article in the sidebar.")
            return None
        return read_source(upload.getvalue(), upload.name), upload.name
    text = st.sidebar.text_area(
        "Hindi text", key="pasted", height=200, placeholder="Paste a Hindi article here"
    )
    if not text.strip():
        st.info("Paste a Hindi article into the box in the sidebar (Ctrl+Enter to read it).")
        return None
    return read_source(text.encode("utf-8"), "pasted text"), "pasted text"


# ---------------------------------------------------------------- models


@st.cache_resource(show_spinner="Loading the translation model…", max_entries=4)
def load_model(model: str, models_dir: str, cache_path: str) -> tuple[Any, threading.Lock]:
    """One translator per model for the whole server, with a lock: sessions take turns
    (``TakingTurns``), one chunk of sentences at a time."""
    from assistant.translate import load_translator

    return load_translator(model), threading.Lock()


def installed() -> list[Any]:
    from assistant.models import installed_models

    return installed_models()


def _downloading() -> set[str]:
    from assistant.models import PRESETS

    names = set()
    for name in PRESETS:
        job = downloads.get_job(name)
        if job is not None and not job.snapshot().finished:
            names.add(name)
    return names


def choose_model(models: list[Any]) -> str:
    """The model to translate with, or GLOSS_ONLY."""
    from assistant.translate import default_model

    st.sidebar.header("Translation model")
    busy = _downloading()
    usable = [m.name for m in models if m.problem is None and m.name not in busy]
    wanted = os.environ.get("ASSISTANT_MODEL", "").strip()
    options = [*usable, GLOSS_ONLY]
    if wanted and wanted not in options:
        options.insert(0, wanted)
    preferred = wanted or default_model() or GLOSS_ONLY
    model = st.sidebar.selectbox(
        "Model",
        options,
        index=options.index(preferred) if preferred in options else len(options) - 1,
        format_func=lambda name: name or "None: word-by-word gloss only",
        key="model",
    )
    if not usable:
        st.sidebar.info(NO_MODEL_NOTICE)
    for broken in (m for m in models if m.problem and m.name not in busy):
        st.sidebar.warning(f"{broken.name} cannot be used: {broken.problem}")
    return model


def model_card(box: Any, preset: Any, installed_now: bool) -> None:
    """One preset, readable in a narrow sidebar: name, size, license, quality and note."""
    status = " · installed" if installed_now else ""
    box.markdown(f"**{preset.name}**{status}  \n{preset.size_mb:,} MB · license: {preset.license}")
    quality = f"FLORES BLEU {preset.flores_bleu}" if preset.flores_bleu else ""
    box.caption(" · ".join(part for part in (quality, preset.note) if part))


def manage_models(models: list[Any]) -> None:
    from assistant.models import PRESETS

    names = {m.name for m in models}
    busy = _downloading()
    if any(downloads.get_job(name) for name in PRESETS):
        # Outside the expander, so that the progress stays in sight whatever its state.
        with st.sidebar:
            show_downloads()
    with st.sidebar.expander("Get or remove models", expanded=not names or bool(busy)):
        for preset in PRESETS.values():
            usable = preset.name in names and preset.name not in busy
            model_card(st, preset, usable)
            if preset.name in busy:
                continue
            if usable:
                remove_button(preset.name)
            elif st.button(f"Download {preset.name} ({preset.size_mb:,} MB)", key=f"get-{preset.name}"):
                downloads.forget(preset.name)
                downloads.start_download(preset.name, owner=state.owner)
                st.rerun()
        for model in models:
            if model.name not in PRESETS:
                remove_button(model.name)


def remove_button(name: str) -> None:
    from assistant.models import remove

    if st.button(f"Remove {name}", key=f"rm-{name}"):
        try:
            remove(name)
        except AssistantError as err:
            st.error(str(err))
        else:
            load_model.clear()
            st.rerun()


@st.fragment(run_every=1.0)
def show_downloads() -> None:
    """Progress of this server's downloads, polled; the worker threads never touch the page.

    Every visitor sees that a model is downloading; how a download ended (and its error)
    is shown only in the session that started it.
    """
    from assistant.models import PRESETS

    for name in PRESETS:
        job = downloads.get_job(name)
        if job is None:
            continue
        snap = job.snapshot()
        mine = snap.owner == state.owner
        if snap.state == "running":
            done = downloads.format_bytes(snap.bytes_done)
            total = downloads.format_bytes(snap.bytes_total)
            st.progress(snap.fraction or 0.0, text=f"{snap.stage.capitalize()} {name}: {done} of {total}")
            if mine and st.button("Cancel", key=f"cancel-{name}"):
                job.cancel()
            continue
        seen = state.setdefault("finished_jobs", set())
        if snap.state == "done" and id(job) not in seen:
            seen.add(id(job))
            st.rerun()  # refresh the model list with the new model
        if not mine:
            continue
        show = st.success if snap.state == "done" else st.error if snap.state == "failed" else st.warning
        show(snap.message)
        if st.button("Dismiss", key=f"dismiss-{name}"):
            downloads.forget(name)
            st.rerun()


# ---------------------------------------------------------------- reading page


def reading_options(highlight: str | None) -> RenderOptions:
    return apply_aids(RenderOptions(highlight_lemma=highlight), state.aids)


def reading_aids(box: Any) -> None:
    box.header("Reading aids")
    # The others are the reader's own bar: switching them must not run this script.
    box.caption("Romanization, gloss line, English column and font size: in the bar above the text.")


def draw(
    view: Any,
    page: ReadingPage,
    options: RenderOptions,
    key: tuple[str, str],
    live: str = "",
    opening_of: int = 0,
) -> None:
    """Draw the reader's current section of ``page`` into ``view``.

    Word forms already sent to this browser for this page are not sent again. ``live``
    names an intermediate draw (while translating, or the opening of a long article
    still being looked up) with its own element key. The reader's triggers move it to
    another section, or ask for forms again when a run that carried them never reached
    the browser.
    """
    digest = key[0]
    parts = sections(page)
    current = min(state.section.get(digest, 0), max(len(parts) - 1, 0))
    table = state.tables.setdefault(key, FormTable())
    sent = state.sent.get(key, (0, 0, 0))
    page_id = f"{digest}-{key[1] or 'gloss'}"
    data = component_data(
        page, options, current, parts, page_id=page_id, table=table, sent=sent, opening_of=opening_of
    )
    state.sent[key] = table_size(table)
    element = f"{READER_KEY}-{live}" if live else READER_KEY
    with view.container():
        READER(
            data=data,
            key=element,
            height="content",
            on_section_change=lambda: go_to_section(digest, element),
            on_resend_change=lambda: resend(key, element),
        )


def reported(element: str, event: str) -> object:
    """The value of the reader's request ``event``; the reading aids it carries are kept."""
    message = (state.get(element) or {}).get(event)
    if not isinstance(message, dict):
        return None
    aids = message.get("aids")
    if isinstance(aids, dict):
        state.aids = {name: aids[name] for name, _, _ in AIDS if name in aids}
    return message.get("value")


def go_to_section(digest: str, element: str) -> None:
    """The reader asked for another section (before the run that draws it)."""
    wanted = reported(element, "section")
    if isinstance(wanted, int) and not isinstance(wanted, bool) and wanted >= 0:
        state.section[digest] = wanted


def resend(key: tuple[str, str], element: str) -> None:
    """The browser holds fewer word forms than were sent: send from what it holds."""
    have = reported(element, "resend")
    if isinstance(have, list) and len(have) == 3 and all(isinstance(n, int) and n >= 0 for n in have):
        held = state.sent.get(key, (0, 0, 0))
        state.sent[key] = tuple(min(n, m) for n, m in zip(have, held, strict=True))


def request_stop(key: tuple[str, str]) -> None:
    state.stopped.add(key)


def resume(key: tuple[str, str]) -> None:
    state.stopped.discard(key)


def translate_page(
    key: tuple[str, str], article: Any, model: str, view: Any, options: RenderOptions
) -> ReadingPage | None:
    """Translate with ``model``, drawing sentences into ``view`` as they arrive.

    Returns the page (complete, or partial when stopped), or None when the model
    cannot be loaded. A click anywhere on the page reruns the script and interrupts the
    job at its next redraw; the translation memory makes the rerun catch up at once.
    """
    from assistant.config import get_settings
    from assistant.reader import build_reading_page

    settings = get_settings()
    try:
        translator, lock = load_model(model, str(settings.models_dir), str(settings.cache_path))
    except AssistantError as err:
        st.error(str(err))
        return None
    status = st.empty()
    with status.container():
        bar = st.progress(0.0, text=f"Translating with {translator.name}…")
        st.button("Stop", key="stop", on_click=request_stop, args=(key,))
    last_draw = [0.0]
    draws = [0]

    def on_progress(progress: Any) -> None:
        state.partial[key] = progress.page
        now = time.monotonic()
        if progress.done and progress.done < progress.total and now - last_draw[0] < RENDER_EVERY:
            return
        last_draw[0] = now
        left = f", about {progress.eta:.0f} s left" if progress.eta else ""
        fraction = progress.done / progress.total if progress.total else 1.0
        bar.progress(fraction, text=f"{progress.done} of {progress.total} sentences translated{left}")
        draws[0] += 1
        draw(view, progress.page, options, key, live=f"live-{draws[0]}")

    from assistant.translate import TakingTurns

    try:
        # Readers of other articles share the model: they take turns chunk by chunk.
        page = build_reading_page(
            article,
            TakingTurns(translator, lock),
            on_progress=on_progress,
            should_stop=lambda: key in state.stopped,
        )
    except AssistantError as err:
        status.empty()
        st.error(str(err))
        return state.partial.get(key)
    status.empty()
    if any(pair.kind == "pending" for pair in page.pairs()):
        state.partial[key] = page
        state.stopped.add(key)
        return page
    state.partial.pop(key, None)
    state.pages[key] = page
    return page


def opening(article: Any, words: int) -> Any | None:
    """The article's first blocks, about ``words`` Hindi words; None when that is all of it."""
    count = 0
    for index, block in enumerate(article.blocks):
        count += sum(len(sentence.tokens) for sentence in block.sentences)
        if count >= words:
            rest = article.blocks[index + 1 :]
            return replace(article, blocks=article.blocks[: index + 1]) if rest else None
    return None


class GlossJob:
    """A gloss-only page built in a worker thread: page runs come and go (every click
    starts a new one), the lookup of a long article goes on until it is done."""

    def __init__(self, article: Any) -> None:
        self.page: ReadingPage | None = None
        self.error: BaseException | None = None
        self.done = threading.Event()
        self.started = time.monotonic()
        threading.Thread(target=self._run, args=(article,), name="gloss-page", daemon=True).start()

    def _run(self, article: Any) -> None:
        from assistant.reader import build_reading_page

        try:
            self.page = build_reading_page(article)
        except BaseException as err:  # handed to the page run that waits for it
            self.error = err
        finally:
            self.done.set()


@st.cache_resource(show_spinner=False, max_entries=4)
def gloss_job(digest: str, _article: Any) -> GlossJob:
    return GlossJob(_article)


@st.cache_resource(show_spinner=False, max_entries=4)
def gloss_opening(digest: str, _head: Any) -> ReadingPage:
    from assistant.reader import build_reading_page

    return build_reading_page(_head)


def gloss_page(key: tuple[str, str], article: Any, view: Any, options: RenderOptions) -> ReadingPage:
    """The gloss-only page; a long article shows its first section while the rest is looked up."""
    page = state.pages.get(key)
    if page is not None:
        return page
    job = gloss_job(key[0], article)
    if not job.done.is_set():
        head = opening(article, 2 * SECTION_WORDS)
        if head is not None:
            total = sum(len(block.sentences) for block in article.blocks)
            draw(view, gloss_opening(key[0], head), options, key, live="opening", opening_of=total)
        status = st.empty()
        while not job.done.wait(0.3):
            # Each update lets a click end this run at once; the lookup carries on.
            status.caption(f"⏳ Looking up every word… {time.monotonic() - job.started:.0f} s")
        status.empty()
    if job.error is not None:
        gloss_job.clear()
        raise job.error
    assert job.page is not None
    state.pages[key] = job.page
    return job.page


def stopped_notice(key: tuple[str, str], page: ReadingPage) -> None:
    pairs = [p for p in page.pairs() if p.source.lang == "hi"]
    done = sum(p.kind == "mt" for p in pairs)
    st.warning(f"Translation stopped after {done} of {len(pairs)} sentences.")
    st.button("Continue translating", key="resume", on_click=resume, args=(key,))


# ---------------------------------------------------------------- glossary and exports


def choose_highlight(box: Any, page: ReadingPage) -> str | None:
    terms = [*page.glossary.terms, *page.glossary.names]
    labels = {t.lemma: f"{t.term} · {t.roman} · {'; '.join(t.senses[:1])}".rstrip(" ·") for t in terms}
    lemma = box.selectbox(
        "Highlight a glossary term",
        [None, *labels],
        format_func=lambda value: "(none)" if value is None else labels[value],
        key="highlight",
        help="Type to search; every occurrence is marked in the text.",
    )
    return lemma


def show_glossary(page: ReadingPage) -> None:
    rows = glossary_rows(page.glossary)
    st.subheader("Key terms and names")
    if not rows:
        st.caption("No key terms found in this article.")
        return
    st.dataframe(rows, hide_index=True, width="stretch")


def _export_builder(page: ReadingPage, name: str) -> Any:
    """The bytes of one format, built only when its button is pressed."""
    from assistant.export import export_page

    def build() -> bytes:
        return export_page(page, name)

    return build


EXPORT_COLUMNS = 4


def show_exports(page: ReadingPage) -> None:
    """One download button per format; nothing is built until a button is pressed."""
    try:
        from assistant.export import FORMATS
    except ImportError:
        return
    st.subheader("Export")
    stem = re.sub(r"[^\w.-]+", "-", page.source_name or "article").strip("-.")[:60] or "article"
    stem = re.sub(r"\.(hi\.)?(txt|md|html?)$", "", stem)
    columns = st.columns(EXPORT_COLUMNS)
    for i, (name, fmt) in enumerate(FORMATS.items()):
        suffix = "-glossary" if name.startswith("glossary") else ""
        columns[i % EXPORT_COLUMNS].download_button(
            fmt.label.split(" (")[0] + f" (.{fmt.extension})",
            _export_builder(page, name),
            file_name=f"{stem}{suffix}.{fmt.extension}",
            mime=fmt.mime,
            help=fmt.label,
            key=f"export-{name}",
            on_click="ignore",
            width="stretch",
        )


# ---------------------------------------------------------------- page


def main() -> None:
    header = st.container()
    # The reader's place. A run with its page ready draws over the reader on screen, which
    # keeps it (no new mount, its section not drawn anew); a placeholder in it (``empty``)
    # replaces what is there, for a page still to build or a message.
    area = st.container()
    view: Any = area
    if not state.get("drawn"):
        # Something to read at once: the dictionary and the article load behind this line.
        view = area.empty()
        view.info(OPENING)
    try:
        choice = choose_article()
    except AssistantError as err:
        st.error(str(err))
        choice = None
    try:
        models = installed()
    except AssistantError as err:
        st.sidebar.error(str(err))
        models = []
    model = choose_model(models)
    manage_models(models)
    aids = st.sidebar.container()
    reading_aids(aids)
    if choice is None:
        area.empty()
        return
    text, name = choice
    try:
        article = segment(text, name)
    except AssistantError as err:
        view.error(str(err))
        return
    digest = hashlib.sha256(f"{name}\0{text}".encode()).hexdigest()[:16]
    key = (digest, model)
    options = reading_options(state.get("highlight"))
    if key not in state.pages and view is area:
        view = area.empty()  # a page still to build replaces the one on screen
        view.info(OPENING)

    page = state.pages.get(key)
    if page is None and model != GLOSS_ONLY:
        if key in state.stopped and key in state.partial:
            page = state.partial[key]
            stopped_notice(key, page)
        else:
            page = translate_page(key, article, model, view, options)
            if page is not None and key in state.stopped:
                stopped_notice(key, page)
    if page is None:
        key = (digest, GLOSS_ONLY)
        page = gloss_page(key, article, view, options)

    if page.model:
        header.caption(f"Machine translation by **{page.model}**, sentence by sentence · {name}")
    else:
        header.caption(f"Word-by-word gloss (not a translation) · {name}")
    highlight = choose_highlight(aids, page)
    draw(view, page, replace(options, highlight_lemma=highlight), key)
    state.drawn = True
    if not any(p.kind == "pending" for p in page.pairs()):
        show_glossary(page)
        show_exports(page)


main()
