"""The reading page's HTML: structure (compact golden strings), escaping and options."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from assistant.render import (
    GLOSS_LABEL,
    RenderOptions,
    glossary_html,
    glossary_rows,
    page_html,
    reader_css,
    standalone_html,
)
from assistant.types import (
    Gloss,
    Glossary,
    GlossaryTerm,
    MultiwordUnit,
    PageBlock,
    ReadingPage,
    Sentence,
    SentencePair,
    Token,
)

# ---------------------------------------------------------------- hand-built pages

LEXICON = {
    "भारत": Gloss("भारत", "भारत", "bhārat", "bhArata", "PROPN", "m", ("India",), known=True, is_name=True),
    "बड़ा": Gloss("बड़ा", "बड़ा", "baṛā", "baDA", "ADJ", None, ("big", "large", "great", "elder"), known=True),
    "देश": Gloss("देश", "देश", "desh", "deza", "NOUN", "m", ("country",), known=True),
    "है": Gloss("है", "होना", "hai", "hai", "AUX", None, ("is",), known=True, note="present of होना"),
}


def sentence(text: str, lang: str = "hi") -> Sentence:
    """A sentence with real offsets: words split on spaces, a final danda or period apart."""
    tokens: list[Token] = []
    for match in re.finditer(r"[^\s।.]+|[।.]", text):
        word = match.group()
        kind = "punct" if word in "।." else ("latin" if word.isascii() else "word")
        tokens.append(Token(word, kind, match.start(), match.end()))
    return Sentence(text, 0, len(text), tuple(tokens), lang)


def glosses_for(s: Sentence) -> tuple[Gloss, ...]:
    def one(tok: Token) -> Gloss:
        if tok.kind == "punct":
            return Gloss(tok.text, tok.text, tok.text, tok.text, "PUNCT")
        return LEXICON.get(tok.text, Gloss(tok.text, tok.text, "?", "?", "X"))

    return tuple(one(t) for t in s.tokens)


def pair(text: str, translation: str = "", kind: str = "mt", lang: str = "hi") -> SentencePair:
    s = sentence(text, lang)
    if kind == "copy":
        return SentencePair(s, text, "copy")
    glosses = glosses_for(s)
    line = " ".join(g.senses[0] if g.senses else g.text for g in glosses if g.pos != "PUNCT")
    return SentencePair(s, translation, kind, glosses, line)  # type: ignore[arg-type]


def make_page(mode: str = "translation") -> ReadingPage:
    kind = "mt" if mode == "translation" else "gloss"
    text_kind = (lambda k: k) if mode == "translation" else (lambda k: "gloss")
    return ReadingPage(
        title="भारत",
        blocks=(
            PageBlock("title", (pair("भारत", "India" if kind == "mt" else "", kind),)),
            PageBlock(
                "paragraph",
                (
                    pair("भारत बड़ा देश है।", "India is a big country." if kind == "mt" else "", kind),
                    pair("देश है।", "", text_kind("pending")),
                ),
            ),
            PageBlock("caption", (pair("Photo: archive.", kind="copy", lang="en"),)),
        ),
        model="tiny-marian" if mode == "translation" else None,
        mode=mode,  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------- compact form

_MARKS = {
    "hr-note": ("NOTE ", "\n"),
    "hr-head": ("HEAD ", "\n"),
    "hr-tgt": (" || ", ""),
    "hr-w": ("<", ">"),
    "hr-tip": ("{", "}"),
    "hr-label": ("(", ") "),
    "hr-gl": (" ~ ", ""),
    "hr-r": ("/", ""),
    "hr-pending": ("…", ""),
}


class _Compact(HTMLParser):
    """Turns the page into one line per row: words in <>, tooltips in {}, columns split by ||."""

    def __init__(self, tips: bool) -> None:
        super().__init__()
        self.tips = tips
        self.out: list[str] = []
        self.stack: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        close = ""
        if tag == "style" or ("hr-tip" in classes and not self.tips) or self.skip:
            self.skip += 1
            self.stack.append("\0skip")
            return
        if tag == "section":
            kind = next(c[5:] for c in classes if c.startswith("hr-b-"))
            self.out.append(f"\n[{kind}]")
        if "hr-row" in classes:
            self.out.append(f"\n#{dict(attrs)['data-sid']} {classes[1][5:]}: ")
        for cls in classes:
            if cls in _MARKS:
                opener, close = _MARKS[cls]
                self.out.append(opener)
        if self.stack and self.stack[-1] == "\0tip":
            self.out.append("|")
        self.stack.append("\0tip" if "hr-tip" in classes else close)

    def handle_endtag(self, tag: str) -> None:
        close = self.stack.pop()
        if close == "\0skip":
            self.skip -= 1
        elif close == "\0tip":
            self.out.append("}")
        else:
            self.out.append(close + (" " if tag == "div" else ""))

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def compact(html: str, tips: bool = False) -> str:
    parser = _Compact(tips)
    parser.feed(html)
    text = "".join(parser.out).replace("{|", "{")
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.strip().splitlines())
    return "\n".join(line for line in lines if line)


def body(html: str) -> str:
    """The page without its stylesheet."""
    return re.sub(r"<style>.*?</style>", "", html, flags=re.S)


# ---------------------------------------------------------------- golden structure

GOLDEN_TRANSLATION = """\
HEAD Hindi English — machine translation (tiny-marian)
[title]
#0 mt: <भारत> ~ (gloss) India || India
[paragraph]
#1 mt: <भारत> <बड़ा> <देश> <है>। ~ (gloss) India big country is || India is a big country.
#2 pending: <देश> <है>। ~ (gloss) country is || …translating…
[caption]
#3 copy: (English in the original) Photo: archive. || Photo: archive."""

GOLDEN_GLOSS = """\
NOTE No translation model is in use: the right column is a word-by-word gloss built from \
the dictionary, not a translation.
HEAD Hindi Word-by-word gloss (not a translation)
[title]
#0 gloss: <भारत> || (gloss, not a translation) India
[paragraph]
#1 gloss: <भारत> <बड़ा> <देश> <है>। || (gloss, not a translation) India big country is
#2 gloss: <देश> <है>। || (gloss, not a translation) country is
[caption]
#3 copy: (English in the original) Photo: archive. || Photo: archive."""


@pytest.mark.parametrize(("mode", "golden"), [("translation", GOLDEN_TRANSLATION), ("gloss", GOLDEN_GLOSS)])
def test_page_structure_matches_golden(mode: str, golden: str) -> None:
    assert compact(page_html(make_page(mode), RenderOptions())) == golden


def test_tooltip_carries_lemma_romanization_grammar_and_three_senses() -> None:
    html = page_html(make_page(), RenderOptions())
    rows = compact(html, tips=True).splitlines()
    assert rows[4].startswith(
        "#1 mt: <भारत{भारत|bhārat|proper noun · masculine · name|India}> "
        "<बड़ा{बड़ा|baṛā|adjective|big; large; great}> "
        "<देश{देश|desh|noun · masculine|country}> "
        "<है{है|hai|dictionary form: होना|auxiliary|is|present of होना}>।"
    )
    assert 'data-lemma="होना" data-roman="hai" data-pos="AUX" data-senses="is"' in html
    assert "elder" not in html  # only the first three senses


def test_every_word_is_focusable_and_both_sides_share_the_sentence_id() -> None:
    html = page_html(make_page(), RenderOptions())
    assert html.count('tabindex="0"') == 7  # 1 + 4 + 2 Hindi words; punctuation is not focusable
    for sid in range(4):
        assert (
            html.count(f'class="hr-s" data-sid="{sid}"')
            + html.count(f'hr-pending" data-sid="{sid}"')
            + html.count(f'hr-copy" data-sid="{sid}"')
            == 2
        )
    assert 'lang="hi"' in html and 'lang="en"' in html


def test_multiword_unit_appears_in_the_tooltip() -> None:
    unit = MultiwordUnit("के बारे में", "के बारे में", ("about",), "postposition", 0, 3)
    s = sentence("के बारे में")
    glosses = tuple(Gloss(t.text, t.text, "ke", "ke", "ADP", unit=unit) for t in s.tokens)
    page = ReadingPage(
        "",
        (PageBlock("paragraph", (SentencePair(s, "about", "mt", glosses, "about"),)),),
        model="m",
        mode="translation",
    )
    assert "{के|ke|postposition|not in the dictionary|part of के बारे में: about}" in compact(
        page_html(page), tips=True
    )


# ---------------------------------------------------------------- escaping

HOSTILE = [
    "<script>alert(1)</script>",
    '" onmouseover="alert(2)',
    "javascript:alert(3)",
    "<img src=x onerror=alert(4)>",
    "</style><script>alert(5)</script>",
]


def hostile_page(text: str) -> ReadingPage:
    tok = Token(text, "word", 0, len(text))
    gloss = Gloss(text, text, text, text, text, text, (text, text), note=text, aligned=(text,))
    unit = MultiwordUnit(text, text, (text,), text, 0, 1, note=text)
    gloss_unit = Gloss(text, text, text, text, "NOUN", unit=unit)
    s = Sentence(text, 0, len(text), (tok,))
    s2 = Sentence(text, 0, len(text), (tok, Token(text, "word", len(text) + 1, 2 * len(text) + 1)))
    term = GlossaryTerm(text, text, text, text, text, (text,), 1, text)
    return ReadingPage(
        title=text,
        blocks=(
            PageBlock("title", (SentencePair(s, text, "mt", (gloss,), text),)),
            PageBlock(
                "paragraph",
                (
                    SentencePair(s2, text, "mt", (gloss, gloss_unit), text),
                    SentencePair(s, text, "gloss", (gloss,), text),
                    SentencePair(Sentence(text, 0, 1, (), "en"), text, "copy"),
                ),
            ),
        ),
        glossary=Glossary((term,), (term,)),
        model=text,
        mode="translation",
        source_name=text,
        created=text,
    )


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collect().feed(html)
    return found


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("render", ["page", "standalone"])
def test_article_and_model_text_is_always_escaped(text: str, render: str) -> None:
    page = hostile_page(text)
    html = (
        page_html(page, RenderOptions(romanization=True, highlight_lemma=text))
        if render == "page"
        else (standalone_html(page, footer=text))
    )
    tags = _tags(html)
    # Only the tags the renderer itself writes; no event handlers; no img from content.
    assert {tag for tag, _ in tags} <= {
        "style",
        "div",
        "section",
        "span",
        "script",
        "html",
        "head",
        "meta",
        "title",
        "body",
        "footer",
        "h2",
        "h3",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    assert not [name for _, attrs in tags for name, _ in attrs if name.startswith("on")]
    assert html.count("<script") == (1 if render == "standalone" else 0)
    assert html.count("</style>") == 1
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    assert escaped in html
    # The raw form never appears outside escaping (for strings that need escaping).
    if escaped != text:
        assert text not in html


def test_standalone_script_is_the_fixed_helper_only() -> None:
    html = standalone_html(hostile_page("<script>alert(1)</script>"))
    script = html.split("<script>", 1)[1].split("</script>", 1)[0]
    assert "alert" not in script and "hr-tip" in script


# ---------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("options", "present", "absent"),
    [
        (
            RenderOptions(),
            ["hr-theme-auto", "--hr-size: 18px", "India is a big country."],
            ['class="hr-r"', "hr-rom"],
        ),
        (
            RenderOptions(romanization=True),
            ['class="hr-reader hr-theme-auto hr-rom"', '<span class="hr-r" lang="hi-Latn">baṛā</span>'],
            [],
        ),
        (RenderOptions(show_english=False), ["hr-one-col"], ["India is a big country.", 'class="hr-tgt"']),
        (RenderOptions(gloss_line=False), ["India is a big country."], ['class="hr-gl"']),
        (RenderOptions(font_size=24, theme="dark"), ["--hr-size: 24px", "hr-theme-dark"], ["hr-theme-auto"]),
        (RenderOptions(font_size=500, theme="<x>"), ["--hr-size: 48px", "hr-theme-auto"], ["<x>"]),
        (RenderOptions(highlight_lemma="देश"), ['class="hr-w hr-mark" tabindex="0" data-lemma="देश"'], []),
        (RenderOptions(highlight_lemma="होना"), ['class="hr-w hr-mark" tabindex="0" data-lemma="होना"'], []),
    ],
)
def test_options_change_the_output(options: RenderOptions, present: list[str], absent: list[str]) -> None:
    html = body(page_html(make_page(), options))
    for needle in present:
        assert needle in html
    for needle in absent:
        assert needle not in html


def test_highlight_marks_every_occurrence_and_nothing_else() -> None:
    html = body(page_html(make_page(), RenderOptions(highlight_lemma="देश")))
    assert html.count("hr-mark") == 2
    assert body(page_html(make_page(), RenderOptions())).count("hr-mark") == 0


def test_romanization_row_reads_word_over_reading() -> None:
    rows = compact(page_html(make_page(), RenderOptions(romanization=True, gloss_line=False))).splitlines()
    assert rows[4] == "#1 mt: <भारत/bhārat> <बड़ा/baṛā> <देश/desh> <है/hai>। || India is a big country."


# ---------------------------------------------------------------- stylesheet and document


def test_css_has_devanagari_fonts_scoping_and_print() -> None:
    css = reader_css()
    assert '"Noto Sans Devanagari", "Noto Serif Devanagari", "Mangal", "Kohinoor Devanagari"' in css
    assert '"Nirmala UI", sans-serif' in css
    assert "line-height: 1.8" in css and "@media print" in css
    assert ":has(.hr-s:hover)" in css and "position-try-fallbacks" in css
    # Every selector is scoped so the host page is not restyled.
    for rule in re.findall(r"^([^@/{}\s][^{]*)\{", css, flags=re.M):
        for selector in rule.split(","):
            assert selector.strip().startswith(".hr-reader"), selector


def test_standalone_document_is_complete_and_offline() -> None:
    page = make_page()
    page = ReadingPage(
        page.title,
        page.blocks,
        Glossary((GlossaryTerm("देश", "देश", "desh", "NOUN", "m", ("country", "land"), 2, "भारत बड़ा देश है।"),)),
        page.model,
        page.mode,
        "2026-01-01",
        "a.txt",
    )
    html = standalone_html(page)
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "<title>भारत</title>" in html and "@media print" in html
    assert "http://" not in html and "https://" not in html
    assert "a.txt · 2026-01-01 · translated by tiny-marian" in html
    assert '<td>noun · masculine</td><td>country; land</td><td class="hr-n">2</td>' in html
    gloss_doc = standalone_html(make_page("gloss"))
    assert GLOSS_LABEL in gloss_doc and GLOSS_LABEL.lower() in gloss_doc


def test_glossary_html_is_empty_without_terms() -> None:
    assert glossary_html(Glossary()) == ""


@pytest.mark.parametrize("kind", ["pending", "mt"])
def test_sentence_without_translation_shows_placeholder(kind: str) -> None:
    page = ReadingPage(
        "", (PageBlock("paragraph", (pair("देश है।", "", kind),)),), model="m", mode="translation"
    )
    assert "…translating…" in compact(page_html(page))


def test_gloss_moves_under_the_hindi_when_the_english_column_is_hidden() -> None:
    rows = compact(page_html(make_page("gloss"), RenderOptions(show_english=False))).splitlines()
    assert rows[5] == "#1 gloss: <भारत> <बड़ा> <देश> <है>। ~ (gloss) India big country is"
    bare = RenderOptions(show_english=False, gloss_line=False)
    assert "~" not in compact(page_html(make_page("gloss"), bare))


def test_glossary_rows_for_the_table() -> None:
    term = GlossaryTerm("देश", "देश", "desh", "NOUN", "m", ("country", "land", "nation", "realm"), 2, "")
    name = GlossaryTerm("पुतिन", "पुतिन", "putin", "PROPN", None, ("Putin",), 5, "", is_name=True)
    assert glossary_rows(Glossary((term,), (name,))) == [
        {"term": "देश", "romanization": "desh", "POS": "noun", "gender": "masculine",
         "meaning": "country; land; nation", "count": 2},
        {"term": "पुतिन", "romanization": "putin", "POS": "proper noun", "gender": "", "meaning": "Putin",
         "count": 5},
    ]  # fmt: skip
