"""Senses ranked for use, learned senses and units, analyses that do not over-reach, true
grammar data, and the sense-agreement measure: one table of cases per mechanism."""

from __future__ import annotations

import pytest

from assistant.evaluate.senses import best_fixed_three, ceiling, reference_lemmas, sense_agrees
from assistant.gloss import gloss_sentence, gloss_token
from assistant.glossary import build_glossary
from assistant.lexicon import load_lexicon
from assistant.lexicon.ranking import (
    as_written,
    content_words,
    fit,
    rank_senses,
    render,
    without_transliterations,
)
from assistant.lexicon.ttable import TranslationTable
from assistant.segment import tokenize
from assistant.types import Gloss, Sentence, SentencePair, Token


def glosses(text: str) -> tuple[Gloss, ...]:
    return gloss_sentence(Sentence(text, 0, len(text), tokenize(text)))


def gloss_of(word: str) -> Gloss:
    return gloss_token(Token(word, "word", 0, len(word)))


# ----- ranking as a pure function of the dictionary senses and the table -----------
@pytest.mark.parametrize(("pos", "senses", "distribution", "links", "first", "learned"), [
    # the table's choice beats the dictionary's order
    ("NOUN", ("depression", "duress", "pressure"), {"pressure": 0.8}, 40, "pressure", ()),
    # a typo or archaic word sinks even without the table
    ("NOUN", ("sustanance", "nourishment"), {}, 0, "nourishment", ()),
    # a sense no dictionary lists, strongly supported, is added and marked
    ("NOUN", ("quotation",), {"rate": 0.9}, 50, "rate", ("rate",)),
    # ... but not on thin evidence
    ("NOUN", ("quotation",), {"rate": 0.9}, 1, "quotation", ()),
    # a verb's English must be able to be a verb; an adjective may be a participle
    ("VERB", ("to bear",), {"nuclear": 0.9}, 50, "to bear", ()),
    ("ADJ", ("systematic",), {"hold": 0.7}, 30, "held", ("held",)),
    # a noun may be rendered by an English adjective (परमाणु हथियार "nuclear weapon")
    ("NOUN", ("atom",), {"nuclear": 0.7, "atom": 0.1}, 60, "nuclear", ("nuclear",)),
])
def test_rank_senses(pos: str, senses: tuple[str, ...], distribution: dict[str, float], links: int,
                     first: str, learned: tuple[str, ...]) -> None:
    ranked = rank_senses(pos, senses, distribution, links)
    assert ranked.senses[0] == first
    assert ranked.learned == learned
    assert len(ranked.senses) <= 3


@pytest.mark.parametrize(("distribution", "links", "senses"), [
    # a weaker translation never leads, but after the first it beats a rare dictionary sense
    ({"pressure": 0.8, "push": 0.1}, 40, ("pressure", "depression", "push")),
    ({"push": 0.25, "pressure": 0.2}, 40, ("pressure", "push", "depression")),
    # on thin evidence it is not learned at all
    ({"pressure": 0.8, "push": 0.1}, 4, ("pressure", "depression", "duress")),
])
def test_weak_translations_fill_places_after_the_first(distribution: dict[str, float], links: int,
                                                       senses: tuple[str, ...]) -> None:
    ranked = rank_senses("NOUN", ("depression", "duress", "pressure"), distribution, links)
    assert ranked.senses == senses


@pytest.mark.parametrize(("sense", "words"), [
    ("to put pressure", ["put", "pressure"]), ("to be", ["be"]), ("with", ["with"]), ("a kind of", ["kind"]),
])
def test_content_words(sense: str, words: list[str]) -> None:
    assert content_words(sense) == words


@pytest.mark.parametrize(("english", "pos", "weight", "shown"), [
    ("confirm", "VERB", 1.0, "to confirm"), ("confirm", "NOUN", 0.0, "confirm"),
    ("nuclear", "NOUN", 0.5, "nuclear"), ("british", "NOUN", 1.0, "British"),
])
def test_fit_and_render(english: str, pos: str, weight: float, shown: str) -> None:
    assert fit(english, pos) == weight
    assert render(english, pos) == shown


# ----- the committed lexicon: senses, units, learned headwords ---------------------
@pytest.mark.parametrize(("word", "first"), [
    ("दबाव", "pressure"), ("दर", "rate"), ("वृद्धि", "increase"), ("परमाणु", "nuclear"),
    ("शुरुआत", "start"), ("भरपाई", "compensation"), ("वाणिज्यिक", "commercial"),
    ("दिल", "heart"), ("विजय", "victory"),  # not their romanizations, names in parallel text
])
def test_first_sense_is_the_one_translators_use(word: str, first: str) -> None:
    assert gloss_of(word).senses[0] == first


def test_learned_senses_are_marked() -> None:
    gloss = gloss_of("दर")
    assert "learned from parallel text" in gloss.note and "rate" in gloss.note
    assert load_lexicon().info("दर", "NOUN").learned == ("rate",)
    assert "learned" not in gloss_of("दबाव").note  # pressure is a dictionary sense


@pytest.mark.parametrize(("text", "index", "sense", "unit"), [
    ("यह हवाई अड्डा बड़ा है।", 1, "airport", "हवाई अड्डा"),
    ("उसने आसानी से जीता।", 1, "easily", "आसानी से"),
    ("उन्होंने इसकी पुष्टि की।", 2, "to confirm", "पुष्टि की"),  # a conjunct verb learned from the table
    ("शेर की तरह लड़ा।", 2, "like", "की तरह"),  # the noun of a compound postposition reads as it
    ("शेर की तरह लड़ा।", 1, "of", "की तरह"),  # the genitive keeps its own sense
    # a unit learned though its head, met mostly inside it, is translated as the unit is
    ("वह पूरी तरह थक गया।", 1, "completely", "पूरी तरह"),
    # a checked sense replaces a dictionary's odd one ("lance-corporal")
    ("ब्रिटिश सेनाओं ने हमला किया।", 1, "British army", "ब्रिटिश सेनाओं"),
])
def test_units_lead_with_their_sense(text: str, index: int, sense: str, unit: str) -> None:
    gloss = glosses(text)[index]
    assert gloss.unit is not None and gloss.unit.text == unit
    assert gloss.senses[0] == sense


# ----- the analyser does not over-reach ---------------------------------------------
def _units_table(english: dict[str, float]) -> TranslationTable:
    table = TranslationTable()
    table.units["आसानी से"] = {"easily": 20}
    table.unit_totals["आसानी से"] = 22
    table.units["दरवाज़ा खोला"] = {"open": 5}
    table.unit_totals["दरवाज़ा खोला"] = 6
    table.pairs[("f", "आसानी")] = dict(english)
    table.hindi_totals[("f", "आसानी")] = sum(english.values())
    return table


@pytest.mark.parametrize(("head_senses", "english", "learned"), [
    # the head's translations say "easily" (it stands mostly in the unit): learned all the same
    ({"आसानी": {"ease"}}, {"easily": 0.9}, [("आसानी से", "ADV", "easily")]),
    # the head's dictionary senses already say it: no unit
    ({"आसानी": {"easily"}}, {"easily": 0.9}, []),
])
def test_learned_units_are_judged_by_the_heads_dictionary_senses(
        head_senses: dict[str, set[str]], english: dict[str, float],
        learned: list[tuple[str, str, str]]) -> None:
    from assistant.lexicon.ranking import learned_units

    def says(word: str, english: str) -> bool:
        return english in head_senses.get(word, set())

    found = learned_units(_units_table(english), frozenset({"से"}), frozenset({"खोला"}), set(), says)
    assert found == learned


@pytest.mark.parametrize(("unit", "english", "says", "learned"), [
    # the unit's English renders its second word alone and drops the first: not learned
    ("हाई स्कूल", "school", {"स्कूल": {"school"}}, []),
    ("बड़े भाई", "brother", {"भाई": {"brother"}}, []),
    # neither word says it: a unit of its own
    ("हवाई अड्डा", "airport", {"हवाई": {"aerial"}, "अड्डा": {"base"}}, [("हवाई अड्डा", "NOUN", "airport")]),
])
def test_learned_units_render_both_words(unit: str, english: str, says: dict[str, set[str]],
                                         learned: list[tuple[str, str, str]]) -> None:
    from assistant.lexicon.ranking import learned_units

    table = TranslationTable()
    table.units[unit] = {english: 9}
    table.unit_totals[unit] = 10
    found = learned_units(table, frozenset({"से"}), frozenset(), set(),
                          lambda word, e: e in says.get(word, set()))
    assert found == learned


@pytest.mark.parametrize(("form", "lemma"), [("रहता", "रहना"), ("कहा", "कहना"), ("खोला", "खोलना")])
def test_no_learned_headword_shadows_a_verb_form(form: str, lemma: str) -> None:
    # रहता is translated "living" because it is रहना's participle, not an adjective "live"
    lexicon = load_lexicon()
    assert lexicon.analyse(form)[0].lemma == lemma
    assert not any(r.learned for r in lexicon.records(form))


@pytest.mark.parametrize("unit", ["हाई स्कूल", "इंडिया गेट", "बड़े भाई", "सबसे बड़ी"])
def test_committed_lexicon_learns_no_unit_that_drops_a_word(unit: str) -> None:
    # स्कूल and गेट say "school" and "gate" by their sound alone
    info = load_lexicon().info(unit)
    assert info is None or not info.learned


def _context_table() -> TranslationTable:
    table = TranslationTable()
    for kind, key, counts, sentences in (("cl", "से पहले", {"before": 30}, 9),
                                          ("cr", "पहले से", {"already": 12, "before": 2}, 5),
                                          ("cl", "साल पहले", {"ago": 6}, 3)):
        table.pairs[(kind, key)] = dict(counts)
        table.hindi_totals[(kind, key)] = sum(counts.values())
        table.hindi_sentences[(kind, key)] = sentences
    return table


@pytest.mark.parametrize(("left", "right", "first"), [
    ("से", "वह", "before"),  # से पहले "before"
    ("वह", "से", "already"),  # पहले से "already"
    ("से", "से", "before"),  # both sides known: the better-attested one decides
    ("साल", None, "first"),  # साल पहले "ago" is not among the senses; too few sentences anyway
    (None, None, "first"),  # no neighbours: the ranked order
])
def test_neighbours_reorder_senses(left: str | None, right: str | None, first: str) -> None:
    from assistant.lexicon.ranking import in_context

    senses = ("first", "before", "already")
    assert in_context("पहले", left, right, "ADV", senses, _context_table())[0] == first


@pytest.mark.parametrize(("word", "not_lemma", "expected_pos"), [
    ("नाटो", "नाटा", "PROPN"),  # a frequent word of its own, not an oblique of "runt"
    ("शोधकर्ताओं", None, "NOUN"),  # शोध + कर्ता, plural oblique: analysed, not a name
    ("शोध", "शोधना", "NOUN"),  # "research", not the stem of a rare verb
    ("सही", "सहना", "ADJ"),  # "correct", not the feminine perfective of "to bear"
    ("पढ़ाई", "पढ़ाना", "NOUN"),  # "study", the noun translators see, not "taught"
])
def test_no_over_reach(word: str, not_lemma: str | None, expected_pos: str) -> None:
    gloss = gloss_of(word)
    assert gloss.pos == expected_pos
    assert not_lemma is None or gloss.lemma != not_lemma
    assert "runt" not in gloss.senses


def test_glossary_does_not_list_a_misread_lemma() -> None:
    text = "नाटो ने बयान दिया। नाटो की बैठक हुई।"
    pairs = [SentencePair(Sentence(s, 0, len(s), tokenize(s)), "", "gloss", glosses(s))
             for s in text.split("। ")]
    glossary = build_glossary(pairs)
    assert all(t.lemma != "नाटा" for t in (*glossary.terms, *glossary.names))


# ----- grammar data -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "index", "pos", "gender", "tense", "agreement"), [
    ("लड़के ने किताब पढ़ी।", 3, "VERB", None, "perf", ("f", None)),  # a participle: agreement kept
    ("वह चला गया।", 2, "VERB", None, "perf", ("m", "sg")),
    ("रूसी सैन्य अधिकारी आए।", 0, "ADJ", None, None, None),  # invariant adjectives
    ("रूसी सैन्य अधिकारी आए।", 1, "ADJ", None, None, None),
    ("बड़ी बैठक हुई।", 0, "ADJ", "f", None, None),  # an inflecting adjective shows its agreement
    ("लड़के ने किताब पढ़ी।", 2, "NOUN", "f", None, None),  # a noun keeps its own gender
])
def test_grammar_data(text: str, index: int, pos: str, gender: str | None, tense: str | None,
                      agreement: tuple[str | None, str | None] | None) -> None:
    gloss = glosses(text)[index]
    assert gloss.pos == pos
    assert gloss.gender == gender
    if tense is not None:
        assert gloss.analysis is not None and gloss.analysis.tense == tense
        assert (gloss.analysis.gender, gloss.analysis.number) == agreement


# ----- the measure -----------------------------------------------------------------
@pytest.mark.parametrize(("sense", "reference", "agrees"), [
    ("to say", "He said so.", True),  # irregular past
    ("woman", "Two women came.", True),
    ("to be", "It was late.", True),  # a sense of small words is compared by them
    ("pressure", "They pressed on.", False),  # no naive stemming
    ("subatomic weapon", "nuclear weapons", True),  # any content word
    ("Obama (name)", "Obama spoke.", True),
])
def test_sense_agreement(sense: str, reference: str, agrees: bool) -> None:
    assert sense_agrees(sense, reference_lemmas(reference)) is agrees


@pytest.mark.parametrize(
    ("sense", "vulgar"),
    [("to shit", True), ("bull-shit", True), ("Fucking", True), ("to damn", False), ("to reject", False),
     ("shiitake", False), ("assess", False)],
)
def test_vulgar_senses_are_never_learned(sense: str, vulgar: bool) -> None:
    from assistant.lexicon.ranking import is_vulgar

    assert is_vulgar(sense) is vulgar


def test_no_shipped_sense_learned_from_parallel_text_is_vulgar() -> None:
    import gzip

    from assistant.lexicon.ranking import is_vulgar
    from assistant.lexicon.store import DATA_FILE

    learned = []
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as lines:
        for line in lines:
            cells = line.rstrip("\n").split("\t")
            if cells[0] == "L" and len(cells) > 8 and "parallel" in cells[7]:
                learned.extend(sense.strip() for sense in cells[8].split("|"))
    assert len(learned) > 100  # the build does learn senses; none of them may offend
    assert [sense for sense in learned if is_vulgar(sense)] == []


@pytest.mark.parametrize(("reverse", "links", "learned"), [
    # two sentences where the word stood beside "police": police is पुलिस, not this word
    ({"police": 0.05}, 2, ()),
    # the English word's usual Hindi is this word: learned from as little
    ({"police": 0.6}, 2, ("police",)),
    # enough sentences speak for themselves
    ({"police": 0.05}, 4, ("police",)),
])
def test_a_sense_learned_from_few_sentences_needs_support_both_ways(
        reverse: dict[str, float], links: int, learned: tuple[str, ...]) -> None:
    ranked = rank_senses("NOUN", ("darkness", "dark"), {"police": 1.0}, links, reverse=reverse)
    assert ranked.learned == learned


@pytest.mark.parametrize(("distribution", "said", "light", "sense"), [
    ({"confirm": 0.7}, frozenset({"confirmation"}), 0.6, "to confirm"),  # पुष्टि करना
    ({"confirm": 0.7}, frozenset(), 0.05, None),  # the noun seldom stands before करना
    ({"land": 0.7}, frozenset({"land"}), 0.6, None),  # भूमि: "land" is the noun's own meaning
    ({"gun": 1.0}, frozenset(), 0.0, None),  # बंदूक करना "to gun" is no Hindi
])
def test_conjunct_verbs_are_learned_only_from_nouns_before_karna(
        distribution: dict[str, float], said: frozenset[str], light: float, sense: str | None) -> None:
    from assistant.lexicon.ranking import learned_conjunct

    assert learned_conjunct(distribution, 20, said, light) == sense


def test_a_conjunct_verb_takes_its_own_translations() -> None:
    from assistant.lexicon.ranking import conjunct_distribution

    table = TranslationTable()
    # जारी alone is "continuing"; before forms of करना translators write "release", "issue"
    for kind, key, counts, sentences in (("f", "जारी", {"continue": 40}, 30),
                                          ("cr", "जारी किया", {"release": 6, "issue": 2}, 4),
                                          ("cr", "जारी करने", {"release": 2}, 2),
                                          ("cr", "जारी रखा", {"continue": 9}, 5)):
        table.pairs[(kind, key)] = dict(counts)
        table.hindi_totals[(kind, key)] = sum(counts.values())
        table.hindi_sentences[(kind, key)] = sentences
    distribution, sentences, prose = conjunct_distribution(table, "जारी", "करना")
    assert distribution == pytest.approx({"release": 0.8, "issue": 0.2})
    assert sentences == prose == 6
    assert conjunct_distribution(table, "जारी", "होना") == ({}, 0, 0)
    ranked = rank_senses("VERB", ("to float",), distribution, sentences)
    assert ranked.senses[0] == "to release" and ranked.learned == ("to release",)


@pytest.mark.parametrize(("hindi", "english", "kept"), [
    ("दिल", "dil", False),  # a film title beside दिल in parallel text: not "heart"
    ("विजय", "vijay", False),  # a name
    ("कपूर", "kapoor", False),  # spelling of the vowel aside
    ("दिल", "heart", True),  # a translation
    ("बोट", "boat", True),  # an English word borrowed: its romanization is its meaning
    ("टीवी", "tv", True),  # common enough to be English whatever the word list says
    ("ताई", "tai", True),  # one consonant: too little to tell
])
def test_own_romanization_is_no_translation(hindi: str, english: str, kept: bool) -> None:
    assert (english in without_transliterations(hindi, {english: 1.0})) == kept


@pytest.mark.parametrize(("senses", "written"), [
    (["september"], ["September"]),  # a common word only ever capitalized
    (["english", "English"], ["English"]),  # capitalized, then one of the two
    (["Tuesday", "tue"], ["Tuesday"]),  # an abbreviation of a far commoner sense
    (["November", "Nov"], ["November"]),
    (["dark", "darkness"], ["dark", "darkness"]),  # a word, not an abbreviation
    (["Arab", "Arabic"], ["Arab", "Arabic"]),
    (["swede"], ["swede"]),  # rare: a vegetable as often as a person
    (["art", "art form"], ["art", "art form"]),
    (["programme", "program", "event"], ["programme", "event"]),  # one sense, two spellings
])
def test_senses_as_english_writes_them(senses: list[str], written: list[str]) -> None:
    assert as_written(senses) == written


@pytest.mark.parametrize(("hits", "served"), [
    ([], 0),
    ([frozenset()], 0),
    ([frozenset({0}), frozenset({1})], 2),
    ([frozenset({0}), frozenset({3}), frozenset({4}), frozenset({5}), frozenset({5})], 4),
    ([frozenset({0, 1}), frozenset({2}), frozenset({3}), frozenset({4})], 3),
    ([frozenset({0, 7}), frozenset({7}), frozenset({8}), frozenset({9}), frozenset({1})], 4),
])
def test_best_fixed_three_senses(hits: list[frozenset[int]], served: int) -> None:
    assert best_fixed_three(hits) == served


def test_ceiling_counts_senses_beyond_the_shown_three() -> None:
    from assistant.lexicon.analyse import Lexicon
    from assistant.lexicon.entries import LemmaInfo

    every = Lexicon({"दबाव": [LemmaInfo("दबाव", "NOUN", "m", senses=(
        "pressure", "depression", "duress", "stress", "strain"))]}, {}, [])
    shown = Gloss("दबाव", "दबाव", "dabāv", "dabāv", "NOUN", "m", ("pressure", "depression", "duress"))
    tokens = [(shown, reference_lemmas(english)) for english in (
        "under pressure", "great stress", "the strain told", "a storm")]
    reach = ceiling(tokens, every)
    assert (reach.tokens, reach.any_sense, reach.best_three) == (4, 3, 3)
    assert reach.share(reach.any_sense) == 0.75
