"""The split of FLORES dev and UD PUD between measuring and training.

Sentences of each corpus are numbered 0, 1, 2, ... in file order. An even number is held
out: it is kept for measuring (sense agreement, alignment gold, the hand-judged sample) and
never used to build anything. An odd number may be used to train the translation table.
The rule is positional so that every tool agrees on it without sharing a list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.errors import InputError

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
SHARED_EVAL = REPO_ROOT / ".." / "shared" / "data" / "eval"
FLORES_HINDI = SHARED_EVAL / "flores200-dev" / "hin_Deva.dev"
FLORES_ENGLISH = SHARED_EVAL / "flores200-dev" / "eng_Latn.dev"
PUD_HINDI = SHARED_EVAL / "ud-pud" / "hi_pud-ud-test.conllu"
PUD_ENGLISH = SHARED_EVAL / "ud-pud" / "en_pud-ud-test.conllu"


@dataclass(frozen=True)
class Pair:
    """One numbered sentence pair of a corpus: Hindi text and its reference English."""

    index: int
    hindi: str
    english: str


@dataclass(frozen=True)
class PudSentence:
    """One numbered UD PUD sentence with its gold rows (FORM, LEMMA, UPOS) and its English."""

    index: int
    hindi: str
    rows: tuple[tuple[str, str, str], ...]
    english: str


def is_held_out(index: int) -> bool:
    """Whether sentence number ``index`` (0-based, file order) is kept for measuring."""
    return index % 2 == 0


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"Cannot read {path}: {err}.",
                         "Put the evaluation data under ../shared/data/eval/.") from None


def flores_pairs(held_out: bool, hindi: Path = FLORES_HINDI, english: Path = FLORES_ENGLISH) -> list[Pair]:
    """The held-out (``held_out=True``) or the training pairs of FLORES dev."""
    hi, en = _read_lines(hindi), _read_lines(english)
    if len(hi) != len(en):
        raise InputError(f"{hindi} and {english} differ in length ({len(hi)} vs {len(en)} lines).",
                         "Pass the two sides of the same FLORES split.")
    return [Pair(i, h, e) for i, (h, e) in enumerate(zip(hi, en, strict=True)) if is_held_out(i) == held_out]


def _conllu_blocks(path: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(text, rows) per sentence; multiword ranges and empty nodes skipped."""
    blocks: list[tuple[str, list[tuple[str, str, str]]]] = []
    text, rows = "", []
    for line in [*_read_lines(path), ""]:
        if not line.strip():
            if rows:
                blocks.append((text, rows))
            text, rows = "", []
            continue
        if line.startswith("# text = "):
            text = line.removeprefix("# text = ")
            continue
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 4 or not cols[0].isdigit():
            continue
        rows.append((cols[1], cols[2], cols[3]))
    return blocks


def pud_sentences(held_out: bool, hindi: Path = PUD_HINDI, english: Path = PUD_ENGLISH) -> list[PudSentence]:
    """The held-out or the training sentences of UD PUD, Hindi with gold rows and English."""
    hi, en = _conllu_blocks(hindi), _conllu_blocks(english)
    if len(hi) != len(en):
        raise InputError(f"{hindi} and {english} differ in sentence count ({len(hi)} vs {len(en)}).",
                         "Pass the Hindi and English PUD treebanks.")
    return [PudSentence(i, h_text, tuple(h_rows), e_text)
            for i, ((h_text, h_rows), (e_text, _)) in enumerate(zip(hi, en, strict=True))
            if is_held_out(i) == held_out]


def pud_pairs(held_out: bool, hindi: Path = PUD_HINDI, english: Path = PUD_ENGLISH) -> list[Pair]:
    """The held-out or the training pairs of UD PUD as plain text."""
    return [Pair(s.index, s.hindi, s.english) for s in pud_sentences(held_out, hindi, english)]
