"""Exports that are text: txt, md, html, tsv/csv, glossary csv, json; and the format registry."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assistant.errors import AssistantError, ExportError
from assistant.export import FORMATS, export_page, file_name, get_format, load_page_json, unavailable
from assistant.export.common import provenance as _provenance
from assistant.export.text import md_escape
from assistant.types import SCHEMA_VERSION, PageBlock, ReadingPage
from tests.test_export_pages import CAPTION, SCRIPT, TITLE_EN, gloss_page, pair, translated_page


def _text(page: ReadingPage, fmt: str, **options: object) -> str:
    return export_page(page, fmt, **options).decode("utf-8")


# --- registry -------------------------------------------------------------------------


def test_registry_lists_every_format_with_metadata() -> None:
    assert set(FORMATS) == {"txt", "md", "html", "docx", "epub", "tsv", "csv", "json", "glossary-csv", "anki"}
    for name, spec in FORMATS.items():
        assert spec.name == name
        assert spec.extension and "." not in spec.extension
        assert "/" in spec.mime
        assert spec.label and "\n" not in spec.label
        assert callable(spec.function)


def test_unknown_format_lists_the_formats() -> None:
    with pytest.raises(ExportError) as err:
        export_page(translated_page(), "pdf")
    assert "pdf" in str(err.value)
    assert "docx" in str(err.value) and "anki" in str(err.value)
    with pytest.raises(ExportError):
        get_format("")


def test_unknown_option_is_a_clear_error() -> None:
    with pytest.raises(ExportError, match="no option colour"):
        export_page(translated_page(), "txt", colour=True)


def test_buttons_are_short_and_name_the_file_type() -> None:
    buttons = [spec.button for spec in FORMATS.values()]
    assert FORMATS["docx"].button == "Word (.docx)"
    assert FORMATS["glossary-csv"].button == "Glossary (.csv)"
    assert len(set(buttons)) == len(buttons)
    assert max(len(b) for b in buttons) <= 24


@pytest.mark.parametrize(
    ("source_name", "title", "fmt", "expected"),
    [
        ("lukashenko-putin-2021-12-30.hi.txt", "", "docx", "lukashenko-putin-2021-12-30.docx"),
        ("article.html", "", "glossary-csv", "article-glossary.csv"),
        ("notes.MD", "", "anki", "notes.apkg"),
        ("", "प्रतिबंधों पर बैठक", "md", "pratibandhon-par-baithak.md"),  # a Hindi title, romanized
        ("समाचार.txt", "", "txt", "samacar.txt"),
        ("../../etc/passwd", "", "json", "passwd.json"),
        ("C:\\Users\\me\\café notes.txt", "", "epub", "cafe-notes.epub"),
        (".hidden", "", "csv", "hidden.csv"),
        ("CON.txt", "", "tsv", "reading.tsv"),
        ("<script>.txt", "", "html", "script.html"),
        ("", "", "txt", "reading.txt"),
        ("x" * 300 + ".txt", "", "txt", "x" * 80 + ".txt"),
    ],
)
def test_file_name_is_safe(source_name: str, title: str, fmt: str, expected: str) -> None:
    page = ReadingPage(title, (), source_name=source_name)
    assert file_name(page, fmt) == expected


def test_importing_and_building_one_format_loads_nothing_for_the_others() -> None:
    """The page builds a format when its button is pressed: nothing else may come along."""
    code = (
        "import sys\n"
        "from assistant.export import FORMATS, export_page\n"
        "from tests.test_export_pages import translated_page\n"
        "before = set(sys.modules)\n"
        "export_page(translated_page(), 'txt')\n"
        "heavy = ('docx', 'ebooklib', 'genanki', 'lxml', 'assistant.render', 'assistant.lexicon', 'torch')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout.splitlines()  # fmt: skip
    assert out[0] == "[]"
    assert out[1] == "[]"  # the txt export needed nothing that was not loaded already


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_names_model_or_gloss_and_date(fmt: str) -> None:
    """Provenance is in every export (for zipped formats: in one of the zip's members)."""
    for page, needle in ((translated_page(), "opus-mt-hi-en"), (gloss_page(), "not a translation")):
        data = export_page(page, fmt)
        if FORMATS[fmt].binary:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                data = b"\n".join(z.read(name) for name in z.namelist())
        text = data.decode("utf-8", errors="replace").lower()
        assert needle in text
        assert page.created in text


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_empty_page_does_not_crash(fmt: str) -> None:
    page = ReadingPage(title="", blocks=())
    problem = unavailable(page, fmt)
    try:
        data = export_page(page, fmt)
    except AssistantError as err:  # only the Anki deck may refuse: it needs a glossary
        assert fmt == "anki", err
        assert problem is not None and str(problem) == str(err)  # said before building anything
    else:
        assert data
        assert problem is None
    assert unavailable(translated_page(), fmt) is None


@pytest.mark.parametrize("fmt", ["md", "docx", "epub", "anki", "glossary-csv"])
def test_glossaries_show_grammar_in_the_same_words(fmt: str) -> None:
    """No raw tag in any glossary; "noun · masculine" and "name" as the page says them."""
    data = export_page(translated_page(), fmt)
    if FORMATS[fmt].binary:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            data = b"\n".join(z.read(name) for name in z.namelist())
    text = data.decode("utf-8", errors="replace")
    for tag in ("PROPN", "NOUN", "ADP"):
        assert tag not in text
    if fmt == "glossary-csv":
        assert "noun,masculine" in text and "postposition" in text
    else:
        assert "noun · masculine" in text and "postposition" in text
    assert "name" in text and "proper noun" not in text


# --- txt ----------------------------------------------------------------------------


def test_txt_keeps_paragraphs_and_copies_english_lines() -> None:
    text = _text(translated_page(), "txt")
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == TITLE_EN
    assert paragraphs[1] == "Met with Putin. The meeting took place as sanctions grew."
    assert paragraphs[2] == CAPTION
    assert paragraphs[3].startswith(f"The article said {SCRIPT}.")
    assert "opus-mt-hi-en" in paragraphs[-1] and "2026-11-28" in paragraphs[-1]
    assert "पुतिन" not in text  # English only


def test_txt_gloss_page_says_it_is_not_a_translation() -> None:
    text = _text(gloss_page(), "txt")
    first = text.splitlines()[0]
    assert "GLOSS" in first and "NOT A TRANSLATION" in first
    paragraphs = text.strip().split("\n\n")
    assert "Putin with met .\nmeeting happened ." in paragraphs
    assert "IMAGE SOURCE: KREMLIN" in paragraphs


def test_txt_marks_pending_sentences() -> None:
    page = translated_page()
    block = PageBlock("paragraph", (replace(pair("बाकी वाक्य।", ""), kind="pending"),))
    page = replace(page, blocks=(*page.blocks, block))
    text = _text(page, "txt")
    assert "[not translated]" in text
    assert "1 sentences are not translated yet" in text


# --- md -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert(1)\>"),
        ("a | b", r"a \| b"),
        ("*bold* _it_ `code`", r"\*bold\* \_it\_ \`code\`"),
        ("# not a heading", r"\# not a heading"),
        ("> not a quote", r"\> not a quote"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        ("line\nbreak", "line break"),
        ("back\\slash", "back\\\\slash"),
        ("पुतिन ने कहा", "पुतिन ने कहा"),
    ],
)
def test_md_escape(raw: str, expected: str) -> None:
    assert md_escape(raw) == expected


def test_md_bilingual_paragraphs() -> None:
    text = _text(translated_page(), "md")
    chunks = text.split("\n\n")
    assert chunks[0] == "# पुतिन ने लुकाशेंको से मुलाकात की"
    assert chunks[1] == f"*{TITLE_EN}*"
    assert "opus-mt-hi-en" in chunks[2]
    hindi = chunks.index("पुतिन के साथ मिले। प्रतिबंधों के बढ़ने पर बैठक हुई।")
    assert chunks[hindi + 1] == "> Met with Putin. The meeting took place as sanctions grew."
    assert SCRIPT not in text and r"\<script\>" in text
    assert "[link](javascript" not in text
    assert "## Glossary" in text


@pytest.mark.parametrize("table", [False, True])
def test_md_renders_article_text_literally(table: bool) -> None:
    """Rendered by a CommonMark parser with raw HTML on, the article injects nothing."""
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table")
    rendered = md.render(_text(translated_page(), "md", table=table))
    for tag in ("<script", "<a ", "<img", "<strong>", "<code>"):
        assert tag not in rendered
    assert rendered.count("<em>") == 2  # only the English title and the provenance line
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in rendered
    assert "[link](javascript:alert(1)) *bold* _it_ `code`" in rendered
    assert rendered.count("<table>") == (2 if table else 1)


def test_md_table_has_one_row_per_pair() -> None:
    page = translated_page()
    text = _text(page, "md", table=True)
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    table_rows = rows[: 1 + sum(1 for _ in page.pairs())]
    assert table_rows[0] == "| Hindi | English |"
    assert table_rows[1] == "| पुतिन ने लुकाशेंको से मुलाकात की | Putin met Lukashenko |"
    for row in table_rows:
        # every row has exactly three unescaped pipes: the article's own pipes are escaped
        assert row.replace("\\|", "").count("|") == 3


def test_md_gloss_page_labels_gloss() -> None:
    text = _text(gloss_page(), "md")
    assert "not a translation" in text.lower()
    assert "> Putin with met .  \n> meeting happened ." in text


# --- html ---------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.open_tag = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.open_tag = tag

    def handle_data(self, data: str) -> None:
        if self.open_tag != "script":
            self.text.append(data)


def test_html_is_standalone_with_sentences_escaped() -> None:
    """The page data travels as an inert JSON block beside the page's one script; the
    article cannot close it."""
    page = translated_page()
    doc = _text(page, "html")
    assert doc.lstrip().lower().startswith("<!doctype html>")
    parser = _Collector()
    parser.feed(doc)
    parser.close()
    assert parser.tags.count("script") == 2  # the data block and the page's own script
    block = doc.split('<script type="application/json" id="hr-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(block)
    code = doc.split("<script>", 1)[1].split("</script>", 1)[0]
    assert "प्रतिबंधों" not in code  # article text is data, never part of the code
    shown = json.dumps(data, ensure_ascii=False)
    assert "प्रतिबंधों के बढ़ने पर बैठक हुई।" in shown
    assert f"The article said {SCRIPT}." in shown  # shown as text once drawn...
    assert "alert('x')</script>" not in doc and "<script>alert" not in doc  # ...never markup
    text = "".join(parser.text)
    assert "opus-mt-hi-en" in text and "sample.hi.txt" in text


def test_html_passes_render_options_through() -> None:
    from assistant.render import RenderOptions, standalone_html

    page = translated_page()
    options = RenderOptions(theme="dark", font_size=24)
    doc = _text(page, "html", options=options)
    assert doc == standalone_html(page, options, footer="sample.hi.txt · " + _provenance(page))


# --- tsv / csv ----------------------------------------------------------------------


def _rows(page: ReadingPage, fmt: str) -> list[list[str]]:
    data = export_page(page, fmt)
    if fmt == "tsv":
        assert not data.startswith(b"\xef\xbb\xbf")
        return list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert data.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_pairs_table_reads_back(fmt: str) -> None:
    page = translated_page()
    rows = _rows(page, fmt)
    assert rows[0][:5] == ["block", "index", "hindi", "english", "kind"]
    assert len(rows) == 1 + sum(1 for _ in page.pairs())
    assert all(len(row) == len(rows[0]) for row in rows)
    assert rows[2] == ["2", "2", "पुतिन के साथ मिले।", "Met with Putin.", "mt", "opus-mt-hi-en", "2026-11-28"]
    assert [row[1] for row in rows[1:]] == [str(i) for i in range(1, len(rows))]


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
@pytest.mark.parametrize("start", ["=HYPERLINK(", "+", "-", "@", "\t", "\r"])
def test_formula_starters_are_neutralized(fmt: str, start: str) -> None:
    hindi = f"{start}1+1 हिंदी"
    page = ReadingPage("t", (PageBlock("paragraph", (pair(hindi, f"{start}cmd"),)),), created="2026-11-28")
    rows = _rows(page, fmt)
    assert len(rows) == 2
    hindi_cell, english_cell = rows[1][2], rows[1][3]
    for cell in (hindi_cell, english_cell):
        assert cell.startswith("'"), cell
        assert "\t" not in cell or fmt == "csv"


def test_tsv_cells_never_hold_tabs_or_newlines() -> None:
    page = ReadingPage("t", (PageBlock("paragraph", (pair("एक\tदो", "one\ntwo\r\nthree"),)),))
    rows = _rows(page, "tsv")
    assert len(rows) == 2
    assert rows[1][2:4] == ["एक दो", "one two three"]


def test_gloss_page_table_labels_gloss_rows() -> None:
    rows = _rows(gloss_page(), "csv")
    kinds = {row[4] for row in rows[1:]}
    assert kinds == {"gloss", "copy"}
    assert all("gloss" in row[5] for row in rows[1:])


def test_glossary_csv() -> None:
    page = translated_page()
    rows = _rows(page, "glossary-csv")
    assert rows[0][:8] == [
        "term", "lemma", "romanization", "pos", "gender", "meaning", "count", "first sentence",
    ]  # fmt: skip
    assert len(rows) == 1 + len(page.glossary.terms) + len(page.glossary.names)
    assert rows[1][:7] == ["प्रतिबंध", "प्रतिबंध", "pratibandh", "noun", "masculine", "sanction; ban", "3"]
    assert [row[3:5] for row in rows[2:]] == [["postposition", ""], ["other", ""], ["name", ""]]
    assert rows[-1][0] == "पुतिन" and rows[-1][9] == "name"
    assert rows[1][8:] == ["The meeting took place as sanctions grew.", "term", "opus-mt-hi-en", "2026-11-28"]
    dangerous = rows[3]
    assert dangerous[0].startswith("'=") and dangerous[1].startswith("'=")
    assert dangerous[5] == "'-danger" and dangerous[7] == "'@SUM(1)"


def test_glossary_csv_of_a_gloss_only_reading_has_no_translation_column() -> None:
    page = gloss_page()
    assert page.glossary.terms
    rows = _rows(page, "glossary-csv")
    assert "first translation" not in rows[0]
    assert rows[0][7:] == ["first sentence", "type", "model", "date"]
    assert all(len(row) == len(rows[0]) for row in rows)
    assert rows[1][8] == "term" and "not a translation" in rows[1][9]


# --- json ---------------------------------------------------------------------------


@pytest.mark.parametrize("make", [translated_page, gloss_page])
def test_json_round_trip_is_equal(make) -> None:
    page = make()
    data = export_page(page, "json")
    doc = json.loads(data)
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["generator"]["name"]
    assert "पुतिन" in data.decode("utf-8")  # not \u-escaped
    loaded = load_page_json(data)
    assert loaded == page
    assert load_page_json(data.decode("utf-8")) == page
    assert isinstance(loaded.blocks, tuple) and isinstance(loaded.glossary.terms[0].senses, tuple)


def test_json_round_trip_keeps_units_and_analyses() -> None:
    page = translated_page()
    glosses = load_page_json(export_page(page, "json")).blocks[1].pairs[0].glosses
    assert glosses[1].unit is not None and glosses[1].unit.senses == ("with",)
    assert glosses[2].analysis is not None and glosses[2].analysis.tense == "perf"
    assert glosses[0].unit is None and glosses[0].is_name is True


def _doc(page: ReadingPage | None = None) -> dict:
    return json.loads(export_page(page or translated_page(), "json"))


def _without(doc: dict, *path: str | int) -> dict:
    target = doc
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return doc


def _with(doc: dict, value: object, *path: str | int) -> dict:
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not valid JSON"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[1, 2]", "not a saved reading"),
        (b"{}", "not a saved reading"),
        (b"[" * 100_000, "JSON"),
        (json.dumps(_with(_doc(), 99, "schema_version")), "schema version 99"),
        (json.dumps(_without(_doc(), "schema_version")), "schema version None"),
        (json.dumps(_without(_doc(), "page", "title")), "title is missing"),
        (json.dumps(_without(_doc(), "page", "blocks", 1, "pairs", 0, "source")), "source is missing"),
        (json.dumps(_with(_doc(), "sideways", "page", "mode")), "unknown value 'sideways'"),
        (json.dumps(_with(_doc(), "3", "page", "glossary", "terms", 0, "count")), "should be a int"),
        (json.dumps(_with(_doc(), True, "page", "glossary", "terms", 0, "count")), "should be a int"),
        (json.dumps(_with(_doc(), "x", "page", "blocks")), "should be a list"),
        (json.dumps(_with(_doc(), [1], "page", "blocks")), "should be an object"),
    ],
)
def test_json_bad_documents_give_clear_errors(data: bytes | str, message: str) -> None:
    with pytest.raises(ExportError) as err:
        load_page_json(data)
    assert message in str(err.value)


def test_json_ignores_unknown_keys() -> None:
    doc = _with(_doc(), "future", "page", "new_field")
    assert load_page_json(json.dumps(doc)) == translated_page()
