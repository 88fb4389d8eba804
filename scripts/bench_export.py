"""Time every export format on a 1,000-sentence reading page.

The page is the sample article repeated and cut to 1,000 sentence pairs, glossed by
the real pipeline (segmentation, per-token glosses, glossary); each sentence is then
given an English side so the page looks like a translated one. When the pipeline is not
importable the page is synthetic but has the same shape. Prints: format, bytes, median
seconds over three runs.

    python scripts/bench_export.py [--sentences N] [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.export import FORMATS, export_page, load_page_json  # noqa: E402
from assistant.types import (  # noqa: E402
    Gloss,
    Glossary,
    GlossaryTerm,
    PageBlock,
    ReadingPage,
    Sentence,
    SentencePair,
    Token,
)

SEED = REPO / "seeds" / "statecraft-lukashenko-putin-2021-12-30.hi.txt"
SAMPLE_SENTENCE = "रूसी राष्ट्रपति व्लादिमीर पुतिन ने अपने बेलारूसी समकक्ष से मुलाकात की ।"


def _translated(page: ReadingPage) -> ReadingPage:
    """The same page as if a model had translated it (the gloss line stands in for English)."""
    blocks = tuple(
        replace(block, pairs=tuple(
            replace(p, translation=p.gloss_line or p.source.text, kind="mt") if p.kind == "gloss" else p
            for p in block.pairs
        ))
        for block in page.blocks
    )  # fmt: skip
    return replace(page, blocks=blocks, model="opus-mt-hi-en", mode="translation")


def real_page(sentences: int) -> ReadingPage:
    from assistant.reader import build_reading_page, open_article

    text = SEED.read_text(encoding="utf-8")
    per_copy = sum(1 for _ in open_article(text).sentences())
    copies = -(-sentences // max(per_copy, 1))
    body = "\n\n".join(text for _ in range(copies))
    return _translated(_first_pairs(build_reading_page(open_article(body, SEED.name)), sentences))


def _first_pairs(page: ReadingPage, count: int) -> ReadingPage:
    """The page cut to its first ``count`` sentence pairs."""
    blocks = []
    for block in page.blocks:
        if count <= 0:
            break
        blocks.append(replace(block, pairs=block.pairs[:count]))
        count -= len(block.pairs)
    return replace(page, blocks=tuple(blocks))


def synthetic_page(sentences: int) -> ReadingPage:
    words = SAMPLE_SENTENCE.split()
    text = " ".join(words)
    tokens, pos = [], 0
    for w in words:
        tokens.append(Token(w, "word", pos, pos + len(w)))
        pos += len(w) + 1
    glosses = tuple(Gloss(w, w, "roman", "roman", "NOUN", "m", ("meaning", "sense")) for w in words)
    pair = SentencePair(Sentence(text, 0, len(text), tuple(tokens)), "Russian President Vladimir Putin met "
                        "his Belarusian counterpart.", "mt", glosses, "Russian president ...")  # fmt: skip
    blocks = tuple(PageBlock("paragraph", (pair,) * 5) for _ in range(sentences // 5))
    terms = tuple(GlossaryTerm(f"शब्द{i}", f"शब्द{i}", f"shabd{i}", "NOUN", "m", ("word",), 3, text,
                               pair.translation) for i in range(60))  # fmt: skip
    return ReadingPage("पुतिन", blocks, Glossary(terms=terms), "opus-mt-hi-en", "translation", "2026-11-28")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    try:
        page, origin = real_page(args.sentences), "sample article, real pipeline"
    except ImportError as exc:
        page, origin = synthetic_page(args.sentences), f"synthetic ({exc.name} not available)"
    build = time.perf_counter() - start
    pairs = sum(1 for _ in page.pairs())
    glossary = len(page.glossary.terms) + len(page.glossary.names)
    print(f"page: {pairs} sentence pairs, {glossary} glossary entries ({origin}; built in {build:.1f} s)")
    print(f"{'format':<14}{'bytes':>12}{'median s':>10}")
    json_bytes = b""
    for name in FORMATS:
        times, data = [], b""
        for _ in range(args.runs):
            t0 = time.perf_counter()
            data = export_page(page, name)
            times.append(time.perf_counter() - t0)
        json_bytes = data if name == "json" else json_bytes
        print(f"{name:<14}{len(data):>12,}{statistics.median(times):>10.3f}")
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        loaded = load_page_json(json_bytes)
        times.append(time.perf_counter() - t0)
    assert loaded == page
    print(f"{'json (load)':<14}{len(json_bytes):>12,}{statistics.median(times):>10.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
