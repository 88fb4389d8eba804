"""EPUB export: the bilingual article and its glossary as two chapters of an e-book.

The identifier is derived from a digest of the exported content (article, English side,
model and glossary), so exporting the same reading twice gives the same book, while a
different translation is a different book.

Devanagari at the same nominal size as Latin text looks about a fifth smaller, so every
element holding Hindi (sentence, title, glossary term) has the class ``hi``, which the
stylesheet sets 1.2 times the size of its surroundings. Table rows never split across pages and
cells are padded above, so vowel signs above the headline keep clear of the rule.
"""

from __future__ import annotations

import hashlib
import io
from html import escape

from assistant.errors import ExportError
from assistant.export.common import (
    PRODUCT,
    display_title,
    english,
    english_title,
    glossary_entries,
    meaning,
    metadata_line,
    provenance,
    xml_safe,
)
from assistant.labels import term_grammar
from assistant.types import ReadingPage

DEVANAGARI_SCALE = "1.2em"
CSS = f"""
body {{ font-family: "Noto Serif Devanagari", "Noto Sans Devanagari", "Nirmala UI", "Mangal",
       "Kohinoor Devanagari", serif; line-height: 1.6; }}
.hi {{ font-size: {DEVANAGARI_SCALE}; }}
.pair {{ margin: 0 0 0.8em 0; break-inside: avoid; page-break-inside: avoid; }}
p.hi {{ margin: 0; }}
.en {{ margin: 0.2em 0 0 0; color: #333; font-family: Georgia, serif; }}
.gloss .en {{ font-style: italic; }}
.note {{ font-size: 0.85em; color: #555; }}
table {{ border-collapse: collapse; width: 100%; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
th, td {{ border: 1px solid #bbb; padding: 0.45em 0.5em 0.3em 0.5em; text-align: left; vertical-align: top; }}
td.n {{ text-align: right; }}
"""
CHAPTER_BYTES = 250_000
GLOSSARY_HEADER = ("Term", "Romanization", "Grammar", "Meaning", "Count")

def _x(text: str) -> str:
    return escape(xml_safe(text), quote=True)


def _hindi(text: str, tag: str = "span") -> str:
    """``text`` escaped in an element of class ``hi`` (set larger) when it has Devanagari."""
    if not any("\u0900" <= ch <= "\u097f" for ch in text):
        return _x(text) if tag == "span" else f"<{tag}>{_x(text)}</{tag}>"
    return f'<{tag} class="hi" lang="hi">{_x(text)}</{tag}>'


def content_digest(page: ReadingPage) -> str:
    """SHA-256 of what the book shows, leaving out the export date."""
    h = hashlib.sha256()
    for part in (page.title, page.source_name, page.mode, page.model or ""):
        h.update(part.encode("utf-8") + b"\x1f")
    for pair in page.pairs():
        h.update(f"\x1e{pair.kind}\x1f{pair.source.text}\x1f{english(pair)}".encode())
    for kind, t in glossary_entries(page):
        row = (kind, t.term, t.roman, t.pos, t.gender or "", meaning(t), str(t.count))
        h.update(("\x1e" + "\x1f".join(row)).encode("utf-8"))
    return h.hexdigest()


def _article_bodies(page: ReadingPage) -> list[str]:
    """The article as one or more chapter bodies of at most about ``CHAPTER_BYTES`` each.

    Reading systems load a chapter whole, and some refuse or crawl through files of
    several MB; a long article is cut between sentence pairs (a block cut in two reopens
    in the next chapter) so every chapter stays small.
    """
    head = [f"<h1>{_hindi(display_title(page))}</h1>"]
    eng_title = english_title(page)
    if eng_title:
        head.append(f'<p class="en" lang="en">{_x(eng_title)}</p>')
    head.append(f'<p class="note" lang="en">{_x(metadata_line(page))}</p>')
    bodies: list[str] = []
    parts, size = head, sum(len(p.encode()) for p in head)
    for block in page.blocks:
        if block.kind == "title":
            continue
        opening = f'<div class="block {_x(block.kind)}">'
        parts.append(opening)
        for pair in block.pairs:
            css = "pair gloss" if pair.kind == "gloss" else "pair"
            hindi = "" if pair.source.lang == "en" else _hindi(pair.source.text, "p")
            html = f'<div class="{css}">{hindi}<p class="en" lang="en">{_x(english(pair))}</p></div>'
            if size + len(html.encode()) > CHAPTER_BYTES and parts[-1] != opening:
                bodies.append("\n".join([*parts, "</div>"]))
                parts, size = [opening], 0
            parts.append(html)
            size += len(html.encode())
        parts.append("</div>")
    bodies.append("\n".join(parts))
    return bodies


def _glossary_body(page: ReadingPage) -> str:
    entries = glossary_entries(page)
    if not entries:
        return '<h1>Glossary</h1><p lang="en">This article has no glossary entries.</p>'
    rows = "\n".join(
        f'<tr>{_hindi(t.term, "td")}<td>{_x(t.roman)}</td><td>{_x(term_grammar(t))}</td>'
        f'<td>{_x(meaning(t))}</td><td class="n">{t.count}</td></tr>'
        for _, t in entries
    )
    head = "".join(f"<th>{h}</th>" for h in GLOSSARY_HEADER)
    return f"<h1>Glossary</h1>\n<table><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>"


def to_epub(page: ReadingPage) -> bytes:
    """An EPUB 3 book (with an EPUB 2 NCX for older readers)."""
    from ebooklib import epub

    title = xml_safe(display_title(page))
    book = epub.EpubBook()
    book.set_identifier(f"urn:sha256:{content_digest(page)}")
    book.set_title(title)
    book.set_language("hi")
    book.add_author(PRODUCT)
    if page.created:
        book.add_metadata("DC", "date", page.created)
    book.add_metadata("DC", "description", xml_safe(provenance(page)))

    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=CSS)
    book.add_item(style)
    bodies = _article_bodies(page)
    sections = [
        ("article" if i == 1 else f"article-{i}", "article.xhtml" if i == 1 else f"article-{i}.xhtml",
         title if len(bodies) == 1 else f"{title} ({i}/{len(bodies)})", body, "hi")
        for i, body in enumerate(bodies, start=1)
    ]  # fmt: skip
    sections.append(("glossary", "glossary.xhtml", "Glossary", _glossary_body(page), "en"))
    chapters = []
    for uid, name, heading, body, lang in sections:
        chapter = epub.EpubHtml(uid=uid, title=heading, file_name=name, lang=lang)
        chapter.content = f"<html><head></head><body>{body}</body></html>"
        chapter.add_item(style)
        book.add_item(chapter)
        chapters.append(chapter)

    book.toc = tuple(chapters)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]

    out = io.BytesIO()
    try:
        epub.write_epub(out, book, {"raise_exceptions": True})
    except Exception as exc:  # ebooklib raises bare lxml/zip errors
        raise ExportError(
            f"Could not write the EPUB file ({exc}).", "Try another format such as html."
        ) from exc
    return out.getvalue()
