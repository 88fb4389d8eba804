"""The alignment gold set is well formed, held out, and the scores are Och & Ney's."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.align import english_words
from assistant.evaluate.alignment import BLIND_FILE, GOLD_FILE, GoldPair, Score, parse_links, read_gold
from assistant.evaluate.heldout import FLORES_ENGLISH, FLORES_HINDI, is_held_out
from assistant.text import normalize_text, tokenize


@pytest.fixture(scope="module", params=[GOLD_FILE, BLIND_FILE], ids=["gold", "blind"])
def gold(request: pytest.FixtureRequest) -> list[GoldPair]:
    return read_gold(request.param)


def test_gold_sets_are_large_enough_held_out_and_apart() -> None:
    main, blind = read_gold(GOLD_FILE), read_gold(BLIND_FILE)
    assert len(main) >= 100 and len(blind) >= 40
    lines = [pair.flores_line for pair in (*main, *blind)]
    assert len(set(lines)) == len(lines)
    assert all(is_held_out(line) for line in lines)


def test_token_lists_are_the_projects_own(gold: list[GoldPair]) -> None:
    for pair in gold:
        assert tuple(t.text for t in tokenize(normalize_text(pair.hindi))) == pair.hindi_tokens
        assert tuple(pair.english[a:b] for a, b in english_words(pair.english)) == pair.english_words


def test_links_are_in_bounds_and_never_on_punctuation(gold: list[GoldPair]) -> None:
    for pair in gold:
        assert pair.sure, pair.flores_line
        assert pair.sure <= pair.possible
        tokens = tokenize(normalize_text(pair.hindi))
        for i, j in pair.possible:
            assert 0 <= i < len(pair.hindi_tokens) and 0 <= j < len(pair.english_words)
            assert tokens[i].kind != "punct", (pair.flores_line, i)


@pytest.mark.skipif(not FLORES_HINDI.exists(), reason="needs ../shared/data/eval/flores200-dev")
def test_sentences_are_the_flores_lines_they_name(gold: list[GoldPair]) -> None:
    hindi = FLORES_HINDI.read_text(encoding="utf-8").splitlines()
    english = FLORES_ENGLISH.read_text(encoding="utf-8").splitlines()
    for pair in gold:
        assert (hindi[pair.flores_line], english[pair.flores_line]) == (pair.hindi, pair.english)


@pytest.mark.parametrize(("text", "sure", "possible"), [
    ("0-0 1?2", {(0, 0)}, {(0, 0), (1, 2)}),
    ("", set(), set()),
    ("3-4 3?5 10-11", {(3, 4), (10, 11)}, {(3, 4), (3, 5), (10, 11)}),
])
def test_links_are_parsed_in_the_sure_possible_format(text: str, sure: set, possible: set) -> None:
    assert parse_links(text) == (sure, possible)


@pytest.mark.parametrize(("found", "precision", "recall", "aer"), [
    ({(0, 0), (1, 1)}, 1.0, 1.0, 0.0),  # every sure link, nothing else
    ({(0, 0), (1, 1), (2, 2)}, 1.0, 1.0, 0.0),  # a possible link costs nothing
    ({(0, 0)}, 1.0, 0.5, 1 - 2 / 3),
    ({(0, 0), (3, 3)}, 0.5, 0.5, 0.5),
    (set(), 0.0, 0.0, 1.0),
])
def test_precision_recall_and_aer(found: set, precision: float, recall: float, aer: float) -> None:
    sure, possible = parse_links("0-0 1-1 2?2")
    pair = GoldPair(0, "", "", (), (), sure, possible)
    score = Score()
    score.add(found, pair)
    assert (score.precision, score.recall, score.aer) == pytest.approx((precision, recall, aer))


def test_a_damaged_gold_file_is_reported(tmp_path: Path) -> None:
    from assistant.errors import InputError

    broken = tmp_path / "gold.tsv"
    broken.write_text(GOLD_FILE.read_text(encoding="utf-8").splitlines()[0] + "\n4\tonly two\n",
                      encoding="utf-8")
    with pytest.raises(InputError):
        read_gold(broken)
