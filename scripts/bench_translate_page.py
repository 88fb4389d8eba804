"""Time the reading page: from submitting a new article to its first translated sentence.

Serves the app (``streamlit run``) with one converted model installed and chosen, opens
it in Debian's chromium and lets the sample article translate, so the model is loaded
and warm. Then, ``runs`` times, it pastes an article the translation memory has never
seen (the other sample articles, then slices of ``tests/data/tiny.hi.txt``), presses
Ctrl+Enter and measures the seconds until that article's first sentence shows its
translation on the page. A sentence the model gave no usable text for counts too (its
row says so): the random-weight models of the benchmark give no usable text, but the
row appears only once the model has answered.

    python scripts/bench_translate_page.py MODEL_FOLDER [--runs 3]

``scripts/bench_translate.py --page`` runs it for every converted architecture.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SAMPLES = sorted((REPO / "seeds").glob("*.hi.txt"))
FLORES = REPO / "tests" / "data" / "tiny.hi.txt"
SIDEBAR = '[data-testid="stSidebar"]'
# rows carry every reading aid (romanization too, shown or not): compare the Devanagari only
ANSWERED = """m => {
  const hindi = s => s.replace(/[^\u0900-\u097F]/g, '');
  return [...document.querySelectorAll('.hr-row')].some(row =>
    (row.classList.contains('hr-k-mt') || row.classList.contains('hr-k-failed'))
    && row.querySelector('.hr-src') && hindi(row.querySelector('.hr-src').textContent).includes(hindi(m)));
}"""
SETTLED = """() => document.querySelectorAll('.hr-row').length > 0
    && document.querySelectorAll('.hr-row.hr-k-pending').length === 0
    && (!document.querySelector('[data-testid="stStatusWidget"]')
        || !document.querySelector('[data-testid="stStatusWidget"]').textContent.includes('Stop'))"""


def new_articles(count: int) -> list[str]:
    """``count`` Hindi articles none of which shares a sentence with another or with the
    first sample (which the page translates on opening)."""
    articles = [path.read_text(encoding="utf-8") for path in SAMPLES[1:]]
    lines = [line.strip() for line in FLORES.read_text(encoding="utf-8").splitlines() if line.strip()]
    start = 0
    while len(articles) < count:
        chunk = lines[start : start + 12]
        start += 12
        articles.append(f"{chunk[0]}\n\n" + "\n\n".join(" ".join(chunk[i : i + 3]) for i in range(1, 12, 3)))
    return articles[:count]


def first_line(text: str) -> str:
    """Enough of the article's first sentence to find its row on the page."""
    return next(line.strip() for line in text.splitlines() if line.strip())[:24]


def _time_one(page: Any, text: str) -> float:
    box = page.locator(f"{SIDEBAR} textarea")
    box.fill(text)
    start = time.perf_counter()
    box.press("Control+Enter")
    page.wait_for_function(ANSWERED, arg=first_line(text), timeout=120_000, polling=20)
    seconds = time.perf_counter() - start
    page.wait_for_function(SETTLED, timeout=300_000)  # let the article finish before the next one
    return seconds


def first_sentence_on_page(name: str, model: Path, runs: int = 3) -> dict[str, Any]:
    """Median seconds from submitting a new article to its first translated sentence, with
    the converted model folder ``model`` loaded in the app."""
    from playwright.sync_api import sync_playwright

    from assistant.config import usable_cores

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        (home / "models").mkdir()
        installed = home / "models" / Path(model).name
        installed.symlink_to(Path(model).resolve(), target_is_directory=True)
        env = {"ASSISTANT_MODEL": installed.name, "ASSISTANT_THREADS": str(usable_cores())}
        with serve(home, **env) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
                page.set_default_timeout(120_000)
                page.goto(url, wait_until="domcontentloaded")
                page.wait_for_function(SETTLED, timeout=600_000)  # the sample: model loaded and warm
                page.locator(f"{SIDEBAR} label").filter(has_text="Paste text").click()
                page.locator(f"{SIDEBAR} textarea").wait_for()
                times = [_time_one(page, text) for text in new_articles(runs)]
            finally:
                browser.close()
    print(f"    page, {name}: first sentence after {', '.join(f'{t:.2f}' for t in times)} s", file=sys.stderr)
    return {
        "model": name,
        "engine": "ctranslate2 int8",
        "first_sentence_s": round(statistics.median(times), 3),
        "runs": len(times),
        "first_sentence_runs": [round(t, 3) for t in times],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="a converted (CTranslate2) model folder")
    parser.add_argument("--runs", type=int, default=3, help="new articles to time (median reported)")
    args = parser.parse_args(argv)
    result = first_sentence_on_page(args.model.name, args.model, args.runs)
    print(f"{result['model']}: first sentence on the page after {result['first_sentence_s']:.2f} s "
          f"(median of {result['runs']})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
