"""The reading page's presentation: labels, stylesheet, script, glossary tables, documents.

The page itself is data (``assistant.pagedata``): glosses once per word form, sentences
as token offsets. The fixed script ``static/reader.js`` draws it in the browser, in the
app (:func:`component_js`, for a Streamlit component) and in the standalone document
(:func:`standalone_html`). Text from the article reaches HTML here only through
``html.escape`` (glossary, title, footer) or as JSON that cannot close its ``<script>``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from assistant.labels import term_columns, term_grammar
from assistant.types import Glossary, GlossaryTerm, ReadingPage

STATIC = Path(__file__).resolve().parent / "static"
GLOSS_LABEL = "Word-by-word gloss (not a translation)"
GLOSS_NOTICE = (
    "No translation model is in use: the right column is a word-by-word gloss built from "
    "the dictionary, not a translation."
)
PENDING_TEXT = "translating…"
FAILED_TEXT = "translation failed: the model gave no usable text"
COPY_LABEL = "English in the original"
THEMES = ("auto", "light", "dark")
MAX_SENSES = 3


@dataclass(frozen=True)
class RenderOptions:
    """Reading aids the reader can switch on and off."""

    romanization: bool = False
    gloss_line: bool = True
    show_english: bool = True
    font_size: int = 18
    highlight_lemma: str | None = None
    theme: str = "auto"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


@cache
def reader_css() -> str:
    """The reading page's stylesheet (scoped under ``.hr-reader``; has a print section)."""
    return (STATIC / "reader.css").read_text(encoding="utf-8")


@cache
def reader_js() -> str:
    """The page's script: defines ``HindiReader.mount(root, data, hooks)`` and nothing else."""
    return (STATIC / "reader.js").read_text(encoding="utf-8")


@cache
def component_js() -> str:
    """The script as an ES module for a Streamlit v2 component.

    The component's data is the page data as UTF-8 JSON bytes; a new run with new data
    redraws the same reader element in place.
    """
    return (
        reader_js()
        + """
export default function (component) {
  var data = HindiReader.decode(component.data);
  var host = component.parentElement;
  if (!data || !host) {
    return;
  }
  var root = host.querySelector(":scope > .hr-reader");
  if (root && root.hrReader) {
    root.hrComponent = component;
    root.hrReader.setData(data);
    return;
  }
  root = document.createElement("div");
  root.className = "hr-reader";
  host.appendChild(root);
  root.hrComponent = component;
  root.hrReader = HindiReader.mount(root, data, {
    /* Another section is drawn after the server sends it (a new run of the app). Each
       request carries the reading aids switched here since, so later runs keep them. */
    request: function (index) {
      root.hrComponent.setTriggerValue("section", { value: index, aids: HindiReader.aids() });
    },
    /* Word forms the server believes were sent but never arrived (an interrupted run):
       ask again from what this reader holds. */
    resend: function (have) {
      root.hrComponent.setTriggerValue("resend", { value: have, aids: HindiReader.aids() });
    },
  });
}
"""
    )


# ---------------------------------------------------------------- glossary and document


def _term_row(term: GlossaryTerm) -> str:
    senses = "; ".join(term.senses[:MAX_SENSES])
    return (
        f'<tr><td lang="hi">{_e(term.term)}</td><td>{_e(term.roman)}</td>'
        f"<td>{_e(term_grammar(term))}</td><td>{_e(senses)}</td>"
        f'<td class="hr-n">{term.count}</td></tr>'
    )


def glossary_html(glossary: Glossary, *, title: str = "Glossary") -> str:
    """The key terms and names as HTML tables (an appendix; empty string when there are none)."""
    head = "<tr><th>term</th><th>romanization</th><th>grammar</th><th>meaning</th><th>count</th></tr>"
    sections = []
    for label, terms in (("Key terms", glossary.terms), ("Names", glossary.names)):
        if terms:
            rows = "".join(_term_row(term) for term in terms)
            sections.append(f"<h3>{label}</h3><table><thead>{head}</thead><tbody>{rows}</tbody></table>")
    if not sections:
        return ""
    return f'<section class="hr-glossary"><h2>{_e(title)}</h2>{"".join(sections)}</section>'


def glossary_rows(glossary: Glossary) -> list[dict[str, str | int]]:
    """Key terms then names as table rows: term, romanization, POS, gender, meaning, count."""
    rows: list[dict[str, str | int]] = []
    for t in (*glossary.terms, *glossary.names):
        pos, gender = term_columns(t)
        rows.append({
            "term": t.term,
            "romanization": t.roman,
            "POS": pos,
            "gender": gender,
            "meaning": "; ".join(t.senses[:MAX_SENSES]),
            "count": t.count,
        })  # fmt: skip
    return rows


_DOCUMENT_CSS = """
body.hr-doc { margin: 0; }
body.hr-doc > .hr-reader { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem; min-height: 100vh;
  box-sizing: border-box; font-family: "Noto Sans", "Source Sans 3", system-ui, sans-serif; }
body.hr-doc .hr-reader.hr-theme-auto { --hr-fg: #1b1d21; --hr-bg: #ffffff; }
@media (prefers-color-scheme: dark) {
  body.hr-doc .hr-reader.hr-theme-auto { --hr-fg: #e6e7ea; --hr-bg: #0e1117; }
}
body.hr-doc > .hr-appendix { min-height: 0; padding-top: 0; }
@media (max-width: 700px) { body.hr-doc > .hr-reader { padding: 1rem 0.75rem; } }
"""

_MOUNT_JS = """
HindiReader.mount(
  document.getElementById("hr-page"),
  JSON.parse(document.getElementById("hr-data").textContent),
  { standalone: true }
);
"""
FALLBACK_PAIRS = 40  # sentence pairs written as plain HTML for readers without scripts


def standalone_html(page: ReadingPage, options: RenderOptions | None = None, *, footer: str = "") -> str:
    """A complete offline HTML5 document: the page (all its sections), glossary and footer.

    ``footer`` is plain text (escaped here). The page's data travels in an inert
    ``application/json`` block that the one script (fixed package code) parses: article
    text is never part of executable code, and the JSON cannot close its element
    (``json_for_html``). The glossary and the first sentence pairs are
    plain HTML too, so the file says something even without scripts.
    """
    from assistant.pagedata import json_for_html, page_data

    options = options or RenderOptions()
    title = page.title or page.source_name or "Hindi reading page"
    meta = [part for part in (page.source_name, page.created) if part]
    meta.append(f"translated by {page.model}" if page.model else GLOSS_LABEL.lower())
    footer_text = footer or " · ".join(meta)
    data = json_for_html(page_data(page, options, section=None))
    theme = options.theme if options.theme in THEMES else "auto"
    fallback = "".join(
        f'<p lang="{_e(pair.source.lang)}">{_e(pair.source.text)}</p>'
        f'<p class="hr-gl">{_e(pair.translation or pair.gloss_line)}</p>'
        for pair in list(page.pairs())[:FALLBACK_PAIRS]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
        f"<style>{reader_css()}{_DOCUMENT_CSS}</style>\n</head>\n"
        f'<body class="hr-doc">\n<div id="hr-page" class="hr-reader hr-theme-{theme}">'
        f"<noscript><p>The side-by-side page needs JavaScript; its first sentences:</p>{fallback}</noscript>"
        "</div>\n"
        f'<div class="hr-reader hr-theme-{theme} hr-appendix">{glossary_html(page.glossary)}'
        f'<footer class="hr-footer">{_e(footer_text)}</footer></div>\n'
        f'<script type="application/json" id="hr-data">{data}</script>\n'
        f"<script>\n{reader_js()}{_MOUNT_JS}</script>\n</body>\n</html>\n"
    )


def component_data(
    page: ReadingPage,
    options: RenderOptions,
    section: int,
    parts: Any = None,
    *,
    page_id: str = "",
    table: Any = None,
    sent: tuple[int, int, int] = (0, 0, 0),
    opening_of: int = 0,
) -> bytes:
    """One section of the page as the app's component receives it: UTF-8 JSON bytes.

    ``page_id`` names the page in the browser, which keeps the word forms it was sent
    for it; ``table`` and ``sent`` are ``page_data``'s (send only forms not sent yet).
    ``draw`` names the drawing, so that data which only changes options (another run of
    the app) keeps the rows on screen.
    """
    from assistant.pagedata import drawing_key, json_for_html, page_data

    data = page_data(
        page, options, section=section, parts=parts, table=table, sent=sent, opening_of=opening_of
    )
    data["page"] = page_id
    data["draw"] = drawing_key(data)
    return json_for_html(data).encode("utf-8")
