"""The hostile corpus through the page, headless (Streamlit's AppTest): every article
uploaded as a file and, where it is text, pasted; broken model folders installed in the
models folder; a damaged translation memory under a working model.

Expected: never an exception in the script; the expected message shown as an error (or,
for a broken model, a sidebar warning); otherwise the reading page with no error.
Saved readings (.json) are not something the page opens; their HTML runs in the browser
test of the exports.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.hostile.corpus import HINDI, Case, Message, by_kind, check_text, materialize
from tests.hostile.entry import CASE_SECONDS, record

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "streamlit_app.py")
UPLOAD_TYPES = (".txt", ".md", ".html", ".htm")


def _messages(at: AppTest) -> list[str]:
    return [e.value for e in (*at.error, *at.sidebar.error)]


def _judge(case: Case, at: AppTest, name: str) -> str | None:
    if at.exception:
        return f"exception in the page: {at.exception[0].value}"
    errors = _messages(at)
    if isinstance(case.expect, Message):
        shown = [*errors, *(w.value for w in at.sidebar.warning)]
        problems = [check_text(case.expect, text) for text in shown]
        if None in problems:
            return None
        return f"expected {case.expect.describe()}, shown {shown or 'nothing'}"
    if errors:
        return f"errors shown: {errors}"
    readable = [h.value for h in at.html] + [c.value for c in at.caption]
    if not any(name in text for text in readable):
        return "no reading page for the article"
    return None


def _started() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=CASE_SECONDS)
    at.run()
    assert not at.exception, at.exception
    return at


def _upload_name(case: Case) -> str:
    # The browser's picker offers .txt/.md/.html only: anything else arrives renamed.
    return case.filename if case.filename.endswith(UPLOAD_TYPES) else f"{case.filename}.txt"


@pytest.mark.parametrize("case", by_kind("article"), ids=lambda c: c.name)
def test_page_reads_every_uploaded_input(case: Case, corpus_dir: Path) -> None:
    data = materialize(case, corpus_dir).read_bytes()
    at = _started()
    at.sidebar.radio(key="source").set_value("Upload a file").run()
    name = _upload_name(case)
    at.sidebar.file_uploader[0].upload(name, data, "application/octet-stream").run()
    record("page upload", case, _judge(case, at, name))


# Every article is uploaded above; these text cases are also pasted into the text box.
PASTED_NAMES = (
    "whitespace-only", "english-only", "kruti-dev-ascii", "mixed-hindi-english-urdu", "hinglish",
    "joiner-runs-between-words", "stray-combining-marks", "rtl-override", "ansi-and-controls",
    "formula-cells", "html-attribute-breakout", "html-script-in-plain-text",
)  # fmt: skip
PASTED = [c for c in by_kind("article") if c.name in PASTED_NAMES]


@pytest.mark.parametrize("case", PASTED, ids=lambda c: c.name)
def test_page_reads_pasted_text(case: Case, corpus_dir: Path) -> None:
    text = materialize(case, corpus_dir).read_text(encoding="utf-8")
    at = _started()
    at.sidebar.radio(key="source").set_value("Paste text").run()
    at.sidebar.text_area(key="pasted").input(text).run()
    if not text.strip() and not at.exception:
        # An empty box is no article yet: the page asks for one instead of an error.
        record("page paste", case, None if any("Paste" in i.value for i in at.info) else "no prompt")
        return
    record("page paste", case, _judge(case, at, "pasted text"))


@pytest.mark.parametrize("case", by_kind("model"), ids=lambda c: c.name)
def test_page_with_a_broken_model(case: Case, corpus_dir: Path, tiny_marian_dir: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    models = corpus_dir / f"models-{case.name}"
    if not models.exists():
        shutil.move(materialize(case, corpus_dir / "damaged", tiny_marian_dir), models / "broken")
    monkeypatch.setenv("ASSISTANT_MODELS_DIR", str(models))
    monkeypatch.setenv("ASSISTANT_MODEL", "broken")
    at = _started()
    at.sidebar.radio(key="source").set_value("Paste text").run()
    at.sidebar.text_area(key="pasted").input(HINDI).run()
    record("page model", case, _judge(case, at, "pasted text"))


@pytest.mark.parametrize("case", by_kind("cache"), ids=lambda c: c.name)
def test_page_with_a_damaged_translation_memory(case: Case, corpus_dir: Path, tiny_marian_dir: Path,
                                                monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(tiny_marian_dir, models / "tiny-marian")
    monkeypatch.setenv("ASSISTANT_MODELS_DIR", str(models))
    monkeypatch.setenv("ASSISTANT_MODEL", "tiny-marian")
    monkeypatch.setenv("ASSISTANT_CACHE", str(materialize(case, corpus_dir)))
    at = _started()
    at.sidebar.radio(key="source").set_value("Paste text").run()
    at.sidebar.text_area(key="pasted").input(HINDI).run()
    problem = _judge(case, at, "pasted text")
    if problem is None and not any("tiny-marian" in c.value for c in at.caption):
        problem = "the page was not translated by the model"
    record("page cache", case, problem)
