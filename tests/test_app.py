"""The Streamlit app, driven headless with AppTest: sources, reading aids, models and errors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "streamlit_app.py")
SAMPLE_WORD = "लुकाशेंको"
HOSTILE_TEXT = (
    'भारत एक देश है। <script>alert("x")</script> "><img src=x onerror=alert(1)> javascript:alert(2) पुतिन ने कहा।'
)


def start(**widgets: object) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def page_markup(at: AppTest) -> str:
    """The reading page (the st.html element holding it)."""
    bodies = [h.value for h in at.html if "hr-reader" in h.value]
    assert bodies, "no reading page rendered"
    return bodies[-1]


def paste(at: AppTest, text: str) -> AppTest:
    at.sidebar.radio(key="source").set_value("Paste text").run()
    at.sidebar.text_area(key="pasted").input(text).run()
    assert not at.exception, at.exception
    return at


def texts(elements: object) -> str:
    return " ".join(e.value for e in elements)  # type: ignore[attr-defined]


@pytest.fixture
def models_dir() -> Path:
    path = Path(os.environ["ASSISTANT_MODELS_DIR"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_sample_article_opens_in_gloss_only_mode_without_a_model() -> None:
    at = start()
    html = page_markup(at)
    assert SAMPLE_WORD in html
    assert "Word-by-word gloss (not a translation)" in html
    assert "word-by-word gloss, not a translation" in texts(at.sidebar.info)
    assert "Word-by-word gloss (not a translation)" in texts(at.caption)
    assert not at.error


def test_pasted_text_is_read() -> None:
    at = paste(start(), "भारत एक बड़ा देश है। दिल्ली उसकी राजधानी है।")
    html = page_markup(at)
    assert "दिल्ली" in html and SAMPLE_WORD not in html
    assert html.count('class="hr-row') == 2


def test_uploaded_file_is_read() -> None:
    at = start()
    at.sidebar.radio(key="source").set_value("Upload a file").run()
    upload = "<html><body><article><h1>भारत</h1><p>भारत एक बड़ा देश है। यहाँ कई भाषाएँ बोली जाती हैं।</p>"
    upload += "<p>दिल्ली भारत की राजधानी है और एक बड़ा शहर है।</p></article></body></html>"
    at.sidebar.file_uploader[0].upload("india.hi.html", upload.encode(), "text/html").run()
    assert not at.exception, at.exception
    assert "राजधानी" in page_markup(at)


@pytest.mark.parametrize(
    ("key", "value", "marker"),
    [
        ("romanization", True, "hr-rom"),
        ("show_english", False, "hr-one-col"),
        ("font_size", 24, "--hr-size: 24px"),
    ],
)
def test_reading_aids_change_the_page(key: str, value: object, marker: str) -> None:
    at = start()
    assert marker not in page_markup(at).split("</style>", 1)[1]
    widget = at.sidebar.slider(key=key) if key == "font_size" else at.sidebar.toggle(key=key)
    widget.set_value(value).run()
    assert not at.exception
    assert marker in page_markup(at).split("</style>", 1)[1]


def test_glossary_term_is_highlighted_in_the_text() -> None:
    at = start()
    box = at.sidebar.selectbox(key="highlight")
    assert len(box.options) > 3
    assert "hr-mark" not in page_markup(at).split("</style>", 1)[1]
    box.select_index(1).run()
    assert 'class="hr-w hr-mark' in page_markup(at)
    assert at.dataframe, "glossary table missing"


def test_hostile_text_is_shown_as_text() -> None:
    at = paste(start(), HOSTILE_TEXT)
    html = page_markup(at)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html or "script" not in html.split("</style>", 1)[1]


def test_malicious_html_upload_is_shown_as_text() -> None:
    path = REPO / "seeds" / "malicious.hi.html"
    if not path.is_file():
        pytest.skip("seeds/malicious.hi.html not present")
    at = start()
    at.sidebar.radio(key="source").set_value("Upload a file").run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes(), "text/html").run()
    assert not at.exception, at.exception
    html = page_markup(at) if not at.error else ""
    assert "<script" not in html and "onerror=" not in html.replace("onerror=alert", "")


def test_too_large_paste_is_refused_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_MAX_BYTES", "200")
    at = paste(start(), "भारत एक बड़ा देश है। " * 40)
    assert at.error, "expected a size-limit error"
    assert not at.exception


def test_tiny_model_translates_the_page(
    tiny_marian_dir: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(tiny_marian_dir, models_dir / "tiny-marian")
    monkeypatch.setenv("ASSISTANT_MODEL", "tiny-marian")
    at = start()
    html = page_markup(at)
    assert "English — machine translation (tiny-marian)" in html
    assert "hr-k-mt" in html and "hr-k-pending" not in html and "hr-k-gloss" not in html
    assert "tiny-marian" in texts(at.caption)
    assert not at.error
    # A reading aid must not translate again: the page is kept for the session.
    pages = dict(at.session_state["pages"])
    at.sidebar.toggle(key="romanization").set_value(True).run()
    assert dict(at.session_state["pages"]) == pages
    assert "hr-rom" in page_markup(at)
    if at.download_button:
        labels = [b.label for b in at.download_button]
        assert any(".txt" in label for label in labels) and any(".md" in label for label in labels)


def test_broken_model_is_an_error_not_a_traceback(models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = models_dir / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_MODEL", "broken-model")
    at = start()
    assert at.error, "the broken model should be reported"
    assert not at.exception
    # The article is still readable as a gloss.
    assert "Word-by-word gloss (not a translation)" in page_markup(at)


def test_missing_model_named_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_MODEL", "no-such-model")
    at = start()
    assert at.error and not at.exception
    assert SAMPLE_WORD in page_markup(at)


def _finish_job(name: str) -> None:
    from assistant import downloads

    job = downloads.get_job(name)
    assert job is not None
    job.wait(30)


def test_download_offline_is_reported_in_the_sidebar() -> None:
    from assistant import downloads

    downloads._JOBS.clear()
    at = start()
    at.sidebar.button(key="get-opus-mt-hi-en").click().run()
    _finish_job("opus-mt-hi-en")
    at.run()
    assert not at.exception
    assert "Cannot download opus-mt-hi-en" in texts(at.sidebar.error)
    downloads._JOBS.clear()


def test_download_installs_the_model_and_the_app_uses_it(
    tiny_marian_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import downloads, models

    def fake_hub(repo_id: str, local_dir: Path, allow_patterns: list[str], progress: object) -> None:
        files = sorted(p for p in tiny_marian_dir.iterdir() if p.is_file())
        total = sum(p.stat().st_size for p in files)
        done = 0
        for path in files:
            shutil.copy2(path, local_dir / path.name)
            done += path.stat().st_size
            progress(done, total)  # type: ignore[operator]

    monkeypatch.setattr(models, "is_offline", lambda: False)
    monkeypatch.setattr(models, "hub_download", fake_hub)
    downloads._JOBS.clear()
    at = start()
    at.sidebar.button(key="get-opus-mt-hi-en").click().run()
    _finish_job("opus-mt-hi-en")
    at.run()
    assert not at.exception
    assert downloads.get_job("opus-mt-hi-en").snapshot().state == "done"  # type: ignore[union-attr]
    assert "opus-mt-hi-en" in at.sidebar.selectbox(key="model").options
    assert "opus-mt-hi-en is installed." in texts(at.sidebar.success)
    downloads._JOBS.clear()


class _StopEverything(set):
    """A stop list that holds every job: the translation stops before its first sentence."""

    def __contains__(self, item: object) -> bool:
        return True


def test_stop_keeps_the_partial_page_and_continue_finishes_it(
    tiny_marian_dir: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(tiny_marian_dir, models_dir / "tiny-marian")
    monkeypatch.setenv("ASSISTANT_MODEL", "tiny-marian")
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["stopped"] = _StopEverything()
    at.run()
    assert not at.exception, at.exception
    assert "Translation stopped after 0 of" in texts(at.warning)
    html = page_markup(at)
    assert "hr-k-pending" in html and "hr-k-mt" not in html
    assert not at.download_button  # no exports of a half-translated page
    at.session_state["stopped"] = set()
    at.button(key="resume").click().run()
    assert not at.exception, at.exception
    html = page_markup(at)
    assert "hr-k-mt" in html and "hr-k-pending" not in html
    assert not at.warning
