"""The reading page's HTML: structure (compact golden strings), escaping and options."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from assistant.pagedata import (
    CONFIDENT_LINK,
    FormTable,
    apply_aids,
    json_for_html,
    offered_aids,
    page_data,
    sections,
    table_size,
)
from assistant.render import (
    GLOSS_LABEL,
    RenderOptions,
    component_data,
    component_js,
    glossary_html,
    glossary_rows,
    reader_css,
    reader_js,
    standalone_html,
)
from assistant.types import (
    AlignmentLink,
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


def tip_text(data: dict, form_index: int, word: str) -> str:
    """A tooltip's lines as the page script builds them, joined by |."""
    form = data["forms"][form_index]
    strings = data["strings"]
    lines = [form.get("x", word)]
    if form.get("r"):
        lines.append(form["r"])
    if form.get("l"):
        lines.append(f"dictionary form: {form['l']}")
    if "g" in form:
        lines.append(strings[form["g"]])
    if form.get("s"):
        lines.append(form["s"])
    elif form.get("unk"):
        lines.append("not in the dictionary")
    if "n" in form:
        lines.append(strings[form["n"]])
    if "u" in form:
        text, senses, note, _ = data["units"][form["u"]]
        lines.append(f"part of {text}" + (f": {senses}" if senses else "") + (f" ({note})" if note else ""))
    return "|".join(lines)


def compact(data: dict, tips: bool = False) -> str:
    """The page data as the script draws it, one line per row: words in <>, tooltips in {},
    columns split by ||, the gloss line after ~, labels in (), romanization after /."""
    options = data["options"]
    labels = data["labels"]
    out: list[str] = []
    if data["notice"]:
        out.append(f"NOTE {data['notice']}")
    out.append("HEAD Hindi" + (f" {data['heading']}" if options["showEnglish"] else ""))
    for index, blocks in enumerate(data["content"]):
        sid = data["sections"][index][1]
        for block in blocks or ():
            out.append(f"[{block['k']}]")
            for pair in block["p"]:
                row = f"#{sid} {pair['k']}: "
                sid += 1
                if pair["k"] == "copy":
                    left, right = f"({labels['copy']}) {pair['s']}", pair["t"]
                else:
                    left = ""
                    at = 0
                    words = pair.get("w", [])
                    for i in range(0, len(words), 3):
                        start, end, form = words[i : i + 3]
                        left += pair["s"][at:start]
                        word = pair["s"][start:end]
                        at = end
                        entry = data["forms"][form] if form >= 0 else None
                        shown = entry and entry.get("r") and options["romanization"]
                        roman = f"/{entry['r']}" if shown else ""
                        if entry is None or entry.get("w") == 0:
                            left += word + roman
                            continue
                        tip = "{" + tip_text(data, form, word) + "}" if tips else ""
                        left += f"<{word}{roman}{tip}>"
                    left += pair["s"][at:]
                    in_right = pair["k"] == "gloss" and options["showEnglish"]
                    if pair.get("g") and not in_right and (options["glossLine"] or pair["k"] == "gloss"):
                        left += f" ~ ({labels['gloss']}) {pair['g']}"
                    if pair["k"] == "gloss":
                        right = f"({labels['glossColumn']}) {pair.get('g', '')}"
                    elif pair["k"] == "pending" or not pair.get("t"):
                        right = f"…{labels['pending']}"
                    else:
                        right = pair["t"]
                row += left + (f" || {right}" if options["showEnglish"] else "")
                out.append(re.sub(r"\s+", " ", row).strip())
    return "\n".join(out)


def data_of(page: ReadingPage, options: RenderOptions | None = None) -> dict:
    return page_data(page, options, section=None)


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
    assert compact(data_of(make_page(mode), RenderOptions())) == golden


def test_tooltip_carries_lemma_romanization_grammar_and_three_senses() -> None:
    rows = compact(data_of(make_page()), tips=True).splitlines()
    assert rows[4].startswith(
        "#1 mt: <भारत{भारत|bhārat|name · masculine|India}> "
        "<बड़ा{बड़ा|baṛā|adjective|big; large; great}> "
        "<देश{देश|desh|noun · masculine|country}> "
        "<है{है|hai|dictionary form: होना|auxiliary|is|present of होना}>।"
    )
    assert "elder" not in json.dumps(data_of(make_page()), ensure_ascii=False)  # only three senses


def test_each_form_travels_once_however_often_it_occurs() -> None:
    text = " ".join(["भारत बड़ा देश है।"] * 200)
    block = PageBlock("paragraph", (pair(text, "India", "mt"),))
    data = data_of(ReadingPage("", (block,), model="m", mode="translation"))
    assert len(data["forms"]) == 4  # भारत, बड़ा, देश, है; the danda has no tooltip (-1)
    words = data["content"][0][0]["p"][0]["w"]
    assert len(words) == 3 * 1000 and sorted(set(words[2::3])) == [-1, 0, 1, 2, 3]
    assert len(json_for_html(data["forms"]).encode()) < 600


def test_every_word_is_focusable_and_both_sides_share_the_sentence_id() -> None:
    data = data_of(make_page())
    words = [w for b in data["content"][0] for p in b["p"] for w in p.get("w", [])[2::3]]
    tooltips = [w for w in words if w >= 0 and data["forms"][w].get("w") != 0]
    assert len(tooltips) == 7  # 1 + 4 + 2 Hindi words; punctuation has no tooltip
    js = reader_js()
    assert "node.tabIndex = 0" in js and "row.dataset.sid = pair.i" in js


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
        data_of(page), tips=True
    )


def test_hand_built_tokens_without_offsets_are_spaced_like_words() -> None:
    tokens = (Token("देश", "word", 0, 0), Token("है", "word", 0, 0), Token("।", "punct", 0, 0))
    s = Sentence("देश है।", 0, 0, tokens)
    page = ReadingPage("", (PageBlock("paragraph", (SentencePair(s, "", "gloss", glosses_for(s), "x"),)),))
    pair_data = data_of(page)["content"][0][0]["p"][0]
    assert pair_data["s"] == "देश है।" and pair_data["w"][:6] == [0, 3, 0, 4, 6, 1]


def test_offsets_count_utf16_units_after_astral_characters() -> None:
    s = sentence("😀 देश है।")
    page = ReadingPage("", (PageBlock("paragraph", (SentencePair(s, "", "gloss", glosses_for(s), "x"),)),))
    words = data_of(page)["content"][0][0]["p"][0]["w"]
    assert words[3:5] == [3, 6]  # the emoji takes two UTF-16 units


# ---------------------------------------------------------------- sections


def long_page(paragraphs: int, words: int = 50, heading_every: int = 0) -> ReadingPage:
    blocks = []
    for i in range(paragraphs):
        if heading_every and i % heading_every == 0:
            blocks.append(PageBlock("heading", (pair(f"भाग {i}"),)))
        blocks.append(PageBlock("paragraph", (pair(" ".join(["देश"] * words) + "।", "x"),)))
    return ReadingPage("", tuple(blocks), model="m", mode="translation")


@pytest.mark.parametrize(
    ("page", "limit", "expected"),
    [
        (long_page(10), 100, [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]),  # by length
        (long_page(3), 2500, [(0, 3)]),  # short: one section
        (long_page(12, words=400, heading_every=4), 3000, [(0, 5), (5, 10), (10, 15)]),  # at headings
        (long_page(1, words=10_000), 100, [(0, 1)]),  # one huge sentence stays whole
    ],
)
def test_sections_cut_at_headings_or_by_length(page: ReadingPage, limit: int, expected: list) -> None:
    import assistant.pagedata as pagedata

    parts = sections(page, words=limit)
    assert [(p.start, p.end) for p in parts] == expected
    assert parts[0].start == 0 and parts[-1].end == sum(1 for _ in page.pairs())
    if page.blocks[0].kind == "heading":
        assert [p.title for p in parts] == ["भाग 0", "भाग 4", "भाग 8"]
    pagedata_limit = pagedata.SECTION_WORDS
    assert pagedata_limit >= 1000  # sections hold a few thousand words


def test_one_section_of_data_holds_only_its_own_sentences_and_forms() -> None:
    page = long_page(6, words=5, heading_every=3)
    parts = sections(page, words=5)
    first = page_data(page, section=0, parts=parts)
    assert [c is not None for c in first["content"]] == [True] + [False] * (len(parts) - 1)
    everything = page_data(page, section=None, parts=parts)
    assert all(c is not None for c in everything["content"])
    late = page_data(page, section=99, parts=parts)
    assert late["current"] == len(parts) - 1  # clamped
    raw = component_data(page, RenderOptions(), 1, parts)
    assert json.loads(raw.decode("utf-8"))["current"] == 1


def test_a_kept_table_sends_each_form_once_across_sections() -> None:
    page = ReadingPage(
        "",
        tuple(PageBlock("paragraph", (pair(text),)) for text in ("भारत बड़ा है।", "देश बड़ा है।", "भारत देश है।")),
    )
    parts = sections(page, words=1)
    table = FormTable()
    held: dict[str, list] = {"forms": [], "strings": [], "units": []}
    sent = (0, 0, 0)
    for index in range(len(parts)):
        data = page_data(page, section=index, parts=parts, table=table, sent=sent)
        assert data["base"] == list(sent)
        for name in held:
            held[name] += data[name]
        sent = table_size(table)
        assert all(f < len(held["forms"]) for p in data["content"][index][0]["p"] for f in p["w"][2::3])
    assert len(held["forms"]) == 4  # भारत, बड़ा, है, देश: each sent once
    assert page_data(page, section=2, parts=parts, table=table, sent=sent)["forms"] == []
    fresh = page_data(page, section=None)
    assert fresh["forms"] == held["forms"] and fresh["base"] == [0, 0, 0]


# ---------------------------------------------------------------- alignment


ENGLISH = "India is a big country."


def linked_page(links: tuple[AlignmentLink, ...], translation: str = ENGLISH) -> ReadingPage:
    base = pair("भारत बड़ा देश है।", translation, "mt")
    linked = SentencePair(base.source, base.translation, "mt", base.glosses, base.gloss_line, links)
    return ReadingPage("", (PageBlock("paragraph", (linked,)),), model="m", mode="translation")


def test_links_carry_only_the_english_words_they_use() -> None:
    links = (
        AlignmentLink(0, 0, 0.9, "name"),
        AlignmentLink(2, 4, 0.8),
        AlignmentLink(1, 3, 0.3),
        AlignmentLink(9, 0, 1),
    )
    p = data_of(linked_page(links))["content"][0][0]["p"][0]
    assert p["a"] == [0, 0, 0.9, 2, 4, 0.8, 1, 3, 0.3]  # the link to a missing token is dropped
    english = "India is a big country."
    spans = {p["e"][i]: english[p["e"][i + 1] : p["e"][i + 2]] for i in range(0, len(p["e"]), 3)}
    assert spans == {0: "India", 3: "big", 4: "country"}
    assert 0 < CONFIDENT_LINK <= 0.9


def test_links_use_utf16_offsets_in_the_english() -> None:
    p = data_of(linked_page((AlignmentLink(2, 0, 0.9),), "😀 country"))["content"][0][0]["p"][0]
    assert p["e"] == [0, 3, 10]  # the emoji is no word but takes two UTF-16 units


def test_no_links_no_link_data() -> None:
    p = data_of(linked_page(()))["content"][0][0]["p"][0]
    assert "a" not in p and "e" not in p


# ---------------------------------------------------------------- escaping

HOSTILE = [
    "<script>alert(1)</script>",
    '" onmouseover="alert(2)',
    "javascript:alert(3)",
    "<img src=x onerror=alert(4)>",
    "</style><script>alert(5)</script>",
    "</script><!-- <script>alert(6)</script>",
    "\u2028</SCRIPT >&amp;",
]


def hostile_page(text: str) -> ReadingPage:
    tok = Token(text, "word", 0, len(text))
    gloss = Gloss(text, text, text, text, text, text, (text, text), note=text, aligned=(text,))
    unit = MultiwordUnit(text, text, (text,), text, 0, 1, note=text)
    gloss_unit = Gloss(text, text, text, text, "NOUN", unit=unit)
    s = Sentence(text, 0, len(text), (tok,))
    s2 = Sentence(text, 0, len(text), (tok, Token(text, "word", len(text) + 1, 2 * len(text) + 1)))
    term = GlossaryTerm(text, text, text, text, text, (text,), 1, text)
    link = (AlignmentLink(0, 0, 1.0, text),)
    return ReadingPage(
        title=text,
        blocks=(
            PageBlock("title", (SentencePair(s, text, "mt", (gloss,), text, link),)),
            PageBlock(
                "heading" if text.startswith("<") else text,  # type: ignore[arg-type]
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
def test_article_and_model_text_is_always_escaped(text: str) -> None:
    page = hostile_page(text)
    html = standalone_html(page, RenderOptions(romanization=True, highlight_lemma=text), footer=text)
    tags = _tags(html)
    # Only the tags the renderer itself writes; no event handlers; no img from content.
    assert {tag for tag, _ in tags} <= {
        "style", "div", "section", "span", "script", "html", "head", "meta", "title", "body", "footer",
        "h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "noscript", "p",
    }  # fmt: skip
    assert not [name for _, attrs in tags for name, _ in attrs if name.startswith("on")]
    assert html.lower().count("<script") == 2 and html.lower().count("</script") == 2
    assert "<!--" not in html and html.count("</style>") == 1
    # The page data parses back to exactly the article's text.
    holder = html.split('<script type="application/json" id="hr-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(holder)
    assert data == page_data(page, RenderOptions(romanization=True, highlight_lemma=text), section=None)
    assert data["content"][0][0]["p"][0]["s"] == text and text in data["heading"]
    outside = html.split("<script", 1)[0]
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    assert escaped in outside
    if escaped != text:
        assert text not in outside


@pytest.mark.parametrize("text", HOSTILE)
def test_json_for_html_cannot_close_its_script(text: str) -> None:
    value = {"k": [text, {"n": text}]}
    encoded = json_for_html(value)
    assert json.loads(encoded) == value
    assert "<" not in encoded and ">" not in encoded and "\u2028" not in encoded


def test_standalone_data_is_inert_and_the_only_code_is_the_fixed_reader() -> None:
    page = hostile_page("<script>alert(1)</script>")
    html = standalone_html(page)
    data = html.split('<script type="application/json" id="hr-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["content"]
    code = html.split("<script>", 1)[1].split("</script>", 1)[0]
    assert code.startswith("\n" + reader_js()) and "alert" not in code
    assert "innerHTML" not in reader_js() and "insertAdjacentHTML" not in reader_js()
    assert component_js().startswith(reader_js()) and "export default function" in component_js()


def test_standalone_without_scripts_shows_the_first_pairs_as_text() -> None:
    html = standalone_html(make_page())
    fallback = html.split("<noscript>", 1)[1].split("</noscript>", 1)[0]
    assert "भारत बड़ा देश है।" in fallback and "India is a big country." in fallback


# ---------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (RenderOptions(), {"romanization": False, "glossLine": True, "showEnglish": True, "fontSize": 18,
                           "highlight": "", "theme": "auto"}),
        (RenderOptions(romanization=True, gloss_line=False), {"romanization": True, "glossLine": False}),
        (RenderOptions(show_english=False), {"showEnglish": False}),
        (RenderOptions(font_size=24, theme="dark"), {"fontSize": 24, "theme": "dark"}),
        (RenderOptions(font_size=500, theme="<x>"), {"fontSize": 48, "theme": "auto"}),
        (RenderOptions(highlight_lemma="देश"), {"highlight": "देश"}),
    ],
)  # fmt: skip
def test_options_travel_with_the_data(options: RenderOptions, expected: dict) -> None:
    got = data_of(make_page(), options)["options"]
    assert {k: got[k] for k in expected} == expected


def test_options_change_the_drawn_rows() -> None:
    rows = compact(data_of(make_page(), RenderOptions(romanization=True, gloss_line=False))).splitlines()
    assert rows[4] == "#1 mt: <भारत/bhārat> <बड़ा/baṛā> <देश/desh> <है/hai>। || India is a big country."
    hidden = compact(data_of(make_page(), RenderOptions(show_english=False)))
    assert "India is a big country." not in hidden


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        ({"romanization": True, "glossLine": False}, RenderOptions(romanization=True, gloss_line=False)),
        ({"showEnglish": False, "fontSize": 22.6}, RenderOptions(show_english=False, font_size=22)),
        ({"fontSize": 3}, RenderOptions(font_size=14)),
        ({"fontSize": 10**9}, RenderOptions(font_size=30)),
        ({"fontSize": float("nan"), "romanization": 1, "showEnglish": None}, RenderOptions()),
        ({"fontSize": False, "highlight": "देश", "theme": "dark"}, RenderOptions()),
        ("romanization", RenderOptions()),
        (None, RenderOptions()),
    ],
)  # fmt: skip
def test_reported_aids_become_options_and_nothing_else(reported: object, expected: RenderOptions) -> None:
    assert apply_aids(RenderOptions(), reported) == expected


def test_offered_aids_depend_on_the_page() -> None:
    names = [name for name, _ in offered_aids(make_page())]
    assert names == ["romanization", "glossLine", "showEnglish", "fontSize"]
    gloss = dict(offered_aids(make_page("gloss")))
    assert "glossLine" not in gloss and gloss["showEnglish"] == "Gloss column"
    assert data_of(make_page("gloss"))["aids"] == offered_aids(make_page("gloss"))


def test_the_drawing_key_ignores_options_and_forms_already_sent() -> None:
    page = make_page()
    parts = sections(page, words=3)
    assert len(parts) > 1

    def data(options: RenderOptions, section: int = 0, page_id: str = "a", sent: bool = False) -> dict:
        table = FormTable()
        if sent:
            component_data(page, options, section, parts, table=table, page_id=page_id)
        held = table_size(table)
        raw = component_data(page, options, section, parts, table=table, sent=held, page_id=page_id)
        return json.loads(raw)

    plain = data(RenderOptions())
    assert data(RenderOptions(romanization=True, highlight_lemma="देश", font_size=25))["draw"] == plain["draw"]
    assert data(RenderOptions(), sent=True)["draw"] == plain["draw"]  # fewer forms travel, same rows
    assert data(RenderOptions(), page_id="b")["draw"] != plain["draw"]
    assert data(RenderOptions(), section=1)["draw"] != plain["draw"]
    other = make_page("gloss")
    assert json.loads(component_data(other, RenderOptions(), 0, page_id="a"))["draw"] != plain["draw"]


def test_highlight_keys_are_lemma_word_and_unit() -> None:
    forms = data_of(make_page())["forms"]
    assert {f.get("l") for f in forms} == {None, "होना"}  # है is marked by its lemma होना too
    assert "highlight === (form.l || form.x || word)" in reader_js()


# ---------------------------------------------------------------- stylesheet and document


def test_css_has_devanagari_fonts_scoping_phones_and_print() -> None:
    css = re.sub(r"/\*.*?\*/", "", reader_css(), flags=re.S)
    assert '"Noto Sans Devanagari", "Noto Serif Devanagari", "Mangal", "Kohinoor Devanagari"' in css
    assert '"Nirmala UI", sans-serif' in css
    assert "line-height: 1.8" in css and "@media print" in css
    assert ":has(.hr-s:hover)" in css and "@container (max-width: 700px)" in css
    # Every selector is scoped so the host page is not restyled.
    for rule in re.findall(r"^([^@/{}\s][^{]*)\{", css, flags=re.M):
        for selector in rule.split(","):
            if selector.strip() in ("from", "to") or selector.strip().endswith("%"):
                continue
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
    assert "…translating…" in compact(data_of(page))


def test_gloss_moves_under_the_hindi_when_the_english_column_is_hidden() -> None:
    rows = compact(data_of(make_page("gloss"), RenderOptions(show_english=False))).splitlines()
    assert rows[5] == "#1 gloss: <भारत> <बड़ा> <देश> <है>। ~ (gloss) India big country is"


def test_glossary_rows_for_the_table() -> None:
    term = GlossaryTerm("देश", "देश", "desh", "NOUN", "m", ("country", "land", "nation", "realm"), 2, "")
    name = GlossaryTerm("पुतिन", "पुतिन", "putin", "PROPN", None, ("Putin",), 5, "", is_name=True)
    assert glossary_rows(Glossary((term,), (name,))) == [
        {"term": "देश", "romanization": "desh", "POS": "noun", "gender": "masculine",
         "meaning": "country; land; nation", "count": 2},
        {"term": "पुतिन", "romanization": "putin", "POS": "name", "gender": "", "meaning": "Putin",
         "count": 5},
    ]  # fmt: skip
