"""English inflection used by the word-by-word line."""

from __future__ import annotations

import pytest

from assistant.lexicon.english import (
    adjective_of,
    adverb,
    agent_noun,
    american_spelling,
    english_lemmas,
    gerund,
    inflect,
    participle,
    plural,
    suffixed,
    superlative,
    verb_of_noun,
)


@pytest.mark.parametrize(("sense", "tense", "expected"), [
    ("to welcome", "perf", "welcomed"),
    ("to stop", "perf", "stopped"),
    ("to visit", "perf", "visited"),
    ("to carry", "perf", "carried"),
    ("to give up", "perf", "gave up"),
    ("to do", "fut", "will do"),
    ("to say", "conj", "having said"),
    ("to ring", "perf", "rang"),  # irregular past
    ("to withdraw", "conj", "having withdrawn"),
    ("to go", "inf", "to go"),
    ("to make", "impf", "make"),
    ("meeting", "perf", "meeting"),  # not a verb sense: unchanged
])
def test_inflect(sense: str, tense: str, expected: str) -> None:
    assert inflect(sense, tense) == expected


@pytest.mark.parametrize(("sense", "expected"), [
    ("to make", "making"), ("to stop", "stopping"), ("to see", "seeing"), ("to talk", "talking"),
    ("to lie", "lying"),
])
def test_gerund(sense: str, expected: str) -> None:
    assert gerund(sense) == expected


@pytest.mark.parametrize(("noun", "expected"), [
    ("ban", "bans"), ("country", "countries"), ("box", "boxes"), ("relations", "relations"),
    ("bus", "buses"), ("Putin", "Putin"), ("day", "days"),
])
def test_plural(noun: str, expected: str) -> None:
    assert plural(noun) == expected


def test_participle() -> None:
    assert participle("to strangle") == "strangled"
    assert participle("to take") == "taken"


@pytest.mark.parametrize(("adjective", "expected"), [
    ("general", "generally"), ("simple", "simply"), ("basic", "basically"), ("easy", "easily"),
    ("main", "mainly"), ("early", "early"), ("short-range", "in a short-range way"),
    ("well known", "in a well known way"), ("public", "publicly"),  # not "publically"
    ("good", "well"),  # not "goodly"
])
def test_adverb(adjective: str, expected: str) -> None:
    assert adverb(adjective) == expected


@pytest.mark.parametrize(("adjective", "expected"), [
    ("big", "biggest"), ("large", "largest"), ("simple", "simplest"), ("easy", "easiest"),
    ("high", "highest"), ("good", "best"), ("more", "most"), ("important", "most important"),
    ("famous", "most famous"), ("tired", "most tired"), ("Indian", "most Indian"),
    ("well known", "most well known"),
    # already singling one out: no "firstest", "bestest", "mainest"
    ("first", "first"), ("best", "best"), ("main", "main"), ("finest", "finest"), ("highest", "highest"),
    ("honest", "most honest"),  # -est, but no superlative
])
def test_superlative(adjective: str, expected: str) -> None:
    assert superlative(adjective) == expected


@pytest.mark.parametrize(("word", "evidence", "expected"), [
    ("munucipal", {"the", "municipal", "corporation"}, "municipal"),  # one letter for another
    ("prodcution", {"production"}, "production"),  # two letters swapped
    ("neuclear", {"nuclear"}, "nuclear"),  # a letter too many
    ("fenal", {"fenel", "cat"}, "fenal"),  # "final" is one slip away, but nothing confirms it
    ("munucipal", set(), "munucipal"),  # no evidence: no guess
    ("coarsen", {"coarse"}, "coarsen"),  # a rare word, not a slip
])
def test_misspelled_senses_are_corrected_where_evidence_confirms(word: str, evidence: set[str],
                                                                 expected: str) -> None:
    from assistant.lexicon.english import corrected_spelling
    from assistant.lexicon.loanwords import read_word_list

    known, _ = read_word_list()
    assert corrected_spelling(word, known, evidence) == expected


@pytest.mark.parametrize(("headword", "sense"), [
    ("run", "to run"), ("to run", "to run"),
    ("sold", "to sell"), ("borne", "to bear"), ("stuck up", "to stick up"),  # a headword's base form
    ("is born", "to be born"),
    ("could", ""), ("must", ""),  # a modal is no verb sense: no "to could"
    ("see-Saw", "to see-Saw"),  # not a plain lower-case word: as written
])
def test_dictionary_verb_senses_are_infinitives(headword: str, sense: str) -> None:
    from assistant.lexicon.sources import clean_english

    assert clean_english(headword, "VERB") == sense


@pytest.mark.parametrize(("noun", "expected"), [
    ("investment", "invest"), ("improvement", "improve"), ("disclosure", "disclose"),
    ("refusal", "refuse"), ("denial", "deny"), ("criticism", "criticize"), ("analysis", "analyze"),
    ("donation", "donate"), ("information", "inform"), ("declaration", "declare"),
    ("decision", "decide"), ("discussion", "discuss"), ("permission", "permit"),
    ("description", "describe"), ("assistance", "assist"), ("discovery", "discover"),
    ("struggle", "struggle"),  # a verb already
    # -ing after one consonant not doubled keeps the verb's e; a doubled one is undone
    ("staging", "stage"), ("hoping", "hope"), ("visiting", "visit"), ("shopping", "shop"),
    ("calling", "call"),
    # no verb, or a look-alike that means something else
    ("attention", None), ("nature", None), ("importance", None), ("department", None),
    ("revelation", None), ("prime minister", None), ("", None),
])
def test_verb_of_noun(noun: str, expected: str | None) -> None:
    assert verb_of_noun(noun) == expected


@pytest.mark.parametrize(("noun", "expected"), [
    ("resignation", "resign"), ("warning", "warn"), ("chance", None), ("answer", None), ("evening", None),
])
def test_verb_made_from_a_noun_only(noun: str, expected: str | None) -> None:
    assert verb_of_noun(noun, derived_only=True) == expected


@pytest.mark.parametrize(("noun", "adjective"), [
    ("tropic", "tropical"), ("culture", "cultural"), ("history", "historical"), ("economy", "economic"),
    ("colony", "colonial"), ("parliament", "parliamentary"), ("Europe", "European"), ("Asia", "Asian"),
    ("village", None),  # English says "of the village"
    ("class", None),  # "classic" is another word
    ("media", None), ("man", None),  # short or false friends: "median", "manic"
    ("two words", None),
])
def test_adjective_of_a_noun(noun: str, adjective: str | None) -> None:
    assert adjective_of(noun) == adjective


@pytest.mark.parametrize(("noun", "suffix", "word"), [
    ("peace", "ful", "peaceful"), ("beauty", "ful", "beautiful"), ("meaning", "less", "meaningless"),
    ("success", "fully", "successfully"), ("attention", "fully", None), ("quality", "ful", None),
    ("India", "less", None),  # a name takes no suffix
])
def test_suffixed_noun(noun: str, suffix: str, word: str | None) -> None:
    assert suffixed(noun, suffix) == word


@pytest.mark.parametrize(("word", "american"), [
    ("traveller", "traveler"), ("tumour", "tumor"), ("centre", "center"), ("organise", "organize"),
    ("defence", "defense"), ("programme", "program"), ("catalogue", "catalog"),
    ("four", None), ("tour", None), ("acre", None), ("genre", None), ("fence", None), ("smaller", None),
])
def test_american_spelling(word: str, american: str | None) -> None:
    assert american_spelling(word) == american


def test_lemmas_of_a_british_spelling_include_the_american_one() -> None:
    assert {"traveller", "traveler"} <= english_lemmas("travellers")
    assert "tumor" in english_lemmas("tumours")


@pytest.mark.parametrize(("sense", "agent"), [
    ("presented", "presenter"), ("research", "researcher"), ("investment", "investor"),
    ("insurance", "insurer"), ("work", "worker"), ("house", None), ("two words", None),
])
def test_agent_noun(sense: str, agent: str | None) -> None:
    assert agent_noun(sense) == agent
