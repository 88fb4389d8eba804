"""Benchmark the lexicon: load time (fresh processes), and analysing + glossing the seed article.

Usage: .venv/bin/python scripts/bench_lexicon.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "statecraft-lukashenko-putin-2021-12-30.hi.txt"
_LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); "
    "from assistant.lexicon import load_lexicon; load_lexicon(); "
    "print(time.perf_counter() - t)"
)


def cold_load_times(runs: int) -> list[float]:
    """Import + load in a fresh interpreter each time (what the app pays at start)."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _LOAD_SNIPPET], cwd=REPO, check=True,
                             capture_output=True, text=True).stdout
        times.append(float(out.strip().splitlines()[-1]))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))

    from assistant.gloss import gloss_line, gloss_sentence
    from assistant.lexicon import DATA_FILE, read_lexicon
    from assistant.lexicon.loanwords import LOANWORD_FILE, load_loanwords
    from assistant.lexicon.store import load_lexicon
    from assistant.romanize import _word, readable, strict
    from assistant.segment import segment_article

    cold = cold_load_times(args.runs)
    started = time.perf_counter()
    read_lexicon(DATA_FILE)
    warm_read = time.perf_counter() - started

    lexicon = load_lexicon()
    article = segment_article(SEED.read_text(encoding="utf-8"))
    sentences = list(article.sentences())
    tokens = sum(len(s.tokens) for s in sentences)

    started = time.perf_counter()
    lexicon.variants("")  # builds the spelling-variant index once, as the first miss would
    index_time = time.perf_counter() - started
    started = time.perf_counter()
    lexicon.phrases()  # the multiword index, also built once on first use
    phrase_time = time.perf_counter() - started
    started = time.perf_counter()
    lexicon.respelling("")  # the misspelling index, built on the first word no dictionary knows
    fuzzy_time = time.perf_counter() - started
    started = time.perf_counter()
    loans = load_loanwords()  # the English sound table, read on the first unglossed word
    loan_time = time.perf_counter() - started
    from assistant.lexicon.ttable import translation_table

    started = time.perf_counter()
    translation_table()  # the translation table, read on the first word with several senses
    table_time = time.perf_counter() - started

    def gloss_all() -> float:
        lexicon._cache.clear()
        loans._cache.clear()
        t = time.perf_counter()
        for sentence in sentences:
            gloss_line(gloss_sentence(sentence, lexicon), lexicon)
        return time.perf_counter() - t

    first = gloss_all()
    repeats = [gloss_all() for _ in range(args.runs)]
    median = statistics.median(repeats)

    seed_text = SEED.read_text(encoding="utf-8")

    def segment_once() -> float:
        t = time.perf_counter()
        segment_article(seed_text)
        return time.perf_counter() - t

    segment_median = statistics.median(segment_once() for _ in range(args.runs))
    words = seed_text.split()

    def romanize_all() -> float:
        _word.cache_clear()  # every word converted afresh, as on a new article
        t = time.perf_counter()
        for word in words:
            readable(word)
            strict(word)
        return time.perf_counter() - t

    romanize_median = statistics.median(romanize_all() for _ in range(args.runs))

    print(f"{'measure':<48} {'value':>12}")
    print(f"{'lexicon file size':<48} {DATA_FILE.stat().st_size / 1e6:>9.2f} MB")
    print(f"{f'load, fresh process (median of {args.runs})':<48} {statistics.median(cold) * 1000:>9.0f} ms")
    print(f"{'load, fresh process (min .. max)':<48} "
          f"{min(cold) * 1000:>4.0f} ..{max(cold) * 1000:>4.0f} ms")
    print(f"{'read file again in a warm process':<48} {warm_read * 1000:>9.0f} ms")
    print(f"{'spelling-variant index (once, on first miss)':<48} {index_time * 1000:>9.0f} ms")
    print(f"{'multiword phrase index (once, on first use)':<48} {phrase_time * 1000:>9.0f} ms")
    print(f"{'misspelling index (once, on first unknown word)':<48} {fuzzy_time * 1000:>9.0f} ms")
    print(f"{'loanword table size':<48} {LOANWORD_FILE.stat().st_size / 1e6:>9.2f} MB")
    print(f"{'loanword table (once, on first unglossed word)':<48} {loan_time * 1000:>9.0f} ms")
    print(f"{'translation table (once, on first ranked word)':<48} {table_time * 1000:>9.0f} ms")
    print(f"{'seed article: sentences / tokens':<48} {len(sentences):>5} / {tokens}")
    print(f"{'gloss article, first pass':<48} {first * 1000:>9.1f} ms")
    print(f"{f'gloss article, median of {args.runs} (target < 50 ms)':<48} {median * 1000:>9.1f} ms")
    print(f"{'tokens per second':<48} {tokens / median:>12,.0f}")
    print(f"{'segment the seed article (median)':<48} {segment_median * 1000:>9.1f} ms")
    print(f"{'romanize its words, both styles (per word)':<48} "
          f"{romanize_median / len(words) * 1e6:>9.1f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
