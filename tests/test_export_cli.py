"""The export command: saved readings and articles to every format, output placement, errors."""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.export import FORMATS, export_page, load_page_json
from assistant.types import ReadingPage
from tests.conftest import SEEDS
from tests.test_export_pages import gloss_page, translated_page

SEED = SEEDS / "statecraft-lukashenko-putin-2021-12-30.hi.txt"


@pytest.fixture
def saved_reading(tmp_path: Path) -> Path:
    path = tmp_path / "reading.json"
    path.write_bytes(export_page(translated_page(), "json"))
    return path


@pytest.mark.parametrize("fmt", [name for name, spec in FORMATS.items() if not spec.binary])
def test_saved_reading_text_formats_go_to_stdout(fmt: str, saved_reading: Path, capsysbinary) -> None:
    assert main(["export", str(saved_reading), "--format", fmt]) == 0
    out = capsysbinary.readouterr().out
    assert out == export_page(translated_page(), fmt)


@pytest.mark.parametrize("fmt", ["docx", "epub", "anki"])
def test_saved_reading_binary_formats_write_files(fmt: str, saved_reading: Path, tmp_path: Path,
                                                  capsys) -> None:
    target = tmp_path / f"out.{FORMATS[fmt].extension}"
    assert main(["export", str(saved_reading), "--format", fmt, "-o", str(target)]) == 0
    assert zipfile.is_zipfile(target)
    assert str(target) in capsys.readouterr().err


def test_binary_without_output_goes_next_to_cwd(saved_reading: Path, tmp_path: Path, monkeypatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["export", str(saved_reading), "--format", "docx"]) == 0
    assert zipfile.is_zipfile(work / "reading.docx")


def test_text_format_to_file_and_md_table(saved_reading: Path, tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    assert main(["export", str(saved_reading), "-f", "md", "--table", "-o", str(target)]) == 0
    assert target.read_bytes() == export_page(translated_page(), "md", table=True)


def test_saved_reading_from_stdin(saved_reading: Path, monkeypatch, capsysbinary) -> None:
    fake_stdin = io.TextIOWrapper(io.BytesIO(saved_reading.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    assert main(["export", "-", "--format", "json"]) == 0
    assert load_page_json(capsysbinary.readouterr().out) == translated_page()


def test_model_is_ignored_for_saved_reading(saved_reading: Path, capsys) -> None:
    assert main(["export", str(saved_reading), "-f", "txt", "--model", "nope"]) == 0
    assert "ignored" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{broken", "not valid JSON"),
        (json.dumps({"schema_version": 999, "page": {}}).encode(), "schema version 999"),
    ],
)
def test_bad_saved_reading_is_one_line_error(content: bytes, message: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert main(["export", str(path), "-f", "txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and message in err and "Traceback" not in err


def test_missing_file_and_unwritable_output(tmp_path: Path, saved_reading: Path, capsys) -> None:
    assert main(["export", str(tmp_path / "nope.txt"), "-f", "txt"]) == 2
    assert "No such file" in capsys.readouterr().err
    target = tmp_path / "no-such-folder" / "out.docx"
    assert main(["export", str(saved_reading), "-f", "docx", "-o", str(target)]) == 2
    assert "Could not write" in capsys.readouterr().err


def test_unknown_format_is_rejected(saved_reading: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(saved_reading), "-f", "pdf"])
    assert exit_info.value.code == 2
    assert "docx" in capsys.readouterr().err


def test_anki_of_a_reading_without_glossary_is_a_clear_error(tmp_path: Path, capsys) -> None:
    from dataclasses import replace

    from assistant.types import Glossary

    path = tmp_path / "empty.json"
    path.write_bytes(export_page(replace(gloss_page(), glossary=Glossary()), "json"))
    assert main(["export", str(path), "-f", "anki", "-o", str(tmp_path / "x.apkg")]) == 2
    assert "glossary" in capsys.readouterr().err
    assert not (tmp_path / "x.apkg").exists()


# --- end to end with the real reader (no model installed: gloss-only) -------------------


@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
def test_seed_article_gloss_only(fmt: str, tmp_path: Path, capsys) -> None:
    target = tmp_path / f"seed.{fmt}"
    assert main(["export", str(SEED), "-f", fmt, "-o", str(target), "--quiet"]) == 0
    assert "word-by-word gloss" in capsys.readouterr().err
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        page = load_page_json(text)
        assert page.mode == "gloss" and page.model is None
        assert page.source_name == SEED.name
        assert {p.kind for p in page.pairs()} <= {"gloss", "copy"}
        assert sum(1 for _ in page.pairs()) > 10
    else:
        assert "not a translation" in text.lower()
        assert "लुकाशेंको" in text or fmt == "txt"


def test_seed_article_every_format_then_json_round_trip(tmp_path: Path) -> None:
    saved = tmp_path / "seed.json"
    assert main(["export", str(SEED), "-f", "json", "-o", str(saved), "--quiet"]) == 0
    page = load_page_json(saved.read_bytes())
    for fmt, spec in FORMATS.items():
        target = tmp_path / f"again-{fmt}.{spec.extension}"
        if fmt == "anki" and not (page.glossary.terms or page.glossary.names):
            continue
        assert main(["export", str(saved), "-f", fmt, "-o", str(target)]) == 0, fmt
        assert target.stat().st_size > 0
    assert load_page_json((tmp_path / "again-json.json").read_bytes()) == page


def test_article_with_tiny_model_exports_a_translation(tiny_marian_dir: Path, tmp_path: Path) -> None:
    """A (random-weight) model's output is labelled as machine translation, with the model's name."""
    article = tmp_path / "short.hi.txt"
    article.write_text("पुतिन ने बैठक की।\n\nदोनों नेताओं ने बात की।\n", encoding="utf-8")
    saved = tmp_path / "short.json"
    model = ["--model", str(tiny_marian_dir)]
    assert main(["export", str(article), "-f", "json", "-o", str(saved), *model, "--quiet"]) == 0
    page = load_page_json(saved.read_bytes())
    assert page.mode == "translation" and page.model
    assert {p.kind for p in page.pairs()} == {"mt"}
    docx_path = tmp_path / "short.docx"
    assert main(["export", str(saved), "-f", "docx", "-o", str(docx_path)]) == 0
    import docx

    document = docx.Document(str(docx_path))
    assert len(document.tables[0].rows) == 1 + sum(1 for _ in page.pairs())
    assert any(page.model in p.text for p in document.paragraphs)


@pytest.mark.parametrize("fmt", ["html", "md", "epub", "docx", "txt", "csv"])
def test_hostile_web_page_exports_inert(fmt: str, tmp_path: Path) -> None:
    """Scripts, handlers and javascript: links of a web article never reach an export."""
    target = tmp_path / f"out.{FORMATS[fmt].extension}"
    assert main(["export", str(SEEDS / "malicious.hi.html"), "-f", fmt, "-o", str(target), "--quiet"]) == 0
    data = target.read_bytes()
    if FORMATS[fmt].binary:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            data = b"\n".join(z.read(name) for name in z.namelist())
    text = data.decode("utf-8-sig", errors="replace")  # docx also holds binary parts
    for leak in ("alert(", "SCRIPT-LEAK", "STYLE-LEAK", "onerror", "javascript:", "onload"):
        assert leak not in text, leak
    if fmt in ("epub", "docx"):
        assert "&lt;b&gt; टैग" in text  # the article's literal "<b>" stays text
    if fmt == "html":
        # the page wraps each token in its own element, so the escaped pieces are apart
        assert "&lt;" in text and "&gt;" in text and "<b>" not in text
    if fmt == "md":
        assert r"\<b\> टैग" in text


# --- saved-reading versions and whole-or-nothing output ---------------------------------


def _with_links(page: ReadingPage) -> ReadingPage:
    from dataclasses import replace

    from assistant.types import AlignmentLink

    first_block = page.blocks[1]
    first = first_block.pairs[0]
    links = (AlignmentLink(0, 1, 0.9, "lexicon"), AlignmentLink(2, 0, 0.25, "attention"))
    block = replace(first_block, pairs=(replace(first, links=links), *first_block.pairs[1:]))
    return replace(page, blocks=(page.blocks[0], block, *page.blocks[2:]))


def test_alignment_links_are_saved_and_reopened() -> None:
    page = _with_links(translated_page())
    doc = json.loads(export_page(page, "json"))
    assert doc["schema_version"] == 2
    assert doc["page"]["blocks"][1]["pairs"][0]["links"][1] == {
        "source": 2, "target": 0, "confidence": 0.25, "origin": "attention"
    }  # fmt: skip
    assert load_page_json(export_page(page, "json")) == page


def test_a_version_one_reading_still_opens_without_links() -> None:
    doc = json.loads(export_page(_with_links(translated_page()), "json"))
    doc["schema_version"] = 1
    for block in doc["page"]["blocks"]:
        for pair in block["pairs"]:
            del pair["links"]
    assert load_page_json(json.dumps(doc)) == translated_page()


@pytest.mark.parametrize("version", [0, 3, "2", 2.0, None, True])
def test_unknown_versions_are_refused(version: object) -> None:
    from assistant.errors import ExportError

    doc = json.loads(export_page(translated_page(), "json"))
    doc["schema_version"] = version
    with pytest.raises(ExportError, match="schema version"):
        load_page_json(json.dumps(doc))


def test_a_failed_write_leaves_neither_a_partial_file_nor_a_temporary_one(
    saved_reading: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "reading.docx"
    real_fsync = os.fsync

    def disk_full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert main(["export", str(saved_reading), "-f", "docx", "-o", str(target)]) == 2
    assert "No space left" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_an_export_replaces_an_older_file_whole(saved_reading: Path, tmp_path: Path) -> None:
    target = tmp_path / "reading.txt"
    target.write_text("an older export, much longer than the new one " * 1000, encoding="utf-8")
    target.chmod(0o640)
    assert main(["export", str(saved_reading), "-f", "txt", "-o", str(target)]) == 0
    assert target.read_bytes() == export_page(translated_page(), "txt")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
