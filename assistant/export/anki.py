"""Anki deck export (.apkg): one note per glossary term or name.

Identity is stable so a learner can re-import an updated deck: the note type has a fixed
id, each note's GUID comes from the term's lemma and POS, and the deck id from the
article digest. Anki then updates existing notes instead of adding duplicates.
"""

from __future__ import annotations

import io
import itertools
import sqlite3
import tempfile
import time
import zipfile
from html import escape
from pathlib import Path

from assistant.errors import ExportError
from assistant.export.common import (
    PRODUCT,
    article_digest,
    display_title,
    glossary_entries,
    meaning,
    provenance,
)
from assistant.labels import term_grammar
from assistant.types import GlossaryTerm, ReadingPage

MODEL_ID = 1_732_905_117
MODEL_NAME = f"{PRODUCT} term"
FIELDS = ("Term", "Sentence", "Meaning", "Romanization", "Grammar", "Translation", "Source")

CSS = """
.card { font-family: "Noto Sans Devanagari", "Nirmala UI", "Mangal", "Kohinoor Devanagari",
        "Lohit Devanagari", sans-serif; font-size: 22px; text-align: center; color: #1d1d1f;
        background: #fffdf8; line-height: 1.5; }
.term { font-size: 40px; margin: 0.3em 0; }
.sentence { font-size: 20px; color: #444; }
.sentence b { color: #b3261e; }
.meaning { font-size: 24px; margin: 0.4em 0; }
.roman { font-style: italic; color: #555; }
.grammar { font-size: 16px; color: #777; }
.translation, .source { font-size: 16px; color: #555; margin-top: 0.6em; }
"""

FRONT = '<div class="term" lang="hi">{{Term}}</div><div class="sentence" lang="hi">{{Sentence}}</div>'
BACK = (
    '{{FrontSide}}<hr id="answer"><div class="meaning">{{Meaning}}</div>'
    '<div class="roman">{{Romanization}}</div><div class="grammar">{{Grammar}}</div>'
    '<div class="translation" lang="en">{{Translation}}</div><div class="source">{{Source}}</div>'
)


def deck_id(page: ReadingPage) -> int:
    # Anki ids are signed 64-bit; keep within the range genanki examples use.
    return (1 << 30) + int(article_digest(page)[:12], 16) % (1 << 30)


def highlight(sentence: str, forms: tuple[str, ...]) -> str:
    """The sentence HTML-escaped, with the first occurrence of any form wrapped in <b>."""
    found = [(sentence.find(f), f) for f in forms if f and f in sentence]
    if not found:
        return escape(sentence)
    start, form = min(found, key=lambda item: (item[0], -len(item[1])))
    end = start + len(form)
    return f"{escape(sentence[:start])}<b>{escape(form)}</b>{escape(sentence[end:])}"


def _fields(term: GlossaryTerm, source: str) -> list[str]:
    forms = (term.term, *term.forms, term.lemma)
    return [
        escape(term.term),
        highlight(term.first_sentence, forms),
        escape(meaning(term)),
        escape(term.roman),
        escape(term_grammar(term)),
        escape(term.first_translation),
        escape(source),
    ]


def unavailable(page: ReadingPage) -> ExportError | None:
    """Why this page makes no deck (it has no glossary to learn from), or None."""
    if glossary_entries(page):
        return None
    return ExportError(
        "This reading has no glossary terms, so there is nothing to put in an Anki deck.",
        "Export another format, or use a longer article.",
    )


def to_anki(page: ReadingPage) -> bytes:
    """An .apkg deck; ExportError when the page has no glossary to learn from."""
    import genanki

    problem = unavailable(page)
    if problem is not None:
        raise problem
    entries = glossary_entries(page)
    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Hindi → English", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )
    title = display_title(page)
    deck = genanki.Deck(deck_id(page), f"{PRODUCT}::{title.replace('::', ':')}", escape(provenance(page)))
    source = f"{title} ({page.created})" if page.created else title
    seen: set[str] = set()
    for _, term in entries:
        guid = genanki.guid_for(term.lemma or term.term, term.pos)
        if guid in seen:
            continue  # the same lemma listed twice would collide on import
        seen.add(guid)
        deck.add_note(
            genanki.Note(model=model, fields=_fields(term, source), guid=guid, tags=["hindi-reader"])
        )
    return _package(genanki.Package(deck))


def _package(package: object) -> bytes:
    """Write the collection database and zip it ourselves.

    genanki's own writer leaves its temporary database behind in the system temp
    folder; building it inside a TemporaryDirectory cleans up every time.
    """
    now = time.time()
    with tempfile.TemporaryDirectory(prefix="hindi-reader-anki-") as tmp:
        db_path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        try:
            package.write_to_db(conn.cursor(), now, itertools.count(int(now * 1000)))  # type: ignore[attr-defined]
            conn.commit()
        finally:
            conn.close()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as apkg:
            apkg.write(db_path, "collection.anki2")
            apkg.writestr("media", "{}")
        return out.getvalue()
