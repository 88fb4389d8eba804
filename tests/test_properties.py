"""Properties of normalization, segmentation, tokenization, glossing and exports, for
arbitrary Unicode (hypothesis, bounded example counts, no deadlines)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
import unicodedata
import zipfile
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from assistant.errors import InputError
from assistant.export import FORMATS, export_page, load_page_json
from assistant.gloss import gloss_sentence
from assistant.reader import build_reading_page
from assistant.segment import segment_article, split_sentences
from assistant.text import normalize, tokenize
from assistant.types import AlignmentLink, ReadingPage

# Text that looks like what readers paste, and worse: Devanagari with its marks and
# joiners, dandas and full stops, Latin, digits, Urdu, emoji, controls and odd spaces.
_PIECES = (
    "क", "ख", "ग", "ष", "न", "र", "ि", "ी", "ु", "े", "ो", "ं", "ँ", "ः", "्", "़", "ॉ", "अ", "आ", "ए",
    "क़", "ऩ", "\u0958", "\u0929", "१", "२", "।", "॥", ".", "?", "!", "…", ",", "-", "\"", "'", "”", ")",
    " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200d", "\u200c", "\u200b", "\ufeff", "\u202e",
    "\u2028", "\x00", "\x1b", "a", "B", "z", "5", "é", "e\u0301", "ب", "ی", "👩\u200d👧", "🏽", "\u0301",
    "डॉ.", "मि. ", "U.S.", "म.प्र.", "<b>", "&amp;", "=", "@",
)  # fmt: skip
messy_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.characters(codec="utf-8", exclude_categories=("Cs",))),
    max_size=60,
).map("".join)
_ANCHORS = st.sampled_from(["भारत", "देश है।", "मि. शर्मा", "क्\u200dष"])
hindi_text = st.tuples(messy_text, _ANCHORS, messy_text).map("".join)
# Tests write only under temp folders: no example database (every run draws afresh) and
# hypothesis's own cache (its Unicode tables) in a temp folder, not ./.hypothesis.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="hypothesis-"))
settings.register_profile("no-database", database=None)
settings.load_profile("no-database")
FAST = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def _cluster_boundaries(text: str) -> list[int]:
    """Offsets where no combining mark or joiner continues the character before."""
    return [i for i in range(len(text) + 1)
            if i in (0, len(text)) or not (unicodedata.category(text[i]).startswith("M")
                                           or text[i] in "\u200c\u200d")]  # fmt: skip


@FAST
@given(messy_text)
def test_normalize_is_idempotent_and_maps_back_in_order(text: str) -> None:
    norm = normalize(text)
    assert normalize(norm.text).text == norm.text
    positions = [norm.to_original(i) for i in range(len(norm.text) + 1)]
    assert positions == sorted(positions)
    assert positions[-1] == len(text) and all(0 <= p <= len(text) for p in positions)


@FAST
@given(messy_text)
def test_normalized_slices_at_token_boundaries_come_from_the_original(text: str) -> None:
    norm = normalize(text)
    at = norm.to_original
    for token in tokenize(text):
        assert 0 <= token.start < token.end <= len(text)
        # the token's text is exactly what its span of the original normalizes to
        assert normalize(text[token.start : token.end]).text == token.text, (token, text)
    for a, b in split_sentences(norm.text):
        assert normalize(text[at(a) : at(b)]).text == norm.text[a:b]


@FAST
@given(messy_text)
def test_sentences_rejoin_to_the_normalized_text(text: str) -> None:
    s = normalize(text).text
    spans = split_sentences(s)
    pos = 0
    for a, b in spans:
        assert pos <= a < b <= len(s)
        assert s[pos:a].strip() == "", "only spaces between sentences"
        assert s[a:b] == s[a:b].strip()
        pos = b
    assert s[pos:].strip() == ""
    visible = "".join(s.split())
    assert "".join("".join(s[a:b].split()) for a, b in spans) == visible


@FAST
@given(messy_text)
def test_no_token_splits_a_grapheme_cluster(text: str) -> None:
    s = normalize(text).text
    boundaries = set(_cluster_boundaries(s))
    for token in tokenize(s):
        assert token.end in boundaries, (token, s)
        # a token may start with a mark only where a space or the text's start left it alone
        assert token.start in boundaries or token.start == 0 or s[token.start - 1].isspace(), (token, s)


@FAST
@given(hindi_text)
def test_segmented_articles_point_into_the_original(text: str) -> None:
    try:
        article = segment_article(text)
    except InputError:
        return  # no Devanagari letter survived normalization: a clear message
    for sentence in article.sentences():
        assert normalize(text[sentence.start : sentence.end]).text.split() == sentence.text.split()
        for token in sentence.tokens:
            assert sentence.start <= token.start < token.end <= sentence.end
            assert normalize(text[token.start : token.end]).text == token.text


@SLOW
@given(hindi_text)
def test_glossing_never_raises(text: str) -> None:
    try:
        article = segment_article(text)
    except InputError:
        return
    for sentence in article.sentences():
        glosses = gloss_sentence(sentence)
        assert len(glosses) == len(sentence.tokens)


# --- exports ------------------------------------------------------------------------------

links = st.lists(
    st.builds(AlignmentLink, st.integers(0, 40), st.integers(0, 40),
              st.floats(0, 1, allow_nan=False), st.sampled_from(["table", "lexicon", "name", ""])),
    max_size=4,
).map(tuple)  # fmt: skip


@st.composite
def pages(draw: st.DrawFn) -> ReadingPage:
    """A small page of arbitrary text, with arbitrary translations and alignment links."""
    text = draw(hindi_text)
    try:
        article = segment_article(text, draw(st.sampled_from(["a.txt", "<x>.md", ""])))
    except InputError:
        article = segment_article("भारत एक देश है। दिल्ली राजधानी है।")
    page = build_reading_page(article)
    blocks = []
    for block in page.blocks:
        pairs = []
        for pair in block.pairs:
            if pair.kind == "gloss" and draw(st.booleans()):
                pair = replace(pair, translation=draw(messy_text), kind="mt")
            pairs.append(replace(pair, links=draw(links)))
        blocks.append(replace(block, pairs=tuple(pairs)))
    translated = any(p.kind == "mt" for b in blocks for p in b.pairs)
    return replace(page, blocks=tuple(blocks), model="tiny" if translated else None,
                   mode="translation" if translated else "gloss")  # fmt: skip


def _parses(fmt: str, data: bytes) -> None:
    if fmt == "json":
        return
    if fmt in ("docx", "epub", "anki"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
        if fmt == "docx":
            import docx

            docx.Document(io.BytesIO(data))
        return
    text = data.decode("utf-8-sig")
    if fmt in ("csv", "glossary-csv", "tsv"):
        if fmt == "tsv":  # plain TSV: no quoting, cells hold no tabs or line breaks
            rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
        else:
            rows = list(csv.reader(io.StringIO(text)))
        assert rows and all(len(row) == len(rows[0]) for row in rows)
    elif fmt == "html":
        from lxml import html

        assert html.document_fromstring(data).find(".//body") is not None


@SLOW
@given(pages())
def test_every_export_of_an_arbitrary_page_parses_back(page: ReadingPage) -> None:
    for fmt in FORMATS:
        if fmt == "anki" and not (page.glossary.terms or page.glossary.names):
            continue  # an Anki deck of nothing is refused with a message
        _parses(fmt, export_page(page, fmt))


@SLOW
@given(pages())
def test_json_round_trips_exactly(page: ReadingPage) -> None:
    data = export_page(page, "json")
    assert load_page_json(data) == page
    assert json.loads(data)["schema_version"] == 2


@pytest.mark.parametrize("version", [1, 2])
def test_json_of_each_readable_version_loads(version: int) -> None:
    page = build_reading_page(segment_article("भारत एक देश है। दिल्ली राजधानी है।"))
    doc = json.loads(export_page(page, "json"))
    doc["schema_version"] = version
    assert load_page_json(json.dumps(doc)) == page
