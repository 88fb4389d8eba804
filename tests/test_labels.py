"""Grammar in words: every tag has a wording, gender only where Hindi grammar has it."""

from __future__ import annotations

import pytest

from assistant.labels import (
    POS_NAMES,
    agreement_label,
    form_label,
    gender_label,
    gloss_grammar,
    grammar_label,
    pos_label,
    term_columns,
    term_grammar,
)
from assistant.types import Analysis, Gloss, GlossaryTerm

UD_TAGS = ("NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "PRON", "DET", "NUM", "CCONJ", "SCONJ",
           "PART", "INTJ", "PUNCT", "SYM", "X")  # fmt: skip
PERF_M_SG = Analysis("करना", "VERB", "m", "sg", tense="perf")


@pytest.mark.parametrize("tag", UD_TAGS)
def test_every_tag_has_words(tag: str) -> None:
    label = pos_label(tag)
    assert label and label == label.lower()
    assert tag not in label  # never the raw tag


@pytest.mark.parametrize(
    ("pos", "expected"),
    [("NOUN", "noun"), ("PROPN", "name"), ("ADP", "postposition"), ("adj", "adjective"), ("", ""),
     ("UNKNOWN", "unknown")],
)  # fmt: skip
def test_pos_label(pos: str, expected: str) -> None:
    assert pos_label(pos) == expected


@pytest.mark.parametrize(
    ("gender", "expected"), [("m", "masculine"), ("f", "feminine"), (None, ""), ("", "")]
)
def test_gender_label(gender: str | None, expected: str) -> None:
    assert gender_label(gender) == expected


@pytest.mark.parametrize(
    ("pos", "gender", "expected"),
    [
        ("NOUN", "m", "noun · masculine"),
        ("NOUN", "f", "noun · feminine"),
        ("NOUN", None, "noun"),
        ("PROPN", "f", "name · feminine"),
        ("PROPN", None, "name"),
        ("VERB", "m", "verb"),  # a verb has no gender of its own
        ("AUX", "f", "auxiliary"),
        ("ADJ", "f", "adjective"),  # a dictionary form of an adjective neither
        ("ADP", None, "postposition"),
        ("", "m", ""),
    ],
)
def test_grammar_label(pos: str, gender: str | None, expected: str) -> None:
    assert grammar_label(pos, gender) == expected


@pytest.mark.parametrize(
    ("gender", "number", "person", "expected"),
    [("m", "sg", None, "masc. sg."), ("f", "pl", None, "fem. pl."), (None, "pl", "3", "3rd pers. pl."),
     ("m", None, "1", "1st pers. masc."), (None, None, None, "")],
)  # fmt: skip
def test_agreement_label(gender: str | None, number: str | None, person: str | None, expected: str) -> None:
    assert agreement_label(gender, number, person) == expected


@pytest.mark.parametrize(
    ("analysis", "expected"),
    [
        (Analysis("करना", "VERB", "m", "sg", tense="perf"), "perfective, masc. sg."),
        (Analysis("जाना", "VERB", "f", "sg", tense="perf", person="3"), "perfective, fem. sg."),
        (Analysis("करना", "VERB", "m", "pl", tense="impf"), "imperfective, masc. pl."),
        (Analysis("करना", "VERB", "m", "sg", person="1", tense="fut"), "future, 1st pers. masc. sg."),
        (Analysis("करना", "VERB", tense="inf"), "infinitive"),
        (Analysis("करना", "VERB", tense="conj"), "conjunctive participle"),
        (Analysis("होना", "AUX", number="sg", person="3", tense="pres"), "present, 3rd pers. sg."),
        (Analysis("करना", "VERB"), ""),
    ],
)
def test_form_label(analysis: Analysis, expected: str) -> None:
    assert form_label(analysis) == expected


def _gloss(
    pos: str, gender: str | None = None, analysis: Analysis | None = None, *, is_name: bool = False
) -> Gloss:
    return Gloss("शब्द", "शब्द", "shabd", "śabda", pos, gender, analysis=analysis, is_name=is_name)


@pytest.mark.parametrize(
    ("gloss", "expected"),
    [
        # nouns and names: their own gender, in words
        (_gloss("NOUN", "f", Analysis("लड़की", "NOUN", "f", "pl", "obl")), "noun · feminine"),
        (_gloss("NOUN", None, Analysis("शहर", "NOUN", "m")), "noun · masculine"),
        (_gloss("NOUN"), "noun"),
        (_gloss("PROPN", None, is_name=True), "name"),
        (_gloss("PROPN", "f", Analysis("दिल्ली", "PROPN", number="sg"), is_name=True), "name · feminine"),
        (_gloss("X", None, is_name=True), "name"),  # a name found by its sound
        # verbs: agreement shown as agreement, never a gender of the verb
        (_gloss("VERB", None, PERF_M_SG), "verb · perfective, masc. sg."),
        (_gloss("VERB", "m", Analysis("जाना", "VERB", "f", "sg", tense="perf")),
         "verb · perfective, fem. sg."),
        (_gloss("VERB", "m"), "verb"),
        (_gloss("AUX", None, Analysis("होना", "AUX", "m", "sg", tense="past")),
         "auxiliary · past, masc. sg."),
        # adjectives: agreement when the word inflects, nothing when it does not (सैन्य, रूसी)
        (_gloss("ADJ", "f", Analysis("बड़ा", "ADJ", "f", "sg")), "adjective · fem. sg."),
        (_gloss("ADJ", "m", Analysis("बड़ा", "ADJ", "m")), "adjective · masc."),
        (_gloss("ADJ", None, Analysis("सैन्य", "ADJ", "f")), "adjective"),
        (_gloss("ADJ", "f", Analysis("सैन्य", "ADJ", "f")), "adjective"),  # invariant, whatever the data says
        (_gloss("ADJ", "m", Analysis("लाल", "ADJ", "m", "pl")), "adjective"),
        # the rest: part of speech only
        (_gloss("ADP", "m", Analysis("का", "ADP", "m", "sg")), "postposition"),
        (_gloss("PRON"), "pronoun"),
        (_gloss(""), ""),
    ],
)
def test_gloss_grammar(gloss: Gloss, expected: str) -> None:
    assert gloss_grammar(gloss) == expected


def _term(pos: str, gender: str | None, *, is_name: bool = False) -> GlossaryTerm:
    return GlossaryTerm("शब्द", "शब्द", "shabd", pos, gender, ("word",), 1, "", is_name=is_name)


@pytest.mark.parametrize(
    ("term", "columns", "grammar"),
    [
        (_term("NOUN", "m"), ("noun", "masculine"), "noun · masculine"),
        (_term("PROPN", None, is_name=True), ("name", ""), "name"),
        (_term("NOUN", "f", is_name=True), ("name", "feminine"), "name · feminine"),
        (_term("PROPN", None), ("name", ""), "name"),
        (_term("VERB", "m"), ("verb", ""), "verb"),  # a conjunct verb collects its noun's gender
        (_term("ADJ", "f"), ("adjective", ""), "adjective"),
        (_term("ADP", None), ("postposition", ""), "postposition"),
        (_term("X", None), ("other", ""), "other"),
    ],
)
def test_term_grammar(term: GlossaryTerm, columns: tuple[str, str], grammar: str) -> None:
    assert term_columns(term) == columns
    assert term_grammar(term) == grammar


@pytest.mark.parametrize("tag", sorted(POS_NAMES))
def test_no_raw_tag_in_any_wording(tag: str) -> None:
    analysis = Analysis("x", tag, "m", "sg", tense="perf")
    gloss, term = _gloss(tag, "m", analysis), _term(tag, "m")
    texts = (grammar_label(tag, "m"), gloss_grammar(gloss), term_grammar(term))
    for text in texts:
        assert tag not in text.split()
