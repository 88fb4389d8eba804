"""Lemma agreement and gloss coverage of the lexicon on UD Hindi PUD and FLORES dev.

Lemma agreement compares the lemma of our best analysis of each gold FORM with the
gold LEMMA after folding spelling variants (nukta, candrabindu/anusvara, nasal
clusters, -ये/-ए). Verbs are compared as stems: a final -ना is removed on both sides,
and PUD's lemmas हैना/थाना for forms of "to be" count as होना.

Coverage is the share of word tokens (punctuation, numbers and symbols aside) that get
an English gloss from a dictionary, are English loanwords recognised by their sound, or
are recognized as names (a proper noun in a dictionary, a name from the CMU Pronouncing
Dictionary, or an unknown word shown by its romanization).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import InputError
from assistant.lexicon.keys import is_devanagari, loose
from assistant.types import Gloss, Sentence, Token

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
SHARED_EVAL = REPO_ROOT / ".." / "shared" / "data" / "eval"
DEFAULT_CONLLU = SHARED_EVAL / "ud-pud" / "hi_pud-ud-test.conllu"
DEFAULT_FLORES = SHARED_EVAL / "flores200-dev" / "hin_Deva.dev"
# the parallel English of each corpus, same sentence order
ENGLISH_CONLLU = SHARED_EVAL / "ud-pud" / "en_pud-ud-test.conllu"
ENGLISH_FLORES = SHARED_EVAL / "flores200-dev" / "eng_Latn.dev"
# short everyday sentences, a register unlike the news of the other two
DEFAULT_TATOEBA = SHARED_EVAL / "tatoeba" / "tatoeba-test-v2021-08-07.hin"
ENGLISH_TATOEBA = SHARED_EVAL / "tatoeba" / "tatoeba-test-v2021-08-07.eng"
SKIPPED_UPOS = frozenset({"PUNCT", "NUM", "SYM"})
CONTENT = ("NOUN", "VERB", "ADJ")
# PUD lemmatizes forms of "to be" as है/था (AUX) or हैना/थाना (VERB), and the
# genitive के/की as themselves; we use होना and का.
_CONVENTIONS = {"हैना": "होना", "थाना": "होना", "है": "होना", "था": "होना", "के": "का", "की": "का"}


@dataclass
class Coverage:
    """How the word tokens of a corpus were glossed."""

    words: int = 0
    dictionary: int = 0  # an English gloss from a dictionary
    loanwords: int = 0  # an English word recognised by sound (CMU Pronouncing Dictionary)
    names: int = 0  # a proper noun in a dictionary, a name or abbreviation found by sound or
    # letters, or an unknown word shown as a name
    unknown_names: int = 0
    bare: int = 0  # analysed, but no English gloss anywhere
    # glosses found by sound (loanwords, names, abbreviations) and how many of them the
    # reference English translation of the sentence contains: a lower bound on precision
    borrowed: int = 0
    borrowed_confirmed: int = 0

    def share(self, count: int) -> float:
        return count / self.words if self.words else 0.0

    @property
    def covered(self) -> float:
        return self.share(self.dictionary + self.loanwords + self.names)


@dataclass
class Agreement:
    """Lemma agreement per gold UPOS, with some disagreements to look at."""

    total: Counter = field(default_factory=Counter)
    same: Counter = field(default_factory=Counter)
    misses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def rate(self, tags: tuple[str, ...]) -> float:
        total = sum(self.total[t] for t in tags)
        return sum(self.same[t] for t in tags) / total if total else 0.0


def lemma_key(lemma: str, upos: str) -> str:
    key = loose(_CONVENTIONS.get(lemma, lemma))
    if upos in ("VERB", "AUX") and key.endswith("ना") and len(key) > 2:
        key = key[:-2]
    return key


def read_conllu(path: Path) -> list[list[tuple[str, str, str]]]:
    """Sentences as lists of (FORM, LEMMA, UPOS); multiword ranges and empty nodes skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"No CoNLL-U file at {path}.", "Pass --conllu PATH.") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"Cannot read {path}: {err}.", "Pass a UTF-8 CoNLL-U file.") from None
    sentences: list[list[tuple[str, str, str]]] = [[]]
    for line in lines:
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 4 or not cols[0].isdigit():
            continue
        sentences[-1].append((cols[1], cols[2], cols[3]))
    return [s for s in sentences if s]


def in_reference(gloss: Gloss, reference: str) -> bool:
    """Whether one of the gloss's English renderings occurs in the reference translation
    (as a word, allowing English inflections: post → posted, posts)."""
    for sense in gloss.senses:
        word = sense.removesuffix(" (name)")
        # abbreviations may be written with dots: US, U.S.
        pattern = r"\.?".join(map(re.escape, word)) if word.isupper() else re.escape(word)
        if re.search(rf"\b{pattern}(?:s|es|ed|d|ing)?\b", reference, flags=re.IGNORECASE):
            return True
    return False


def _romanized_name(gloss: Gloss) -> bool:
    """An unknown word shown by its romanization as a probable name."""
    return gloss.is_name and not gloss.known and not gloss.borrowed


def _count(coverage: Coverage, gloss: Gloss, reference: str | None = None) -> None:
    coverage.words += 1
    if gloss.borrowed and reference is not None:
        coverage.borrowed += 1
        coverage.borrowed_confirmed += in_reference(gloss, reference)
    if gloss.is_name:
        coverage.names += 1
        coverage.unknown_names += _romanized_name(gloss)
    elif gloss.borrowed and gloss.senses:
        coverage.loanwords += 1
    elif gloss.known and gloss.senses:
        coverage.dictionary += 1
    else:
        coverage.bare += 1


def _references(path: Path | None, count: int, parse: bool) -> list[str | None]:
    """The parallel English sentences, or Nones when the file is absent or does not align."""
    if path is None or not path.is_file():
        return [None] * count
    if parse:
        english: list[str | None] = [" ".join(row[0] for row in rows) for rows in read_conllu(path)]
    else:
        english = list(path.read_text(encoding="utf-8").splitlines())
    return english if len(english) == count else [None] * count


def conllu_sentence(rows: list[tuple[str, str, str]]) -> Sentence:
    """A treebank sentence as the glosser sees one: its words (form, lemma, UPOS) as tokens
    separated by single spaces, each with its kind from script and tag."""
    tokens, offset = [], 0
    for form, _, upos in rows:
        if upos in ("PUNCT", "SYM"):
            kind = "punct"
        elif is_devanagari(form):
            kind = "word"
        else:
            kind = "number" if upos == "NUM" else "latin"
        tokens.append(Token(form, kind, offset, offset + len(form)))
        offset += len(form) + 1
    return Sentence(" ".join(r[0] for r in rows), 0, offset, tuple(tokens))


def evaluate_pud(path: Path, english: Path | None = None) -> tuple[Agreement, Coverage, Counter]:
    from assistant.gloss import gloss_sentence
    from assistant.lexicon import load_lexicon

    lexicon = load_lexicon()
    agreement, coverage, name_upos = Agreement(), Coverage(), Counter()
    sentences = read_conllu(path)
    for rows, reference in zip(sentences, _references(english, len(sentences), parse=True), strict=True):
        sentence = conllu_sentence(rows)
        glosses = gloss_sentence(sentence, lexicon)
        for (form, lemma, upos), token, gloss in zip(rows, sentence.tokens, glosses, strict=True):
            if upos in SKIPPED_UPOS or token.kind != "word":
                continue
            _count(coverage, gloss, reference)
            if _romanized_name(gloss):
                name_upos[upos] += 1
            analyses = lexicon.analyse(form)
            ours = analyses[0].lemma if analyses else form
            agreement.total[upos] += 1
            if lemma_key(ours, upos) == lemma_key(lemma, upos):
                agreement.same[upos] += 1
            else:
                agreement.misses[upos][f"{form}→{ours} (gold {lemma})"] += 1
    return agreement, coverage, name_upos


def evaluate_text(path: Path, english: Path | None = None) -> Coverage:
    """Coverage of a plain text file, one sentence per line (FLORES, Tatoeba)."""
    from assistant.gloss import gloss_sentence
    from assistant.lexicon import load_lexicon
    from assistant.segment import tokenize

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"Cannot read {path}: {err}.", "Pass --flores or --tatoeba PATH.") from None
    lexicon = load_lexicon()
    coverage = Coverage()
    for line, reference in zip(lines, _references(english, len(lines), parse=False), strict=True):
        tokens = tokenize(line)
        for gloss, token in zip(gloss_sentence(Sentence(line, 0, len(line), tokens), lexicon), tokens,
                                strict=True):
            if token.kind == "word":
                _count(coverage, gloss, reference)
    return coverage


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--conllu", type=Path, default=DEFAULT_CONLLU, help="UD Hindi PUD CoNLL-U file")
    parser.add_argument("--flores", type=Path, default=DEFAULT_FLORES, help="FLORES-200 dev Hindi text")
    parser.add_argument("--english-conllu", type=Path, default=ENGLISH_CONLLU,
                        help="UD English PUD (the parallel English of --conllu)")
    parser.add_argument("--english-flores", type=Path, default=ENGLISH_FLORES,
                        help="FLORES-200 dev English (the parallel English of --flores)")
    parser.add_argument("--tatoeba", type=Path, default=DEFAULT_TATOEBA,
                        help="Tatoeba Hindi test sentences (skipped when absent)")
    parser.add_argument("--english-tatoeba", type=Path, default=ENGLISH_TATOEBA,
                        help="Tatoeba English (the parallel English of --tatoeba)")
    parser.add_argument("--misses", type=int, default=0,
                        help="show the N most frequent disagreements per UPOS")


def _coverage_row(name: str, c: Coverage) -> str:
    return (f"{name:<14} {c.words:>7} {c.share(c.dictionary):>9.1%} {c.share(c.loanwords):>7.1%} "
            f"{c.share(c.names):>7.1%} {c.share(c.unknown_names):>9.1%} {c.share(c.bare):>7.1%} "
            f"{c.covered:>8.1%}")


def run(args: argparse.Namespace) -> int:
    agreement, pud_coverage, name_upos = evaluate_pud(args.conllu, args.english_conllu)
    corpora = [("UD Hindi PUD", pud_coverage),
               ("FLORES dev", evaluate_text(args.flores, args.english_flores))]
    if args.tatoeba.is_file():
        corpora.append(("Tatoeba test", evaluate_text(args.tatoeba, args.english_tatoeba)))
    print("Lemma agreement on UD Hindi PUD (best analysis vs gold LEMMA; spelling variants folded;")
    print("verbs and auxiliaries compared as stems without -ना; PUD है/था/हैना/थाना = होना, के/की = का)")
    print(f"{'UPOS':<14} {'tokens':>7} {'agree':>7}")
    for upos, total in sorted(agreement.total.items(), key=lambda kv: -kv[1]):
        print(f"{upos:<14} {total:>7} {agreement.rate((upos,)):>7.1%}")
    content_total = sum(agreement.total[t] for t in CONTENT)
    print(f"{'NOUN+VERB+ADJ':<14} {content_total:>7} {agreement.rate(CONTENT):>7.1%}   (target ≥ 92%)")
    all_tags = tuple(agreement.total)
    print(f"{'all words':<14} {sum(agreement.total.values()):>7} {agreement.rate(all_tags):>7.1%}")
    print()
    print("Gloss coverage of word tokens (punctuation and numbers aside)")
    print(f"{'corpus':<14} {'words':>7} {'dict.gloss':>9} {'loans':>7} {'names':>7} {'(unknown)':>9} "
          f"{'bare':>7} {'covered':>8}")
    for name, coverage in corpora:
        print(_coverage_row(name, coverage))
    print("covered = dictionary gloss + loans + names (target ≥ 97%); loans = English words recognised")
    print("by sound; (unknown) = in no dictionary, shown by romanization as a probable name;")
    print("bare = analysed but without an English gloss.")
    for name, c in corpora:
        if c.borrowed:
            print(f"{name}: {c.borrowed} glosses found by sound (loanwords, names, abbreviations); "
                  f"{c.borrowed_confirmed / c.borrowed:.1%} of them occur in the reference English")
    unknown = sum(name_upos.values())
    if unknown:
        print("unknown words on PUD by gold UPOS: "
              + ", ".join(f"{t} {n / unknown:.0%}" for t, n in name_upos.most_common(5)))
    if args.misses:
        for upos in CONTENT:
            print(f"\nmost frequent {upos} disagreements:")
            for text, count in agreement.misses[upos].most_common(args.misses):
                print(f"  {count:>3}  {text}")
    return 0
