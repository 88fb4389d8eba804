"""The translation benchmark in its reduced form (tiny models, one repetition), so it cannot rot.

Speed is not checked here (the benchmark reports it); what is checked is that every engine
and workload runs, produces the same number of tokens as the others, and that the CLI
cold start is measured.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_reduced_benchmark_runs_every_engine_alike(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import bench_translate
    finally:
        sys.path.remove(str(REPO / "scripts"))
    out = tmp_path / "bench.json"
    assert (
        bench_translate.main(["--tiny", "--reps", "1", "--json", str(out), "--work", str(tmp_path / "w")])
        == 0
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    rows = report["throughput"]
    models = set(bench_translate.ARCHITECTURES)
    assert {r["model"] for r in rows} == models
    assert {r["engine"] for r in rows} == {
        "transformers fp32",
        "ctranslate2 int8 1x2",
        "ctranslate2 int8 2x1",
    }
    assert {(r["decoding"], r["workload"]) for r in rows} == {
        (d, w) for d in ("greedy", "beam 4") for w in ("batch 1", "article")
    }
    assert all(r["tokens"] > 0 and r["tokens_per_s"] > 0 for r in rows)
    produced = defaultdict(set)
    for r in rows:
        produced[(r["model"], r["decoding"], r["workload"])].add(r["tokens"])
    assert all(len(counts) == 1 for counts in produced.values()), produced  # forced equal lengths
    cold = report["cold_start"]
    assert {c["model"] for c in cold} == models
    assert all(
        c["first_sentence_s"] and c["first_sentence_s"] <= c["total_s"] and c["peak_mib"] > 0 for c in cold
    )


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_page_measurement_times_a_new_article(tiny_marian_dir: Path, tmp_path: Path) -> None:
    """The browser form of the benchmark, once, with a tiny converted model. It runs as its own
    process, as it is used: Playwright's sync API cannot start inside another one's loop (the
    browser tests' browser may be running in this process)."""
    import re
    import subprocess

    from assistant.translate.convert import convert_folder

    converted = convert_folder(tiny_marian_dir, tmp_path / "tiny-marian-ct2")
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench_translate_page.py"), str(converted), "--runs", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r"first sentence on the page after ([0-9.]+) s \(median of 1\)", done.stdout)
    assert found, done.stdout
    assert 0 < float(found.group(1)) < 120
