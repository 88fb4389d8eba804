"""Load the committed lexicon file into memory once per process."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.analyse import Lexicon
from assistant.lexicon.build import DATA_FILE, FORMAT_HEADER
from assistant.lexicon.closed_class import CLOSED_CLASS_FILE, read_closed_class
from assistant.lexicon.entries import LemmaInfo
from assistant.lexicon.handwritten import read_supplement
from assistant.lexicon.tables import REBUILD, Shared, read_table


def read_lexicon(path: Path = DATA_FILE, closed_path: Path = CLOSED_CLASS_FILE) -> Lexicon:
    """Parse a lexicon file (no caching)."""
    lines = read_table(path, FORMAT_HEADER, "lexicon file")
    lemmas: dict[str, list[LemmaInfo]] = {}
    forms: dict[str, str] = {}
    own: list[str] = []
    preferred: list[tuple[str, str, str]] = []
    try:
        for line in lines:
            if not line:
                continue
            if line[0] == "O":
                own.append(line.split("\t")[1])
            elif line[0] == "R":
                _, form, lemma, pos = line.split("\t")
                preferred.append((form, lemma, pos))
            elif line[0] == "F":
                _, form, packed = line.split("\t")
                forms[form] = packed
            else:
                _, lemma, pos, gender, roman, senses, example, sources, learned = line.split("\t")
                record = LemmaInfo(lemma, pos, gender or None, roman,
                                   tuple(senses.split(" | ")) if senses else (), example,
                                   tuple(sources.split(",")),
                                   learned=tuple(learned.split(" | ")) if learned else ())
                lemmas.setdefault(lemma, []).append(record)
    except ValueError as exc:
        raise LexiconError(f"The lexicon file {path} is damaged (bad line).", REBUILD) from exc
    _fill_gaps(lemmas, read_supplement())
    return Lexicon(lemmas, forms, read_closed_class(closed_path), own, preferred)


def _fill_gaps(lemmas: dict[str, list[LemmaInfo]], supplement: list[LemmaInfo]) -> None:
    """Give senses to records that have none, or only senses learned from parallel text
    (hand-written senses go first: मौजूद is "present", not "existed" as menus suggest);
    never replace what a dictionary says."""
    for extra in supplement:
        records = lemmas.setdefault(extra.lemma, [])
        same_pos = [i for i, r in enumerate(records) if r.pos == extra.pos]
        if any(set(records[i].senses) - set(records[i].learned) for i in same_pos):
            continue
        if same_pos:
            old = records[same_pos[0]]
            kept = tuple(s for s in old.learned if s not in extra.senses)
            records[same_pos[0]] = LemmaInfo(
                old.lemma, old.pos, old.gender or extra.gender, old.roman, (*extra.senses, *kept),
                old.example, (*old.sources, "supplement"), old.note, old.line, learned=kept,
            )
        else:
            records.append(extra)


_shared_lexicon = Shared(read_lexicon, DATA_FILE)


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon, loaded on first use and shared afterwards."""
    return _shared_lexicon(path)
