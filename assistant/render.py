"""HTML for the reading page: pure functions from a ReadingPage to strings.

Every piece of text that comes from the article or the model passes through
``html.escape`` (attribute values too), and no script is ever built from it: a word's
gloss travels in escaped ``data-*`` attributes and a hidden tooltip element. The page
works without JavaScript: tooltips open on ``:hover``/``:focus-within`` and the two
sides of a sentence pair light up together through ``:has()``, so a host that strips
scripts (Streamlit's ``st.html``) shows the full page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.types import Gloss, Glossary, GlossaryTerm, ReadingPage, SentencePair, Token

STATIC = Path(__file__).resolve().parent / "static"
GLOSS_LABEL = "Word-by-word gloss (not a translation)"
GLOSS_NOTICE = (
    "No translation model is in use: the right column is a word-by-word gloss built from "
    "the dictionary, not a translation."
)
PENDING_TEXT = "translating…"
COPY_LABEL = "English in the original"
THEMES = ("auto", "light", "dark")
MAX_SENSES = 3

POS_NAMES = {
    "NOUN": "noun",
    "PROPN": "proper noun",
    "VERB": "verb",
    "AUX": "auxiliary",
    "ADJ": "adjective",
    "ADV": "adverb",
    "ADP": "postposition",
    "PRON": "pronoun",
    "DET": "determiner",
    "NUM": "numeral",
    "CCONJ": "conjunction",
    "SCONJ": "subordinating conjunction",
    "PART": "particle",
    "INTJ": "interjection",
    "PUNCT": "punctuation",
    "SYM": "symbol",
    "X": "other",
}
GENDER_NAMES = {"m": "masculine", "f": "feminine"}
_BLOCK_KINDS = {"title", "standfirst", "date", "byline", "caption", "credit", "heading", "paragraph"}


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


def pos_label(pos: str) -> str:
    """A UD part-of-speech tag in words ("ADP" -> "postposition")."""
    return POS_NAMES.get(pos, pos.lower())


def gender_label(gender: str | None) -> str:
    return GENDER_NAMES.get(gender or "", gender or "")


def grammar_label(pos: str, gender: str | None) -> str:
    """Grammar as the tooltip and the glossary show it, e.g. "noun · masculine"."""
    return " · ".join(part for part in (pos_label(pos) if pos else "", gender_label(gender)) if part)


@cache
def reader_css() -> str:
    """The reading page's stylesheet (scoped under ``.hr-reader``; has a print section)."""
    return (STATIC / "reader.css").read_text(encoding="utf-8")


@cache
def _reader_js() -> str:
    return (STATIC / "reader.js").read_text(encoding="utf-8")


# ---------------------------------------------------------------- words and tooltips


def _tooltip(gloss: Gloss) -> str:
    # The word as written and how it reads; the dictionary form below when it differs.
    lines = [f'<span class="hr-tl" lang="hi">{_e(gloss.text)}</span>']
    if gloss.roman:
        lines.append(f'<span class="hr-tr">{_e(gloss.roman)}</span>')
    if gloss.lemma and gloss.lemma != gloss.text:
        lines.append(f'<span class="hr-tf">dictionary form: <span lang="hi">{_e(gloss.lemma)}</span></span>')
    grammar = grammar_label(gloss.pos, gloss.gender)
    if gloss.is_name:
        grammar = f"{grammar} · name" if grammar else "name"
    if grammar:
        lines.append(f'<span class="hr-tp">{_e(grammar)}</span>')
    if gloss.senses:
        senses = "; ".join(gloss.senses[:MAX_SENSES])
        lines.append(f'<span class="hr-ts">{_e(senses)}</span>')
    elif not gloss.is_name:
        lines.append('<span class="hr-ts hr-unknown">not in the dictionary</span>')
    if gloss.note:
        lines.append(f'<span class="hr-tn">{_e(gloss.note)}</span>')
    unit = gloss.unit
    if unit is not None:
        meaning = "; ".join(unit.senses[:MAX_SENSES])
        text = f'part of <span lang="hi">{_e(unit.text)}</span>'
        if meaning:
            text += f": {_e(meaning)}"
        if unit.note:
            text += f" ({_e(unit.note)})"
        lines.append(f'<span class="hr-tu">{text}</span>')
    if gloss.aligned:
        lines.append(f'<span class="hr-ta">in this translation: {_e(" ".join(gloss.aligned))}</span>')
    return f'<span class="hr-tip" role="tooltip" lang="en">{"".join(lines)}</span>'


def _marked(gloss: Gloss, lemma: str | None) -> bool:
    if not lemma:
        return False
    unit_lemma = gloss.unit.lemma if gloss.unit is not None else None
    return lemma in (gloss.lemma, gloss.text, unit_lemma)


def _word_html(token: Token, gloss: Gloss | None, options: RenderOptions) -> str:
    text = _e(token.text)
    roman = ""
    if options.romanization and gloss is not None and gloss.roman and token.kind != "punct":
        roman = f'<span class="hr-r" lang="hi-Latn">{_e(gloss.roman)}</span>'
    if gloss is None or (token.kind != "word" and not gloss.senses):
        if options.romanization:
            return f'<span class="hr-t">{text}{roman}</span>'
        return text
    classes = ["hr-w"]
    if _marked(gloss, options.highlight_lemma):
        classes.append("hr-mark")
    if gloss.is_name:
        classes.append("hr-name")
    data = {
        "lemma": gloss.lemma,
        "roman": gloss.roman,
        "pos": gloss.pos,
        "gender": gloss.gender or "",
        "senses": "; ".join(gloss.senses[:MAX_SENSES]),
    }
    attrs = "".join(f' data-{key}="{_e(value)}"' for key, value in data.items() if value)
    return f'<span class="{" ".join(classes)}" tabindex="0"{attrs}>{text}{roman}{_tooltip(gloss)}</span>'


def _needs_space(prev: Token, token: Token) -> bool:
    if token.start >= prev.end and prev.end > prev.start:
        return token.start > prev.end
    # Offsets unusable (hand-built tokens): separate words, keep punctuation attached.
    return token.kind != "punct"


def sentence_html(pair: SentencePair, options: RenderOptions) -> str:
    """The Hindi side of one pair: focusable words with tooltips, original spacing."""
    tokens = pair.source.tokens
    if not tokens:
        return _e(pair.source.text)
    glosses = pair.glosses
    parts: list[str] = []
    for i, token in enumerate(tokens):
        if i and _needs_space(tokens[i - 1], token):
            parts.append(" ")
        gloss = glosses[i] if i < len(glosses) else None
        parts.append(_word_html(token, gloss, options))
    return "".join(parts)


# ---------------------------------------------------------------- rows and the page


def _row(pair: SentencePair, sid: int, options: RenderOptions) -> str:
    sid_attr = f'data-sid="{sid}"'
    if pair.kind == "copy":
        left = (
            f'<div class="hr-src" lang="en"><span class="hr-label">{COPY_LABEL}</span>'
            f'<span class="hr-s hr-copy" {sid_attr} tabindex="-1">{_e(pair.source.text)}</span></div>'
        )
        english = _e(pair.translation or pair.source.text)
        right_text = f'<span class="hr-s" {sid_attr} tabindex="-1">{english}</span>'
    else:
        gloss_below = ""
        # In gloss mode the gloss is the right column; it moves under the Hindi when that is hidden.
        in_right_column = pair.kind == "gloss" and options.show_english
        if options.gloss_line and pair.gloss_line and not in_right_column:
            gloss_below = (
                f'<div class="hr-gl" lang="en"><span class="hr-label">gloss</span>{_e(pair.gloss_line)}</div>'
            )
        hindi = sentence_html(pair, options)
        left = f'<div class="hr-src" lang="hi"><span class="hr-s" {sid_attr}>{hindi}</span>{gloss_below}'
        left += "</div>"
        if pair.kind == "gloss":
            right_text = (
                f'<span class="hr-label" title="{GLOSS_LABEL}">gloss, not a translation</span>'
                f'<span class="hr-s hr-gloss" {sid_attr} tabindex="-1">{_e(pair.gloss_line)}</span>'
            )
        elif pair.kind == "pending" or not pair.translation:
            right_text = f'<span class="hr-s hr-pending" {sid_attr} tabindex="-1">{PENDING_TEXT}</span>'
        else:
            right_text = f'<span class="hr-s" {sid_attr} tabindex="-1">{_e(pair.translation)}</span>'
    right = f'<div class="hr-tgt" lang="en">{right_text}</div>' if options.show_english else ""
    return f'<div class="hr-row hr-k-{_e(pair.kind)}" {sid_attr}>{left}{right}</div>'


def _english_heading(page: ReadingPage) -> str:
    if page.mode == "gloss" or page.model is None:
        return GLOSS_LABEL
    return f"English — machine translation ({page.model})"


def _open_reader(options: RenderOptions) -> str:
    classes = ["hr-reader", f"hr-theme-{options.theme if options.theme in THEMES else 'auto'}"]
    if options.romanization:
        classes.append("hr-rom")
    if not options.show_english:
        classes.append("hr-one-col")
    size = min(max(int(options.font_size), 10), 48)
    return f'<div class="{" ".join(classes)}" style="--hr-size: {size}px" lang="en">'


def _page_body(page: ReadingPage, options: RenderOptions) -> str:
    parts: list[str] = []
    if page.mode == "gloss":
        parts.append(f'<div class="hr-note" role="note">{GLOSS_NOTICE}</div>')
    right_head = f"<div>{_e(_english_heading(page))}</div>" if options.show_english else ""
    parts.append(f'<div class="hr-head" aria-hidden="true"><div>Hindi</div>{right_head}</div>')
    sid = 0
    for block in page.blocks:
        kind = block.kind if block.kind in _BLOCK_KINDS else "paragraph"
        rows = []
        for pair in block.pairs:
            rows.append(_row(pair, sid, options))
            sid += 1
        parts.append(f'<section class="hr-block hr-b-{kind}">{"".join(rows)}</section>')
    return "".join(parts)


def page_html(page: ReadingPage, options: RenderOptions | None = None) -> str:
    """The side-by-side reading page as an HTML fragment, with its stylesheet inline."""
    options = options or RenderOptions()
    return f"<style>{reader_css()}</style>{_open_reader(options)}{_page_body(page, options)}</div>"


# ---------------------------------------------------------------- glossary and document


def _term_row(term: GlossaryTerm) -> str:
    senses = "; ".join(term.senses[:MAX_SENSES])
    return (
        f'<tr><td lang="hi">{_e(term.term)}</td><td>{_e(term.roman)}</td>'
        f"<td>{_e(grammar_label(term.pos, term.gender))}</td><td>{_e(senses)}</td>"
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
    return [
        {
            "term": t.term,
            "romanization": t.roman,
            "POS": pos_label(t.pos) + (" (name)" if t.is_name and t.pos != "PROPN" else ""),
            "gender": gender_label(t.gender),
            "meaning": "; ".join(t.senses[:MAX_SENSES]),
            "count": t.count,
        }
        for t in (*glossary.terms, *glossary.names)
    ]


_DOCUMENT_CSS = """
body.hr-doc { margin: 0; }
body.hr-doc > .hr-reader { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem; min-height: 100vh;
  box-sizing: border-box; font-family: "Noto Sans", "Source Sans 3", system-ui, sans-serif; }
body.hr-doc .hr-reader.hr-theme-auto { --hr-fg: #1b1d21; --hr-bg: #ffffff; }
@media (prefers-color-scheme: dark) {
  body.hr-doc .hr-reader.hr-theme-auto { --hr-fg: #e6e7ea; --hr-bg: #0e1117; }
}
"""


def standalone_html(page: ReadingPage, options: RenderOptions | None = None, *, footer: str = "") -> str:
    """A complete offline HTML5 document: the page, its glossary and a footer line.

    ``footer`` is plain text (escaped here). The only script is the fixed tooltip
    placement helper shipped with the package.
    """
    options = options or RenderOptions()
    title = page.title or page.source_name or "Hindi reading page"
    meta = [part for part in (page.source_name, page.created) if part]
    meta.append(f"translated by {page.model}" if page.model else GLOSS_LABEL.lower())
    footer_text = footer or " · ".join(meta)
    body = (
        f"{_open_reader(options)}{_page_body(page, options)}{glossary_html(page.glossary)}"
        f'<footer class="hr-footer">{_e(footer_text)}</footer></div>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
        f"<style>{reader_css()}{_DOCUMENT_CSS}</style>\n</head>\n"
        f'<body class="hr-doc">\n{body}\n<script>{_reader_js()}</script>\n</body>\n</html>\n'
    )
