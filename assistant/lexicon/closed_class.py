"""The hand-written closed-class lexicon: postpositions, pronouns, auxiliaries, particles,
conjunctions, question words, numerals and light verbs (``data/closed_class.tsv``)."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.entries import ClosedEntry, LemmaInfo
from assistant.lexicon.keys import norm
from assistant.types import Analysis

CLOSED_CLASS_FILE = Path(__file__).resolve().parent / "data" / "closed_class.tsv"
_COLUMNS = 11


def read_closed_class(path: Path = CLOSED_CLASS_FILE) -> list[ClosedEntry]:
    """All entries in file order (the order of a form's readings is its ranking)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"Cannot read the closed-class lexicon {path}: {exc}.",
                           "Restore assistant/lexicon/data/closed_class.tsv from the repository.") from exc
    entries = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != _COLUMNS:
            raise LexiconError(f"{path.name} line {number} has {len(cols)} columns, expected {_COLUMNS}.",
                               "Fix the line or restore the file from the repository.")
        form, lemma, pos, gender, num, case, person, tense, senses, note, rendering = cols

        def opt(value: str) -> str | None:
            return value or None

        analysis = Analysis(norm(lemma), pos, opt(gender), opt(num), opt(case), opt(person),
                            opt(tense), source="closed")
        info = LemmaInfo(norm(lemma), pos, opt(gender), "",
                         tuple(s.strip() for s in senses.split("|") if s.strip()),
                         sources=("closed",), note=note, line=rendering)
        entries.append(ClosedEntry(norm(form), analysis, info))
    return entries
