"""Plain-text exports: the English text (txt) and the bilingual Markdown page (md)."""

from __future__ import annotations

import re

from assistant.export.common import (
    english,
    english_title,
    glossary_entries,
    meaning,
    metadata_line,
    provenance,
)
from assistant.labels import term_grammar
from assistant.types import PageBlock, ReadingPage

# Characters that start Markdown or inline HTML constructs anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&!{}])")
# Constructs that are only active at the start of a line: headings, quotes, lists, rules.
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+)([.)]?)")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def md_escape(text: str) -> str:
    """Escape article text so Markdown renders it literally: no links, HTML or emphasis."""
    escaped = _MD_INLINE.sub(r"\\\1", _one_line(text))
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(m: re.Match[str]) -> str:
    lead, marker, dot = m.groups()
    if marker.isdigit():
        # "1." starts an ordered list; only the punctuation can be backslash-escaped.
        return f"{lead}{marker}\\{dot}" if dot else m.group(0)
    return f"{lead}\\{marker}{dot}"


def _block_english(block: PageBlock, gloss_page: bool) -> str:
    # Gloss lines are word lists, not prose: one per line keeps them readable.
    parts = [_one_line(english(pair)) for pair in block.pairs]
    parts = [p for p in parts if p]
    return "\n".join(parts) if gloss_page else " ".join(parts)


def to_txt(page: ReadingPage) -> bytes:
    """The English text, one paragraph per article block, blocks separated by a blank line."""
    gloss_page = page.mode == "gloss"
    chunks: list[str] = []
    if gloss_page:
        chunks.append(
            "WORD-BY-WORD GLOSS, NOT A TRANSLATION: no translation model was used; each line lists "
            "dictionary meanings of the Hindi words in their original order."
        )
    for block in page.blocks:
        text = _block_english(block, gloss_page)
        if text:
            chunks.append(text)
    chunks.append(f"-- {provenance(page)}")
    return ("\n\n".join(chunks) + "\n").encode("utf-8")


def _hindi(block: PageBlock) -> str:
    return " ".join(_one_line(pair.source.text) for pair in block.pairs if pair.source.lang != "en")


def _md_paragraphs(page: ReadingPage, gloss_page: bool) -> list[str]:
    out: list[str] = []
    for block in page.blocks:
        if block.kind == "title":
            continue  # already the document heading
        hindi = md_escape(_hindi(block))
        eng_lines = [md_escape(english(p)) for p in block.pairs if english(p)]
        if hindi:
            out.append(f"### {hindi}" if block.kind == "heading" else hindi)
        if eng_lines:
            separator = "  \n> " if gloss_page else " "
            out.append("> " + separator.join(eng_lines))
    return out


def _md_table(page: ReadingPage) -> list[str]:
    rows = ["| Hindi | English |", "| --- | --- |"]
    for pair in page.pairs():
        hindi = md_escape(pair.source.text) if pair.source.lang != "en" else ""
        rows.append(f"| {hindi} | {md_escape(english(pair))} |")
    return ["\n".join(rows)]


def _md_glossary(page: ReadingPage) -> list[str]:
    entries = glossary_entries(page)
    if not entries:
        return []
    rows = ["| Term | Romanization | Grammar | Meaning | Count |", "|---|---|---|---|---|"]
    for _, t in entries:
        cells = (t.term, t.roman, term_grammar(t), meaning(t), str(t.count))
        rows.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    return ["## Glossary", "\n".join(rows)]


def to_md(page: ReadingPage, *, table: bool = False) -> bytes:
    """Bilingual Markdown: each paragraph in Hindi, then its English as a blockquote.

    ``table=True`` lays the sentences out as a two-column Hindi | English table instead.
    """
    gloss_page = page.mode == "gloss"
    title = md_escape(page.title or page.source_name or "Untitled article")
    chunks = [f"# {title}"]
    eng_title = english_title(page)
    if eng_title:
        chunks.append(f"*{md_escape(eng_title)}*")
    chunks.append(f"_{md_escape(metadata_line(page))}_")
    chunks += _md_table(page) if table else _md_paragraphs(page, gloss_page)
    chunks += _md_glossary(page)
    return ("\n\n".join(chunks) + "\n").encode("utf-8")
