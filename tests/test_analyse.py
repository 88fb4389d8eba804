"""The analyzer: lemmas, features and ranking of Hindi word forms."""

from __future__ import annotations

import pytest

from assistant.lexicon import load_lexicon


@pytest.mark.parametrize(("word", "lemma", "pos", "gender", "number", "case", "tense"), [
    ("लड़कों", "लड़का", "NOUN", "m", "pl", "obl", None),
    ("लड़के", "लड़का", "NOUN", "m", None, None, None),
    ("किया", "करना", "VERB", "m", "sg", None, "perf"),
    ("किए", "करना", "VERB", "m", "pl", None, "perf"),
    ("गई", "जाना", "VERB", "f", "sg", None, "perf"),
    ("गया", "जाना", "VERB", "m", "sg", None, "perf"),
    ("हुई", "होना", "VERB", "f", "sg", None, "perf"),
    ("हुआ", "होना", "VERB", "m", "sg", None, "perf"),
    ("दिया", "देना", "VERB", "m", "sg", None, "perf"),
    ("लिया", "लेना", "VERB", "m", "sg", None, "perf"),
    ("करेंगे", "करना", "VERB", "m", "pl", None, "fut"),
    ("करते", "करना", "VERB", "m", None, None, "impf"),
    ("करने", "करना", "VERB", None, None, None, "inf"),
    ("बताया", "बताना", "VERB", "m", "sg", None, "perf"),
    ("बड़ी", "बड़ा", "ADJ", "f", None, None, None),
    ("बड़े", "बड़ा", "ADJ", "m", None, None, None),
    ("देशों", "देश", "NOUN", "m", "pl", "obl", None),
    ("कंपनियों", "कंपनी", "NOUN", "f", "pl", "obl", None),
    ("उन्होंने", "वह", "PRON", None, "pl", "erg", None),
    ("मैंने", "मैं", "PRON", None, "sg", "erg", None),
    # stems whose vowel changes, and the polite request
    ("दोगे", "देना", "VERB", "m", "pl", None, "fut"),
    ("लोगी", "लेना", "VERB", "f", None, None, "fut"),
    ("पिओगे", "पीना", "VERB", "m", "pl", None, "fut"),
    ("दीजिए", "देना", "VERB", None, "pl", None, "imp"),
    ("लीजिए", "लेना", "VERB", None, "pl", None, "imp"),
    ("कीजिये", "करना", "VERB", None, "pl", None, "imp"),
    ("दीजिएगा", "देना", "VERB", None, "pl", None, "imp"),
    ("चलिएगा", "चलना", "VERB", None, "pl", None, "imp"),
    ("बताइयेगा", "बताना", "VERB", None, "pl", None, "imp"),
    # the older future with a glide
    ("जायगा", "जाना", "VERB", "m", "sg", None, "fut"),
    ("आयँगे", "आना", "VERB", "m", "pl", None, "fut"),
])
def test_best_analysis(word: str, lemma: str, pos: str, gender: str | None, number: str | None,
                       case: str | None, tense: str | None) -> None:
    best = load_lexicon().analyse(word)[0]
    assert (best.lemma, best.pos) == (lemma, pos)
    if gender:
        assert best.gender == gender
    if number:
        assert best.number == number
    if case:
        assert best.case == case
    if tense:
        assert best.tense == tense


def test_ambiguous_ki_prefers_postposition_but_keeps_verb() -> None:
    readings = load_lexicon().analyse("की")
    assert (readings[0].lemma, readings[0].pos) == ("का", "ADP")
    assert any(a.lemma == "करना" and a.pos == "VERB" and a.tense == "perf" for a in readings)


@pytest.mark.parametrize(("word", "lemma"), [
    ("फ़ैसला", "फैसला"),  # nukta variant of an entry spelled without it
    ("वहां", "वहाँ"),  # anusvara for candrabindu
    ("हिन्दी", "हिन्दी"),
])
def test_spelling_variants_are_found(word: str, lemma: str) -> None:
    readings = load_lexicon().analyse(word)
    assert readings
    assert readings[0].lemma in (lemma, word)


@pytest.mark.parametrize(("word", "lemma", "pos"), [
    ("पढ़ेंगी", "पढ़ना", "VERB"),
    ("सराहनाओं", "सराहना", "NOUN"),
    ("प्रतियाँ", "प्रति", "NOUN"),  # a noun in -ि: प्रति "copy"
    ("प्रतियों", "प्रति", "NOUN"),
])
def test_suffix_rules_reach_known_lemmas(word: str, lemma: str, pos: str) -> None:
    readings = load_lexicon().analyse(word)
    assert any(a.lemma == lemma and a.pos == pos for a in readings)


@pytest.mark.parametrize("word", ["सोगे", "रोगे"])
def test_a_changed_stem_is_only_one_that_changes(word: str) -> None:
    # सोगे is सो + -गे as people say it, never a form of सेना "to incubate"
    assert all(a.lemma != "सेना" for a in load_lexicon().analyse(word))


@pytest.mark.parametrize("word", ["लुकाशेंको", "क्ष्ज्ञ्", "", "xyz"])
def test_unknown_words_give_no_analysis(word: str) -> None:
    assert load_lexicon().analyse(word) == []


def test_rules_only_yield_known_lemmas() -> None:
    lexicon = load_lexicon()
    for analysis in lexicon.analyse("घुमफिराया"):
        assert lexicon.has_lemma(analysis.lemma)
