"""Build the committed lexicon file from FreeDict, Wiktionary and Apertium.

The output is a gzip-compressed TSV, byte-identical for identical inputs: every
collection is sorted and the gzip header carries no file name or time stamp.

Line kinds (tab-separated):
  ``L lemma pos gender roman senses example sources`` — senses joined by `` | ``;
  ``F form analyses`` — analyses ``lemma/pos/gender/number/case/person/tense`` joined
  by ``;`` with empty fields for unknown values.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.apertium import ApertiumForm, read_apertium
from assistant.lexicon.keys import loose
from assistant.lexicon.loanwords import FORMAT_HEADER as LOANWORD_HEADER
from assistant.lexicon.loanwords import LOANWORD_FILE, loanword_lines
from assistant.lexicon.sources import Pair, read_freedict, read_wiktionary
from assistant.lexicon.tables import write_table

FORMAT_HEADER = "#assistant-hindi-lexicon\t1"
MAX_SENSES = 3
COMMONNESS_WEIGHT = 0.4
MULTIWORD_PENALTY = 0.5
VARIANT_WEIGHT = 0.8
_WORD = re.compile(r"[A-Za-z]+")
DATA_FILE = Path(__file__).resolve().parent / "data" / "lexicon.tsv.gz"
DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "lexicon"

FREEDICT_FILE = Path("freedict-eng-hin") / "eng-hin.utf8.tsv"
WIKTIONARY_FILE = Path("wiktionary-en-hi") / "en-hi-enwiktionary.txt"
APERTIUM_FILE = Path("apertium-hin") / "apertium-hin.hin.dix"


@dataclass
class _Entry:
    scores: dict[str, float] = field(default_factory=dict)
    sources: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    genders: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    roman: str = ""
    examples: dict[str, str] = field(default_factory=dict)


def english_frequencies(pairs: list[Pair]) -> Counter[str]:
    """How often each English word occurs in FreeDict's example sentences: a commonness
    signal that ranks "pressure" above "depression" when the dictionaries give both."""
    counts: Counter[str] = Counter()
    for example in {p.example for p in pairs if p.example}:
        counts.update(w.lower() for w in _WORD.findall(example))
    return counts


def _sense_order(entry: _Entry, frequency: Counter[str]) -> list[str]:
    """Best senses first: support from several sources, directness, commonness, then A–Z."""
    def commonness(english: str) -> float:
        words = english.removeprefix("to ").lower().split()
        return math.log10(1 + min(frequency[w] for w in words)) if words else 0.0

    def score(english: str) -> float:
        support = entry.scores[english] + 1.0 * (len(entry.sources[english]) - 1)
        wordiness = MULTIWORD_PENALTY * (len(english.removeprefix("to ").split()) - 1)
        return support + COMMONNESS_WEIGHT * commonness(english) - wordiness

    ranked = sorted(entry.scores, key=lambda e: (-round(score(e), 6), len(e.split()), e))
    return ranked[:MAX_SENSES]


def _with_variants(entry: _Entry, spellings: list[str], entries: dict[tuple[str, str], _Entry],
                   pos: str, lemma: str) -> _Entry:
    """The entry with the senses of its other spellings (सम्बन्ध for संबंध) added at a
    discount, so both spellings get the same well-supported senses."""
    others = [entries[(s, pos)] for s in spellings if s != lemma]
    if not others:
        return entry
    merged = _Entry(dict(entry.scores), defaultdict(set, {k: set(v) for k, v in entry.sources.items()}))
    for other in others:
        for english, score in other.scores.items():
            merged.scores[english] = merged.scores.get(english, 0.0) + VARIANT_WEIGHT * score
            merged.sources[english] |= other.sources[english]
    return merged


def _pack(*values: str | None) -> str:
    return "/".join(v or "" for v in values)


def _lemma_lines(pairs: list[Pair], forms: list[ApertiumForm], frequency: Counter[str]) -> list[str]:
    entries: dict[tuple[str, str], _Entry] = defaultdict(_Entry)
    for pair in pairs:
        entry = entries[(pair.hindi, pair.pos)]
        entry.scores[pair.english] = entry.scores.get(pair.english, 0.0) + pair.rank
        entry.sources[pair.english].add(pair.source)
        if pair.gender:
            entry.genders[pair.gender] += 1
        if pair.roman and not entry.roman:
            entry.roman = pair.roman
        if pair.example and pair.english not in entry.examples:
            entry.examples[pair.english] = pair.example.split("||")[0].strip()
    apertium_gender: dict[tuple[str, str], str] = {}
    for form in forms:
        key = (form.lemma, form.pos)
        if key not in entries or form.pos in ("NOUN", "PROPN"):
            entry = entries[key]
            if form.gender and form.pos in ("NOUN", "PROPN"):
                apertium_gender.setdefault(key, form.gender)
    spellings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for lemma, pos in sorted(entries):
        spellings[(loose(lemma), pos)].append(lemma)
    lines = []
    for (lemma, pos), entry in sorted(entries.items()):
        senses = _sense_order(_with_variants(entry, spellings[(loose(lemma), pos)], entries, pos, lemma),
                              frequency)
        if entry.genders:
            gender = sorted(entry.genders.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        else:
            gender = apertium_gender.get((lemma, pos), "")
        example = entry.examples.get(senses[0], "") if senses else ""
        sources = sorted({s for e in entry.sources.values() for s in e} |
                         ({"apertium"} if (lemma, pos) in apertium_gender or not senses else set()))
        lines.append("\t".join(["L", lemma, pos, gender if pos in ("NOUN", "PROPN") else "",
                                entry.roman, " | ".join(senses), example.replace("\t", " "),
                                ",".join(sources)]))
    return lines


def _form_lines(forms: list[ApertiumForm]) -> list[str]:
    """One line per surface form; readings that differ only in number, case or person
    are merged, keeping a value only where all of them agree."""
    grouped: dict[str, dict[tuple, list[ApertiumForm]]] = defaultdict(lambda: defaultdict(list))
    for form in forms:
        if " " in form.form:
            continue  # multiword entries are matched as units, not looked up as forms
        grouped[form.form][(form.lemma, form.pos, form.gender, form.tense)].append(form)
    lines = []
    for surface in sorted(grouped):
        packed = []
        for (lemma, pos, gender, tense), group in sorted(grouped[surface].items(),
                                                         key=lambda kv: tuple(str(x) for x in kv[0])):
            def agreed(attr: str, group: list[ApertiumForm] = group) -> str | None:
                values = {getattr(f, attr) for f in group}
                return values.pop() if len(values) == 1 else None
            packed.append(_pack(lemma, pos, gender, agreed("number"), agreed("case"),
                                agreed("person"), tense))
        lines.append(f"F\t{surface}\t{';'.join(packed)}")
    return lines


def build_lexicon(shared: Path | None = None, out: Path | None = None) -> Path:
    """Build the lexicon from the source dictionaries in ``shared``; returns the file written.
    The loanword table (``loanwords.tsv.gz``) is written next to it."""
    shared = Path(shared) if shared else DEFAULT_SHARED
    out = Path(out) if out else DATA_FILE
    missing = [str(shared / p) for p in (FREEDICT_FILE, WIKTIONARY_FILE, APERTIUM_FILE)
               if not (shared / p).is_file()]
    if missing:
        raise LexiconError(f"Source dictionaries not found: {', '.join(missing)}.",
                           "Pass --shared pointing at the folder with freedict-eng-hin, "
                           "wiktionary-en-hi and apertium-hin.")
    pairs = read_freedict(shared / FREEDICT_FILE) + read_wiktionary(shared / WIKTIONARY_FILE)
    forms = read_apertium(shared / APERTIUM_FILE)
    frequency = english_frequencies(pairs)
    write_table([FORMAT_HEADER, *_lemma_lines(pairs, forms, frequency), *_form_lines(forms)], out)
    ordinary = {p.english.lower() for p in pairs if p.pos != "PROPN" and p.english.isalpha()}
    loan_lines = loanword_lines(ordinary, frequency)
    write_table([LOANWORD_HEADER, *loan_lines], out.with_name(LOANWORD_FILE.name))
    return out
