"""The measuring/training split of FLORES dev and UD PUD is positional and disjoint."""

from pathlib import Path

import pytest

from assistant.evaluate.heldout import flores_pairs, is_held_out, pud_sentences


@pytest.mark.parametrize(("index", "held"), [(0, True), (1, False), (2, True), (997, False)])
def test_even_numbers_are_held_out(index: int, held: bool) -> None:
    assert is_held_out(index) is held


def test_flores_split_is_disjoint(tmp_path: Path) -> None:
    hi, en = tmp_path / "hi", tmp_path / "en"
    hi.write_text("क\nख\nग\n", encoding="utf-8")
    en.write_text("a\nb\nc\n", encoding="utf-8")
    held = flores_pairs(True, hi, en)
    train = flores_pairs(False, hi, en)
    assert [(p.index, p.hindi, p.english) for p in held] == [(0, "क", "a"), (2, "ग", "c")]
    assert [p.index for p in train] == [1]


def test_pud_reader_keeps_text_rows_and_english(tmp_path: Path) -> None:
    hi, en = tmp_path / "hi.conllu", tmp_path / "en.conllu"
    hi.write_text("# text = राम आया\n1\tराम\tराम\tPROPN\n2\tआया\tआ\tVERB\n\n"
                  "# text = सीता\n1\tसीता\tसीता\tPROPN\n\n", encoding="utf-8")
    en.write_text("# text = Ram came\n1\tRam\tRam\tPROPN\n2\tcame\tcome\tVERB\n\n"
                  "# text = Sita\n1\tSita\tSita\tPROPN\n\n", encoding="utf-8")
    (first,) = pud_sentences(True, hi, en)
    assert (first.hindi, first.english) == ("राम आया", "Ram came")
    assert first.rows == (("राम", "राम", "PROPN"), ("आया", "आ", "VERB"))
    assert [s.hindi for s in pud_sentences(False, hi, en)] == ["सीता"]


def test_hand_judged_sample_round_trips(tmp_path: Path) -> None:
    from assistant.evaluate.hand_judged import Judged, read_sample, write_sample

    items = [Judged(4, 2, "दर", "NOUN", "rate", "1", "ब्याज की दर", "the interest rate", ""),
             Judged(6, 0, "सोना", "NOUN", "sleep", "0", "सोना महंगा है", "Gold is dear", "gold, not sleep")]
    path = tmp_path / "judged.tsv"
    write_sample(items, path)
    assert read_sample(path) == items


def test_committed_hand_judgements_are_complete() -> None:
    from assistant.evaluate.hand_judged import DATA_FILE, EARLIER, SIZE, read_sample

    drawn: list[set[tuple[int, int]]] = []
    for path in (DATA_FILE, *(path for path, _ in EARLIER)):
        items = read_sample(path)
        assert len(items) == SIZE
        assert all(i.judgement in ("0", "1") for i in items)
        assert all(i.sentence % 2 == 0 for i in items)  # held-out sentences only
        drawn.append({(i.sentence, i.token) for i in items})
    # no token is judged twice: each sample is disjoint from the others
    assert all(not a & b for k, a in enumerate(drawn) for b in drawn[k + 1:])
