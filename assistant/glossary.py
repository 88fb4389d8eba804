"""An article's glossary: its key terms ranked by salience, and the names it mentions.

Key terms are content words (nouns, adjectives, verbs, adverbs) grouped by lemma, and
multiword units such as conjunct verbs (स्वागत करना) counted as one term. Function words,
compound postpositions, numbers and punctuation never appear; names (PROPN or glosses
marked ``is_name``) are listed apart, ranked by how often they occur.

Salience weighs how often a lemma occurs in the article against how rare it is in
general Hindi, using the frequency list shipped in ``assistant/data``:

    score = (1 + ln count) × ln((N + 1) / (docs + 1))

where ``docs`` is the number of the list's N reference sentences that contain the lemma.
The damped count keeps one word repeated ten times from drowning the article's other
topics; the rarity factor pushes everyday words (देश, बात, कहना) below topical ones
(प्रतिबंध, सैन्य, अभ्यास). Ties are broken by first occurrence, so output is stable.
"""

from __future__ import annotations

import gzip
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.align import aligned_senses
from assistant.errors import LexiconError
from assistant.romanize import name_form, readable, strict
from assistant.types import Gloss, Glossary, GlossaryTerm, MultiwordUnit, SentencePair, Token

__all__ = ["Frequency", "build_glossary", "load_frequency"]

FREQUENCY_FILE = Path(__file__).resolve().parent / "data" / "hindi_frequency.tsv.gz"

CONTENT_POS = frozenset({"NOUN", "ADJ", "VERB", "ADV"})
FUNCTION_POS = frozenset({"ADP", "PRON", "AUX", "DET", "PART", "CCONJ", "SCONJ", "NUM", "PUNCT", "SYM"})
# Verbs that in running text are almost always auxiliaries or light verbs: as terms
# they would say nothing about the article.
EMPTY_VERBS = frozenset({"होना", "रहना", "सकना", "चुकना", "करना", "जाना", "पाना", "लगना", "है", "था"})
VERB_UNIT_KINDS = frozenset({"conjunct_verb", "compound_verb"})
SKIPPED_UNIT_KINDS = frozenset({"postposition"})
# stems of EMPTY_VERBS: a compound verb built on one (कर देना, हो जाना) is grammar, not a term
EMPTY_STEMS = frozenset({"हो", "रह", "सक", "चुक", "कर", "जा", "पा", "लग"})
MAX_SENSES = 3
# A term the glossary cannot explain helps a reader less than one it can.
UNEXPLAINED_WEIGHT = 0.75
_NOTE_RE = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Frequency:
    """General-Hindi counts: occurrences and sentences containing each form and lemma."""

    sentences: int = 0
    forms: dict[str, tuple[int, int]] = field(default_factory=dict)
    lemmas: dict[str, tuple[int, int]] = field(default_factory=dict)

    def docs(self, lemma: str, forms: Sequence[str] = ()) -> int:
        """Reference sentences containing ``lemma``; its forms are the fallback."""
        if lemma in self.lemmas:
            return self.lemmas[lemma][1]
        found = [self.forms[f][1] for f in (lemma, *forms) if f in self.forms]
        return max(found, default=0)

    def rarity(self, docs: int) -> float:
        return math.log((self.sentences + 1) / (docs + 1))


@lru_cache(maxsize=4)
def load_frequency(path: Path = FREQUENCY_FILE) -> Frequency:
    """Read the frequency list once (about 20 ms); raises LexiconError when it is unusable."""
    hint = "Reinstall the package, or rebuild the list with: python scripts/build_frequency.py"
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except FileNotFoundError as err:
        raise LexiconError(f"The Hindi frequency list is missing ({path}).", hint) from err
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise LexiconError(f"The Hindi frequency list is damaged ({path}: {err}).", hint) from err
    forms: dict[str, tuple[int, int]] = {}
    lemmas: dict[str, tuple[int, int]] = {}
    sentences = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            kind, item, count, docs = parts[0], parts[1], int(parts[2]), int(parts[3])
        except (IndexError, ValueError) as err:
            raise LexiconError(
                f"The Hindi frequency list is damaged at line {number} ({path}).", hint
            ) from err
        if kind == "form":
            forms[item] = (count, docs)
        elif kind == "lemma":
            lemmas[item] = (count, docs)
        elif kind == "total" and item == "sentences":
            sentences = count
    if sentences <= 0:
        raise LexiconError(f"The Hindi frequency list has no totals ({path}).", hint)
    return Frequency(sentences, forms, lemmas)


class _Entry:
    """Occurrences of one term while the article is scanned (private, mutable)."""

    __slots__ = ("count", "first", "forms", "genders", "lemma", "pair", "pos", "senses", "unit_kind")

    def __init__(self, lemma: str, pos: str, first: tuple[int, int], pair: SentencePair) -> None:
        self.lemma = lemma
        self.pos = pos
        self.first = first
        self.pair = pair
        self.count = 0
        self.forms: dict[str, tuple[int, int]] = {}  # surface form -> where it first occurs
        self.genders: dict[str, int] = {}
        self.senses: tuple[str, ...] = ()
        self.unit_kind = ""

    def add(self, form: str, at: tuple[int, int], gender: str | None, senses: Sequence[str]) -> None:
        self.count += 1
        self.forms.setdefault(form, at)
        if gender:
            self.genders[gender] = self.genders.get(gender, 0) + 1
        if not self.senses and senses:
            self.senses = tuple(senses)[:MAX_SENSES]

    def absorb(self, other: _Entry, form: str | None = None) -> None:
        """Count ``other``'s occurrences here; ``form`` replaces its surface forms."""
        self.count += other.count
        for text, at in other.forms.items():
            known = self.forms.get(form or text)
            self.forms[form or text] = at if known is None else min(known, at)
        for gender, n in other.genders.items():
            self.genders[gender] = self.genders.get(gender, 0) + n
        if not self.senses:
            self.senses = other.senses
        if other.first < self.first:
            self.first, self.pair = other.first, other.pair

    @property
    def gender(self) -> str | None:
        if not self.genders:
            return None
        # most frequent, then alphabetical: deterministic
        return min(self.genders, key=lambda g: (-self.genders[g], g))

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return tuple(sorted(self.forms, key=lambda f: (self.forms[f], f)))


def _unit_pos(unit: MultiwordUnit, head: Gloss) -> str:
    return "VERB" if unit.kind in VERB_UNIT_KINDS else head.pos


def _is_name(gloss: Gloss) -> bool:
    return gloss.is_name or gloss.pos == "PROPN"


def _clean_lemma(lemma: str) -> str:
    """The lemma without a note such as "करना (passive)"."""
    return _NOTE_RE.sub("", lemma).strip()


def _is_term(gloss: Gloss) -> bool:
    lemma = _clean_lemma(gloss.lemma or gloss.text)
    return gloss.pos in CONTENT_POS and bool(lemma) and lemma not in EMPTY_VERBS


def _is_suffix_of_number(tokens: Sequence[Token], i: int) -> bool:
    """The ordinal ending of "82वें", split from its digits by the tokenizer."""
    return 0 < i < len(tokens) and tokens[i - 1].kind == "number" and tokens[i - 1].end == tokens[i].start


class _Collector:
    """Walks the pairs once, filling term and name entries keyed by lemma."""

    def __init__(self) -> None:
        self.terms: dict[tuple[str, str], _Entry] = {}
        self.names: dict[str, _Entry] = {}

    @staticmethod
    def _entry(
        table: dict[Any, _Entry],
        key: object,
        lemma: str,
        pos: str,
        first: tuple[int, int],
        pair: SentencePair,
    ) -> _Entry:
        entry = table.get(key)
        if entry is None:
            entry = table[key] = _Entry(lemma, pos, first, pair)
        return entry

    def add_pair(self, index: int, pair: SentencePair) -> None:
        glosses = pair.glosses
        tokens = pair.source.tokens
        units_seen: set[tuple[int, int, str]] = set()
        i = 0
        while i < len(glosses):
            gloss = glosses[i]
            unit = gloss.unit
            if unit is not None and unit.end_token - unit.start_token > 1:
                # every token of a unit points at it; the unit counts once
                key = (unit.start_token, unit.end_token, unit.lemma)
                if key not in units_seen:
                    units_seen.add(key)
                    self._add_unit(index, pair, unit, glosses)
                i += 1
                continue
            if (i < len(tokens) and tokens[i].kind != "word") or _is_suffix_of_number(tokens, i):
                i += 1
                continue
            if _is_name(gloss):
                i = self._add_name(index, pair, i)
                continue
            if _is_term(gloss):
                lemma = _clean_lemma(gloss.lemma or gloss.text)
                entry = self._entry(self.terms, (lemma, gloss.pos), lemma, gloss.pos, (index, i), pair)
                entry.add(gloss.text, (index, i), gloss.gender, aligned_senses((gloss,), gloss.senses))
            i += 1

    def _add_unit(
        self, index: int, pair: SentencePair, unit: MultiwordUnit, glosses: Sequence[Gloss]
    ) -> None:
        lemma = _clean_lemma(unit.lemma)
        words = lemma.split()
        if unit.kind in SKIPPED_UNIT_KINDS or not words:
            return
        if unit.kind == "compound_verb" and words[0] in EMPTY_STEMS:
            return
        parts = glosses[max(0, unit.start_token) : unit.end_token]
        if not parts:
            return
        head = parts[0]
        if all(_is_name(g) or g.pos in ("", "X") for g in parts) and any(_is_name(g) for g in parts):
            entry = self._entry(self.names, lemma, lemma, "PROPN", (index, unit.start_token), pair)
            entry.add(unit.text, (index, unit.start_token), head.gender, unit.senses)
            return
        pos = _unit_pos(unit, head)
        if pos in FUNCTION_POS:
            return
        entry = self._entry(self.terms, (lemma, "UNIT"), lemma, pos, (index, unit.start_token), pair)
        entry.unit_kind = unit.kind
        gender = next((g.gender for g in parts if g.gender), None)
        entry.add(unit.text, (index, unit.start_token), gender, aligned_senses(parts, unit.senses))

    def _add_name(self, index: int, pair: SentencePair, i: int) -> int:
        """One name, however many tokens it spans (व्लादिमीर पुतिन); returns the next index."""
        glosses, tokens = pair.glosses, pair.source.tokens
        j = i
        while (
            j < len(glosses)
            and _is_name(glosses[j])
            and glosses[j].unit is None
            and (j >= len(tokens) or tokens[j].kind == "word")
        ):
            j += 1
        j = max(j, i + 1)
        span = glosses[i:j]
        lemma = " ".join(g.lemma or g.text for g in span)
        form = " ".join(g.text for g in span)
        entry = self._entry(self.names, lemma, lemma, "PROPN", (index, i), pair)
        entry.add(form, (index, i), span[-1].gender, span[-1].senses if len(span) == 1 else ())
        return j


def _fold_names(names: dict[str, _Entry]) -> list[_Entry]:
    """Merge runs of name tokens with the single names the article also uses.

    "व्लादिमीर पुतिन" counts under "पुतिन" when पुतिन also stands alone; "बेलारूस रूस"
    (two names side by side) counts once for each; "सेंट पीटर्सबर्ग" stays whole.
    """
    singles = {lemma: e for lemma, e in names.items() if " " not in lemma}
    kept: list[_Entry] = []
    for lemma, entry in names.items():
        words = lemma.split(" ")
        if len(words) == 1:
            kept.append(entry)
        elif all(w in singles for w in words):
            for w in dict.fromkeys(words):
                singles[w].absorb(entry, form=w)
        elif words[-1] in singles:
            singles[words[-1]].absorb(entry)
        else:
            kept.append(entry)
    return kept


def _base_word(entry: _Entry) -> str:
    """The word a verb unit is built on: अभ्यास in अभ्यास करना, बढ़ना in बढ़ जाना."""
    words = entry.lemma.split()
    if entry.unit_kind == "conjunct_verb" and len(words) > 1:
        return " ".join(words[:-1])
    if entry.unit_kind == "compound_verb" and len(words) == 2:
        return words[0] + "ना"
    return ""


def _fold_verb_units(terms: dict[tuple[str, str], _Entry]) -> list[_Entry]:
    """Count अभ्यास करना under अभ्यास (and बढ़ जाना under बढ़ना) when the article also
    uses that word on its own; otherwise the unit stays a term of its own."""
    by_lemma: dict[str, _Entry] = {}
    for (lemma, kind), entry in terms.items():
        if kind != "UNIT":
            by_lemma.setdefault(lemma, entry)
    kept: list[_Entry] = []
    for entry in terms.values():
        base = _base_word(entry)
        target = by_lemma.get(base) if base else None
        if target is None:
            kept.append(entry)
        else:
            target.absorb(entry)
    return kept


def _term(entry: _Entry, score: float, is_name: bool) -> GlossaryTerm:
    return GlossaryTerm(
        term=entry.lemma,
        lemma=entry.lemma,
        roman=name_form(entry.lemma) if is_name else readable(entry.lemma),
        roman_strict=strict(entry.lemma),
        pos=entry.pos,
        gender=entry.gender,
        senses=entry.senses,
        count=entry.count,
        first_sentence=entry.pair.source.text,
        first_translation=entry.pair.translation or "",
        forms=entry.surface_forms,
        score=round(score, 4),
        is_name=is_name,
    )


def _unit_docs(entry: _Entry, frequency: Frequency) -> int:
    """A unit is as rare as its rarest meaningful word (स्वागत in स्वागत करना)."""
    words = entry.lemma.split()
    if entry.unit_kind in VERB_UNIT_KINDS and len(words) > 1:
        words = words[:-1]  # the light verb says nothing about rarity
    counts = [frequency.docs(w) for w in words]
    return min(counts, default=0)


def _salience(entry: _Entry, frequency: Frequency) -> float:
    docs = (
        _unit_docs(entry, frequency) if entry.unit_kind else frequency.docs(entry.lemma, tuple(entry.forms))
    )
    weight = 1.0 if entry.senses else UNEXPLAINED_WEIGHT
    return weight * (1.0 + math.log(entry.count)) * frequency.rarity(docs)


def build_glossary(
    pairs: Sequence[SentencePair], *, max_terms: int = 40, frequency: Frequency | None = None
) -> Glossary:
    """Key terms (at most ``max_terms``) and names of the article made of ``pairs``."""
    if not pairs:
        return Glossary()
    freq = frequency if frequency is not None else load_frequency()
    collector = _Collector()
    for index, pair in enumerate(pairs):
        if pair.glosses:
            collector.add_pair(index, pair)

    scored = [(_salience(e, freq), e) for e in _fold_verb_units(collector.terms)]
    scored.sort(key=lambda se: (-se[0], se[1].first, se[1].lemma))
    limit = max(0, int(max_terms))
    terms = tuple(_term(e, s, is_name=False) for s, e in scored[:limit])

    names = _fold_names(collector.names)
    names.sort(key=lambda e: (-e.count, e.first, e.lemma))
    return Glossary(terms=terms, names=tuple(_term(e, float(e.count), is_name=True) for e in names))
