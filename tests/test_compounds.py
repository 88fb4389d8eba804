"""Compound-word glosses: words read as head + tail when both parts are glossed."""

from __future__ import annotations

import pytest

from assistant.lexicon import LemmaInfo, Lexicon, load_lexicon
from assistant.lexicon.compounds import PRODUCTIVE_TAILS, compound_senses


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


# word → English words its sense must contain, and the parts its note must name
POSITIVE = [
    ("विश्वयुद्ध", ("world", "war"), ("विश्व", "युद्ध")),
    ("विश्वयुद्धों", ("world", "war"), ("विश्व", "युद्ध")),  # oblique plural tail
    ("आयुवर्ग", ("age",), ("आयु", "वर्ग")),
    ("कार्यदिवस", ("work", "day"), ("कार्य", "दिवस")),
    ("कार्यदिवसों", ("work", "day"), ("कार्य", "दिवस")),  # a plural form of the second part
    ("युद्धकालों", ("war", "period"), ("युद्ध", "काल")),  # not काला "black"
    ("नदीमार्ग", ("river", "route"), ("नदी", "मार्ग")),
    ("वर्षावन", ("rain", "forest"), ("वर्षा", "वन")),
    ("दिशासूचकों", ("direction",), ("दिशा", "सूचक")),
    ("जलस्रोत", ("water", "source"), ("जल", "स्रोत")),
    ("शांतिपूर्वक", ("peacefully",), ("शांति", "-पूर्वक")),  # English's own suffix where it has one
    ("उपहारस्वरूप", ("as a gift",), ("उपहार", "-स्वरूप")),
    ("दुर्घटनाग्रस्त", ("affected by accident",), ("दुर्घटना", "-ग्रस्त")),
    ("ग्रीष्मकालीन", ("summer", "period"), ("ग्रीष्म", "-कालीन")),
    ("चिंताजनक", ("causing worry",), ("चिंता", "-जनक")),
    ("शांतिप्रिय", ("peace-loving",), ("शांति", "-प्रिय")),
]


@pytest.mark.parametrize(("word", "english", "parts"), POSITIVE)
def test_compounds_of_two_glossed_words(lexicon: Lexicon, word: str, english: tuple[str, ...],
                                        parts: tuple[str, ...]) -> None:
    found = compound_senses(lexicon, word)
    assert found is not None, word
    sense, note = found
    for expected in english:
        assert expected in sense, (word, sense)
    assert note.startswith("compound of ")
    for part in parts:
        assert part in note, (word, note)


def test_head_comes_first_in_the_english(lexicon: Lexicon) -> None:
    assert compound_senses(lexicon, "विश्वयुद्ध") == (
        "world + war", "compound of विश्व (world, universe) + युद्ध (war, fight)")


NEGATIVE = [
    ("युद्ध", "a single known word"),
    ("किताब", "a single known word"),
    ("राजनीति", "a compound the dictionary glosses itself"),
    ("राजस्थान", "a name the dictionary lists"),
    ("तुलसीदास", "a name the dictionary lists"),
    ("लुकाशेंको", "an unknown name"),
    ("बुकिंग", "a loanword: बु + किंग has a one-akshara head"),
    ("पोलोनियम", "a loanword whose only split has a loan part (पोलो 'polo')"),
    ("आयरन", "a loanword: रन 'run' sounds like itself"),
    ("ग्लासगो", "a name: the tail गो has one akshara"),
    ("रामका", "a closed-class tail (का)"),
    ("युद्धका", "a closed-class tail (का)"),
    ("विशेषकर", "कर is also the conjunctive of करना"),
    ("उसपर", "a pronoun head and a postposition tail"),
    ("हमलावर", "-वर is a suffix, not 'bridegroom'"),
    ("गुंडागिरी", "an inflecting -ā head takes suffixes, not tails"),
    ("उपद्वीप", "उप is a prefix here, not 'associate'"),
    ("दरअसल", "a tail opening on a bare vowel (no sandhi)"),
    ("टिनटिन", "a reduplication"),
    ("घरघर", "a reduplication of a glossed word"),
    ("शहरशहर", "a reduplication of a glossed word"),
    ("भीड़भाड़", "an echo pair"),
    ("", "empty"),
    ("abc", "not Devanagari"),
]


@pytest.mark.parametrize(("word", "why"), NEGATIVE)
def test_no_compound_reading(lexicon: Lexicon, word: str, why: str) -> None:
    assert compound_senses(lexicon, word) is None, why


def _tiny(senses: dict[str, str]) -> Lexicon:
    return Lexicon({lemma: [LemmaInfo(lemma, "NOUN", "m", senses=(sense,), sources=("test",))]
                    for lemma, sense in senses.items()}, {}, [])


def test_uses_only_the_lexicon_it_is_given() -> None:
    first = _tiny({"विश्व": "world", "युद्ध": "war"})
    second = _tiny({"विश्व": "universe", "युद्ध": "battle"})
    assert compound_senses(first, "विश्वयुद्ध") == ("world + war", "compound of विश्व (world) + युद्ध (war)")
    assert compound_senses(second, "विश्वयुद्ध")[0] == "universe + battle"
    assert compound_senses(_tiny({"विश्व": "world"}), "विश्वयुद्ध") is None


def test_prefers_the_split_whose_shorter_part_is_longest() -> None:
    # जल + मार्गदर्शन (2 + 5 aksharas) and जलमार्ग + दर्शन (4 + 3) both read as compounds
    tiny = _tiny({"जल": "water", "मार्गदर्शन": "guidance", "जलमार्ग": "waterway", "दर्शन": "view"})
    assert compound_senses(tiny, "जलमार्गदर्शन") == (
        "waterway + view", "compound of जलमार्ग (waterway) + दर्शन (view)")


def test_a_productive_tail_needs_only_a_glossed_head() -> None:
    tiny = _tiny({"सफलता": "success"})
    assert compound_senses(tiny, "सफलतापूर्वक") == ("successfully", "compound of सफलता (success) + -पूर्वक")
    assert compound_senses(tiny, "सफलतापूर्वकता") is None
    # where English has no such word ("attentionfully"), the tail's own phrase
    tiny = _tiny({"ध्यान": "attention"})
    assert compound_senses(tiny, "ध्यानपूर्वक")[0] == "with attention"
    # -कर्ता: English's agent noun where it has one, else "doer of"
    assert compound_senses(_tiny({"प्रस्तुत": "presented"}), "प्रस्तुतकर्ता")[0] == "presenter"
    assert compound_senses(_tiny({"घर": "house"}), "घरकर्ता")[0] == "doer of house"


def test_short_parts_are_refused() -> None:
    # every part glossed, but a one-akshara part is too often a stray suffix or letter
    tiny = _tiny({"जल": "water", "क": "letter", "कर": "tax", "जलक": "fish"})
    assert compound_senses(tiny, "जलकर") == ("water + tax", "compound of जल (water) + कर (tax)")
    assert compound_senses(tiny, "जलक") is None  # three aksharas cannot hold two parts
    assert compound_senses(tiny, "कजल") is None


def test_a_head_in_aa_that_may_hide_sandhi_is_left_alone() -> None:
    # कक्षालय may be कक्षा + लय or, with ā + ā merged, कक्ष + आलय; sandhi is not undone
    tiny = _tiny({"कक्षा": "class", "लय": "rhythm"})
    assert compound_senses(tiny, "कक्षालय") == ("class + rhythm", "compound of कक्षा (class) + लय (rhythm)")
    tiny = _tiny({"कक्षा": "class", "लय": "rhythm", "कक्ष": "room", "आलय": "abode"})
    assert compound_senses(tiny, "कक्षालय") is None


def test_productive_tails_are_well_formed() -> None:
    for tail, template in PRODUCTIVE_TAILS.items():
        assert "{}" in template, tail
        assert template.format("x", a="a") != template, tail


def test_few_lookups_per_word(lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    for name in ("info", "analyse", "closed_entries"):
        original = getattr(lexicon, name)

        def counting(*args: object, _original: object = original, **kwargs: object) -> object:
            calls["n"] += 1
            return _original(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(lexicon, name, counting)
    for word in ("जलवायुविज्ञानियों", "अनुसंधानकर्ताओं", "लुकाशेंको"):
        calls["n"] = 0
        compound_senses(lexicon, word)
        assert calls["n"] <= 40, word
