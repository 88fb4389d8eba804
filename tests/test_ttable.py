"""The translation table: a deterministic aligner, a reproducible build, the lookup API."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest

from assistant.lexicon.english import english_lemma, english_lemmas
from assistant.lexicon.ttable import read_translation_table, translation_table
from assistant.lexicon.ttable_build import (
    DEFAULT_EVAL,
    DEFAULT_PARALLEL,
    build_translation_table,
    english_tokens,
    hindi_tokens,
)
from assistant.lexicon.wordalign import align


@pytest.mark.parametrize(("word", "lemma"), [
    ("said", "say"), ("women", "woman"), ("Ran", "run"), ("analyses", "analyse"), ("was", "be"),
    ("drones", "drone"), ("hawaii", "hawaii"), ("news", "news"),
])
def test_english_lemma(word: str, lemma: str) -> None:
    assert english_lemma(word) == lemma
    assert lemma in english_lemmas(word)


@pytest.mark.parametrize(("text", "tokens"), [
    ("किताबें पढ़ीं।", ["किताबें", "पढ़ीं"]),  # vowel signs stay on their letters, danda dropped
    ("%s फ़ाइल <b>खोलें</b>", ["फ़ाइल", "खोलें"]),  # placeholders and markup dropped
    ("१२ लोग", ["लोग"]),
])
def test_hindi_tokens(text: str, tokens: list[str]) -> None:
    from assistant.lexicon.keys import norm

    assert hindi_tokens(text) == [norm(t) for t in tokens]


def test_english_tokens_are_lemmas() -> None:
    assert english_tokens("She said <i>%d</i> files were saved.") == ["she", "say", "file", "be", "save"]


def test_aligner_learns_word_pairs_against_word_order_and_is_deterministic() -> None:
    # seven word pairs, three per sentence, the English always in another order: only the
    # word translation probabilities can find the links, position says the opposite
    rng = random.Random(7)
    words = [("क", "a"), ("ख", "b"), ("ग", "c"), ("घ", "d"), ("च", "e"), ("छ", "f"), ("ज", "g")]
    source, target, gold = [], [], []
    for _ in range(60):
        picked = rng.sample(words, 3)
        source.append([h for h, _ in picked])
        target.append([picked[k][1] for k in (2, 0, 1)])
        gold.append({(2, 0), (0, 1), (1, 2)})
    links = align(source, target)
    found = [link for sentence in links for link in sentence]
    correct = sum(len(set(sentence) & g) for sentence, g in zip(links, gold, strict=True))
    assert correct / len(found) > 0.7
    assert links == align(source, target)
    assert all(0 <= i < len(s) and 0 <= j < len(t)
               for s, t, ls in zip(source, target, links, strict=True) for i, j in ls)


def test_committed_table_answers_for_forms_and_lemmas() -> None:
    table = translation_table()
    assert table.english("दबाव")[0][0] == "pressure"
    assert table.english("पुष्टि")[0][0] == "confirm"
    assert table.p_en_given_hi("पुष्टि", "confirmed") == table.p_en_given_hi("पुष्टि", "confirm") > 0.3
    assert 0 < table.p_hi_given_en("पुष्टि", "confirm") <= 1
    assert table.p_en_given_hi("पुष्टि", "banana") == 0.0
    assert table.english("कखगघ") == ()
    probabilities = [p for _, p in table.english("दर")]
    assert probabilities == sorted(probabilities, reverse=True) and sum(probabilities) <= 1.0


def test_damaged_table_is_a_lexicon_error(tmp_path: Path) -> None:
    from assistant.errors import LexiconError

    bad = tmp_path / "t.gz"
    bad.write_bytes(gzip.compress(b"#assistant-translation-table\t2\nP\tf\tx\n"))
    with pytest.raises(LexiconError, match="lexicon build"):
        read_translation_table((bad,))


@pytest.mark.skipif(not DEFAULT_PARALLEL.is_dir() or not DEFAULT_EVAL.is_dir(),
                    reason="shared parallel text not present")
def test_reduced_build_is_byte_reproducible(tmp_path: Path) -> None:
    first = build_translation_table(out_dir=tmp_path / "a", limit=1500)
    second = build_translation_table(out_dir=tmp_path / "b", limit=1500)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
    table = read_translation_table(first)
    assert table.hindi_totals and table.english_totals
