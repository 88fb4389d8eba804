"""Sense agreement: does the gloss's first sense (or one of its first three) occur in the
human reference English of the sentence?

Measured on the HELD-OUT sentences of FLORES dev and UD Hindi PUD (``heldout.py``: even
sentence numbers), never on the half the translation table may learn from. A content-word
token is a Devanagari word whose gold UPOS is NOUN, VERB, ADJ or ADV on PUD; FLORES has no
gold tags, so there it is a word our gloss reads as one of those and not as a name. A
sense agrees when one of its content words shares an English lemma with a word of the
reference (LemmInflect lemmas, irregular forms included: said = say); a sense made only of
small words ("to be", "with") is compared by those words. A token without senses counts as
a miss.

``--ceiling`` also measures what no ranking can pass: a lexicon built with every sense
its sources offer shows how many tokens have any agreeing sense at all, and how many the
best fixed three senses per reading would get.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.evaluate.heldout import flores_pairs, pud_sentences
from assistant.evaluate.lexicon import conllu_sentence
from assistant.lexicon.english import english_lemmas
from assistant.lexicon.ranking import content_words
from assistant.types import Gloss, Sentence

if TYPE_CHECKING:
    from assistant.lexicon.analyse import Lexicon

CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")


@dataclass
class Agreement:
    """Counts of content-word tokens and how many agree with the reference."""

    tokens: int = 0
    first: int = 0
    top3: int = 0
    misses: Counter = field(default_factory=Counter)

    def share(self, count: int) -> float:
        return count / self.tokens if self.tokens else 0.0


def reference_lemmas(english: str) -> frozenset[str]:
    """Every lemma of every word of a reference translation."""
    out: set[str] = set()
    for word in _ENGLISH_WORD.findall(english):
        out |= english_lemmas(word)
    return frozenset(out)


def sense_agrees(sense: str, reference: frozenset[str]) -> bool:
    """Whether a content word of ``sense`` shares a lemma with the reference."""
    return any(english_lemmas(w) & reference for w in content_words(sense.removesuffix(" (name)")))


def _score(agreement: Agreement, gloss: Gloss, reference: frozenset[str]) -> None:
    agreement.tokens += 1
    senses = gloss.senses
    if senses and sense_agrees(senses[0], reference):
        agreement.first += 1
    else:
        agreement.misses[f"{gloss.text} → {senses[0] if senses else '-'}"] += 1
    if any(sense_agrees(s, reference) for s in senses[:3]):
        agreement.top3 += 1


def pud_tokens(lexicon: Lexicon) -> Iterator[tuple[Gloss, frozenset[str]]]:
    """The gloss of each held-out PUD content-word token, with its sentence's reference."""
    from assistant.gloss import gloss_sentence

    for held in pud_sentences(held_out=True):
        sentence = conllu_sentence(held.rows)
        reference = reference_lemmas(held.english)
        for (_, _, upos), token, gloss in zip(held.rows, sentence.tokens, gloss_sentence(sentence, lexicon),
                                               strict=True):
            if token.kind == "word" and upos in CONTENT:
                yield gloss, reference


def flores_tokens(lexicon: Lexicon) -> Iterator[tuple[Gloss, frozenset[str]]]:
    """The gloss of each held-out FLORES content-word token, with its sentence's reference."""
    from assistant.gloss import gloss_sentence
    from assistant.segment import tokenize

    for pair in flores_pairs(held_out=True):
        tokens = tokenize(pair.hindi)
        reference = reference_lemmas(pair.english)
        sentence = Sentence(pair.hindi, 0, len(pair.hindi), tokens)
        for token, gloss in zip(tokens, gloss_sentence(sentence, lexicon), strict=True):
            if token.kind == "word" and gloss.pos in CONTENT and not gloss.is_name:
                yield gloss, reference


def agreement(tokens: Iterable[tuple[Gloss, frozenset[str]]]) -> Agreement:
    """How many of the glosses' first senses (and first three) agree with the reference."""
    found = Agreement()
    for gloss, reference in tokens:
        _score(found, gloss, reference)
    return found


def evaluate_pud() -> Agreement:
    from assistant.lexicon import load_lexicon

    return agreement(pud_tokens(load_lexicon()))


def evaluate_flores() -> Agreement:
    from assistant.lexicon import load_lexicon

    return agreement(flores_tokens(load_lexicon()))


@dataclass
class Ceiling:
    """What any ranking of the senses the sources offer could reach: the tokens with some
    sense that agrees, and those a best fixed choice of three senses per reading would get."""

    tokens: int = 0
    any_sense: int = 0
    best_three: int = 0

    def share(self, count: int) -> float:
        return count / self.tokens if self.tokens else 0.0


def best_fixed_three(hits: list[frozenset[int]]) -> int:
    """Of tokens of one reading, each with the positions of its agreeing senses, how many
    the best choice of three positions serves (one choice for all: a gloss shows a word
    the same way in every sentence)."""
    candidates = sorted(frozenset().union(*hits)) if hits else []
    if len(candidates) <= 3:
        return sum(1 for h in hits if h)
    return max(sum(1 for h in hits if h & set(chosen)) for chosen in combinations(candidates, 3))


def ceiling(tokens: Iterable[tuple[Gloss, frozenset[str]]], every: Lexicon) -> Ceiling:
    """The ceiling of sense agreement on ``tokens`` when each may show any sense that
    ``every`` (a lexicon built with every sense kept) gives its reading, besides its own."""
    found = Ceiling()
    by_reading: dict[tuple[str, str, str], list[frozenset[int]]] = defaultdict(list)
    for gloss, reference in tokens:
        found.tokens += 1
        senses = list(gloss.senses)
        for lemma in (gloss.lemma, gloss.unit.lemma if gloss.unit else None):
            record = every.info(lemma, gloss.pos) if lemma else None
            if record is not None and record.pos == gloss.pos:
                senses += [s for s in record.senses if s not in senses]
        hits = frozenset(i for i, sense in enumerate(senses) if sense_agrees(sense, reference))
        found.any_sense += bool(hits)
        by_reading[(gloss.lemma, gloss.pos, gloss.unit.lemma if gloss.unit else "")].append(hits)
    found.best_three = sum(best_fixed_three(hits) for hits in by_reading.values())
    return found


def _ceilings() -> list[tuple[str, Ceiling]]:
    import tempfile

    from assistant.lexicon import build_lexicon, load_lexicon, read_lexicon

    with tempfile.TemporaryDirectory() as folder:
        every = read_lexicon(build_lexicon(out=Path(folder) / "every-sense.tsv.gz", every_sense=True))
    lexicon = load_lexicon()
    return [("FLORES dev", ceiling(flores_tokens(lexicon), every)),
            ("UD Hindi PUD", ceiling(pud_tokens(lexicon), every))]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--misses", type=int, default=0,
                        help="show the N most frequent first-sense misses per corpus")
    parser.add_argument("--ceiling", action="store_true",
                        help="also build a lexicon that keeps every sense the dictionaries and the "
                             "translation table offer (about 30 s) and report what any ranking of "
                             "them could reach")


def run(args: argparse.Namespace) -> int:
    results = [("FLORES dev", evaluate_flores()), ("UD Hindi PUD", evaluate_pud())]
    print("Sense agreement on held-out sentences (even-numbered; the table never learns from them):")
    print("share of content-word tokens whose first sense / one of whose first three senses")
    print("shares an English lemma with the human reference translation")
    print(f"{'corpus':<14} {'tokens':>7} {'first':>7} {'top-3':>7}")
    for name, agreement in results:
        print(f"{name:<14} {agreement.tokens:>7} {agreement.share(agreement.first):>7.1%} "
              f"{agreement.share(agreement.top3):>7.1%}")
    print("(targets: first sense +15 points over the dictionary order; top-3 ≥ 70%)")
    if args.ceiling:
        print("\nCeiling: the same tokens when every sense the sources offer may be shown (the")
        print("dictionaries' and the checked senses, every translation the table backs in enough sentences)")
        print(f"{'corpus':<14} {'tokens':>7} {'any':>7} {'best 3':>7}")
        for name, reach in _ceilings():
            print(f"{name:<14} {reach.tokens:>7} {reach.share(reach.any_sense):>7.1%} "
                  f"{reach.share(reach.best_three):>7.1%}")
        print("(any: some sense of the word agrees; best 3: the best fixed three senses of each reading)")
    if args.misses:
        for name, agreement in results:
            print(f"\nmost frequent first-sense misses on {name}:")
            for text, count in agreement.misses.most_common(args.misses):
                print(f"  {count:>3}  {text}")
    return 0
