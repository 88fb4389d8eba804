"""Benchmark word alignment: the time aligning adds to a 30-sentence article.

The article is 30 sentence pairs of the alignment gold set (FLORES news sentences and
their reference English). Glossing is done once beforehand (the reader does it anyway);
what is timed is ``align`` alone: the first pass over the article in a process that has
already aligned another article (what a running app pays for a new article), and again
on the same article (warm caches). "attention" adds a cross-attention matrix of the size a
model produces (one piece per word plus a quarter more), which exercises the piece-to-word
aggregation. Target: at most 100 ms for the article.

Usage: .venv/bin/python scripts/bench_align.py [--runs N] [--sentences N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _attention(sentence, translation: str):
    """A cross-attention matrix shaped like a model's: some words split into two pieces.
    Building it is timed too: it is cheap next to aligning."""
    from assistant.align import english_words
    from assistant.types import Attention

    rng = random.Random(7)

    def pieces(words: list[str]) -> tuple[str, ...]:
        out: list[str] = []
        for word in words:
            if len(word) > 4 and rng.random() < 0.25:
                cut = len(word) // 2
                out += ["▁" + word[:cut], word[cut:]]
            else:
                out.append("▁" + word)
        return tuple(out)

    source = pieces([t.text for t in sentence.tokens])
    target = pieces([translation[a:b] for a, b in english_words(translation)])
    weights = []
    for _ in target:
        row = [rng.random() for _ in source]
        total = sum(row)
        weights.append(tuple(w / total for w in row))
    return Attention(source, target, tuple(weights))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sentences", type=int, default=30)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))

    from assistant import align as alignment
    from assistant.evaluate.alignment import read_gold
    from assistant.gloss import gloss_sentence
    from assistant.lexicon import load_lexicon
    from assistant.lexicon.ttable import translation_table
    from assistant.text import normalize_text, tokenize
    from assistant.types import Sentence

    lexicon, table = load_lexicon(), translation_table()
    gold = read_gold()
    article, other = [], []
    for pair in gold[: args.sentences]:
        text = normalize_text(pair.hindi)
        sentence = Sentence(text, 0, len(text), tokenize(text))
        article.append((sentence, gloss_sentence(sentence, lexicon), pair.english))
    for pair in gold[-args.sentences:]:  # another article, to start the process up
        text = normalize_text(pair.hindi)
        sentence = Sentence(text, 0, len(text), tokenize(text))
        other.append((sentence, gloss_sentence(sentence, lexicon), pair.english))

    def run(sentences, with_attention: bool) -> float:
        # CPU time of this process: on a busy shared machine wall time mostly measures the others
        start = time.process_time()
        for sentence, glosses, english in sentences:
            attention = _attention(sentence, english) if with_attention else None
            alignment.align(sentence, glosses, english, attention, lexicon=lexicon, table=table)
        return (time.process_time() - start) * 1000

    def clear_caches() -> None:
        for name in dir(alignment):
            cached = getattr(alignment, name)
            if hasattr(cached, "cache_clear"):
                cached.cache_clear()

    run(other, True)
    rows = []
    for with_attention in (False, True):
        clear_caches()
        run(other, with_attention)
        first = run(article, with_attention)
        warm = [run(article, with_attention) for _ in range(args.runs)]
        rows.append(("attention" if with_attention else "lexicon + table + names + numbers",
                     first, statistics.median(warm)))
    n = len(article)
    print(f"Aligning a {n}-sentence article, CPU ms (target: at most 100 ms)")
    print(f"{'evidence':<36} {'first pass ms':>13} {'warm ms':>8} {'warm ms/sentence':>17}")
    for name, first, warm in rows:
        print(f"{name:<36} {first:13.1f} {warm:8.1f} {warm / n:17.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
