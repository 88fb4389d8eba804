"""Measure the reading page: payload per 1,000 sentences, and speed in a real browser.

Library part (always): the sample article, a 200 KB and a 1.9 MB document generated from
shipped text (``tests/longdoc.py``), glossed by the real pipeline. For each: sentences,
sections, glossing time, the first section's data (what the app sends first), all the
page's data, the standalone HTML export, each per 1,000 sentences.

Browser part (``--browser``): starts ``streamlit run`` on a free local port (gloss-only,
no model) from ``--app-dir`` (default: this repository; point it at a copy of another
version to compare), drives Debian's chromium, and prints medians over ``--runs``:
time to the first sentence and to a tooltip on the sample article; for the long
documents, time from upload to the first readable section, hover, a reading-aid toggle
(the reader's bar, or the sidebar in versions without one) and moving to the next
section (where the version has sections), and the server's RSS.

    python scripts/bench_page.py [--browser] [--runs 3] [--app-dir DIR] [--skip-near-limit]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.longdoc import long_document  # noqa: E402

SAMPLE = REPO / "seeds" / "statecraft-lukashenko-putin-2021-12-30.hi.txt"
SIZES = {"200 KB": 200_000, "1.9 MB": 1_900_000}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
ROMANIZATION = "Romanization under each word"
TIP_VISIBLE = (
    "() => [...document.querySelectorAll('.hr-tip')].some(t => getComputedStyle(t).visibility === 'visible')"
)


def documents(skip_near_limit: bool) -> dict[str, str]:
    docs = {"sample": SAMPLE.read_text(encoding="utf-8")}
    for name, size in SIZES.items():
        if not (skip_near_limit and size > 1_000_000):
            docs[name] = long_document(size)
    return docs


def mb(count: float) -> str:
    return f"{count / 1e6:.2f}"


def library_table(docs: dict[str, str]) -> None:
    from assistant.pagedata import FormTable, json_for_html, page_data, sections, table_size
    from assistant.reader import build_reading_page, open_article
    from assistant.render import component_js, reader_css, standalone_html

    fixed = len((reader_css() + component_js()).encode("utf-8"))
    print(f"page script + stylesheet, sent once: {fixed / 1e3:.0f} KB")
    print(
        f"{'document':10} {'bytes':>9} {'sentences':>9} {'sections':>8} {'gloss s':>8} {'data s':>7} "
        f"{'1st section KB':>14} {'page MB/1000':>12} {'export MB/1000':>14}"
    )
    for name, text in docs.items():
        start = time.perf_counter()
        page = build_reading_page(open_article(text, name))
        glossed = time.perf_counter() - start
        parts = sections(page)
        start = time.perf_counter()
        first = json_for_html(page_data(page, section=0, parts=parts)).encode("utf-8")
        data_s = time.perf_counter() - start
        # Reading every section in turn, as the app sends them: forms already sent stay.
        table, sent, every = FormTable(), (0, 0, 0), 0
        for index in range(len(parts)):
            data = page_data(page, section=index, parts=parts, table=table, sent=sent)
            every += len(json_for_html(data).encode("utf-8"))
            sent = table_size(table)
        exported = len(standalone_html(page).encode("utf-8"))
        count = sum(1 for _ in page.pairs())
        per = 1000 / max(count, 1)
        print(
            f"{name:10} {len(text.encode()):>9,} {count:>9,} {len(parts):>8} {glossed:>8.2f} {data_s:>7.3f} "
            f"{len(first) / 1e3:>14.0f} {mb((every + fixed) * per):>12} {mb(exported * per):>14}"
        )


# ---------------------------------------------------------------- browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(app_dir: Path, home: Path) -> tuple[subprocess.Popen[bytes], str]:
    env = dict(os.environ)
    env.update(
        ASSISTANT_HOME=str(home),
        ASSISTANT_MODELS_DIR=str(home / "models"),
        ASSISTANT_CACHE=str(home / "cache.sqlite"),
        HF_HUB_OFFLINE="1",
        STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
    )
    env.pop("ASSISTANT_MODEL", None)
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
        "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log = (home / "streamlit.log").open("wb")
    proc = subprocess.Popen(command, cwd=app_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.read().strip() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not start")


def _rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def _wait_tip(page: Any, timeout: float) -> None:
    page.wait_for_function(TIP_VISIBLE, timeout=timeout)


def _sample_run(browser: Any, url: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector(".hr-row .hr-w", timeout=120_000)
        first = time.perf_counter() - start
        page.wait_for_timeout(1500)  # let the run settle
        word = page.locator(".hr-b-paragraph .hr-w").nth(4)
        start = time.perf_counter()
        word.hover()
        _wait_tip(page, 10_000)
        tip = time.perf_counter() - start
        return {"first sentence s": first, "tooltip s": tip}
    finally:
        context.close()


def _long_run(browser: Any, url: str, path: Path, pid: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(120_000)
    found: dict[str, float] = {}
    try:
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector(".hr-row .hr-w", timeout=120_000)
        page.locator('[data-testid="stSidebar"] label').filter(has_text="Upload a file").click()
        marker = path.read_text(encoding="utf-8").split("\n", 1)[0][:12]
        start = time.perf_counter()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
        page.wait_for_function(
            "m => [...document.querySelectorAll('.hr-row .hr-w')].length > 0 "
            "&& document.querySelector('.hr-reader').textContent.includes(m)",
            arg=marker,
            timeout=180_000,
        )
        found["first section s"] = time.perf_counter() - start
        page.wait_for_timeout(1500)
        word = page.locator(".hr-b-paragraph .hr-w").nth(6)
        start = time.perf_counter()
        word.hover(timeout=60_000)
        _wait_tip(page, 60_000)
        found["hover s"] = time.perf_counter() - start
        page.mouse.move(2, 2)
        # The reader's own bar where the version has one, else the sidebar's toggle.
        toggle = page.locator(".hr-aids").get_by_text(ROMANIZATION)
        if not toggle.count():
            toggle = page.locator('[data-testid="stSidebar"]').get_by_text(ROMANIZATION)
        start = time.perf_counter()
        toggle.click()
        page.wait_for_function(
            "() => document.querySelector('.hr-reader.hr-rom .hr-r') "
            "&& getComputedStyle(document.querySelector('.hr-reader.hr-rom .hr-r')).display !== 'none'",
            timeout=180_000,
        )
        found["toggle s"] = time.perf_counter() - start
        if page.locator(".hr-nav-top .hr-next").count():
            before = page.locator(".hr-nav-top .hr-pos:not(.hr-busy)").inner_text()
            start = time.perf_counter()
            page.locator(".hr-nav-top .hr-next").click()
            page.wait_for_function(
                "b => document.querySelector('.hr-nav-top .hr-pos:not(.hr-busy)')?.textContent !== b "
                "&& document.querySelectorAll('.hr-row .hr-w').length > 0 "
                "&& !document.querySelector('.hr-loading')",
                arg=before,
                timeout=60_000,
            )
            found["next section s"] = time.perf_counter() - start
        found["server RSS MB"] = _rss_mb(pid)
    except Exception as err:  # an old version may never get there: report what was reached
        print(f"  ({path.name}: stopped: {str(err).splitlines()[0][:100]})")
    finally:
        context.close()
    return found


def browser_table(docs: dict[str, str], app_dir: Path, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        files = {}
        for name, text in docs.items():
            if name != "sample":
                files[name] = home / f"{name.replace(' ', '').replace('.', '_')}.hi.txt"
                files[name].write_text(text, encoding="utf-8")
        proc, url = _serve(app_dir, home)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                results: dict[str, list[dict[str, float]]] = {"sample": []}
                for _ in range(runs):
                    results["sample"].append(_sample_run(browser, url))
                for name, path in files.items():
                    results[name] = [_long_run(browser, url, path, proc.pid) for _ in range(runs)]
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(f"\nbrowser (app at {app_dir}), medians of {runs} run(s):")
    for name, rows in results.items():
        keys = sorted(
            {k for row in rows for k in row}, key=lambda k: list(rows[0]).index(k) if k in rows[0] else 99
        )
        cells = []
        for key in keys:
            values = [row[key] for row in rows if key in row]
            cells.append(f"{key} {statistics.median(values):.2f}" + ("" if len(values) == len(rows) else "*"))
        print(f"  {name:8} " + " · ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also measure in chromium through the app")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--app-dir", type=Path, default=REPO)
    parser.add_argument("--skip-near-limit", action="store_true", help="leave out the 1.9 MB document")
    args = parser.parse_args()
    docs = documents(args.skip_near_limit)
    if (args.app_dir / "assistant" / "pagedata.py").exists() or args.app_dir == REPO:
        library_table(docs)
    if args.browser:
        browser_table(docs, args.app_dir.resolve(), args.runs)


if __name__ == "__main__":
    main()
