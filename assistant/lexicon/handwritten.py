"""The hand-written lexical data: a supplement for common words the dictionaries leave bare,
and checked senses of the commonest content words.

``data/supplement.tsv`` (lemma, pos, gender, senses) fills gaps when the lexicon is loaded:
a record without senses, or with only senses learned from parallel text, takes them; what a
dictionary says is never replaced. ``data/core_senses.tsv`` (lemma, pos, senses) is applied
when the lexicon is built: for the commonest words the dictionaries rank senses oddly or mix
in wrong ones, and the translation table learned from menus adds its own, so these senses
replace both, in the order checked (``build.py``); the reader may still reorder them by a
form's own translations or its neighbours.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.entries import LemmaInfo
from assistant.lexicon.keys import norm

SUPPLEMENT_FILE = Path(__file__).resolve().parent / "data" / "supplement.tsv"
CORE_FILE = Path(__file__).resolve().parent / "data" / "core_senses.tsv"


def _rows(path: Path, columns: int) -> list[list[str]]:
    """The tab-separated rows of a hand-written data file, comments and blank lines aside."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = line.split("\t")
        if len(row) != columns:
            raise LexiconError(f"Bad line in {path.name}: {line!r}.",
                               f"Fix the line: {columns} tab-separated columns.")
        rows.append(row)
    return rows


def _senses(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.split("|") if s.strip())


def read_supplement(path: Path = SUPPLEMENT_FILE) -> list[LemmaInfo]:
    """The hand-written senses for common words the source dictionaries leave unglossed."""
    return [LemmaInfo(norm(lemma), pos, gender or None, senses=_senses(senses), sources=("supplement",))
            for lemma, pos, gender, senses in _rows(path, 4)]


def read_core_senses(path: Path = CORE_FILE) -> dict[tuple[str, str], tuple[str, ...]]:
    """(lemma, pos) → the hand-checked senses of the most frequent content words."""
    core: dict[tuple[str, str], tuple[str, ...]] = {}
    for lemma, pos, senses in _rows(path, 3):
        key = (norm(lemma), pos)
        if key in core:
            raise LexiconError(f"{lemma} ({pos}) is listed twice in {path.name}.",
                               "Keep one of the two lines.")
        core[key] = _senses(senses)
    return core
