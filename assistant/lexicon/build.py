"""Build the committed lexicon file from FreeDict, Wiktionary and Apertium.

The output is a gzip-compressed TSV, byte-identical for identical inputs: every
collection is sorted and the gzip header carries no file name or time stamp.

Line kinds (tab-separated):
  ``L lemma pos gender roman senses example sources learned`` — senses joined by `` | ``;
  ``learned`` lists the senses (among ``senses``) learned from parallel text, not a dictionary;
  ``F form analyses`` — analyses ``lemma/pos/gender/number/case/person/tense`` joined
  by ``;`` with empty fields for unknown values;
  ``O word`` — a frequent word in its own right (``own_words.py``), not read as an
  inflection or respelling of a rarer lemma;
  ``R form lemma pos`` — the reading of a form that its translations in parallel text back.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.apertium import ApertiumForm, read_apertium
from assistant.lexicon.english import corrected_spelling, english_lemmas
from assistant.lexicon.handwritten import read_core_senses
from assistant.lexicon.keys import loose
from assistant.lexicon.loanwords import FORMAT_HEADER as LOANWORD_HEADER
from assistant.lexicon.loanwords import (
    LOANWORD_FILE,
    MAX_RENDERINGS,
    WORD_MAX_COST,
    LoanwordIndex,
    loanword_lines,
    read_word_list,
)
from assistant.lexicon.ranking import (
    CONJUNCT_SENTENCES,
    FILL_SHARE,
    UI_TRUST,
    as_written,
    conjunct_distribution,
    is_vulgar,
    learned_conjunct,
    learned_units,
    phrase_distribution,
    rank_senses,
    sense_lemmas,
    support,
    table_distribution,
    without_transliterations,
)
from assistant.lexicon.sources import Pair, read_freedict, read_wiktionary
from assistant.lexicon.tables import write_table
from assistant.lexicon.ttable import TranslationTable, read_translation_table

FORMAT_HEADER = "#assistant-hindi-lexicon\t2"
MAX_SENSES = 3
CANDIDATE_SENSES = 8  # the dictionary senses the translation table may choose among
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


def _respelled(pairs: list[Pair], table: TranslationTable | None) -> list[Pair]:
    """The pairs with the misspelled words of their English made right where the entry's
    example or the table's translations of its Hindi confirm it ("munucipal corporation" →
    "municipal corporation"): FreeDict was typed by hand."""
    known, _ = read_word_list()

    def fixed(pair: Pair) -> Pair:
        evidence = {lemma for w in _WORD.findall(pair.example) for lemma in english_lemmas(w)}
        if table is not None:
            evidence |= {e for e, _ in table.english(pair.hindi)}
        english = _WORD.sub(lambda m: corrected_spelling(m.group(), known, evidence), pair.english)
        return pair if english == pair.english else replace(pair, english=english)

    return [fixed(p) for p in pairs]


def english_frequencies(pairs: list[Pair]) -> Counter[str]:
    """How often each English word occurs in FreeDict's example sentences: a commonness
    signal that ranks "pressure" above "depression" when the dictionaries give both."""
    counts: Counter[str] = Counter()
    for example in {p.example for p in pairs if p.example}:
        counts.update(w.lower() for w in _WORD.findall(example))
    return counts


def _sense_order(entry: _Entry, frequency: Counter[str], limit: int | None = CANDIDATE_SENSES) -> list[str]:
    """The best ``limit`` senses (None: all), best first: support from several sources,
    directness, commonness, then A–Z."""
    def commonness(english: str) -> float:
        words = english.removeprefix("to ").lower().split()
        return math.log10(1 + min(frequency[w] for w in words)) if words else 0.0

    def score(english: str) -> float:
        support = entry.scores[english] + 1.0 * (len(entry.sources[english]) - 1)
        wordiness = MULTIWORD_PENALTY * (len(english.removeprefix("to ").split()) - 1)
        return support + COMMONNESS_WEIGHT * commonness(english) - wordiness

    ranked = sorted(entry.scores, key=lambda e: (-round(score(e), 6), len(e.split()), e))
    return ranked[:limit]


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


def _lemma_lines(pairs: list[Pair], forms: list[ApertiumForm], frequency: Counter[str],
                 table: TranslationTable | None, loans: LoanwordIndex | None = None,
                 every_sense: bool = False) -> list[str]:
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
    # the commonest words: hand-checked senses replace the dictionaries' and the table's
    core = read_core_senses()
    for key in core:
        if key not in entries:  # an entry of its own; a known one keeps its sources, which
            entries[key].sources[core[key][0]] = {"core"}  # weigh the analyser's readings
    core_by_spelling: dict[tuple[str, str], tuple[str, ...]] = {}
    for (lemma, pos), senses in sorted(core.items()):
        core_by_spelling.setdefault((loose(lemma), pos), senses)
    function_words = _function_words()
    verb_forms = frozenset(f.form for f in forms if f.pos in ("VERB", "AUX"))
    learned_entries = (_add_learned_entries(entries, table, function_words, verb_forms, forms, loans)
                       if table is not None else set())
    spellings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for lemma, pos in sorted(entries):
        spellings[(loose(lemma), pos)].append(lemma)
    lines = []
    # how well the table backs each part of speech of a phrase (आसानी से: ADV "easily",
    # not ADJ "swimmingly"); only the best-backed one keeps its senses
    backing: dict[str, dict[str, float]] = defaultdict(dict)
    parts_of_speech: dict[str, list[str]] = defaultdict(list)
    for lemma, pos in entries:
        parts_of_speech[lemma].append(pos)
    for (lemma, pos), entry in sorted(entries.items()):
        # the word's senses as its other parts of speech: नवम्बर NOUN "Nov" is PROPN "November"
        beside = [e for other in parts_of_speech[lemma] if other != pos
                  for e in entries[(lemma, other)].scores]
        senses = as_written(_sense_order(_with_variants(entry, spellings[(loose(lemma), pos)], entries, pos,
                                                        lemma), frequency,
                                         None if every_sense else CANDIDATE_SENSES), beside)
        learned: tuple[str, ...] = ()
        # a spelling variant (अंग्रेज़ for अंग्रेज, पडना for पड़ना) has the checked senses too:
        # the dictionaries may give it only their odd ones ("Sassenach")
        hand = core.get((lemma, pos)) or core_by_spelling.get((loose(lemma), pos))
        if hand:
            # in the order checked; the table's would be noisier
            senses = [*hand, *(s for s in senses if s not in hand)] if every_sense else list(hand)
        elif (lemma, pos) in learned_entries:
            # the sense the table taught, not a variant spelling's dictionary sense merged in
            own = [s for s in senses if "parallel" in entry.sources.get(s, ())][:1] or senses[:1]
            senses, learned = own, tuple(own)
        elif table is not None and pos != "PROPN":
            words = tuple(lemma.replace("-", " ").split())  # अलग-अलग is two tokens
            # a phrase learns only from its own counts, not from its words' senses: a unit's,
            # or a conjunct verb's (प्रयोग करना "to use", whatever the dictionary says)
            found, sentences, in_prose = (conjunct_distribution(table, words[0], words[1])
                                          if len(words) == 2 and pos == "VERB" else ({}, 0, 0))
            # menus alone do not outvote prose on the noun (स्थापित करना "install")
            if sentences >= CONJUNCT_SENTENCES and (in_prose or not table.prose_sentences(words[0], "l")):
                distribution, own, head = (found, sentences), True, words[0]
                prose = in_prose > 0  # खत्म होना is "to end", though menus say "lost"
            elif len(words) > 1:
                distribution = phrase_distribution(table, words, function_words)
                own, head, prose = " ".join(words) in table.units, lemma, True
            else:
                distribution, own, head = table_distribution(table, lemma), True, lemma
                if senses:  # a word the dictionaries gloss is not its own romanization
                    distribution = (without_transliterations(lemma, distribution[0]), distribution[1])
                prose = table.prose_sentences(lemma, "l") > 0
            ranked = rank_senses(pos, tuple(senses), *distribution, limit=None if every_sense else MAX_SENSES,
                                 learn=own, trust=1.0 if prose else UI_TRUST,
                                 reverse={e: table.p_hi_given_en(head, e) for e in distribution[0]},
                                 participles=(lemma, "NOUN") not in entries,
                                 fill_share=0.0 if every_sense else FILL_SHARE)
            senses = as_written(list(ranked.senses), beside)  # learned ones too: calendars teach "Tue"
            learned = tuple(s for s in ranked.learned if s in senses)
            if len(words) > 1 and senses:
                backing[lemma][pos] = support(senses[0], distribution[0], pos)
        elif not every_sense:
            senses = senses[:MAX_SENSES]
        if entry.genders:
            gender = sorted(entry.genders.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        else:
            gender = apertium_gender.get((lemma, pos), "")
        # a sense capitalized by as_written keeps the example of its dictionary spelling
        first = senses[0] if senses else ""
        example = entry.examples.get(first) or entry.examples.get(first.lower(), "")
        sources = sorted({s for e in entry.sources.values() for s in e} |
                         ({"apertium"} if (lemma, pos) in apertium_gender or not senses else set()))
        # learned senses are marked in their own column, not as a source: the analyser
        # weighs readings by how many dictionaries know them
        sources = [s for s in sources if s != "parallel"] or ["parallel"]
        lines.append("\t".join(["L", lemma, pos, gender if pos in ("NOUN", "PROPN") else "",
                                entry.roman, " | ".join(senses), example.replace("\t", " "),
                                ",".join(sources), " | ".join(learned)]))
    return [_drop_unbacked(line, backing) for line in lines]


def _drop_unbacked(line: str, backing: dict[str, dict[str, float]]) -> str:
    """A phrase's line without senses when the table backs another part of speech of the
    same phrase and not this one."""
    cols = line.split("\t")
    scores = backing.get(cols[1], {})
    if len(scores) > 1 and max(scores.values()) > 0 and scores.get(cols[2], 0.0) == 0:
        cols[5] = cols[8] = ""
    return "\t".join(cols)


def _function_words() -> frozenset[str]:
    """Closed-class forms and light verbs: they say nothing of what a phrase means."""
    from assistant.lexicon.closed_class import read_closed_class
    from assistant.lexicon.multiword import CONJUNCT_LIGHT, VECTOR_NUANCE

    words = {e.form for e in read_closed_class() if " " not in e.form}
    return frozenset(words | set(CONJUNCT_LIGHT) | set(VECTOR_NUANCE))


def _english_of(entry: _Entry) -> frozenset[str]:
    """The English lemmas an entry's senses say."""
    return sense_lemmas(entry.scores)


def _head_says(entries: dict[tuple[str, str], _Entry], forms: list[ApertiumForm],
               loans: LoanwordIndex | None = None) -> Callable[[str, str], bool]:
    """Whether the dictionary senses of a word (read as itself or as a form of its lemmas)
    contain an English lemma, or the word is that English word borrowed (स्कूल "school")."""
    lemmas_of: dict[str, set[str]] = defaultdict(set)
    for form in forms:
        lemmas_of[form.form].add(form.lemma)
    said: dict[str, set[str]] = defaultdict(set)
    for (lemma, _), entry in entries.items():
        said[lemma] |= _english_of(entry)

    def says(word: str, english: str) -> bool:
        if any(english in said.get(lemma, ()) for lemma in {word, *lemmas_of.get(word, ())}):
            return True
        return loans is not None and any(loan.english.lower() == english and loan.cost <= WORD_MAX_COST
                                         for loan in loans.match(word)[:MAX_RENDERINGS])

    return says


def _add_learned_entries(entries: dict[tuple[str, str], _Entry], table: TranslationTable,
                         function_words: frozenset[str], verb_forms: frozenset[str],
                         forms: list[ApertiumForm],
                         loans: LoanwordIndex | None = None) -> set[tuple[str, str]]:
    """Entries no dictionary has, learned from the translation table: two-word units
    (हवाई अड्डा "airport") and conjunct verbs of nouns (पुष्टि करना "to confirm")."""
    added: set[tuple[str, str]] = set()

    def add(lemma: str, pos: str, sense: str) -> None:
        if is_vulgar(sense):
            return  # a learned sense must be one a reader can trust; noise here offends
        entry = entries[(lemma, pos)]
        entry.scores[sense] = 1.0
        entry.sources[sense].add("parallel")
        added.add((lemma, pos))

    known = {lemma for lemma, _ in entries}
    says = _head_says(entries, forms, loans)
    for words, pos, english in learned_units(table, function_words, verb_forms, known, says):
        add(words, pos, english)
    for lemma, pos in sorted(entries):
        if pos not in ("NOUN", "ADJ") or " " in lemma or (lemma, pos) in added:
            continue
        conjunct = f"{lemma} करना"
        if entries.get((conjunct, "VERB")) is not None and entries[(conjunct, "VERB")].scores:
            continue
        sense = learned_conjunct(*table_distribution(table, lemma), _english_of(entries[(lemma, pos)]),
                                 table.light_share(lemma))
        if sense is not None:
            add(conjunct, "VERB", sense)
    return added


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


def build_lexicon(shared: Path | None = None, out: Path | None = None,
                  table: TranslationTable | None = None, ranked: bool = True,
                  every_sense: bool = False) -> Path:
    """Build the lexicon from the source dictionaries in ``shared``; returns the file written.
    Senses are ranked with ``table`` (default: the committed translation table, if it can
    be read; with ``ranked`` off, none: the dictionaries' order). The loanword table
    (``loanwords.tsv.gz``) is written next to it. ``build_all`` builds the table too.
    With ``every_sense`` a word keeps every sense its sources offer, not its best
    MAX_SENSES: each dictionary sense (after the checked ones, where there are some) and
    each translation the table backs in enough sentences. Such a lexicon is never shipped;
    it measures how far any ranking of those senses could go (``evaluate senses --ceiling``)."""
    shared = Path(shared) if shared else DEFAULT_SHARED
    out = Path(out) if out else DATA_FILE
    missing = [str(shared / p) for p in (FREEDICT_FILE, WIKTIONARY_FILE, APERTIUM_FILE)
               if not (shared / p).is_file()]
    if missing:
        raise LexiconError(f"Source dictionaries not found: {', '.join(missing)}.",
                           "Pass --shared pointing at the folder with freedict-eng-hin, "
                           "wiktionary-en-hi and apertium-hin.")
    if table is None and ranked:
        try:
            table = read_translation_table()
        except LexiconError:
            table = None  # a first build: senses stay in dictionary order until the table exists
    pairs = _respelled(read_freedict(shared / FREEDICT_FILE) + read_wiktionary(shared / WIKTIONARY_FILE),
                       table)
    forms = read_apertium(shared / APERTIUM_FILE)
    frequency = english_frequencies(pairs)
    # the loanword table is made first: a unit learned from the table must not be one of its
    # words borrowed (हाई स्कूल is not "school")
    ordinary = {p.english.lower() for p in pairs if p.pos != "PROPN" and p.english.isalpha()}
    loan_lines = loanword_lines(ordinary, frequency)
    loans = LoanwordIndex(dict(line.split("\t", 1) for line in loan_lines))
    lines = [FORMAT_HEADER, *_lemma_lines(pairs, forms, frequency, table, loans, every_sense),
             *_form_lines(forms)]
    write_table(lines, out)
    # which frequent words the analyser over-reaches on can only be seen by running it
    from assistant.lexicon.own_words import find_own_words, learned_headwords, preferred_readings
    from assistant.lexicon.store import read_lexicon

    first = read_lexicon(out)
    if table is not None:
        lines += [f"R\t{form}\t{lemma}\t{pos}" for form, lemma, pos in preferred_readings(first, table)]
        lines += ["\t".join(["L", word, pos, "", "", sense, "", "parallel", sense])
                  for word, pos, sense in learned_headwords(first, table)]
    lines += [f"O\t{word}" for word in find_own_words(first)]
    write_table(lines, out)
    write_table([LOANWORD_HEADER, *loan_lines], out.with_name(LOANWORD_FILE.name))
    return out


def build_all(shared: Path | None = None, out: Path | None = None, parallel: Path | None = None,
              eval_dir: Path | None = None, limit: int | None = None) -> tuple[Path, tuple[Path, ...]]:
    """The lexicon and the translation table from their sources alone, never from the
    committed files: the table is keyed by the lexicon's lemmas and the lexicon learns from
    the table, so each is built twice. A dictionary-only lexicon lemmatizes a first table;
    the lexicon ranked by it (with its learned headwords and preferred readings) lemmatizes
    the final table, which ranks the final lexicon. The text is aligned once."""
    from assistant.lexicon.ttable_build import align_sources, write_tables

    out = build_lexicon(shared, out, ranked=False)
    aligned = align_sources(parallel, eval_dir, limit)
    tables: tuple[Path, ...] = ()
    for _ in range(2):
        tables = write_tables(aligned, out.parent, lexicon_path=out)
        build_lexicon(shared, out, read_translation_table(tables[:2], tables[2:]))
    return out, tables
