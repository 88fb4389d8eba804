"""The Streamlit app, driven headless with AppTest: sources, reading aids, models and errors."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

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


def page_raw(at: AppTest) -> bytes:
    """The reading page as the browser receives it: the component's data, JSON bytes."""
    found = at.get("bidi_component")
    assert found, "no reading page rendered"
    return found[-1].proto.bytes


def page_data(at: AppTest) -> dict[str, Any]:
    return json.loads(page_raw(at).decode("utf-8"))


def pairs(at: AppTest) -> list[dict[str, Any]]:
    data = page_data(at)
    return [p for block in data["content"][data["current"]] for p in block["p"]]


def page_text(at: AppTest) -> str:
    """Everything the page will show as text: heading, notice, both sides of every pair."""
    data = page_data(at)
    parts = [data["heading"], data["notice"]]
    for pair in pairs(at):
        parts += [pair.get("s", ""), pair.get("t", ""), pair.get("g", "")]
    return "\n".join(parts)


def reader_request(at: AppTest, event: str, value: object, aids: object = None) -> AppTest:
    """Run the app as after a request of the reader's script (what the page component
    triggers in the browser): ``event`` with ``value``, carrying the reading aids ``aids``."""
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    component = at.get("bidi_component")[-1].proto.id
    states: WidgetStates = at._tree.get_widget_states()
    trigger = states.widgets.add()
    trigger.id = f"$$STREAMLIT_INTERNAL_KEY_{component}__events"
    trigger.json_trigger_value = json.dumps([{"event": event, "value": {"value": value, "aids": aids}}])
    at._run(states)
    assert not at.exception, at.exception
    return at


def kinds(at: AppTest) -> set[str]:
    return {p["k"] for p in pairs(at)}


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
    text = page_text(at)
    assert SAMPLE_WORD in text
    assert "Word-by-word gloss (not a translation)" in text
    assert "word-by-word gloss, not a translation" in texts(at.sidebar.info)
    assert "Word-by-word gloss (not a translation)" in texts(at.caption)
    assert not at.error


def test_pasted_text_is_read() -> None:
    at = paste(start(), "भारत एक बड़ा देश है। दिल्ली उसकी राजधानी है।")
    text = page_text(at)
    assert "दिल्ली" in text and SAMPLE_WORD not in text
    assert len(pairs(at)) == 2


def test_uploaded_file_is_read() -> None:
    at = start()
    at.sidebar.radio(key="source").set_value("Upload a file").run()
    upload = "<html><body><article><h1>भारत</h1><p>भारत एक बड़ा देश है। यहाँ कई भाषाएँ बोली जाती हैं।</p>"
    upload += "<p>दिल्ली भारत की राजधानी है और एक बड़ा शहर है।</p></article></body></html>"
    at.sidebar.file_uploader[0].upload("india.hi.html", upload.encode(), "text/html").run()
    assert not at.exception, at.exception
    assert "राजधानी" in page_text(at)


DEFAULT_AIDS = {"romanization": False, "glossLine": True, "showEnglish": True, "fontSize": 18}


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        ({"romanization": True}, {"romanization": True}),
        ({"showEnglish": False, "glossLine": False}, {"showEnglish": False, "glossLine": False}),
        ({"fontSize": 24}, {"fontSize": 24}),
        ({"fontSize": 500}, {"fontSize": 30}),
        ({"fontSize": True, "romanization": "yes", "theme": "dark"}, {}),
        (["romanization"], {}),
        (None, {}),
    ],
)  # fmt: skip
def test_reading_aids_the_reader_reports_are_kept_for_later_runs(reported: object, expected: dict) -> None:
    at = start()
    assert not at.sidebar.toggle and not at.sidebar.slider  # the aids are the reader's own bar
    reader_request(at, "section", 0, reported)
    at.run()  # a later run for another reason keeps them
    options = page_data(at)["options"]
    assert {k: options[k] for k in DEFAULT_AIDS} == {**DEFAULT_AIDS, **expected}


def test_gloss_line_aid_only_with_a_model(
    tiny_marian_dir: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = start()
    offered = dict(page_data(at)["aids"])
    assert "glossLine" not in offered  # the gloss is the right column
    assert offered["showEnglish"] == "Gloss column"
    shutil.copytree(tiny_marian_dir, models_dir / "tiny-marian")
    monkeypatch.setenv("ASSISTANT_MODEL", "tiny-marian")
    at = start()
    offered = dict(page_data(at)["aids"])
    assert list(offered) == ["romanization", "glossLine", "showEnglish", "fontSize"]
    assert offered["showEnglish"] == "English column"
    reader_request(at, "section", 0, {"glossLine": False})
    assert page_data(at)["options"]["glossLine"] is False


def test_glossary_term_is_highlighted_in_the_text() -> None:
    at = start()
    box = at.sidebar.selectbox(key="highlight")
    assert len(box.options) > 3
    first = page_data(at)
    assert first["options"]["highlight"] == "" and first["base"] == [0, 0, 0]
    box.select_index(1).run()
    data = page_data(at)
    lemma = data["options"]["highlight"]
    assert lemma
    assert data["draw"] == first["draw"]  # the rows on screen stay: only the highlight changes
    # This browser holds the forms of the first run already: only new ones travel.
    assert data["base"] == [len(first["forms"]), len(first["strings"]), len(first["units"])]
    forms, units = first["forms"] + data["forms"], first["units"] + data["units"]
    words = {w for p in pairs(at) for w in p.get("w", [])[2::3] if w >= 0}
    keys = {forms[w].get(k) for w in words for k in ("l", "x")} | {
        units[forms[w]["u"]][3] for w in words if "u" in forms[w]
    }
    written = {p["s"][a:b] for p in pairs(at) for a, b, _ in zip(*[iter(p.get("w", []))] * 3, strict=False)}
    assert lemma in keys | written
    assert at.dataframe, "glossary table missing"


def test_hostile_text_is_shown_as_text() -> None:
    at = paste(start(), HOSTILE_TEXT)
    raw = page_raw(at)
    assert b"<" not in raw and b">" not in raw  # nothing in the data can close its element
    assert '<script>alert("x")</script>' in page_text(at)  # kept as text, drawn with textContent


def test_malicious_html_upload_is_shown_as_text() -> None:
    path = REPO / "seeds" / "malicious.hi.html"
    if not path.is_file():
        pytest.skip("seeds/malicious.hi.html not present")
    at = start()
    at.sidebar.radio(key="source").set_value("Upload a file").run()
    at.sidebar.file_uploader[0].upload(path.name, path.read_bytes(), "text/html").run()
    assert not at.exception, at.exception
    if not at.error:
        assert b"<" not in page_raw(at)


def test_exports_are_built_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.export as export

    built: list[str] = []
    real = export.export_page

    def counting(page: Any, name: str, **kwargs: Any) -> bytes:
        built.append(name)
        return real(page, name, **kwargs)

    monkeypatch.setattr(export, "export_page", counting)
    at = start()
    assert len(at.download_button) == len(export.FORMATS)
    assert built == []
    labels = [b.label for b in at.download_button]
    assert all(len(label) <= 28 for label in labels), labels  # short enough for their columns


def test_model_cards_show_license_quality_and_note() -> None:
    from assistant.models import PRESETS

    at = start()
    shown = texts(at.sidebar.markdown) + texts(at.sidebar.caption)
    for preset in PRESETS.values():
        assert preset.name in shown and preset.license in shown
        if preset.note:
            assert preset.note in shown


def test_long_document_is_sent_one_section_at_a_time() -> None:
    from tests.longdoc import long_document

    at = paste(start(), long_document(100_000))
    data = page_data(at)
    assert len(data["sections"]) > 3 and data["current"] == 0
    assert data["content"][0] and all(c is None for c in data["content"][1:])
    assert len(page_raw(at)) < 250_000
    digest = list(at.session_state["pages"])[-1][0]  # the pasted article (opened last)
    at.session_state["section"] = {digest: 2}
    at.run()
    data = page_data(at)
    assert data["current"] == 2 and data["content"][2] and data["content"][0] is None
    reader_request(at, "section", 3)  # as the reader asks for it
    moved = page_data(at)
    assert moved["current"] == 3 and moved["content"][3] and moved["draw"] != data["draw"]


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
    assert page_data(at)["heading"] == "English — machine translation (tiny-marian)"
    assert kinds(at) >= {"mt"} and not kinds(at) & {"pending", "gloss"}
    assert "tiny-marian" in texts(at.caption)
    assert not at.error
    # A reading aid must not translate again: the page is kept for the session.
    pages = dict(at.session_state["pages"])
    reader_request(at, "section", 0, {"romanization": True})
    assert dict(at.session_state["pages"]) == pages
    assert page_data(at)["options"]["romanization"] is True
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
    assert page_data(at)["heading"] == "Word-by-word gloss (not a translation)"


def test_missing_model_named_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_MODEL", "no-such-model")
    at = start()
    assert at.error and not at.exception
    assert SAMPLE_WORD in page_text(at)


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
    assert "pending" in kinds(at) and "mt" not in kinds(at)
    assert not at.download_button  # no exports of a half-translated page
    at.session_state["stopped"] = set()
    at.button(key="resume").click().run()
    assert not at.exception, at.exception
    assert "mt" in kinds(at) and "pending" not in kinds(at)
    assert not at.warning


def test_download_error_is_shown_only_to_the_session_that_started_it() -> None:
    from assistant import downloads

    downloads._JOBS.clear()
    mine, other = start(), start()
    mine.sidebar.button(key="get-opus-mt-hi-en").click().run()
    _finish_job("opus-mt-hi-en")
    mine.run()
    other.run()
    assert not mine.exception and not other.exception
    assert "Cannot download opus-mt-hi-en" in texts(mine.sidebar.error)
    assert "Cannot download" not in texts(other.sidebar.error)
    downloads._JOBS.clear()


def test_a_running_download_reads_downloading_not_broken(models_dir: Path) -> None:
    import threading

    from assistant import downloads

    partial = models_dir / "opus-mt-hi-en"
    partial.mkdir()
    (partial / "pytorch_model.bin").write_bytes(b"\0" * 10)  # config.json not there yet
    release = threading.Event()

    def slow(name: str, progress: Any, **_: Any) -> None:
        progress(10, 100)
        release.wait(30)

    downloads._JOBS.clear()
    downloads.start_download("opus-mt-hi-en", download=slow)
    try:
        at = start()
        assert "cannot be used" not in texts(at.sidebar.warning)
        assert "opus-mt-hi-en" not in at.sidebar.selectbox(key="model").options
        progress = [p for p in at.get("progress")]
        assert any("Downloading opus-mt-hi-en" in p.proto.text for p in progress)
    finally:
        release.set()
        _finish_job("opus-mt-hi-en")
        downloads._JOBS.clear()


HINGLISH = "मैंने आज office में meeting attend की और फिर boss को email भेजा।"


def test_hinglish_sentence_is_glossed_and_sent_to_the_model(
    tiny_marian_dir: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(tiny_marian_dir, models_dir / "tiny-marian")
    monkeypatch.setenv("ASSISTANT_MODEL", "tiny-marian")
    at = paste(start(), HINGLISH)
    [pair] = pairs(at)
    assert pair["k"] == "mt" and pair.get("t")  # translated, not "English in the original"
    data = page_data(at)
    held = data["base"][0] + len(data["forms"])  # earlier draws of this page sent the first ones
    assert all(f < held for f in pair["w"][2::3])
    written = [pair["s"][a:b] for a, b, f in zip(*[iter(pair["w"])] * 3, strict=True) if f >= 0]
    assert "मैंने" in written and "भेजा" in written  # the Hindi words carry tooltips
