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
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.evaluate.heldout import flores_pairs, pud_sentences
from assistant.evaluate.lexicon import conllu_sentence
from assistant.lexicon.english import english_lemmas
from assistant.lexicon.ranking import content_words
from assistant.types import Gloss, Sentence

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


def evaluate_pud() -> Agreement:
    from assistant.gloss import gloss_sentence
    from assistant.lexicon import load_lexicon

    lexicon = load_lexicon()
    agreement = Agreement()
    for held in pud_sentences(held_out=True):
        sentence = conllu_sentence(held.rows)
        reference = reference_lemmas(held.english)
        for (_, _, upos), token, gloss in zip(held.rows, sentence.tokens, gloss_sentence(sentence, lexicon),
                                               strict=True):
            if token.kind == "word" and upos in CONTENT:
                _score(agreement, gloss, reference)
    return agreement


def evaluate_flores() -> Agreement:
    from assistant.gloss import gloss_sentence
    from assistant.lexicon import load_lexicon
    from assistant.segment import tokenize

    lexicon = load_lexicon()
    agreement = Agreement()
    for pair in flores_pairs(held_out=True):
        tokens = tokenize(pair.hindi)
        reference = reference_lemmas(pair.english)
        sentence = Sentence(pair.hindi, 0, len(pair.hindi), tokens)
        for token, gloss in zip(tokens, gloss_sentence(sentence, lexicon), strict=True):
            if token.kind == "word" and gloss.pos in CONTENT and not gloss.is_name:
                _score(agreement, gloss, reference)
    return agreement


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--misses", type=int, default=0,
                        help="show the N most frequent first-sense misses per corpus")


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
    if args.misses:
        for name, agreement in results:
            print(f"\nmost frequent first-sense misses on {name}:")
            for text, count in agreement.misses.most_common(args.misses):
                print(f"  {count:>3}  {text}")
    return 0
