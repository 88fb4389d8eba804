"""Word alignment on hand-made sentence pairs, its cross-attention path and its helpers."""

from __future__ import annotations

import pytest

from assistant.align import (
    CONFIDENT,
    align,
    align_pair,
    aligned_senses,
    aligned_words,
    attention_matrix,
    english_words,
)
from assistant.gloss import gloss_sentence
from assistant.text import normalize_text, tokenize
from assistant.types import AlignmentLink, Attention, Gloss, Sentence, SentencePair


def _sentence(hindi: str) -> Sentence:
    text = normalize_text(hindi)
    return Sentence(text, 0, len(text), tokenize(text))


def _pairs(hindi: str, english: str, threshold: float = CONFIDENT) -> set[tuple[str, str]]:
    sentence = _sentence(hindi)
    words = [english[a:b] for a, b in english_words(english)]
    return {(sentence.tokens[link.source].text, words[link.target])
            for link in align(sentence, None, english) if link.confidence >= threshold}


CASES = [
    pytest.param(  # a conjunct verb links as a group: पुष्टि की "confirmed"
        "रक्षा मंत्रालय ने हमले की पुष्टि की।", "The defence ministry confirmed the attack.",
        {("रक्षा", "defence"), ("मंत्रालय", "ministry"), ("हमले", "attack"), ("पुष्टि", "confirmed"),
         ("की", "confirmed")},
        {("ने", "The"), ("की", "the"), ("की", "attack")}, id="conjunct-verb"),
    pytest.param(  # a compound postposition links as a whole: के बारे में "about"
        "राष्ट्रपति ने सेना के बारे में कुछ नहीं कहा।", "The president said nothing about the army.",
        {("राष्ट्रपति", "president"), ("सेना", "army"), ("कहा", "said"), ("के", "about"),
         ("बारे", "about"), ("में", "about")},
        {("ने", "The"), ("में", "the")}, id="compound-postposition"),
    pytest.param(  # names by sound
        "पुतिन ने मिन्स्क में लुकाशेंको से मुलाकात की।", "Putin met Lukashenko in Minsk.",
        {("पुतिन", "Putin"), ("मिन्स्क", "Minsk"), ("लुकाशेंको", "Lukashenko"), ("में", "in")},
        {("पुतिन", "Lukashenko"), ("लुकाशेंको", "Putin")}, id="names"),
    pytest.param(  # numbers by value, a clock time included
        "विमान सुबह 9:30 बजे उतरा।", "The plane landed at 9:30 am.",
        {("9", "9"), ("30", "30"), ("विमान", "plane"), ("उतरा", "landed")},
        {("9", "30"), ("30", "9")}, id="clock-time"),
    pytest.param(  # Devanagari digits, and the ordinal suffix goes with its number
        "यह इमारत १८वीं शताब्दी में बनी थी।", "This building was built in the 18th century.",
        {("१८", "18th"), ("वीं", "18th"), ("शताब्दी", "century"), ("इमारत", "building")},
        set(), id="devanagari-ordinal"),
    pytest.param(
        "बैठक में 1,200 लोग शामिल हुए।", "1,200 people attended the meeting.",
        {("1,200", "1,200"), ("लोग", "people"), ("बैठक", "meeting")}, {("में", "the")},
        id="grouped-digits"),
    pytest.param(  # a two-word Hindi unit for one English word
        "हवाई अड्डे पर भीड़ थी।", "There was a crowd at the airport.",
        {("हवाई", "airport"), ("अड्डे", "airport"), ("भीड़", "crowd"), ("पर", "at")},
        {("थी", "There")}, id="two-words-one-word"),
    pytest.param(  # an English title and name
        "डॉ. स्मिथ ने लंदन में भाषण दिया।", "Dr. Smith gave a speech in London.",
        {("स्मिथ", "Smith"), ("लंदन", "London"), ("भाषण", "speech"), ("दिया", "gave")},
        {("ने", "a")}, id="title-and-name"),
]


@pytest.mark.parametrize(("hindi", "english", "expected", "absent"), CASES)
def test_links_on_hand_made_pairs(hindi: str, english: str, expected: set, absent: set) -> None:
    found = _pairs(hindi, english)
    assert expected <= found, expected - found
    assert not (absent & _pairs(hindi, english, threshold=0.0))


def test_nothing_is_forced_on_an_unrelated_translation() -> None:
    assert _pairs("बच्चे स्कूल जाते हैं।", "Stock prices fell sharply yesterday.", threshold=0.0) == set()


@pytest.mark.parametrize(("hindi", "english"), [
    ("रक्षा मंत्रालय ने हमले की पुष्टि की।", "The defence ministry confirmed the attack."),
    ("“हम सब बस सदमे में थे,” माँ ने कहा।", "\"We were all simply in shock,\" the mother stated."),
    ("वह आया।", ""),
    ("...", "Nothing here."),
])
def test_links_are_in_bounds_sorted_and_never_on_punctuation(hindi: str, english: str) -> None:
    sentence = _sentence(hindi)
    links = align(sentence, None, english)
    assert list(links) == sorted(links, key=lambda link: (link.source, link.target))
    assert len(set((link.source, link.target) for link in links)) == len(links)
    for link in links:
        assert 0 <= link.source < len(sentence.tokens)
        assert 0 <= link.target < len(english_words(english))
        assert 0.0 < link.confidence <= 1.0 and link.origin
        assert sentence.tokens[link.source].kind != "punct"


def test_the_translation_table_adds_links_the_dictionary_lacks() -> None:
    sentence = _sentence("मुझे वह दिन याद है।")
    english = "I remember that day."
    with_table = {(link.source, link.target) for link in align(sentence, None, english)}
    without = {(link.source, link.target) for link in align(sentence, None, english, use_table=False)}
    # the dictionaries give याद only as "memory"; translators write "remember"
    assert (3, 1) in with_table - without


def test_a_pair_takes_its_own_glosses_and_translation() -> None:
    sentence = _sentence("पुतिन ने मिन्स्क में लुकाशेंको से मुलाकात की।")
    glosses = gloss_sentence(sentence)
    pair = SentencePair(sentence, "Putin met Lukashenko in Minsk.", "mt", glosses)
    assert align(pair) == align(sentence, glosses, pair.translation)


def test_align_pair_fills_links_and_the_glosses_english() -> None:
    sentence = _sentence("पुतिन ने मिन्स्क में लुकाशेंको से मुलाकात की।")
    pair = SentencePair(sentence, "Putin met Lukashenko in Minsk.", "mt", gloss_sentence(sentence))
    aligned = align_pair(pair)
    assert aligned.links and aligned.source == pair.source
    by_text = {g.text: g.aligned for g in aligned.glosses}
    assert by_text["पुतिन"] == ("Putin",)
    assert by_text["मिन्स्क"] == ("Minsk",)
    assert by_text["ने"] == ()


@pytest.mark.parametrize("kind", ["gloss", "copy", "pending"])
def test_align_pair_leaves_pairs_without_a_translation_alone(kind: str) -> None:
    sentence = _sentence("पुतिन आए।")
    pair = SentencePair(sentence, "Putin came.", kind, gloss_sentence(sentence))
    assert align_pair(pair) is pair


@pytest.mark.parametrize(("links", "token", "expected"), [
    ([AlignmentLink(0, 1, 0.9), AlignmentLink(0, 0, 0.8)], 0, ("The", "president")),
    ([AlignmentLink(0, 1, 0.9), AlignmentLink(0, 2, 0.3)], 0, ("president",)),  # weak: not shown
    ([AlignmentLink(1, 1, 0.9)], 0, ()),
    ([AlignmentLink(0, 9, 0.9)], 0, ()),  # out of range: ignored
])
def test_aligned_words_reads_confident_links_in_english_order(links, token, expected) -> None:
    assert aligned_words(links, token, "The president spoke.") == expected


def _gloss(text: str, aligned: tuple[str, ...], senses: tuple[str, ...] = (), is_name: bool = False) -> Gloss:
    return Gloss(text, text, text, text, "NOUN", senses=senses, aligned=aligned, is_name=is_name)


@pytest.mark.parametrize(("glosses", "senses", "expected"), [
    ([_gloss("घोषणा", ("Announced",))], ("declaration", "announcement"),
     ("announced", "declaration", "announcement")),
    ([_gloss("घोषणा", ())], ("declaration",), ("declaration",)),
    ([_gloss("हवाई", ("airport",)), _gloss("अड्डा", ("airport",))], ("airport", "airfield"),
     ("airport", "airfield")),
    ([_gloss("पुतिन", ("Putin",), is_name=True)], ("Putin",), ("Putin",)),
    ([_gloss("नाटो", ("NATO",))], (), ("NATO",)),
])
def test_glossary_meanings_lead_with_the_articles_own_english(glosses, senses, expected) -> None:
    assert aligned_senses(glosses, senses) == expected


# --- cross-attention ------------------------------------------------------------------

def _attention(source: list[str], target: list[str], weights: list[list[float]]) -> Attention:
    return Attention(tuple(source), tuple(target), tuple(tuple(row) for row in weights))


@pytest.mark.parametrize(("hindi", "english", "source", "target", "weights", "expected"), [
    pytest.param(  # two source pieces of one word are summed, two target pieces averaged
        "पुतिन आए", "Putin came",
        ["▁पु", "तिन", "▁आए"], ["▁Put", "in", "▁came"],
        [[0.3, 0.5, 0.2], [0.1, 0.7, 0.2], [0.0, 0.1, 0.9]],
        [[0.8, 0.1], [0.2, 0.9]], id="pieces-to-words"),
    pytest.param(  # an English full stop is no word: its row is dropped
        "पुतिन आए।", "Putin came.",
        ["▁पुतिन", "▁आए", "।"], ["▁Putin", "▁came", "."],
        [[1.0, 0.0, 0.0], [0.0, 0.5, 0.5], [0.2, 0.2, 0.6]],
        [[1.0, 0.0], [0.0, 0.5], [0.0, 0.5]], id="punctuation"),
])
def test_attention_is_aggregated_to_tokens_and_words(hindi, english, source, target, weights,
                                                      expected) -> None:
    sentence = _sentence(hindi)
    matrix = attention_matrix(_attention(source, target, weights), sentence, sentence.text, english)
    assert len(matrix) == len(sentence.tokens)
    assert all(len(row) == len(english_words(english)) for row in matrix)
    assert matrix == [pytest.approx(row) for row in expected]


def test_pieces_that_do_not_match_the_text_are_placed_by_proportion() -> None:
    sentence = _sentence("पुतिन आए")
    # the model's normalization differs: an unknown piece stands for the first word
    attention = _attention(["▁<unk>", "▁आए"], ["▁Putin", "▁came"], [[0.9, 0.1], [0.2, 0.8]])
    matrix = attention_matrix(attention, sentence, sentence.text, "Putin came")
    assert len(matrix) == 2 and all(len(row) == 2 for row in matrix)
    assert sum(map(sum, matrix)) == pytest.approx(2.0)


def test_attention_links_a_pair_no_other_evidence_covers() -> None:
    sentence = _sentence("ज़ोर्फ़ाक्स आए")  # a made-up name no dictionary knows
    english = "Qwimby came"
    attention = _attention(["▁ज़ोर्फ़ाक्स", "▁आए"], ["▁Qwimby", "▁came"], [[0.95, 0.05], [0.1, 0.9]])
    without = {(link.source, link.target) for link in align(sentence, None, english)}
    with_attention = {(link.source, link.target): link.origin
                      for link in align(sentence, None, english, attention)}
    assert (0, 0) not in without
    assert with_attention.get((0, 0)) == "attention"


def _pieces(model_file, text: str) -> list[str]:
    import sentencepiece as spm

    return spm.SentencePieceProcessor(model_file=str(model_file)).encode(text, out_type=str)


@pytest.mark.parametrize(("hindi", "english"), [
    ("रक्षा मंत्रालय ने हमले की पुष्टि की।", "The defence ministry confirmed the attack."),
    ("पुतिन ने मिन्स्क में लुकाशेंको से मुलाकात की।", "Putin met Lukashenko in Minsk."),
])
def test_attention_on_the_tiny_models_pieces(tiny_marian_dir, hindi: str, english: str) -> None:
    """Real SentencePiece pieces of the tiny test model, random weights: shapes and bounds."""
    import random

    sentence = _sentence(hindi)
    source = _pieces(tiny_marian_dir / "source.spm", sentence.text)
    target = _pieces(tiny_marian_dir / "target.spm", english)
    rng = random.Random(3)
    weights = [[rng.random() for _ in source] for _ in target]
    attention = _attention(source, target, weights)
    matrix = attention_matrix(attention, sentence, sentence.text, english)
    assert len(matrix) == len(sentence.tokens)
    assert all(len(row) == len(english_words(english)) for row in matrix)
    # every word piece's weight lands somewhere: nothing is lost but punctuation's
    assert 0 < sum(map(sum, matrix)) <= sum(map(sum, weights))
    for link in align(sentence, None, english, attention):
        assert 0 <= link.source < len(sentence.tokens)
        assert 0 <= link.target < len(english_words(english))


@pytest.mark.parametrize("hindi", ["पुतिन ने मिन्स्क में लुकाशेंको से मुलाकात की।", "रक्षा मंत्रालय ने हमले की पुष्टि की।"])
def test_the_tiny_models_attention_aligns(tiny_marian_dir, hindi: str) -> None:
    """Cross-attention as the backend returns it: pieces without special tokens, one row
    per target piece, aggregated to tokens and words with every index in bounds."""
    from assistant.translate.registry import load_translator

    translator = load_translator(tiny_marian_dir, cache=False)
    assert translator.supports_attention
    sentence = _sentence(hindi)
    [(_, translation)] = list(translator.iter_translate([sentence.text], attention=True))
    attention = translation.attention
    assert attention is not None and attention.source_pieces and attention.target_pieces
    assert len(attention.weights) == len(attention.target_pieces)
    assert all(len(row) == len(attention.source_pieces) for row in attention.weights)
    assert not {"</s>", "<pad>"} & {*attention.source_pieces, *attention.target_pieces}
    matrix = attention_matrix(attention, sentence, sentence.text, translation.text)
    assert len(matrix) == len(sentence.tokens)
    assert all(len(row) == len(english_words(translation.text)) for row in matrix)
    for link in align(sentence, None, translation.text, attention):
        assert 0 <= link.source < len(sentence.tokens)
        assert 0 <= link.target < len(english_words(translation.text))
