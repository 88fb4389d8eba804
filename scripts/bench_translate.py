"""Benchmark translation throughput on the sample article.

Translates the seed article's Hindi sentences with each available engine and prints a
table: sentences, total seconds (median of N runs), sentences per second, time to the
first result, and a re-run served from the translation cache.

Without ``--model`` it builds the tiny random-weight test models, so the numbers measure
the plumbing (tokenization, batching, ordering, cache) rather than real model speed.

    python scripts/bench_translate.py [--model PATH] [--runs 3] [--threads N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

SEED = REPO / "seeds" / "statecraft-lukashenko-putin-2021-12-30.hi.txt"
DEVANAGARI = re.compile(r"[\u0900-\u097F]")


def hindi_sentences(text: str) -> list[str]:
    """The article's Hindi sentences, from the segmenter when it is available."""
    try:
        from assistant.segment import segment_article

        article = segment_article(text)
        return [s.text for s in article.sentences() if s.lang == "hi" and s.text.strip()]
    except ImportError:
        pieces = re.split(r"(?<=[।?!])\s+|\n+", text)
        return [p.strip() for p in pieces if p.strip() and DEVANAGARI.search(p)]


def bench(translator_factory, sentences: list[str], runs: int, cache_dir: Path) -> dict[str, float]:
    from assistant.translate import CachedTranslator

    totals: list[float] = []
    firsts: list[float] = []
    for _ in range(runs):
        translator = translator_factory()
        start = time.perf_counter()
        first = None
        count = 0
        for _index, _result in translator.iter_translate(sentences):
            if first is None:
                first = time.perf_counter() - start
            count += 1
        totals.append(time.perf_counter() - start)
        firsts.append(first or 0.0)
        assert count == len(sentences)
    cache_path = cache_dir / f"bench-{time.time_ns()}.sqlite"
    cached = CachedTranslator(translator_factory(), cache_path)
    cached.translate(sentences)
    start = time.perf_counter()
    again = cached.translate(sentences)
    rerun = time.perf_counter() - start
    assert all(r.cached for r in again if r.text)
    total = statistics.median(totals)
    return {
        "total": total,
        "rate": len(sentences) / total if total else 0.0,
        "first": statistics.median(firsts),
        "cached": rerun,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="a model folder (default: build the tiny test models)")
    parser.add_argument("--runs", type=int, default=3, help="runs per engine; the median is shown")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads (default: settings)")
    parser.add_argument("--beam", type=int, default=1, help="beam size (default greedy)")
    args = parser.parse_args(argv)

    from assistant.errors import AssistantError
    from assistant.translate import available_engines, load_translator
    from assistant.translate.convert import convert_folder

    sentences = hindi_sentences(SEED.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.model:
            folders = [args.model]
        else:
            from tiny_models import build_tiny_m2m, build_tiny_marian

            folders = [build_tiny_marian(work / "tiny-marian"), build_tiny_m2m(work / "tiny-nllb")]
            print("Tiny random-weight models: these numbers measure plumbing overhead, not model speed.")
        print(f"{len(sentences)} Hindi sentences from {SEED.name}; median of {args.runs} runs")
        print()
        header = f"{'model':<16} {'engine':<22} {'sents':>5} {'total s':>8} {'sent/s':>7} "
        header += f"{'first s':>8} {'cached s':>9}"
        print(header)
        print("-" * len(header))
        for folder in folders:
            variants: list[tuple[str, Path, str]] = [("transformers", folder, "int8")]
            if "ctranslate2" in available_engines() and not (folder / "model.bin").exists():
                try:
                    converted = convert_folder(folder, work / f"{folder.name}-ct2")
                    variants.append(("ctranslate2 int8", converted, "int8"))
                except AssistantError as err:
                    print(f"{folder.name:<16} {'ctranslate2 int8':<22} not converted: {err}")
            for label, path, compute in variants:
                try:

                    def factory(path: Path = path, compute: str = compute):
                        return load_translator(
                            path, cache=False, beam_size=args.beam, threads=args.threads, compute_type=compute
                        )

                    row = bench(factory, sentences, args.runs, work)
                except AssistantError as err:
                    print(f"{folder.name:<16} {label:<22} error: {err}")
                    continue
                print(
                    f"{folder.name:<16} {label:<22} {len(sentences):>5} {row['total']:>8.2f} "
                    f"{row['rate']:>7.1f} {row['first']:>8.3f} {row['cached']:>9.4f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
