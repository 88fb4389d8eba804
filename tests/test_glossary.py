"""The article glossary: which words become key terms, how they are counted and ranked."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from assistant.errors import LexiconError
from assistant.glossary import Frequency, build_glossary, load_frequency
from assistant.types import Gloss, MultiwordUnit, Sentence, SentencePair, Token

# A small reference corpus of 1000 sentences: देश and बात are everyday words,
# प्रतिबंध and अभ्यास are rare.
FREQ = Frequency(
    sentences=1000,
    forms={"देश": (300, 250), "देशों": (100, 90), "प्रतिबंध": (3, 3), "अभ्यास": (2, 2)},
    lemmas={"देश": (400, 300), "बात": (300, 280), "प्रतिबंध": (4, 3), "अभ्यास": (2, 2), "स्वागत": (5, 5)},
)

# (form, lemma, pos) or (form, lemma, pos, extra gloss fields)
Word = tuple


def make_pair(
    words: list[Word], translation: str = "", units: list[tuple[int, int, str, str]] = ()
) -> SentencePair:
    """A pair whose glosses are given directly; units are (start, end, lemma, kind)."""
    tokens: list[Token] = []
    pos = 0
    for w in words:
        kind = "punct" if w[2] == "PUNCT" else "word"
        tokens.append(Token(w[0], kind, pos, pos + len(w[0])))
        pos += len(w[0]) + 1
    text = " ".join(w[0] for w in words)
    unit_of: dict[int, MultiwordUnit] = {}
    for start, end, lemma, kind in units:
        unit = MultiwordUnit(
            text=" ".join(w[0] for w in words[start:end]),
            lemma=lemma,
            senses=(f"sense of {lemma}",),
            kind=kind,
            start_token=start,
            end_token=end,
        )
        for i in range(start, end):
            unit_of[i] = unit
    glosses = []
    for i, w in enumerate(words):
        extra = w[3] if len(w) > 3 else {}
        glosses.append(
            Gloss(
                text=w[0],
                lemma=w[1],
                roman="",
                roman_strict="",
                pos=w[2],
                unit=unit_of.get(i),
                **extra,
            )
        )
    sentence = Sentence(text=text, start=0, end=len(text), tokens=tuple(tokens))
    return SentencePair(source=sentence, translation=translation, kind="mt", glosses=tuple(glosses))


def lemmas(terms) -> list[str]:
    return [t.lemma for t in terms]


FUNCTION_WORDS = [
    ("में", "में", "ADP"),
    ("वह", "वह", "PRON"),
    ("है", "है", "AUX"),
    ("यह", "यह", "DET"),
    ("भी", "भी", "PART"),
    ("और", "और", "CCONJ"),
    ("कि", "कि", "SCONJ"),
    ("दो", "दो", "NUM"),
    ("।", "।", "PUNCT"),
]


@pytest.mark.parametrize("word", FUNCTION_WORDS, ids=[w[2] for w in FUNCTION_WORDS])
def test_function_words_never_become_terms(word: Word) -> None:
    glossary = build_glossary([make_pair([word, ("देश", "देश", "NOUN"), word])], frequency=FREQ)
    assert lemmas(glossary.terms) == ["देश"]
    assert not glossary.names


def test_counts_forms_and_first_sentence() -> None:
    pairs = [
        make_pair([("बात", "बात", "NOUN")], translation="A talk."),
        make_pair(
            [("प्रतिबंधों", "प्रतिबंध", "NOUN", {"gender": "m", "senses": ("sanction", "ban")})],
            translation="Sanctions grew.",
        ),
        make_pair([("प्रतिबंध", "प्रतिबंध", "NOUN", {"gender": "m"}), ("प्रतिबंधों", "प्रतिबंध", "NOUN")]),
    ]
    glossary = build_glossary(pairs, frequency=FREQ)
    term = next(t for t in glossary.terms if t.lemma == "प्रतिबंध")
    assert term.count == 3
    assert term.forms == ("प्रतिबंधों", "प्रतिबंध")
    assert term.first_sentence == "प्रतिबंधों"
    assert term.first_translation == "Sanctions grew."
    assert term.senses == ("sanction", "ban")
    assert term.gender == "m"
    assert term.pos == "NOUN"
    assert term.roman == "pratibandh"
    assert term.roman_strict == "pratibaṁdha"
    assert not term.is_name


def test_names_are_listed_apart_ranked_by_count() -> None:
    pairs = [
        make_pair([("बेलारूस", "बेलारूस", "PROPN"), ("में", "में", "ADP"), ("पुतिन", "पुतिन", "X", {"is_name": True})]),
        make_pair([("पुतिन", "पुतिन", "PROPN"), ("देश", "देश", "NOUN")]),
    ]
    glossary = build_glossary(pairs, frequency=FREQ)
    assert lemmas(glossary.terms) == ["देश"]
    assert [(n.lemma, n.count, n.roman) for n in glossary.names] == [
        ("पुतिन", 2, "Putin"),
        ("बेलारूस", 1, "Belarus"),
    ]
    assert all(n.is_name for n in glossary.names)


def test_full_names_fold_into_the_short_name() -> None:
    pairs = [
        make_pair([("व्लादिमीर", "व्लादिमीर", "PROPN"), ("पुतिन", "पुतिन", "PROPN"), ("ने", "ने", "ADP")]),
        make_pair(
            [
                ("पुतिन", "पुतिन", "PROPN"),
                ("ने", "ने", "ADP"),
                ("सेंट", "सेंट", "PROPN"),
                ("पीटर्सबर्ग", "पीटर्सबर्ग", "PROPN"),
            ]
        ),
    ]
    names = build_glossary(pairs, frequency=FREQ).names
    assert [(n.term, n.count) for n in names] == [("पुतिन", 2), ("सेंट पीटर्सबर्ग", 1)]
    assert names[0].forms == ("व्लादिमीर पुतिन", "पुतिन")  # order of first occurrence
    assert names[0].first_sentence == pairs[0].source.text
    assert names[1].roman == "Sent Pitarsbarg"


def test_adjacent_names_each_count_when_both_stand_alone() -> None:
    rus, bel, ne = ("रूस", "रूस", "PROPN"), ("बेलारूस", "बेलारूस", "PROPN"), ("ने", "ने", "ADP")
    pairs = [make_pair([rus, ne, bel, ne]), make_pair([bel, rus, ne])]
    names = build_glossary(pairs, frequency=FREQ).names
    assert [(n.term, n.count, n.forms) for n in names] == [("रूस", 2, ("रूस",)), ("बेलारूस", 2, ("बेलारूस",))]


def test_conjunct_verb_counts_under_its_noun_when_the_noun_stands_alone() -> None:
    pairs = [
        make_pair([("अभ्यास", "अभ्यास", "NOUN", {"senses": ("exercise",)}), ("के", "का", "ADP")]),
        make_pair(
            [("अभ्यास", "अभ्यास", "NOUN"), ("किया", "करना", "VERB")],
            units=[(0, 2, "अभ्यास करना", "conjunct_verb")],
        ),
    ]
    glossary = build_glossary(pairs, frequency=FREQ)
    assert [(t.lemma, t.count, t.forms, t.senses) for t in glossary.terms] == [
        ("अभ्यास", 2, ("अभ्यास", "अभ्यास किया"), ("exercise",))
    ]


def test_rare_word_outranks_common_word() -> None:
    # देश occurs more often in the article, but प्रतिबंध is what the article is about.
    words = [("देश", "देश", "NOUN")] * 4 + [("प्रतिबंध", "प्रतिबंध", "NOUN")] * 3
    glossary = build_glossary([make_pair(words)], frequency=FREQ)
    assert lemmas(glossary.terms) == ["प्रतिबंध", "देश"]
    assert glossary.terms[0].score > glossary.terms[1].score > 0


def test_rare_word_outranks_common_word_with_shipped_list() -> None:
    words = [("देश", "देश", "NOUN")] * 4 + [("अभ्यास", "अभ्यास", "NOUN")] * 3
    glossary = build_glossary([make_pair(words)])
    assert lemmas(glossary.terms) == ["अभ्यास", "देश"]


def test_ties_are_broken_by_first_occurrence() -> None:
    unknown = [("क", "कलम", "NOUN"), ("ख", "खिड़की", "NOUN"), ("ग", "गमला", "NOUN")]
    forward = build_glossary([make_pair(unknown)], frequency=FREQ)
    backward = build_glossary([make_pair(unknown[::-1])], frequency=FREQ)
    assert lemmas(forward.terms) == ["कलम", "खिड़की", "गमला"]
    assert lemmas(backward.terms) == ["गमला", "खिड़की", "कलम"]
    assert build_glossary([make_pair(unknown)], frequency=FREQ) == forward


def test_conjunct_verb_is_one_term_and_postposition_units_are_skipped() -> None:
    words = [
        ("पुतिन", "पुतिन", "PROPN"),
        ("के", "का", "ADP"),
        ("बारे", "बारे", "NOUN"),
        ("में", "में", "ADP"),
        ("स्वागत", "स्वागत", "NOUN"),
        ("किया", "करना", "VERB"),
    ]
    units = [(1, 4, "के बारे में", "postposition"), (4, 6, "स्वागत करना", "conjunct_verb")]
    glossary = build_glossary([make_pair(words, units=units)] * 2, frequency=FREQ)
    assert lemmas(glossary.terms) == ["स्वागत करना"]
    term = glossary.terms[0]
    assert (term.count, term.pos, term.forms) == (2, "VERB", ("स्वागत किया",))
    assert term.senses == ("sense of स्वागत करना",)
    assert term.roman == "svāgat karnā"


@pytest.mark.parametrize("lemma", ["होना", "करना", "रहना", "सकना"])
def test_light_and_auxiliary_verbs_are_not_terms(lemma: str) -> None:
    glossary = build_glossary([make_pair([("x", lemma, "VERB"), ("देश", "देश", "NOUN")])], frequency=FREQ)
    assert lemmas(glossary.terms) == ["देश"]


@pytest.mark.parametrize(("max_terms", "expected"), [(0, 0), (2, 2), (40, 3), (-5, 0)])
def test_max_terms(max_terms: int, expected: int) -> None:
    words = [("क", "कलम", "NOUN"), ("ख", "खिड़की", "NOUN"), ("ग", "गमला", "ADJ")]
    assert len(build_glossary([make_pair(words)], max_terms=max_terms, frequency=FREQ).terms) == expected


def test_empty_and_untranslated_input() -> None:
    assert build_glossary([]) == build_glossary([], max_terms=3)
    english = Sentence("Hello.", 0, 6, (Token("Hello", "latin", 0, 5),), lang="en")
    glossary = build_glossary([SentencePair(english, "Hello.", "copy")], frequency=FREQ)
    assert not glossary.terms and not glossary.names


def test_shipped_frequency_list_loads() -> None:
    freq = load_frequency()
    assert freq.sentences > 5000
    assert freq.docs("है") > freq.docs("प्रतिबंध") > 0
    assert freq.docs("कोई-ऐसा-शब्द-नहीं") == 0


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not gzip at all",
        gzip.compress(b"form\tx\tnot-a-number\t1\n"),
        gzip.compress(b"form\tx\t1\t1\n"),
    ],
)
def test_damaged_frequency_list_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "freq.tsv.gz"
    path.write_bytes(content)
    with pytest.raises(LexiconError):
        load_frequency(path)
    with pytest.raises(LexiconError, match="missing"):
        load_frequency(tmp_path / "absent.tsv.gz")


def _seed_page(seed_text: str):
    from assistant.reader import build_reading_page, open_article

    return build_reading_page(open_article(seed_text, "seed"))


def test_seed_article_glossary(seed_text: str) -> None:
    page = _seed_page(seed_text)
    glossary = page.glossary
    terms = {t.lemma: t for t in glossary.terms}
    for lemma in ("प्रतिबंध", "सैन्य", "अभ्यास"):
        assert lemma in terms, f"{lemma} missing from {list(terms)}"
    names = {n.lemma: n for n in glossary.names}
    assert names["पुतिन"].roman == "Putin"
    assert names["लुकाशेंको"].roman == "Lukashenko"
    assert names["पुतिन"].count == seed_text.count("पुतिन")
    assert names["लुकाशेंको"].count == seed_text.count("लुकाशेंको")
    assert not any(
        t.pos in ("ADP", "PRON", "AUX", "DET", "PART", "CCONJ", "SCONJ", "NUM") for t in glossary.terms
    )


def test_seed_article_glossary_is_fast(seed_text: str) -> None:
    pairs = list(_seed_page(seed_text).pairs())
    build_glossary(pairs)  # loads the frequency list once
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        build_glossary(pairs)
        runs.append(time.perf_counter() - start)
    assert min(runs) < 0.005
