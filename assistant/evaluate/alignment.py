"""Alignment quality against the hand-made gold sets: precision, recall and AER.

The gold sets (``tests/data/alignment/``, see its README: 110 pairs, and a blind check
of 40 more) hold held-out FLORES dev sentences with sure (``i-j``) and possible (``i?j``)
links between the project's Hindi tokens and the words ``english_words`` finds in the
reference English.
With A our links, S the sure and P the possible links (S counted as possible too), as in
Och & Ney (2003):

    precision = |A ∩ P| / |A|,  recall = |A ∩ S| / |S|,
    AER = 1 - (|A ∩ S| + |A ∩ P|) / (|A| + |S|)

The baseline in the same run is plain eflomal (its defaults) trained on the parallel text
the translation table is built from plus the gold sentences themselves (it is
unsupervised and must see a sentence to align it), forward and reverse links
intersected. Our aligner never sees the gold links.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import BackendUnavailableError, InputError

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
GOLD_FILE = REPO_ROOT / "tests" / "data" / "alignment" / "flores_dev_gold.tsv"
# annotated the same way, and never inspected for errors while the aligner was built
BLIND_FILE = REPO_ROOT / "tests" / "data" / "alignment" / "flores_dev_blind.tsv"
SHARED = REPO_ROOT / ".." / "shared" / "data"

Link = tuple[int, int]


@dataclass(frozen=True)
class GoldPair:
    """One gold sentence pair: texts, token lists as annotated, sure and possible links."""

    flores_line: int
    hindi: str
    english: str
    hindi_tokens: tuple[str, ...]
    english_words: tuple[str, ...]
    sure: frozenset[Link]
    possible: frozenset[Link]  # sure links included


def parse_links(text: str) -> tuple[frozenset[Link], frozenset[Link]]:
    """``"0-0 1?2"`` -> (sure, possible) with the sure links also in possible."""
    sure: set[Link] = set()
    possible: set[Link] = set()
    for item in text.split():
        sep = "-" if "-" in item else "?"
        left, right = item.split(sep)
        link = (int(left), int(right))
        possible.add(link)
        if sep == "-":
            sure.add(link)
    return frozenset(sure), frozenset(possible)


def read_gold(path: Path = GOLD_FILE) -> list[GoldPair]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"Cannot read the alignment gold set {path}: {err}.",
                         "Run from a checkout that has tests/data/alignment/.") from None
    pairs = []
    for number, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != 6:
            raise InputError(f"{path}:{number}: expected 6 tab-separated columns, found {len(cols)}.",
                             "Restore the file from the repository.")
        sure, possible = parse_links(cols[5])
        pairs.append(GoldPair(int(cols[0]), cols[1], cols[2], tuple(cols[3].split()),
                              tuple(cols[4].split()), sure, possible))
    return pairs


@dataclass
class Score:
    """Counts behind precision, recall and AER, summed over sentences."""

    links: int = 0
    sure: int = 0
    hit_sure: int = 0
    hit_possible: int = 0

    def add(self, found: Iterable[Link], gold: GoldPair) -> None:
        found = set(found)
        self.links += len(found)
        self.sure += len(gold.sure)
        self.hit_sure += len(found & gold.sure)
        self.hit_possible += len(found & gold.possible)

    @property
    def precision(self) -> float:
        return self.hit_possible / self.links if self.links else 0.0

    @property
    def recall(self) -> float:
        return self.hit_sure / self.sure if self.sure else 0.0

    @property
    def aer(self) -> float:
        total = self.links + self.sure
        return 1.0 - (self.hit_sure + self.hit_possible) / total if total else 1.0


def _tokens(gold: GoldPair):
    from assistant.text import normalize_text, tokenize

    tokens = tokenize(normalize_text(gold.hindi))
    if tuple(t.text for t in tokens) != gold.hindi_tokens:
        raise InputError(f"The tokenizer no longer splits FLORES line {gold.flores_line} as the gold "
                         "set was annotated.", "Re-check the gold set's token lists against the tokenizer.")
    return tokens


def our_links(gold: Sequence[GoldPair], use_table: bool = True) -> list[set[Link]]:
    """The aligner's links for each gold pair (the reference English as the English side)."""
    from assistant.align import align, english_words
    from assistant.gloss import gloss_sentence
    from assistant.types import Sentence

    out = []
    for pair in gold:
        if len(english_words(pair.english)) != len(pair.english_words):
            raise InputError(f"english_words no longer splits FLORES line {pair.flores_line} as annotated.",
                             "Re-check the gold set's word lists.")
        tokens = _tokens(pair)
        sentence = Sentence(normalize(pair.hindi), 0, len(pair.hindi), tokens)
        glosses = gloss_sentence(sentence)
        links = align(sentence, glosses, pair.english, use_table=use_table)
        out.append({(link.source, link.target) for link in links})
    return out


def normalize(text: str) -> str:
    from assistant.text import normalize_text

    return normalize_text(text)


def _parallel_text(shared: Path) -> list[tuple[str, str]]:
    """The parallel text the translation table is learned from."""
    from assistant.lexicon.ttable_build import debian_pairs, tatoeba_pairs, training_pairs, wikipedia_pairs

    parallel, eval_dir = shared / "parallel", shared / "eval"
    return [*debian_pairs(parallel), *tatoeba_pairs(eval_dir), *training_pairs(eval_dir),
            *wikipedia_pairs(parallel)]


def _eflomal_line(hindi: str, english: str) -> tuple[list[str], list[int], list[str]]:
    """Word tokens for eflomal: the Hindi tokens that are not punctuation (with their
    indices among all tokens) and the lower-cased English words."""
    from assistant.align import english_words
    from assistant.text import normalize_text, tokenize

    tokens = tokenize(normalize_text(hindi))
    kept = [k for k, t in enumerate(tokens) if t.kind != "punct"]
    words = [english[a:b].lower() for a, b in english_words(english)]
    return [tokens[k].text for k in kept], kept, words


def baseline_links(gold: Sequence[GoldPair], shared: Path = SHARED) -> list[set[Link]]:
    """eflomal's forward and reverse links intersected, trained on the parallel text and the
    gold sentences."""
    import tempfile

    try:
        from eflomal import Aligner
    except ImportError:
        raise BackendUnavailableError("The eflomal baseline needs the eflomal package.",
                                      "Install it (pip install -r requirements.txt) or pass "
                                      "--no-baseline.") from None

    hindi_lines: list[str] = []
    english_lines: list[str] = []
    for hi, en in _parallel_text(shared):
        h, _, e = _eflomal_line(hi, en)
        if h and e and len(h) <= 100 and len(e) <= 100:
            hindi_lines.append(" ".join(h))
            english_lines.append(" ".join(e))
    first = len(hindi_lines)
    kept_of: list[list[int]] = []
    for pair in gold:
        h, kept, e = _eflomal_line(pair.hindi, pair.english)
        hindi_lines.append(" ".join(h))
        english_lines.append(" ".join(e))
        kept_of.append(kept)
    with tempfile.TemporaryDirectory() as folder:
        forward, reverse = Path(folder) / "fwd", Path(folder) / "rev"
        Aligner().align(hindi_lines, english_lines, links_filename_fwd=str(forward),
                        links_filename_rev=str(reverse), quiet=True)
        fwd = forward.read_text().splitlines()[first:]
        rev = reverse.read_text().splitlines()[first:]
    out = []
    for kept, f, r in zip(kept_of, fwd, rev, strict=True):
        both = _pharaoh(f) & _pharaoh(r)
        out.append({(kept[i], j) for i, j in both})
    return out


def _pharaoh(line: str) -> set[Link]:
    """Links written as "i-j i-j ..." (eflomal's output)."""
    return {(int(a), int(b)) for a, b in (item.split("-") for item in line.split())}


def _row(name: str, score: Score) -> str:
    return f"{name:<28} {score.precision:9.4f} {score.recall:7.4f} {score.aer:7.4f} {score.links:7d}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", type=Path, action="append",
                        help=f"gold set (TSV); may repeat (default: {GOLD_FILE.name} and {BLIND_FILE.name})")
    parser.add_argument("--shared", type=Path, default=SHARED,
                        help="shared data folder with parallel/ and eval/ (for the baseline)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the eflomal baseline")


def run(args: argparse.Namespace) -> int:
    paths = args.gold or [GOLD_FILE, BLIND_FILE]
    sets = [(path, read_gold(path)) for path in paths]
    every = [pair for _, gold in sets for pair in gold]
    systems: list[tuple[str, list[set[Link]]]] = []
    start = time.perf_counter()
    systems.append(("ours", our_links(every)))
    ours_time = time.perf_counter() - start
    systems.append(("ours without the table", our_links(every, use_table=False)))
    if not args.no_baseline:
        start = time.perf_counter()
        # one eflomal run aligns every gold sentence
        systems.append(("eflomal fwd∩rev (baseline)", baseline_links(every, args.shared)))
        print(f"(eflomal trained in {time.perf_counter() - start:.0f} s)", file=sys.stderr)
    print(f"Word alignment against hand-made gold sets of held-out FLORES dev pairs; ours took "
          f"{ours_time * 1000 / len(every):.1f} ms a sentence, glossing included")
    offset = 0
    for path, gold in sets:
        sure = sum(len(g.sure) for g in gold)
        possible = sum(len(g.possible - g.sure) for g in gold)
        print(f"\n{path.name}: {len(gold)} pairs, {sure} sure and {possible} more possible links")
        print(f"{'system':<28} {'precision':>9} {'recall':>7} {'AER':>7} {'links':>7}")
        for name, found in systems:
            score = Score()
            for links, pair in zip(found[offset:offset + len(gold)], gold, strict=True):
                score.add(links, pair)
            print(_row(name, score))
        offset += len(gold)
    return 0
