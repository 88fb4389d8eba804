"""English loanwords and names recognised by sound: alignment, ranking, trust rules, glosses."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from assistant.errors import LexiconError
from assistant.gloss import gloss_token
from assistant.lexicon.acronyms import spell_acronym
from assistant.lexicon.loanwords import (
    FORMAT_HEADER,
    INF,
    MAX_COST,
    WORD_MAX_COST,
    alignment_cost,
    borrowed_senses,
    english_symbols,
    hindi_symbols,
    load_loanwords,
    read_loanwords,
    read_word_list,
    table_lines,
)
from assistant.types import Token


def _gloss(word: str):
    return gloss_token(Token(word, "word", 0, len(word)))


@pytest.mark.parametrize(("word", "right", "wrong"), [
    ("बुकिंग", "B UH1 K IH0 NG", "B EY1 K IH0 NG"),  # booking, not baking: stressed vowels count
    ("बोर्ड", "B AO1 R D", "B AA1 R D"),  # board, not bard
    ("गॉर्डन", "G AO1 R D AH0 N", "G AA1 R D AH0 N"),  # Gordon: before r, AA is आ (garden गार्डन)
    ("स्टिक", "S T IH1 K", "S AH0 T IY1 K"),
    ("कंप्यूटर", "K AH0 M P Y UW1 T ER0", "K AH0 N P Y UW1 T ER0"),  # anusvara before p is m
    ("यूनियन", "Y UW1 N Y AH0 N", "Y UW1 N AH0 N"),  # the i before a y glide is spelling
    ("मेयर", "M EY1 ER0", "M EH1 R"),
    ("टाइम", "T AY1 M", "T IH1 M"),  # a diphthong spelled with two vowels
    ("ऑपरेशन", "AA2 P ER0 EY1 SH AH0 N", "AH0 P R EH1 SH AH0 N"),  # the deleted schwa is a reduced vowel
])
def test_alignment_prefers_the_faithful_rendering(word: str, right: str, wrong: str) -> None:
    symbols = hindi_symbols(word)
    good = alignment_cost(symbols, english_symbols(right.split()))
    bad = alignment_cost(symbols, english_symbols(wrong.split()))
    assert good <= 0.3
    assert bad > good


def test_a_pronounced_schwa_is_no_english_cluster() -> None:
    stick = english_symbols(["S", "T", "IH1", "K"])
    assert hindi_symbols("सटीक") == ("s", "@", "t", "I", "k")
    assert hindi_symbols("स्टिक") == ("s", "t", "I", "k")
    assert alignment_cost(hindi_symbols("स्टिक"), stick) == 0
    assert alignment_cost(hindi_symbols("सटीक"), stick) == INF


@pytest.mark.parametrize("word", ["अनुबंध", "धर्म", "भारत", "कृषि", "प्रबंधन"])
def test_words_with_inherited_hindi_letters_are_never_matched(word: str) -> None:
    assert hindi_symbols(word) is None
    assert load_loanwords().match(word) == ()


@pytest.mark.parametrize(("word", "first"), [
    ("पोस्ट", "post"), ("एल्बम", "album"), ("बुकिंग", "booking"), ("कंप्यूटर", "computer"),
    ("पैटर्न", "pattern"), ("यूनियन", "union"), ("मेयर", "mayor"), ("एपिसोड", "episode"),
    ("टेक्नोलॉजी", "technology"), ("ऑपरेशन", "operation"), ("बोर्ड", "board"),
    ("पोस्टरों", "poster"),  # a Hindi plural ending on a borrowed noun
    ("स्टेडियम", "stadium"), ("पोलोनियम", "polonium"),  # i before a vowel is written इय
    ("टेक्सटाइल", "textile"), ("सॉफ्टबॉल", "softball"),  # a schwa written after a cluster
])
def test_unknown_loanwords_get_the_english_word(word: str, first: str) -> None:
    senses, is_name = borrowed_senses(load_loanwords(), word, hindi_word=False)
    assert senses[0] == first
    assert not is_name


@pytest.mark.parametrize(("word", "name"), [
    ("क्लिंटन", "Clinton"), ("अलास्का", "Alaska"), ("विंस्टन", "Winston"), ("ग्लासगो", "Glasgow"),
])
def test_unknown_names_get_their_english_spelling(word: str, name: str) -> None:
    assert borrowed_senses(load_loanwords(), word, hindi_word=False) == ((name,), True)


@pytest.mark.parametrize(("word", "hindi_word"), [
    ("सटीक", True),  # "accurate", not "stick" or "ascetic"
    ("देन", True),  # "gift": short known words are not trusted
    ("बतौर", True),  # "as", not "butter": too far for a Hindi headword
    ("इनकार", True),  # "refusal", not "incur"
    ("सरकार", False),  # Sarkar is only a rare CMU name, and not an exact match
    ("आस", False),  # one consonant: too short to say
    ("पोस्टरों", True),  # a known word's plural is left to the analyser
    ("मानद", False),  # "honorary": a schwa after one consonant is said, so not "manned"
])
def test_hindi_words_are_not_read_as_english(word: str, hindi_word: bool) -> None:
    senses, _ = borrowed_senses(load_loanwords(), word, hindi_word=hindi_word)
    if word == "पोस्टरों":
        assert senses == () or senses[0] == "poster"
    else:
        assert senses == ()


def test_equally_close_words_are_all_shown_with_the_name_last() -> None:
    senses, is_name = borrowed_senses(load_loanwords(), "ट्रम्प", hindi_word=False)
    assert senses[0] == "trump" and senses[-1] == "Trump (name)" and not is_name


def _table(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "loans.tsv.gz"
    parsed = [(english, phonemes, kind, int(count))
              for english, phonemes, kind, count in (row.split("\t") for row in rows)]
    path.write_bytes(gzip.compress(("\n".join([FORMAT_HEADER, *table_lines(parsed)]) + "\n").encode()))
    return path


def test_ranking_prefers_headwords_then_commonness_and_penalizes_rare_names(tmp_path: Path) -> None:
    index = read_loanwords(_table(tmp_path, [
        "sail\tS EY1 L\tw\t2", "sale\tS EY1 L\tw\t9", "sails\tS EY1 L Z\tW\t50",
        "Sayle\tS EY1 L\tr\t0", "Sale\tS EY1 L\tp\t0",
    ]))
    assert [loan.english for loan in index.match("सेल")] == ["sale", "sail", "Sale", "Sayle"]
    assert borrowed_senses(index, "सेल", hindi_word=False) == (("sale", "sail", "Sale (name)"), False)
    # two consonants and a Hindi headword: not trusted at all
    assert borrowed_senses(index, "सेल", hindi_word=True) == ((), False)


def test_matches_beyond_the_cost_limits_are_dropped(tmp_path: Path) -> None:
    index = read_loanwords(_table(tmp_path, ["rafter\tR AE1 F T ER0\tw\t3"]))
    cost = alignment_cost(hindi_symbols("रफ़्तार"), english_symbols(["R", "AE1", "F", "T", "ER0"]))
    assert WORD_MAX_COST < cost <= MAX_COST  # close enough to compare, too far to trust
    assert [loan.english for loan in index.match("रफ़्तार")] == ["rafter"]
    assert borrowed_senses(index, "रफ़्तार", hindi_word=False) == ((), False)
    assert alignment_cost(hindi_symbols("रफ़्तार"), english_symbols(["R", "AH1", "F"])) == INF


@pytest.mark.parametrize("content", [b"", b"not gzip", gzip.compress(b"#other\t1\n"),
                                     gzip.compress(f"{FORMAT_HEADER}\nvrd\tword;W ER1 D;x;1\n".encode()),
                                     gzip.compress(f"{FORMAT_HEADER}\nvrd\tword;W ER1 D\n".encode())])
def test_damaged_table_raises_lexicon_error_with_rebuild_hint(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "loans.tsv.gz"
    path.write_bytes(content)
    with pytest.raises(LexiconError) as info:
        read_loanwords(path)
    assert "lexicon build" in str(info.value)


def test_missing_table_and_word_list_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="lexicon build"):
        read_loanwords(tmp_path / "absent.tsv.gz")
    with pytest.raises(LexiconError, match="install-system-deps"):
        read_word_list(tmp_path / "words")


def test_word_list_separates_words_from_names(tmp_path: Path) -> None:
    path = tmp_path / "words"
    path.write_text("trump\nTrump\nClinton\nClinton's\ncafé\npost\n", encoding="utf-8")
    words, names = read_word_list(path)
    assert words == {"trump", "post"}
    assert names == {"trump": "Trump", "clinton": "Clinton"}


@pytest.mark.parametrize(("word", "sense", "pos", "is_name"), [
    ("ट्वीट", "tweet", None, False),
    ("क्लिंटन", "Clinton", "PROPN", True),
    ("इंग्लिश", "english", None, False),  # a Hindi dictionary word without English senses
    # headwords the dictionaries give no English at all, matched as an unknown word would be
    ("बोट", "boat", "NOUN", False),
    ("वैली", "valley", "NOUN", False),
])
def test_glosses_mark_borrowed_senses(word: str, sense: str, pos: str | None, is_name: bool) -> None:
    gloss = _gloss(word)
    assert gloss.senses[0] == sense
    assert gloss.borrowed and gloss.is_name is is_name
    assert pos is None or gloss.pos == pos
    assert "loanword" in gloss.note or "name" in gloss.note


def test_unknown_word_without_a_match_keeps_its_romanization() -> None:
    gloss = _gloss("लुकाशेंको")
    assert gloss.is_name and gloss.senses == ("Lukashenko",)


@pytest.mark.parametrize(("word", "letters"), [
    ("यूएस", "US"), ("सीआईएस", "CIS"), ("ईयू", "EU"), ("एफ़बीआई", "FBI"), ("एफबीआई", "FBI"),
    ("डीएनए", "DNA"), ("जीएसटी", "GST"), ("डब्ल्यूएचओ", "WHO"), ("आईएसआईएस", "ISIS"),
    ("बीच", None), ("केस", None), ("नाटो", None), ("एम", None), ("एक", None),
])
def test_abbreviations_spelled_in_letter_names(word: str, letters: str | None) -> None:
    assert spell_acronym(word) == letters


def test_abbreviation_gloss_is_a_name_with_its_letters() -> None:
    gloss = _gloss("सीआईएस")
    assert gloss.senses == ("CIS",) and gloss.is_name and "C.I.S." in gloss.note


@pytest.mark.parametrize(("word", "hindi_word", "first"), [
    ("हॉल", True, "hall"),  # ऑ marks an English word: short, yet trusted; not "whole" (ओ)
    ("कॉल", False, "call"),
    ("कॉन्स्टिट्यूशन", False, "constitution"),  # -ट्यू- is the British "tyoo"
])
def test_the_candra_o_is_english(word: str, hindi_word: bool, first: str) -> None:
    senses, _ = borrowed_senses(load_loanwords(), word, hindi_word=hindi_word)
    assert senses[0] == first
    assert "whole" not in senses and "coal" not in senses


@pytest.mark.parametrize(("word", "english", "spelling", "cost"), [
    # a reduced vowel written after the English letters costs nothing with the spelling
    ("मेडिसिन", "M EH1 D AH0 S AH0 N", "medicine", 0.0),
    ("मेडिसिन", "M EH1 D AH0 S AH0 N", "", 0.4),
    # English x (g z) written क्ज / क्ज़ / क्स
    ("एलेक्जेंडर", "AE2 L AH0 G Z AE1 N D ER0", "Alexander", 0.1),
    ("एलेक्ज़ेंडर", "AE2 L AH0 G Z AE1 N D ER0", "Alexander", 0.1),
    ("एग्ज़ाम", "IH0 G Z AE1 M", "exam", 0.2),  # ग्ज़ as pronounced still fits
    # the older ण्ड spelling of the nasal before a retroflex stop
    ("स्टैण्डर्ड", "S T AE1 N D ER0 D", "standard", 0.0),
])
def test_spelling_conventions_of_borrowings(word: str, english: str, spelling: str, cost: float) -> None:
    assert alignment_cost(hindi_symbols(word), english_symbols(english.split()), spelling) == cost


@pytest.mark.parametrize(("word", "sense", "is_name"), [
    ("अलेक्जेंडर", "Alexander", True),  # found by sound, not shown as "Alekjendar"
    ("स्टैण्डर्ड", "standard", False),
    ("मेडिसिन", "medicine", False),  # a headword without English: a close borrowing is trusted
])
def test_names_and_loans_found_by_sound(word: str, sense: str, is_name: bool) -> None:
    gloss = _gloss(word)
    assert gloss.senses[0] == sense
    assert gloss.is_name == is_name


def test_a_bare_headword_takes_no_english_word_of_another_part_of_speech() -> None:
    assert "irk" not in _gloss("अर्क").senses  # a noun (an extract), not the verb "irk"
