"""Reading an article from a file's bytes: size check, decoding, and plain text out of
Markdown or HTML.

The result is plain text with paragraphs separated by blank lines and, for HTML, the
page title as the first line; ``assistant.segment`` takes it from there. Nothing from
a page's scripts, styles or attributes ever reaches the text.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import get_settings
from assistant.errors import InputError
from assistant.text import decode_bytes

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["html_to_text", "markdown_to_text", "read_article"]

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|p|div|h[1-6]|br|span|title|meta)\b", re.IGNORECASE
)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.1f} kB"


def read_article(data: bytes, filename: str = "", max_bytes: int | None = None) -> str:
    """The article text in ``data``; the file name's extension picks the format.

    Raises InputError when the file is too large, empty, binary or not UTF-8 text, or
    when an HTML page holds no readable text.
    """
    limit = get_settings().max_bytes if max_bytes is None else max_bytes
    if len(data) > limit:
        raise InputError(
            f"The file is too large: {_size(len(data))} ({len(data):,} bytes); the limit is "
            f"{_size(limit)} ({limit:,} bytes).",
            "Split the article into parts, or raise the limit with ASSISTANT_MAX_BYTES.",
        )
    text = decode_bytes(data)
    if not text.strip():
        raise InputError("The file is empty.", "Open a file that contains a Hindi article.")
    suffix = Path(filename).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return html_to_text(text)
    if suffix in _MARKDOWN_SUFFIXES:
        return markdown_to_text(text)
    if suffix in (".txt", ".text"):
        return text
    head = text.lstrip()[:4096]
    if head.startswith("<") and _LOOKS_LIKE_HTML.search(head):
        return html_to_text(text)
    return text


# --- Markdown ---------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_SPACE_RUN = re.compile(r"\s+")
_INLINE = (
    (re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),  # images are dropped
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # a link keeps its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"`+([^`]+)`+"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])"), r"\1"),
    (re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),
)


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return _SPACE_RUN.sub(" ", html_lib.unescape(text)).strip()


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown document: paragraphs, headings and list items become
    paragraphs separated by blank lines; markup, images and link targets go."""
    paragraphs: list[str] = []
    current: list[str] = []
    in_fence = False

    def flush() -> None:
        if current:
            joined = _inline(" ".join(current))
            if joined:
                paragraphs.append(joined)
            current.clear()

    for line in text.splitlines():
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            # Code keeps its lines: nothing of the input is lost, but nothing is reflowed.
            if line.strip():
                paragraphs.append(line.strip())
            continue
        if not line.strip() or _RULE.match(line) or _REFERENCE.match(line):
            flush()
            continue
        if _SETEXT.match(line) and current:
            flush()  # the underline of a heading written as "Title\n====="
            continue
        heading = _HEADING.match(line)
        item = _LIST_ITEM.match(line)
        if heading or item:
            flush()
            current.append(heading.group(1) if heading else line[item.end() :])  # type: ignore[union-attr]
            flush()
            continue
        current.append(_QUOTE.sub("", line).strip())
    flush()
    return "\n\n".join(paragraphs)


# --- HTML -------------------------------------------------------------------------------

_DANGEROUS = ("script", "style", "noscript", "template", "iframe", "object", "svg", "math", "canvas")
_VOID_UNKNOWN = ("embed", "source", "track", "wbr", "keygen")
_BLOCK_TAGS = "p h1 h2 h3 h4 h5 h6 li blockquote figcaption pre dt dd td th caption address summary"
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def _parse(markup: str) -> HtmlElement:
    from lxml import etree, html

    try:
        # huge_tree: libxml2 otherwise stops at 256 levels of nesting and loses the rest.
        parser = html.HTMLParser(huge_tree=True)
        tree = html.document_fromstring(_XML_DECLARATION.sub("", markup), parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise InputError(
            f"This HTML page could not be read ({err}).", "Copy the article text into a .txt file instead."
        ) from None
    # Collected first: dropping while iterating would skip neighbours.
    for element in [*tree.iter(*_DANGEROUS), *tree.iter(etree.Comment, etree.ProcessingInstruction)]:
        if element.getparent() is not None:
            element.drop_tree()
    # Void elements the parser does not know as void swallow what follows them
    # (<embed src=...><p>text</p> parses as <embed><p>text</p></embed>): keep that text.
    for element in list(tree.iter(*_VOID_UNKNOWN)):
        if element.getparent() is not None:
            element.drop_tag()
    for element in tree.iter("br"):
        element.tail = "\n" + (element.tail or "")  # a line break still separates words
    return tree


def _flat(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip()


def _text_of(element: HtmlElement) -> str:
    # Inline tags may split a word (<b>बेला</b>रूस), so pieces join with no space; line
    # breaks were turned into newlines when parsing.
    for lb in element.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    return _flat("".join(element.itertext()))


def _trafilatura_paragraphs(tree: HtmlElement) -> tuple[str, list[str]]:
    import trafilatura

    # The extractor logs every page it finds thin; that is noise for a reader.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    if document is None or document.body is None:
        return "", []
    paragraphs: list[str] = []
    for element in document.body:
        if element.tag == "list":
            paragraphs.extend(_text_of(item) for item in element.iter("item"))
        elif element.tag == "table":
            for row in element.iter("row"):
                paragraphs.append("; ".join(_text_of(cell) for cell in row.iter("cell")))
        else:
            paragraphs.append(_text_of(element))
    return _flat(document.title or ""), [p for p in paragraphs if p]


def _block_paragraphs(tree: HtmlElement) -> list[str]:
    """Text of block elements in the page's main part: the simple way, for pages too
    small or too plain for the extractor."""
    roots = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree]
    paragraphs: list[str] = []
    # Depth first in document order, not entering a block: text inside it is part of it
    # already. (Asking each element for its ancestors would cost depth squared.)
    stack = [roots[0]]
    while stack:
        element = stack.pop()
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            text = _text_of(element)
            if text:
                paragraphs.append(text)
            continue
        stack.extend(reversed(element))
    if not paragraphs:
        text = _flat(roots[0].text_content())
        paragraphs = [text] if text else []
    return paragraphs


_EXTRACTOR_DEPTH = 200


def _deeper_than(tree: HtmlElement, limit: int) -> bool:
    """Whether any element lies more than ``limit`` levels below the root."""
    stack = [(tree, 0)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in element)
    return False


def html_to_text(markup: str) -> str:
    """Title and main text of an HTML page, paragraphs separated by blank lines."""
    tree = _parse(markup)
    # The extractor's boilerplate scoring costs depth squared; no real article is nested
    # hundreds of levels deep, so such a page goes straight to the simple reading.
    title, paragraphs = ("", []) if _deeper_than(tree, _EXTRACTOR_DEPTH) else _trafilatura_paragraphs(tree)
    if len(paragraphs) < 2:
        fallback = _block_paragraphs(_parse(markup))
        if fallback:
            paragraphs = fallback
    if not title:
        tree = _parse(markup)
        found = tree.xpath("//title") or tree.xpath("//h1")
        title = _flat(found[0].text_content()) if found else ""
    if paragraphs and title and paragraphs[0] == title:
        title = ""  # the page's own heading repeats its title
    lines = [title, *paragraphs] if title else paragraphs
    if not paragraphs:
        # Nesting deeper than libxml2 follows (thousands of levels) leaves an empty tree;
        # a streaming reader has no depth limit.
        lines = [line for line in (title, *_stream_paragraphs(markup)) if line]
    if not lines:
        raise InputError(
            "No article text found in this HTML page.",
            "Copy the article text and paste it, or save it as .txt.",
        )
    return "\n\n".join(lines)


class _StreamText(HTMLParser):
    """Text of block elements from a tag stream, outside dangerous elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.hidden = 0  # depth inside script, style and the like

    def _flush(self) -> None:
        text = _flat("".join(self.current))
        if text:
            self.paragraphs.append(text)
        self.current.clear()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DANGEROUS:
            self.hidden += 1
        elif tag in _BLOCKS or tag in ("br", "div", "title"):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DANGEROUS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS or tag in ("div", "title"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.current.append(data)


def _stream_paragraphs(markup: str) -> list[str]:
    reader = _StreamText()
    reader.feed(markup)
    reader.close()
    reader._flush()
    return reader.paragraphs
