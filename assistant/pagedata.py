"""The reading page as data: what the browser needs to draw it, once per word form.

A page is cut into sections (at headings, or every few thousand words) so that the
reader's browser only ever holds and draws one of them at a time. Each section's data is
a plain JSON-able dict:

- ``forms``: one entry per distinct explained word form (text, romanization, dictionary
  form, grammar, senses, note, multiword unit, alignment words, highlight keys), so a
  gloss travels once however often the word occurs;
- ``blocks``: the article's blocks, each a list of sentence pairs; a pair carries its
  Hindi text, its tokens as ``[start, end, form]`` triples (UTF-16 offsets into that text,
  as JavaScript counts them; ``form`` is -1 for a token without a tooltip), its English
  side, its gloss line and its alignment links with the English word spans they use.

The page's script (``static/reader.js``) builds every element from this data with
``textContent``; nothing here is HTML. :func:`json_for_html` makes the JSON safe to embed
inside a ``<script>`` element.

Reading aids (romanization, gloss line, English column, font size) are switched by the
reader in the browser: the data says which the page offers (``aids``) and how they start
(``options``); :func:`apply_aids` takes back what a browser reports. :func:`drawing_key`
names a drawing, so that new data which only changes options keeps the rows on screen.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from assistant.align import english_words
from assistant.labels import gloss_grammar
from assistant.render import (
    COPY_LABEL,
    FAILED_TEXT,
    GLOSS_LABEL,
    GLOSS_NOTICE,
    MAX_SENSES,
    PENDING_TEXT,
    THEMES,
    RenderOptions,
)
from assistant.types import Gloss, MultiwordUnit, ReadingPage, SentencePair, Token

DATA_VERSION = 1
SECTION_WORDS = 3000  # a section ends at the first sentence boundary after this many Hindi words
MIN_SECTION_WORDS = 1500  # a heading starts a new section once the current one has this many
CONFIDENT_LINK = 0.5  # links at or above this confidence lead the tooltip ("here: ...")
TITLE_CHARS = 60
BLOCK_KINDS = {"title", "standfirst", "date", "byline", "caption", "credit", "heading", "paragraph"}


@dataclass(frozen=True)
class Section:
    """A stretch of the page: pairs ``start`` to ``end`` (page-wide sentence ids)."""

    index: int
    title: str
    start: int
    end: int
    words: int


FONT_SIZES = (14, 30)  # the reader's font size choices, in px
# Reading aids the reader switches itself: data key, RenderOptions field, label.
AIDS = (
    ("romanization", "romanization", "Romanization under each word"),
    ("glossLine", "gloss_line", "Word-by-word gloss line"),
    ("showEnglish", "show_english", "English column"),
    ("fontSize", "font_size", "Font size"),
)


def is_gloss_page(page: ReadingPage) -> bool:
    return page.mode == "gloss" or page.model is None


def offered_aids(page: ReadingPage) -> list[list[str]]:
    """The reading aids the page's bar offers, as ``[name, label]``.

    A gloss-only page has no gloss line to switch (its right column is the gloss, which
    moves under the Hindi when that column is hidden), and calls the column what it is.
    """
    gloss = is_gloss_page(page)
    offered = []
    for name, _, label in AIDS:
        if name == "glossLine" and gloss:
            continue
        offered.append([name, "Gloss column" if name == "showEnglish" and gloss else label])
    return offered


def apply_aids(options: RenderOptions, reported: object) -> RenderOptions:
    """``options`` with the reading aids a browser reported; anything malformed is ignored."""
    if not isinstance(reported, Mapping):
        return options
    changes: dict[str, Any] = {}
    for name, field, _ in AIDS:
        value = reported.get(name)
        if field == "font_size":
            if isinstance(value, int | float) and not isinstance(value, bool) and value == value:
                changes[field] = int(min(max(value, FONT_SIZES[0]), FONT_SIZES[1]))
        elif isinstance(value, bool):
            changes[field] = value
    return replace(options, **changes)


def options_data(options: RenderOptions | None) -> dict[str, Any]:
    """Reading aids as the page's script reads them (applied without new page data)."""
    options = options or RenderOptions()
    return {
        "romanization": options.romanization,
        "glossLine": options.gloss_line,
        "showEnglish": options.show_english,
        "fontSize": min(max(int(options.font_size), 10), 48),
        "highlight": options.highlight_lemma or "",
        "theme": options.theme if options.theme in THEMES else "auto",
    }


# ---------------------------------------------------------------- sections


def _word_count(pair: SentencePair) -> int:
    tokens = pair.source.tokens
    return sum(1 for t in tokens if t.kind != "punct") if tokens else len(pair.source.text.split())


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


def sections(page: ReadingPage, *, words: int = SECTION_WORDS) -> tuple[Section, ...]:
    """The page cut at headings (once a section has some length) or every ``words`` words."""
    found: list[Section] = []
    start = sid = count = 0
    title = ""

    def close() -> None:
        nonlocal start, count, title
        if sid > start:
            found.append(Section(len(found), title or f"Part {len(found) + 1}", start, sid, count))
        start, count, title = sid, 0, ""

    for block in page.blocks:
        if block.kind == "heading" and count >= min(MIN_SECTION_WORDS, words):
            close()
        for pair in block.pairs:
            if count >= words:
                close()
            if not title or (block.kind == "heading" and count == 0):
                title = _short(pair.source.text)
            count += _word_count(pair)
            sid += 1
    close()
    return tuple(found)


# ---------------------------------------------------------------- forms


def _utf16(text: str, offset: int) -> int:
    """A code-point offset as a JavaScript (UTF-16) string index."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def _display_tokens(pair: SentencePair) -> tuple[str, list[tuple[int, int]]]:
    """The Hindi text to draw and each token's (start, end) code-point span in it.

    Real tokens carry offsets into the article; hand-built ones may not, and then the
    tokens are joined with spaces before words (punctuation kept attached).
    """
    sentence = pair.source
    spans: list[tuple[int, int]] = []
    for token in sentence.tokens:
        a = token.start - sentence.start
        b = token.end - sentence.start
        if not (0 <= a < b <= len(sentence.text)) or sentence.text[a:b] != token.text:
            break
        if spans and a < spans[-1][1]:
            break
        spans.append((a, b))
    else:
        return sentence.text, spans
    parts: list[str] = []
    spans = []
    length = 0
    for i, token in enumerate(sentence.tokens):
        if i and token.kind != "punct":
            parts.append(" ")
            length += 1
        spans.append((length, length + len(token.text)))
        parts.append(token.text)
        length += len(token.text)
    return "".join(parts), spans


def _form_entry(token: Token, gloss: Gloss, strings: _Strings) -> dict[str, Any] | None:
    """What the browser needs to draw this token's tooltip, or None for a plain token.

    The word itself is not repeated (the browser reads it from the text); grammar and
    notes, which repeat across forms, are indices into the page's string table.
    """
    interactive = token.kind == "word" or bool(gloss.senses)
    roman = gloss.roman if token.kind != "punct" else ""
    if not interactive:
        return {"r": roman, "w": 0} if roman else None
    entry: dict[str, Any] = {}
    if roman:
        entry["r"] = roman
    if gloss.lemma and gloss.lemma != gloss.text:
        entry["l"] = gloss.lemma
    if gloss.text != token.text:
        entry["x"] = gloss.text
    grammar = gloss_grammar(gloss)
    if gloss.is_name:
        entry["nm"] = 1
    if grammar:
        entry["g"] = strings.index(grammar)
    if gloss.senses:
        entry["s"] = "; ".join(gloss.senses[:MAX_SENSES])
    elif not gloss.is_name:
        entry["unk"] = 1
    if gloss.note:
        entry["n"] = strings.index(gloss.note)
    unit = gloss.unit
    if unit is not None:
        entry["u"] = strings.unit(unit)
    if gloss.aligned:
        entry["a"] = " ".join(gloss.aligned)
    return entry


class _Strings:
    """Repeated labels (grammar, notes) and multiword units stored once; entries refer to
    them by index. A unit is ``[text, senses, note, lemma]``."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}
        self.units: list[list[str]] = []
        self._units: dict[tuple[str, ...], int] = {}

    def unit(self, unit: MultiwordUnit) -> int:
        row = [unit.text, "; ".join(unit.senses[:MAX_SENSES]), unit.note, unit.lemma]
        key = tuple(row)
        found = self._units.get(key)
        if found is None:
            found = self._units[key] = len(self.units)
            self.units.append(row)
        return found

    def index(self, text: str) -> int:
        found = self._index.get(text)
        if found is None:
            found = self._index[text] = len(self.items)
            self.items.append(text)
        return found


class FormTable:
    """Distinct form entries in order of first use; a token refers to one by index.

    A table may outlive one call of :func:`page_data`: kept for a page, it numbers forms
    the same way for every section, so a browser that already holds the first entries
    is sent only the new ones (see ``sent`` there).

    The highlight keys of an entry are its dictionary form (``l``, else the word), the
    written word (``x``, else the token's text) and its multiword unit's lemma.
    """

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self.strings = _Strings()
        self._by_content: dict[str, int] = {}
        self._by_gloss: dict[tuple[str, str, Gloss], int] = {}

    def index(self, token: Token, gloss: Gloss | None) -> int:
        if gloss is None:
            return -1
        key = (token.kind if token.kind in ("word", "punct") else "other", token.text, gloss)
        found = self._by_gloss.get(key)
        if found is not None:
            return found
        entry = _form_entry(token, gloss, self.strings)
        if entry is None:
            index = -1
        else:
            content = json.dumps(entry, ensure_ascii=False, sort_keys=True)
            index = self._by_content.get(content, -1)
            if index < 0:
                index = len(self.entries)
                self.entries.append(entry)
                self._by_content[content] = index
        self._by_gloss[key] = index
        return index


# ---------------------------------------------------------------- pairs and pages


def _links(pair: SentencePair) -> dict[str, Any]:
    """Alignment links and the English word spans they point at (only those)."""
    if not pair.links or not pair.translation or pair.kind != "mt":
        return {}
    spans = english_words(pair.translation)
    ntokens = len(pair.source.tokens)
    links = [
        [link.source, link.target, round(float(link.confidence), 2)]
        for link in pair.links
        if 0 <= link.source < ntokens and 0 <= link.target < len(spans)
    ]
    if not links:
        return {}
    used = sorted({target for _, target, _ in links})
    words: list[int] = []
    for target in used:
        a, b = spans[target]
        words += [target, _utf16(pair.translation, a), _utf16(pair.translation, b)]
    return {"a": [x for link in links for x in link], "e": words}


def pair_data(pair: SentencePair, forms: FormTable) -> dict[str, Any]:
    """One sentence pair as data; ``forms`` collects the word forms it uses.

    A pair's sentence id is its place in the page: its section's first id plus its
    position in that section.
    """
    data: dict[str, Any] = {"k": pair.kind}
    if pair.source.lang != "hi":
        data["lang"] = pair.source.lang
    if pair.kind == "copy":
        data["s"] = pair.source.text
        data["t"] = pair.translation or pair.source.text
        return data
    text, spans = _display_tokens(pair)
    data["s"] = text
    glosses = pair.glosses
    tokens: list[int] = []
    astral = any(ord(ch) > 0xFFFF for ch in text)
    for i, (token, (a, b)) in enumerate(zip(pair.source.tokens, spans, strict=True)):
        form = forms.index(token, glosses[i] if i < len(glosses) else None)
        if astral:
            a, b = _utf16(text, a), _utf16(text, b)
        tokens += [a, b, form]
    data["w"] = tokens
    if pair.translation and pair.kind == "mt":
        data["t"] = pair.translation
    if pair.gloss_line:
        data["g"] = pair.gloss_line
    data.update(_links(pair))
    return data


def english_heading(page: ReadingPage) -> str:
    if is_gloss_page(page):
        return GLOSS_LABEL
    return f"English — machine translation ({page.model})"


def _section_blocks(page: ReadingPage, section: Section, forms: FormTable) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    sid = 0
    for block in page.blocks:
        pairs: list[dict[str, Any]] = []
        for pair in block.pairs:
            if section.start <= sid < section.end:
                pairs.append(pair_data(pair, forms))
            sid += 1
        if pairs:
            kind = block.kind if block.kind in BLOCK_KINDS else "paragraph"
            blocks.append({"k": kind, "p": pairs})
        if sid >= section.end:
            break
    return blocks


def page_data(
    page: ReadingPage,
    options: RenderOptions | None = None,
    *,
    section: int | None = 0,
    parts: tuple[Section, ...] | None = None,
    table: FormTable | None = None,
    sent: tuple[int, int, int] = (0, 0, 0),
    opening_of: int = 0,
) -> dict[str, Any]:
    """The page's data for the browser: one section (``section``), or all when it is None.

    ``content`` is a list with one entry per section: that section's blocks, or None for
    a section not included. ``parts`` saves cutting the page again when the caller has.
    ``table`` numbers the word forms (a new one when None); ``sent`` says how many of its
    forms, strings and units the browser holds already: only the rest travel, and
    ``base`` tells the browser where they start. ``opening_of`` marks ``page`` as the
    opening of a longer article of that many sentences, still being looked up.
    """
    parts = sections(page) if parts is None else parts
    wanted = range(len(parts)) if section is None else [min(max(section, 0), max(len(parts) - 1, 0))]
    forms = FormTable() if table is None else table
    content: list[Any] = [None] * len(parts)
    for index in wanted:
        if parts:
            content[index] = _section_blocks(page, parts[index], forms)
    total = parts[-1].end if parts else 0
    return {
        "v": DATA_VERSION,
        "mode": page.mode,
        "heading": english_heading(page),
        "notice": GLOSS_NOTICE if page.mode == "gloss" else "",
        "labels": {
            "gloss": "gloss",
            "glossColumn": "gloss, not a translation",
            "glossTitle": GLOSS_LABEL,
            "pending": PENDING_TEXT,
            "failed": FAILED_TEXT,
            "copy": COPY_LABEL,
            "confident": CONFIDENT_LINK,
        },
        "options": options_data(options),
        "aids": offered_aids(page),
        "sections": [[p.title, p.start, p.end, p.words] for p in parts],
        "sentences": max(total, opening_of),
        "partial": bool(opening_of),
        "current": wanted[0] if parts else 0,
        "base": list(sent),
        "forms": forms.entries[sent[0] :],
        "strings": forms.strings.items[sent[1] :],
        "units": forms.strings.units[sent[2] :],
        "content": content,
    }


# What only adds to or restyles a drawing: the rest of the data is the drawing itself.
_NOT_DRAWN = {"options", "base", "forms", "strings", "units"}


def drawing_key(data: Mapping[str, Any]) -> str:
    """A digest of what the browser draws from ``data``, reading aids and new forms aside.

    Data with the key of the drawing on screen only changes options there (a glossary
    highlight, say): the script keeps the rows instead of drawing them again.
    """
    drawn = {key: value for key, value in data.items() if key not in _NOT_DRAWN}
    text = json.dumps(drawn, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def table_size(table: FormTable) -> tuple[int, int, int]:
    """How many forms, strings and units ``table`` holds (what a browser has once sent all)."""
    return len(table.entries), len(table.strings.items), len(table.strings.units)


_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_html(data: Any) -> str:
    """Compact JSON that cannot end or comment out the ``<script>`` element holding it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _UNSAFE.items():
        text = text.replace(char, escaped)
    return text
