"""Build the Hindi word frequency list shipped in ``assistant/data/hindi_frequency.tsv.gz``.

Counts normalized word forms, and lemmas where a corpus or the analyzer provides them,
over the shared Hindi corpora: FLORES-200 dev, UD Hindi PUD and the Tatoeba test set.
Every sentence is one "document" for the ``docs`` column (how many sentences contain
the item), which the glossary uses as general-language rarity.

Usage:  python scripts/build_frequency.py [--shared ../shared] [--out assistant/data/hindi_frequency.tsv.gz]

The output is deterministic: rows sorted, gzip written without a timestamp.
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.text import normalize_text  # noqa: E402

DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "assistant" / "data" / "hindi_frequency.tsv.gz"

FLORES = "data/eval/flores200-dev/hin_Deva.dev"
PUD = "data/eval/ud-pud/hi_pud-ud-test.conllu"
TATOEBA = "data/eval/tatoeba/tatoeba-test-v2021-08-07.hin"

# A word is a run of Devanagari letters and signs (no danda, no digits); joiners stay inside.
WORD_RE = re.compile("[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")


def words(text: str) -> list[str]:
    """Normalized Devanagari words of a sentence, hyphenated compounds split into parts."""
    return WORD_RE.findall(normalize_text(text))


def plain_sentences(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line:
                yield line


def conllu_sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    """(FORM, LEMMA) pairs of each sentence; multiword-token ranges are skipped."""
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3 or not cols[0].isdigit():
                continue
            sentence.append((cols[1], cols[2]))
    if sentence:
        yield sentence


def _analyzer() -> Callable[[str], str | None] | None:
    """The project's lemmatizer (its best reading, out of context), or None without a lexicon."""
    try:
        from assistant.errors import AssistantError
        from assistant.lexicon.store import load_lexicon

        lexicon = load_lexicon()
    except (ImportError, AttributeError, AssistantError) as err:
        print(f"lemmas only from the treebank: no analyzer ({err})", file=sys.stderr)
        return None

    def lemmatize(form: str) -> str | None:
        readings = lexicon.analyse(form)
        return readings[0].lemma if readings else None

    return lemmatize


class Counts:
    """Occurrence and sentence counts for forms and lemmas."""

    def __init__(self) -> None:
        self.form_count: Counter[str] = Counter()
        self.form_docs: Counter[str] = Counter()
        self.lemma_count: Counter[str] = Counter()
        self.lemma_docs: Counter[str] = Counter()
        self.sentences = 0
        self.tokens = 0

    def add(self, forms: Iterable[str], lemmas: Iterable[str]) -> None:
        forms = [f for f in forms if f]
        lemmas = [lem for lem in lemmas if lem]
        if not forms:
            return
        self.sentences += 1
        self.tokens += len(forms)
        self.form_count.update(forms)
        self.form_docs.update(set(forms))
        self.lemma_count.update(lemmas)
        self.lemma_docs.update(set(lemmas))

    def rows(self) -> list[str]:
        out = [
            f"total\tsentences\t{self.sentences}\t{self.sentences}",
            f"total\ttokens\t{self.tokens}\t{self.sentences}",
        ]
        for kind, counts, docs in (
            ("form", self.form_count, self.form_docs),
            ("lemma", self.lemma_count, self.lemma_docs),
        ):
            for item, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                out.append(f"{kind}\t{item}\t{n}\t{docs[item]}")
        return out


def build(shared: Path) -> Counts:
    counts = Counts()
    lemmatize = _analyzer()

    def lemmas_of(forms: list[str]) -> list[str]:
        if lemmatize is None:
            return []
        return [lemma for lemma in (lemmatize(f) for f in forms) if lemma]

    for name in (FLORES, TATOEBA):
        path = shared / name
        if not path.exists():
            raise SystemExit(f"missing corpus {path}; pass --shared pointing at the shared data folder")
        for sentence in plain_sentences(path):
            forms = words(sentence)
            counts.add(forms, lemmas_of(forms))

    pud = shared / PUD
    if not pud.exists():
        raise SystemExit(f"missing corpus {pud}; pass --shared pointing at the shared data folder")
    for sentence in conllu_sentences(pud):
        forms: list[str] = []
        lemmas: list[str] = []
        for form, lemma in sentence:
            form_words = words(form)
            forms.extend(form_words)
            # The treebank's own lemma is better than ours; only Devanagari lemmas are kept.
            if form_words and lemma != "_":
                lemmas.extend(words(lemma)[:1])
        counts.add(forms, lemmas)
    return counts


def write(counts: Counts, out: Path) -> None:
    header = [
        "# Hindi word frequencies: kind, item, occurrences, sentences containing it.",
        "# Built by scripts/build_frequency.py from FLORES-200 dev (hin_Deva), UD Hindi PUD and",
        "# the Tatoeba test set; see assistant/data/README.md for sources and licenses.",
        "#kind\titem\tcount\tdocs",
    ]
    text = "\n".join([*header, *counts.rows()]) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    out.write_bytes(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .tsv.gz")
    args = parser.parse_args(argv)
    counts = build(args.shared)
    write(counts, args.out)
    print(
        f"{args.out}: {counts.sentences} sentences, {counts.tokens} tokens, "
        f"{len(counts.form_count)} forms, {len(counts.lemma_count)} lemmas, "
        f"{args.out.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
