"""``python -m assistant translate``: engine flags, paragraph-by-paragraph output, failures shown."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.cli.translate_cmd import ParagraphStream, pairs_text, render
from assistant.export.common import FAILED_MARK
from assistant.reader import build_reading_page, open_article
from assistant.translate import Batching, Translator

ARTICLE = """भारत और रूस की बैठक

पहला अनुच्छेद यहाँ है। इसमें दो वाक्य हैं।

दूसरा अनुच्छेद भी है। इसमें भी दो वाक्य हैं।

तीसरा और अंतिम अनुच्छेद।
"""


class Counting(Translator):
    """Model-free: one sentence per call, so the output can be compared with the calls made."""

    name = "counting"
    identity = "counting:1"
    batching = Batching(first_window=1, window=1, max_batch_size=1)

    def __init__(self, fail: str = "") -> None:
        self.calls = 0
        self.fail = fail

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        self.calls += 1
        return ["" if self.fail and self.fail in s else f"english {self.calls}" for s in sentences]


class Recorder(io.BytesIO):
    """Remembers how many model calls had been made at each write."""

    def __init__(self, translator: Counting) -> None:
        super().__init__()
        self.translator = translator
        self.writes: list[int] = []

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.writes.append(self.translator.calls)
        return super().write(data)


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_paragraphs_are_written_as_they_are_finished(fmt: str) -> None:
    translator = Counting()
    out = Recorder(translator)
    stream = ParagraphStream(out, fmt)
    article = open_article(ARTICLE, "meeting.txt")
    page = build_reading_page(article, translator, on_progress=lambda p: stream.update(p.page))
    stream.finish(page)
    total = sum(1 for pair in page.pairs() if pair.source.lang == "hi")
    assert out.getvalue() == render(page, fmt)  # the same bytes as writing it whole
    assert len(out.writes) >= 4
    assert out.writes[0] < total  # the first paragraph went out long before the last sentence


def test_failed_sentences_are_marked_not_glossed() -> None:
    article = open_article(ARTICLE, "meeting.txt")
    page = build_reading_page(article, Counting(fail="दूसरा"))
    text = pairs_text(page)
    assert FAILED_MARK in text and "[gloss]" not in text
    failed_line = text.splitlines()[text.splitlines().index("दूसरा अनुच्छेद भी है।") + 1]
    assert failed_line == FAILED_MARK


@pytest.fixture(scope="module")
def article_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("article") / "meeting.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_cli_streams_through_the_real_loader(
    tiny_marian_dir: Path, article_file: Path, fmt: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code = main(["translate", str(article_file), "--model", str(tiny_marian_dir), "--format", fmt])
    captured = capsysbinary.readouterr()
    assert code == 0
    err = captured.err.decode()
    assert "transformers float32" in err  # a folder outside the models folder is not converted
    out = captured.out.decode()
    assert "पहला अनुच्छेद यहाँ है।" in out
    if fmt == "md":
        assert out.startswith("# ")


def test_cli_engine_flags(
    tiny_marian_dir: Path, article_file: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    pytest.importorskip("ctranslate2")
    from assistant.translate.convert import convert_folder

    converted = convert_folder(tiny_marian_dir, tmp_path / "tiny-ct2")
    args = [
        "translate",
        str(article_file),
        "--model",
        str(converted),
        "--no-cache",
        "-o",
        str(tmp_path / "o.txt"),
    ]
    assert main([*args, "--compute-type", "float32", "--threads", "1"]) == 0
    assert "ctranslate2 float32, 1 translator x 1 thread, greedy" in capsysbinary.readouterr().err.decode()
    assert "पहला अनुच्छेद" in (tmp_path / "o.txt").read_text(encoding="utf-8")
    assert main([*args, "--engine", "transformers"]) == 2
    assert "CTranslate2 model" in capsysbinary.readouterr().err.decode()


def test_txt_listing_streamed_from_the_translator_equals_the_page_listing(
    tiny_marian_dir: Path, article_file: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    from assistant.translate import load_translator

    assert main(["translate", str(article_file), "--model", str(tiny_marian_dir), "--quiet"]) == 0
    streamed = capsysbinary.readouterr().out
    article = open_article(ARTICLE, "meeting.txt")
    page = build_reading_page(article, load_translator(tiny_marian_dir))
    assert streamed == pairs_text(page).encode("utf-8")


def test_output_closed_early_is_not_an_error(
    tiny_marian_dir: Path, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Closed(io.BytesIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            raise BrokenPipeError

    class FakeStdout:
        buffer = Closed()

    monkeypatch.setattr("sys.stdout", FakeStdout())
    assert main(["translate", str(article_file), "--model", str(tiny_marian_dir), "--quiet"]) == 141
