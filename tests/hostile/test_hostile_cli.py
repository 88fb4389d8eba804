"""The whole hostile corpus through the command line, in process (``assistant.cli.main``):
``translate`` and ``export`` in every format for articles, ``export`` in every format for
saved readings, ``translate --model`` for broken model folders, and translating with a
damaged translation memory. A few cases also run as real ``python -m assistant`` processes.

Each run must exit 0 with a complete, parseable output or exit 2 with one clear
``error:`` line, leave no file behind on failure and no temporary file ever.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.export import FORMATS
from tests.hostile.corpus import CASES, HINDI, Case, by_kind, materialize
from tests.hostile.entry import CASE_SECONDS, CliRun, judge_cli, record, run_cli

REPO = Path(__file__).resolve().parents[2]


def _out(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return folder / "out"


def _export(case: Case, source: Path, tmp_path: Path, fmt: str, *extra: str) -> None:
    output = _out(tmp_path, f"export-{fmt}")
    run = run_cli(["export", str(source), "--format", fmt, "-o", str(output), "--quiet", *extra])
    record(f"cli export {fmt}", case, judge_cli(case, run, output, fmt))


# Each run reads and glosses the article again: a large input goes through the formats
# that show its whole text, the rest go through every format.
LARGE_FORMATS = ("txt", "json", "csv", "html")


@pytest.mark.parametrize("case", by_kind("article", "saved"), ids=lambda c: c.name)
def test_cli_translate_and_export_every_format(case: Case, corpus_dir: Path, tmp_path: Path) -> None:
    source = materialize(case, corpus_dir)
    if case.kind == "article":
        output = _out(tmp_path, "translate")
        run = run_cli(["translate", str(source), "--format", "txt", "-o", str(output), "--quiet"])
        record("cli translate", case, judge_cli(case, run, output, "pairs"))
    for fmt in LARGE_FORMATS if case.large else FORMATS:
        _export(case, source, tmp_path, fmt)


@pytest.mark.parametrize("case", by_kind("model"), ids=lambda c: c.name)
def test_cli_with_a_broken_model(case: Case, corpus_dir: Path, tmp_path: Path, tiny_marian_dir: Path) -> None:
    model = materialize(case, corpus_dir, tiny_marian_dir)
    article = tmp_path / "article.txt"
    article.write_text(HINDI, encoding="utf-8")
    output = _out(tmp_path, "translate")
    run = run_cli(["translate", str(article), "--model", str(model), "-o", str(output), "--quiet"])
    record("cli translate", case, judge_cli(case, run, output, "pairs"))
    _export(case, article, tmp_path, "docx", "--model", str(model))


@pytest.mark.parametrize("case", by_kind("cache"), ids=lambda c: c.name)
def test_cli_with_a_damaged_translation_memory(
    case: Case, corpus_dir: Path, tmp_path: Path, tiny_marian_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_CACHE", str(materialize(case, corpus_dir)))
    article = tmp_path / "article.txt"
    article.write_text(HINDI, encoding="utf-8")
    for attempt in ("first", "again"):
        output = _out(tmp_path, attempt)
        run = run_cli(["translate", str(article), "--model", str(tiny_marian_dir),
                       "--format", "json", "-o", str(output)])  # fmt: skip
        record("cli translate", case, judge_cli(case, run, output, "json"))
    assert "2 from the cache" in run.stderr, run.stderr  # the rebuilt memory answers the second run


SUBPROCESS_CASES = (
    "zwj-storm", "html-script", "png", "utf-16-no-bom", "saved-truncated", "saved-with-script",
)  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_real_processes(name: str, corpus_dir: Path, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    source = materialize(case, corpus_dir)
    fmt = "html" if case.html else "txt"
    output = _out(tmp_path, "process")
    command = [sys.executable, "-m", "assistant", "export", str(source), "-f", fmt,
               "-o", str(output), "--quiet"]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, capture_output=True, timeout=CASE_SECONDS, env=dict(os.environ))
    run = CliRun(done.returncode, done.stdout, done.stderr.decode("utf-8", "replace"))
    record("cli process", case, judge_cli(case, run, output, fmt))


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_export_to_a_folder_that_does_not_exist_is_one_clear_line(fmt: str, corpus_dir: Path,
                                                                  tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "utf-8-bom")
    target = tmp_path / "no-such-folder" / f"out.{fmt}"
    run = run_cli(["export", str(materialize(case, corpus_dir)), "-f", fmt, "-o", str(target), "--quiet"])
    assert run.code == 2 and "Traceback" not in run.stderr
    assert "\nerror: Could not write" in run.stderr and not target.parent.exists()
