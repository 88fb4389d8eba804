"""Which reading of a form parallel text prefers: only a dictionary's senses vouch for a reading."""

from __future__ import annotations

import pytest

from assistant.lexicon.analyse import Lexicon
from assistant.lexicon.entries import LemmaInfo
from assistant.lexicon.own_words import preferred_readings
from assistant.lexicon.ttable import TranslationTable


def _table(form: str, counts: dict[str, int], sentences: int,
           english_totals: dict[str, int] | None = None) -> TranslationTable:
    """One form's counts; each English word aligned to nothing else unless ``english_totals``
    says how often it was aligned in all."""
    table = TranslationTable()
    table.pairs[("f", form)] = dict(counts)
    table.hindi_totals[("f", form)] = sum(counts.values())
    table.hindi_sentences[("f", form)] = sentences
    table.english_totals.update(english_totals or counts)
    return table


def _lexicon(verb_senses: tuple[str, ...], verb_learned: tuple[str, ...]) -> Lexicon:
    # सही: the perfective of सहना (an Apertium full form) or the adjective सही
    lemmas = {
        "सहना": [LemmaInfo("सहना", "VERB", senses=verb_senses, sources=("freedict",),
                           learned=verb_learned)],
        "सही": [LemmaInfo("सही", "ADJ", senses=("correct", "right"), sources=("freedict",))],
    }
    return Lexicon(lemmas, {"सही": "सहना/VERB/f/sg///perf"}, ())


@pytest.mark.parametrize(("verb_senses", "verb_learned", "counts", "sentences", "preferred"), [
    # the table says "correct": the adjective's dictionary sense, never the verb's
    (("to bear",), (), {"correct": 8, "right": 2}, 10, [("सही", "सही", "ADJ")]),
    # a sense the verb learned from this form's own translations does not vouch for it
    (("to true", "to bear"), ("to true",), {"true": 6, "correct": 4}, 10, [("सही", "सही", "ADJ")]),
    # a dictionary sense of the first reading that the table backs keeps it first
    (("to correct", "to bear"), (), {"correct": 8, "right": 2}, 10, []),
    # too few sentences to overrule the analyser
    (("to bear",), (), {"correct": 3}, 3, []),
])
def test_preferred_readings(verb_senses: tuple[str, ...], verb_learned: tuple[str, ...],
                            counts: dict[str, int], sentences: int,
                            preferred: list[tuple[str, str, str]]) -> None:
    lexicon = _lexicon(verb_senses, verb_learned)
    assert lexicon.analyse("सही")[0].lemma == "सहना"  # the analyser's own order
    assert preferred_readings(lexicon, _table("सही", counts, sentences)) == preferred


@pytest.mark.parametrize(("form", "counts", "sentences", "learned", "totals"), [
    # two sentences where इशारा stood beside "vegetarian", a word mostly aligned elsewhere
    ("इशारा", {"vegetarian": 4}, 2, [], {"vegetarian": 100}),
    # with as many sentences as a glossed word needs, no reverse support is asked
    ("इशारा", {"vegetarian": 40}, 8, [("इशारा", "NOUN", "vegetarian")], {"vegetarian": 400}),
])
def test_a_word_learned_from_few_sentences_must_be_the_english_words_usual_hindi(
        form: str, counts: dict[str, int], sentences: int, learned: list[tuple[str, str, str]],
        totals: dict[str, int]) -> None:
    from assistant.lexicon.own_words import learned_headwords

    table = _table(form, counts, sentences, totals)
    assert learned_headwords(_lexicon(("to bear",), ()), table) == learned


@pytest.mark.parametrize(("form", "counts", "sentences", "learned"), [
    # no dictionary glosses the word: two sentences of a common English word are enough
    ("सेवानिवृत्ति", {"retirement": 5, "pension": 1}, 2, [("सेवानिवृत्ति", "NOUN", "retirement")]),
    # one sentence is not
    ("सेवानिवृत्ति", {"retirement": 5}, 1, []),
    # a translation too uncertain to trust
    ("सेवानिवृत्ति", {"retirement": 2, "pension": 2, "job": 1}, 3, []),
    # a name is found by its sound, never learned as a common word
    ("अलेक्जेंडर", {"alexander": 6}, 3, []),
    # a word the dictionaries gloss needs the full evidence, as before
    ("सही", {"true": 8}, 3, []),
])
def test_words_no_dictionary_glosses_learn_from_a_little_evidence(
        form: str, counts: dict[str, int], sentences: int, learned: list[tuple[str, str, str]]) -> None:
    from assistant.lexicon.own_words import learned_headwords

    assert learned_headwords(_lexicon(("to bear",), ()), _table(form, counts, sentences)) == learned
