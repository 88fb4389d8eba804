"""Sentence-boundary precision, recall and F1 of the splitter on UD Hindi PUD.

Each document's gold sentences (``# text =``) are joined with one space and split
again. A boundary is the character offset where a sentence ends; the end of each
document is not counted, since every splitter gets it right for free.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import InputError
from assistant.segment import split_sentences
from assistant.text import normalize

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_CONLLU = REPO_ROOT / ".." / "shared" / "data" / "eval" / "ud-pud" / "hi_pud-ud-test.conllu"


@dataclass
class Scores:
    """Boundary counts over a corpus, and a few misses to look at."""

    documents: int = 0
    sentences: int = 0
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positive + self.false_negative
        return self.true_positive / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_documents(path: Path) -> list[list[str]]:
    """The sentence texts of each document of a CoNLL-U file, in order."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(
            f"No CoNLL-U file at {path}.",
            "Pass --conllu PATH, or put the shared data next to the repository.",
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"Cannot read {path}: {err}.", "Pass a UTF-8 CoNLL-U file with --conllu.") from None
    documents: list[list[str]] = []
    for line in lines:
        if line.startswith("# newdoc") or (not documents and line.startswith("# text =")):
            documents.append([])
        if line.startswith("# text ="):
            documents[-1].append(line.split("=", 1)[1].strip())
    return [doc for doc in documents if doc]


def score_document(sentences: list[str], scores: Scores, context: int = 30) -> None:
    """Add one document's boundary counts to ``scores``."""
    joined = " ".join(sentences)
    gold: set[int] = set()
    pos = 0
    for sentence in sentences[:-1]:
        pos += len(sentence)
        gold.add(pos)
        pos += 1
    norm = normalize(joined)
    found = {norm.to_original(end) for _, end in split_sentences(norm.text)} - {len(joined)}
    scores.documents += 1
    scores.sentences += len(sentences)
    scores.true_positive += len(gold & found)
    for kind, misses in (("extra", found - gold), ("missed", gold - found)):
        for offset in sorted(misses):
            before, after = joined[max(0, offset - context) : offset], joined[offset : offset + context]
            scores.misses.append(f"{kind}: …{before}⟂{after}…")
    scores.false_positive += len(found - gold)
    scores.false_negative += len(gold - found)


def evaluate(path: Path) -> Scores:
    """Boundary scores of the splitter over every document of a CoNLL-U file."""
    documents = read_documents(path)
    if not documents:
        raise InputError(f"No sentences ('# text =' lines) in {path}.", "Pass a CoNLL-U file with --conllu.")
    scores = Scores()
    for document in documents:
        score_document(document, scores)
    return scores


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--conllu", type=Path, default=DEFAULT_CONLLU, help="CoNLL-U file (default: UD Hindi PUD)"
    )
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print up to N wrong boundaries")


def run(args: argparse.Namespace) -> int:
    scores = evaluate(Path(args.conllu))
    rows = [
        ("documents", f"{scores.documents}"),
        ("sentences", f"{scores.sentences}"),
        ("boundaries (gold)", f"{scores.true_positive + scores.false_negative}"),
        ("boundaries (found)", f"{scores.true_positive + scores.false_positive}"),
        ("correct", f"{scores.true_positive}"),
        ("precision", f"{scores.precision:.4f}"),
        ("recall", f"{scores.recall:.4f}"),
        ("F1", f"{scores.f1:.4f}"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"Sentence segmentation on {Path(args.conllu).name}")
    for name, value in rows:
        print(f"  {name:<{width}}  {value:>8}")
    for line in scores.misses[: max(0, args.show)]:
        print(f"  {line}")
    return 0
