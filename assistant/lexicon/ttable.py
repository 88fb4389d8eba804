"""The lexical translation table: which English words a Hindi word becomes in parallel text.

Learned at lexicon-build time (``ttable_build.py``) from word-aligned open parallel text
and committed as three small files. The prose files (news, Tatoeba, Wikipedia) are summed;
the user-interface file is a prior behind them: where prose knows a word, the interface
strings weigh at most UI_PRIOR links, so सक्षम is "able" as prose says, not "enable" as
ten thousand menus say; where prose never saw the word, the interface counts stand alone.
Keys are Hindi forms and Hindi lemmas (the analyser's best reading); English words are
lower-case lemmas.

Public API::

    translation_table() -> TranslationTable      # loaded once per process
    TranslationTable.english(hindi) -> ((english, p(e|h)), ...)   # best first
    TranslationTable.p_en_given_hi(hi, en) / p_hi_given_en(hi, en)
    TranslationTable.links(hi) -> int             # how often the Hindi key was aligned (weighted)
    TranslationTable.sentences(hi) -> int         # in how many distinct sentences
    TranslationTable.unit_english() -> [(words, english, share, occurrences), ...]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.english import english_lemma
from assistant.lexicon.keys import norm
from assistant.lexicon.tables import REBUILD, Shared, read_table
from assistant.lexicon.ttable_build import FORMAT_HEADER, TABLE_FILE, UI_TABLE_FILE, WIKIPEDIA_TABLE_FILE

UI_PRIOR = 12.0  # weighted links: about two news sentences' worth


@dataclass
class TranslationTable:
    """Link counts between Hindi keys (forms, lemmas) and English lemmas."""

    pairs: dict[tuple[str, str], dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    hindi_totals: dict[tuple[str, str], float] = field(default_factory=dict)
    hindi_sentences: dict[tuple[str, str], int] = field(default_factory=dict)
    english_totals: dict[str, float] = field(default_factory=dict)
    units: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    unit_totals: dict[str, int] = field(default_factory=dict)
    # form → (sentences with a form of करना right after it, sentences with the form)
    light: dict[str, tuple[int, int]] = field(default_factory=dict)
    # the sentences of each key before a prior was added: how much prose saw it
    own_sentences: dict[tuple[str, str], int] | None = None

    def add_prior(self, other: TranslationTable, strength: float) -> None:
        """Add ``other``'s counts as a prior: for a key this table already knows, scaled to
        at most ``strength`` links (a Dirichlet prior with ``other``'s distribution as its
        mean), else in full. Evidence (sentences) and units are added as they are."""
        if self.own_sentences is None:
            self.own_sentences = dict(self.hindi_sentences)
        kept: dict[str, float] = defaultdict(float)
        seen: dict[str, float] = defaultdict(float)
        for key, total in other.hindi_totals.items():
            own = self.hindi_totals.get(key, 0.0)
            scale = min(1.0, strength / total) if own else 1.0
            mine = self.pairs[key]
            for english, count in other.pairs.get(key, {}).items():
                mine[english] = mine.get(english, 0.0) + count * scale
                if key[0] == "f":
                    kept[english] += count * scale
                    seen[english] += count
            self.hindi_totals[key] = own + total * scale
            self.hindi_sentences[key] = self.hindi_sentences.get(key, 0) + other.hindi_sentences.get(key, 0)
        # an English word's links shrink by the share its kept pairs shrank
        for english, total in other.english_totals.items():
            ratio = kept[english] / seen[english] if seen.get(english) else 1.0
            self.english_totals[english] = self.english_totals.get(english, 0.0) + total * ratio
        for word, (before, occurring) in other.light.items():
            mine_before, mine_occurring = self.light.get(word, (0, 0))
            self.light[word] = (mine_before + before, mine_occurring + occurring)
        for words, counts in other.units.items():
            mine = self.units[words]
            for english, count in counts.items():
                mine[english] = mine.get(english, 0) + count
            self.unit_totals[words] = self.unit_totals.get(words, 0) + other.unit_totals[words]

    def _lookup(self, hindi: str, kind: str | None) -> tuple[str, str] | None:
        """The key of ``kind`` for the word, or the one ``_key`` picks when no kind is given."""
        return (kind, norm(hindi)) if kind else self._key(hindi)

    def _key(self, hindi: str) -> tuple[str, str] | None:
        """The form's own counts when it was seen, else its lemma's."""
        word = norm(hindi)
        for kind in ("f", "l"):
            if (kind, word) in self.hindi_totals:
                return kind, word
        return None

    def links(self, hindi: str, kind: str | None = None) -> float:
        """How many alignment links the Hindi form (or lemma) took part in."""
        key = self._lookup(hindi, kind)
        return self.hindi_totals.get(key, 0) if key else 0

    def sentences(self, hindi: str, kind: str | None = None) -> int:
        """In how many distinct Hindi sentences the form (or lemma) was aligned: the
        evidence behind its probabilities (links are weighted by source)."""
        key = self._lookup(hindi, kind)
        return self.hindi_sentences.get(key, 0) if key else 0

    def light_share(self, hindi: str) -> float:
        """The share of the sentences holding the form in which a form of करना follows it."""
        before, seen = self.light.get(norm(hindi), (0, 0))
        return before / seen if seen else 0.0

    def prose_sentences(self, hindi: str, kind: str | None = None) -> int:
        """In how many sentences of the table's own text (not the prior's) the key was aligned."""
        if self.own_sentences is None:
            return self.sentences(hindi, kind)
        key = self._lookup(hindi, kind)
        return self.own_sentences.get(key, 0) if key else 0

    def english(self, hindi: str, kind: str | None = None) -> tuple[tuple[str, float], ...]:
        """English lemmas for a Hindi form or lemma with p(e|h), best first (ties A–Z).
        ``kind`` "f" or "l" asks for the form's or the lemma's counts only."""
        key = self._lookup(hindi, kind)
        if key is None or key not in self.hindi_totals:
            return ()
        total = self.hindi_totals[key]
        ranked = sorted(self.pairs[key].items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple((en, count / total) for en, count in ranked)

    def unit_english(self) -> list[tuple[str, str, float, int]]:
        """Two-word Hindi units that align to one English word: (words, english, share of
        the pair's occurrences, occurrences), sorted."""
        out = []
        for words in sorted(self.units):
            total = self.unit_totals[words]
            for english, count in sorted(self.units[words].items()):
                out.append((words, english, count / total, total))
        return out

    def _count(self, hindi: str, english: str) -> tuple[int, tuple[str, str] | None]:
        key = self._key(hindi)
        if key is None:
            return 0, None
        return self.pairs[key].get(english_lemma(english), 0), key

    def p_en_given_hi(self, hi: str, en: str) -> float:
        """p(English lemma of ``en`` | Hindi ``hi``); 0.0 when unseen or pruned."""
        count, key = self._count(hi, en)
        return count / self.hindi_totals[key] if key and count else 0.0

    def p_hi_given_en(self, hi: str, en: str) -> float:
        """p(Hindi ``hi`` | English lemma of ``en``); 0.0 when unseen or pruned."""
        count, _ = self._count(hi, en)
        total = self.english_totals.get(english_lemma(en), 0)
        return count / total if total and count else 0.0


def read_translation_table(paths: tuple[Path, ...] = (TABLE_FILE, WIKIPEDIA_TABLE_FILE),
                           ui_paths: tuple[Path, ...] = (UI_TABLE_FILE,)) -> TranslationTable:
    """Parse and sum the prose table files, then add the user-interface ones as a prior (no
    caching); a missing file is an error."""
    table = _read(paths)
    if ui_paths:
        table.add_prior(_read(ui_paths), UI_PRIOR)
    return table


def _read(paths: tuple[Path, ...]) -> TranslationTable:
    table = TranslationTable()
    for path in paths:
        try:
            for line in read_table(path, FORMAT_HEADER, "translation table"):
                if not line:
                    continue
                cols = line.split("\t")
                if cols[0] == "P":
                    key = (cols[1], cols[2])
                    table.pairs[key][cols[3]] = table.pairs[key].get(cols[3], 0) + int(cols[4])
                elif cols[0] == "H":
                    key = (cols[1], cols[2])
                    table.hindi_totals[key] = table.hindi_totals.get(key, 0) + int(cols[3])
                    table.hindi_sentences[key] = table.hindi_sentences.get(key, 0) + int(cols[4])
                elif cols[0] == "E":
                    table.english_totals[cols[1]] = table.english_totals.get(cols[1], 0) + int(cols[2])
                elif cols[0] == "K":
                    before, seen = table.light.get(cols[1], (0, 0))
                    table.light[cols[1]] = (before + int(cols[2]), seen + int(cols[3]))
                elif cols[0] == "U":
                    table.units[cols[1]][cols[2]] = table.units[cols[1]].get(cols[2], 0) + int(cols[3])
                    table.unit_totals[cols[1]] = table.unit_totals.get(cols[1], 0) + int(cols[4])
        except (ValueError, IndexError) as exc:
            raise LexiconError(f"The translation table {path} is damaged (bad line).", REBUILD) from exc
    return table


_shared = Shared(lambda _path: read_translation_table(), TABLE_FILE)


def translation_table() -> TranslationTable:
    """The committed translation table, loaded on first use and shared afterwards."""
    return _shared()
