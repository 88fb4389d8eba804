"""The translation memory under several processes at once, and a translation killed midway.

Each worker is a real ``python`` process that loads the tiny test model through the
project's loader and translates with the shared translation memory (ASSISTANT_CACHE).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HINDI_LINES = REPO / "tests" / "data" / "tiny.hi.txt"
WORKERS = 4
PER_WORKER = 40
WAIT_SECONDS = 240  # a hang guard for the workers, not a speed target

# A worker: translate the sentences of a file (one per line), print "done INDEX"
# as each one comes back, so a test can see exactly which sentences had finished.
WORKER = """
import sys
from assistant.translate import load_translator
translator = load_translator(sys.argv[1], threads=1)
with open(sys.argv[2], encoding="utf-8") as lines:
    sentences = lines.read().splitlines()
for index, result in translator.iter_translate(sentences):
    print("done", index, "cached" if result.cached else "fresh", flush=True)
translator.close()
"""


def sentences(count: int, offset: int = 0) -> list[str]:
    """Short distinct Hindi sentences from the test corpus (each fits the tiny model)."""
    lines = [line.split() for line in HINDI_LINES.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(offset, offset + count):
        words = lines[i % len(lines)]
        start = (i // len(lines)) % max(1, len(words) - 6)
        out.append(" ".join(words[start : start + 6]) + f" {i}।")
    return out


def worker(model: Path, cache: Path, texts: list[str]) -> subprocess.Popen[str]:
    listing = cache.parent / f"sentences-{len(list(cache.parent.glob('sentences-*')))}.txt"
    listing.write_text("\n".join(texts), encoding="utf-8")
    env = dict(os.environ, ASSISTANT_CACHE=str(cache), ASSISTANT_THREADS="1", OMP_NUM_THREADS="1")
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(model), str(listing)], cwd=REPO, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def rows(cache: Path) -> dict[str, str]:
    with contextlib.closing(sqlite3.connect(cache, timeout=30)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        identities = {row[0] for row in conn.execute("SELECT DISTINCT identity FROM translations")}
        assert len(identities) <= 1, identities
        return dict(conn.execute("SELECT source, text FROM translations"))


def cached_count(cache: Path) -> int:
    if not cache.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not created yet, or busy this instant


def reference(model: Path, texts: list[str]) -> dict[str, str]:
    """What the model makes of ``texts`` without any translation memory."""
    from assistant.translate import load_translator
    from assistant.translate.cache import normalize_source

    translator = load_translator(str(model), cache=False, threads=1)
    try:
        return {normalize_source(texts[i]): r.text for i, r in translator.iter_translate(texts)}
    finally:
        translator.close()


@pytest.mark.slow
def test_concurrent_writers_keep_the_memory_consistent(tiny_marian_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    # Overlapping halves: every sentence is written by two processes at once.
    jobs = [sentences(PER_WORKER, offset=k * PER_WORKER // 2) for k in range(WORKERS)]
    processes = [worker(tiny_marian_dir, cache, texts) for texts in jobs]
    for process in processes:
        out, err = process.communicate(timeout=WAIT_SECONDS)
        assert process.returncode == 0, err[-2000:]
        assert out.count("done") == PER_WORKER
        assert "not written" not in err and "not read" not in err, err[-2000:]
    stored = rows(cache)
    expected: dict[str, set[str]] = {}
    for texts in jobs:
        for source, text in reference(tiny_marian_dir, texts).items():
            expected.setdefault(source, set()).add(text)
    assert set(stored) == set(expected), "every sentence stored once, nothing else"
    wrong = {s: t for s, t in stored.items() if t not in expected[s]}
    assert not wrong, f"translations stored against other sentences: {list(wrong.items())[:3]}"


@pytest.mark.slow
def test_a_killed_translation_keeps_every_finished_sentence(tiny_marian_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    texts = sentences(160)
    process = worker(tiny_marian_dir, cache, texts)
    assert process.stdout is not None
    finished: list[int] = []
    deadline = time.monotonic() + WAIT_SECONDS
    # The signal is the worker's own count of finished sentences, not a sleep.
    for line in process.stdout:
        finished.append(int(line.split()[1]))
        if len(finished) >= 30 or time.monotonic() > deadline:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert len(finished) >= 30, process.stderr.read() if process.stderr else ""
    stored = rows(cache)
    from assistant.translate.cache import normalize_source

    lost = [i for i in finished if normalize_source(texts[i]) not in stored]
    assert not lost, f"{len(lost)} finished sentences lost when the process was killed: {lost[:10]}"
    assert len(stored) < len(texts), "the worker was killed before it finished"

    # The next run continues from there: the finished sentences come from the memory.
    again = worker(tiny_marian_dir, cache, texts)
    out, err = again.communicate(timeout=WAIT_SECONDS)
    assert again.returncode == 0, err[-2000:]
    assert out.count("done") == len(texts)
    assert out.count("cached") == len(stored) >= len(finished)
    assert set(rows(cache)) == {normalize_source(t) for t in texts}
