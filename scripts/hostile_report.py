"""Time every article of the hostile corpus through the library and compare it with an
ordinary article of the same length; print a table and the worst ratio.

    python scripts/hostile_report.py [--min-bytes N]

A ratio near 1 means the input costs what its length says; inputs refused early (too
large, binary) cost next to nothing. Small inputs are timed against a 20 kB floor so that
start-up noise does not dominate.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.errors import AssistantError
from assistant.reader import build_reading_page, open_article
from assistant.sources import read_article
from tests.hostile.corpus import by_kind, normal_text


def timed(data: bytes, name: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        page = build_reading_page(open_article(read_article(data, name), name))
        outcome = f"page, {sum(1 for _ in page.pairs())} sentences"
    except AssistantError as err:
        outcome = f"message: {err.message[:40]}"
    return time.perf_counter() - start, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-bytes", type=int, default=20_000)
    args = parser.parse_args()
    # Load the lexicon and the HTML extractor once, outside the timings.
    timed(normal_text(5000).encode(), "warm.txt")
    timed(b"<html><body><p>\xe0\xa4\xad\xe0\xa4\xbe\xe0\xa4\xb0\xe0\xa4\xa4</p></body></html>", "warm.html")
    rows = []
    for case in by_kind("article"):
        data = case.data()  # type: ignore[misc]
        seconds, outcome = timed(data, case.filename)
        size = max(len(data), args.min_bytes)
        normal, _ = timed(normal_text(min(size, 1_999_000)).encode(), "normal.txt")
        rows.append((case.name, len(data), seconds, normal, seconds / normal if normal else 0.0, outcome))
    print(f"{'case':<30} {'bytes':>10} {'seconds':>8} {'normal':>8} {'ratio':>6}  outcome")
    for name, size, seconds, normal, ratio, outcome in rows:
        print(f"{name:<30} {size:>10,} {seconds:>8.2f} {normal:>8.2f} {ratio:>6.2f}  {outcome}")
    worst = max(rows, key=lambda row: row[4])
    print(f"\nworst ratio: {worst[4]:.2f} ({worst[0]}, {worst[2]:.2f} s against {worst[3]:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
