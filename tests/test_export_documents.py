"""Binary exports read back with real parsers: python-docx, EbookLib, zipfile + sqlite (Anki)."""

from __future__ import annotations

import io
import re
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest

from assistant.errors import ExportError
from assistant.export import export_page
from assistant.export.anki import MODEL_ID, deck_id, highlight
from assistant.types import Glossary, PageBlock, ReadingPage
from tests.test_export_pages import SCRIPT, TITLE_HI, gloss_page, pair, translated_page

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# --- docx ---------------------------------------------------------------------------


def _docx(page: ReadingPage):
    import docx

    return docx.Document(io.BytesIO(export_page(page, "docx")))


def test_docx_pair_table_and_glossary_appendix() -> None:
    page = translated_page()
    document = _docx(page)
    pairs_table, glossary_table = document.tables
    pairs = list(page.pairs())
    assert len(pairs_table.rows) == len(pairs) + 1
    assert [c.text for c in pairs_table.rows[0].cells] == ["Hindi", "English"]
    assert [c.text for c in pairs_table.rows[2].cells] == ["पुतिन के साथ मिले।", "Met with Putin."]
    assert pairs_table.rows[5].cells[1].text == f"The article said {SCRIPT}."
    entries = len(page.glossary.terms) + len(page.glossary.names)
    assert len(glossary_table.rows) == entries + 1
    assert [c.text for c in glossary_table.rows[0].cells] == [
        "Term", "Romanization", "Grammar", "Meaning", "Count",
    ]  # fmt: skip
    assert [c.text for c in glossary_table.rows[1].cells] == [
        "प्रतिबंध", "pratibandh", "noun · masculine", "sanction; ban", "3",
    ]  # fmt: skip
    assert [row.cells[2].text for row in glossary_table.rows[2:]] == ["postposition", "other", "name"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "पुतिन ने लुकाशेंको से मुलाकात की" in text
    assert "opus-mt-hi-en" in text and "2026-11-28" in text
    assert document.core_properties.title == page.title


def test_docx_script_stays_text_and_hindi_runs_name_a_devanagari_font() -> None:
    data = export_page(translated_page(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        xml = z.read("word/document.xml")
    root = ElementTree.fromstring(xml)  # well-formed
    texts = [t.text or "" for t in root.iter(f"{W}t")]
    assert any(SCRIPT in t for t in texts)
    assert b"<script>" not in xml
    hindi_runs = [r for r in root.iter(f"{W}r") if "पुतिन" in "".join(t.text or "" for t in r.iter(f"{W}t"))]
    assert hindi_runs
    for run in hindi_runs:
        fonts = run.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(f"{W}cs") == "Nirmala UI"
        assert run.find(f"{W}rPr/{W}lang").get(f"{W}bidi") == "hi-IN"


def test_docx_gloss_page_labels_gloss_column() -> None:
    document = _docx(gloss_page())
    assert "not a translation" in document.tables[0].rows[0].cells[1].text
    assert any("not a translation" in p.text for p in document.paragraphs)


def test_docx_keeps_tabs_and_line_breaks_of_a_cell() -> None:
    page = ReadingPage("t", (PageBlock("paragraph", (pair("एक", "one\ttwo\nthree"), pair("दो", "x"))),))
    rows = _docx(page).tables[0].rows
    assert [c.text for c in rows[1].cells] == ["एक", "one\ttwo\nthree"]
    assert [c.text for c in rows[2].cells] == ["दो", "x"]


def test_docx_drops_characters_xml_cannot_hold() -> None:
    page = ReadingPage("t", (PageBlock("paragraph", (pair("नमस्ते\x00\x1b", "hi\x0b there"),)),))
    document = _docx(page)
    assert [c.text for c in document.tables[0].rows[1].cells] == ["नमस्ते", "hi there"]


# --- epub ---------------------------------------------------------------------------


def _epub(data: bytes, tmp_path: Path):
    from ebooklib import epub

    path = tmp_path / "book.epub"
    path.write_bytes(data)
    return epub.read_epub(str(path))


def test_epub_structure(tmp_path: Path) -> None:
    import ebooklib
    from ebooklib import epub

    page = translated_page()
    data = export_page(page, "epub")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/epub+zip"
        chapters = {name: z.read(name) for name in z.namelist() if name.endswith(".xhtml")}
    for xml in chapters.values():
        ElementTree.fromstring(xml)  # every chapter is well-formed XHTML
    book = _epub(data, tmp_path)
    documents = {item.get_name() for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)}
    assert {"article.xhtml", "glossary.xhtml"} <= documents
    assert [link.title for link in book.toc] == [page.title, "Glossary"]
    assert [uid for uid, _ in book.spine] == ["nav", "article", "glossary"]
    navs = [item for item in book.get_items() if isinstance(item, epub.EpubNav)]
    assert navs and {"toc.ncx", "nav.xhtml"} <= {item.get_name() for item in book.get_items()}
    nav_xml = next(x for n, x in chapters.items() if n.endswith("nav.xhtml")).decode("utf-8")
    assert 'href="article.xhtml"' in nav_xml and 'href="glossary.xhtml"' in nav_xml
    assert book.get_metadata("DC", "title")[0][0] == page.title
    assert book.get_metadata("DC", "language")[0][0] == "hi"
    assert book.get_metadata("DC", "date")[0][0] == "2026-11-28"
    article = next(x for n, x in chapters.items() if n.endswith("article.xhtml")).decode("utf-8")
    assert "प्रतिबंधों के बढ़ने पर बैठक हुई।" in article
    assert "&lt;script&gt;" in article and "<script>" not in article
    assert "opus-mt-hi-en" in article
    glossary = next(x for n, x in chapters.items() if n.endswith("glossary.xhtml")).decode("utf-8")
    assert "pratibandh" in glossary and "sanction; ban" in glossary


def test_epub_identifier_is_stable_and_content_bound(tmp_path: Path) -> None:
    page = translated_page()
    ids = []
    later, other_model = replace(page, created="2030-01-01"), replace(page, model="nllb-200-distilled-600M")
    for variant in (page, later, other_model):
        book = _epub(export_page(variant, "epub"), tmp_path)
        ids.append(book.get_metadata("DC", "identifier")[0][0])
    assert ids[0] == ids[1]  # re-exporting the same reading later: same book
    assert ids[0] != ids[2]  # a different translation: a different book
    assert ids[0].startswith("urn:sha256:")


def test_epub_gloss_page_says_gloss(tmp_path: Path) -> None:
    data = export_page(gloss_page(), "epub")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        article = z.read("EPUB/article.xhtml").decode("utf-8")
    assert "not a translation" in article


# --- anki ---------------------------------------------------------------------------


def _collection(data: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        db_name = "collection.anki21" if "collection.anki21" in names else "collection.anki2"
        tmp_path.mkdir(exist_ok=True)
        path = tmp_path / db_name
        path.write_bytes(z.read(db_name))
    return sqlite3.connect(path)


def _notes(data: bytes, tmp_path: Path) -> list[tuple[str, int, list[str]]]:
    conn = _collection(data, tmp_path)
    try:
        rows = conn.execute("SELECT guid, mid, flds FROM notes ORDER BY id").fetchall()
    finally:
        conn.close()
    return [(guid, mid, flds.split("\x1f")) for guid, mid, flds in rows]


def test_anki_one_note_per_glossary_term(tmp_path: Path) -> None:
    page = translated_page()
    notes = _notes(export_page(page, "anki"), tmp_path)
    assert len(notes) == len(page.glossary.terms) + len(page.glossary.names)
    assert {mid for _, mid, _ in notes} == {MODEL_ID}
    first = notes[0][2]
    assert first[0] == "प्रतिबंध"
    assert first[1] == "<b>प्रतिबंधों</b> के बढ़ने पर बैठक हुई।"
    assert first[2] == "sanction; ban"
    assert first[3] == "pratibandh"
    assert "masculine" in first[4]
    assert first[5] == "The meeting took place as sanctions grew."
    # the injected-looking term is escaped, never markup
    dangerous = notes[2][2]
    assert dangerous[0] == "=cmd|&#x27; /C calc&#x27;!A0"


def test_anki_reexport_keeps_guids_and_deck(tmp_path: Path) -> None:
    page = translated_page()
    first = _notes(export_page(page, "anki"), tmp_path / "first")
    updated = replace(page, model="nllb-200-distilled-600M", created="2027-01-01")
    second = _notes(export_page(updated, "anki"), tmp_path / "second")
    assert [g for g, _, _ in first] == [g for g, _, _ in second]
    assert len({g for g, _, _ in first}) == len(first)
    assert deck_id(page) == deck_id(updated)
    conn = _collection(export_page(page, "anki"), tmp_path)
    try:
        cards = conn.execute("SELECT DISTINCT did FROM cards").fetchall()
    finally:
        conn.close()
    assert cards == [(deck_id(page),)]


def test_anki_needs_a_glossary() -> None:
    with pytest.raises(ExportError, match="no glossary terms"):
        export_page(replace(translated_page(), glossary=Glossary()), "anki")


@pytest.mark.parametrize(
    ("sentence", "forms", "expected"),
    [
        ("राम <b>घर</b> गया", ("घर",), "राम &lt;b&gt;<b>घर</b>&lt;/b&gt; गया"),
        ("राम घर गया", ("नहीं",), "राम घर गया"),
        ("घरों में", ("घर", "घरों"), "<b>घरों</b> में"),
        ("", ("घर",), ""),
    ],
)
def test_anki_highlight(sentence: str, forms: tuple[str, ...], expected: str) -> None:
    assert highlight(sentence, forms) == expected


def test_anki_leaves_no_temporary_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    export_page(gloss_page(), "anki")
    assert list(tmp_path.iterdir()) == []


# --- docx layout: what LibreOffice and Word read for widths, padding, sizes -----------


def _twips(cell_or_col: object) -> int:
    return round(cell_or_col.width.inches * 1440)  # type: ignore[attr-defined]


def test_docx_glossary_columns_are_sized_for_their_content() -> None:
    from assistant.export.docx import GLOSSARY_WIDTHS

    document = _docx(translated_page())
    pairs_table, glossary_table = document.tables
    grid = [_twips(col) for col in glossary_table.columns]
    assert grid == [round(w * 1440) for w in GLOSSARY_WIDTHS]
    for row in glossary_table.rows:
        assert [_twips(cell) for cell in row.cells] == grid  # Word reads cell widths, LibreOffice the grid
    term, roman, grammar, meaning_, count = grid
    assert count < term and count < 0.15 * sum(grid)  # the count column is narrow...
    assert roman >= 1.2 * 1440  # ..."Romanization" and a long romanized name fit on one line
    assert grammar >= 1.4 * 1440  # ..."name · masculine" too
    assert meaning_ == max(grid)
    assert sum(grid) <= 6.5 * 1440  # inside the text width
    assert glossary_table.autofit is False and pairs_table.autofit is False
    assert [_twips(col) for col in pairs_table.columns] == [3.25 * 1440] * 2


def test_docx_rows_never_split_and_cells_have_top_padding() -> None:
    data = export_page(translated_page(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ElementTree.fromstring(z.read("word/document.xml"))
    tables = list(root.iter(f"{W}tbl"))
    assert len(tables) == 2
    for table in tables:
        rows = table.findall(f"{W}tr")
        assert rows and all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        top = table.find(f"{W}tblPr/{W}tblCellMar/{W}top")
        assert top is not None and int(top.get(f"{W}w")) >= 60 and top.get(f"{W}type") == "dxa"
        # schema order inside tblPr: the cell margins come before tblLook
        children = [child.tag for child in table.find(f"{W}tblPr")]
        assert children.index(f"{W}tblCellMar") < children.index(f"{W}tblLook")


def test_docx_row_taller_than_a_page_may_split() -> None:
    from assistant.export.docx import ROW_FITS_A_PAGE

    long_text = "शब्द " * (ROW_FITS_A_PAGE // 4)
    page = ReadingPage("t", (PageBlock("paragraph", (pair("छोटा", "short"), pair(long_text, "long"))),))
    rows = _docx(page).tables[0].rows
    assert [row._tr.trPr.find(f"{W}cantSplit") is not None for row in rows] == [True, True, False]
    assert rows[2].cells[0].text == long_text


def test_docx_devanagari_is_set_larger_than_latin_text() -> None:
    from assistant.export.docx import DEVANAGARI_SCALE

    data = export_page(translated_page(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = ElementTree.fromstring(z.read("word/styles.xml"))
    sized = [rpr for rpr in styles.iter(f"{W}rPr") if rpr.find(f"{W}sz") is not None]
    names = {style.find(f"{W}name").get(f"{W}val").lower() for style in styles.iter(f"{W}style")
             if style.find(f"{W}rPr/{W}sz") is not None}  # fmt: skip
    assert {"title", "heading 1"} <= names
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}szCs") is not None
    for rpr in sized:
        latin = int(rpr.find(f"{W}sz").get(f"{W}val"))
        complex_script = int(rpr.find(f"{W}szCs").get(f"{W}val"))
        assert complex_script == round(latin * DEVANAGARI_SCALE) and complex_script > latin
        children = [child.tag for child in rpr]
        assert children.index(f"{W}szCs") == children.index(f"{W}sz") + 1


def test_docx_bold_hindi_is_bold_in_the_complex_script_slot() -> None:
    import docx

    from assistant.export.docx import _write

    document = docx.Document()
    _write(document.add_paragraph(), "शीर्षक", bold=True, italic=True)
    rpr = document.paragraphs[0].runs[0]._element.rPr
    tags = [child.tag.split("}")[1] for child in rpr]
    assert tags == ["rFonts", "b", "bCs", "i", "iCs", "lang"]


def _epub_members(page: ReadingPage) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(export_page(page, "epub"))) as z:
        return {name.rsplit("/", 1)[-1]: z.read(name).decode("utf-8") for name in z.namelist()}


def _css_rule(css: str, selector: str) -> str:
    match = re.search(rf"(?:^|}}|\n)\s*{re.escape(selector)}\s*\{{([^}}]*)\}}", css)
    assert match, selector
    return match.group(1)


def test_epub_css_sizes_devanagari_pads_cells_and_keeps_rows_whole() -> None:
    css = _epub_members(translated_page())["style.css"]
    assert "font-size: 1.2em" in _css_rule(css, ".hi")
    assert "break-inside: avoid" in _css_rule(css, "tr")
    assert "break-inside: avoid" in _css_rule(css, ".pair")
    padding = re.search(r"padding:\s*([\d.]+)em", _css_rule(css, "th, td"))
    assert padding and float(padding.group(1)) >= 0.3  # the top padding


def test_epub_marks_hindi_elements_to_be_set_larger() -> None:
    members = _epub_members(translated_page())
    article, glossary = members["article.xhtml"], members["glossary.xhtml"]
    for xml in (article, glossary):
        ElementTree.fromstring(xml)
    assert f'<h1><span class="hi" lang="hi">{TITLE_HI}</span></h1>' in article
    assert '<p class="hi" lang="hi">पुतिन के साथ मिले।</p>' in article
    assert '<p class="en" lang="en">Met with Putin.</p>' in article
    assert f"The article said {SCRIPT}" not in article  # escaped, not markup
    assert '<td class="hi" lang="hi">प्रतिबंध</td>' in glossary
    assert "<th>Grammar</th>" in glossary and "<td>noun · masculine</td>" in glossary
    assert "PROPN" not in glossary and "<td>name</td>" in glossary
    assert "<td>=cmd|' /C calc'!A0</td>" in glossary  # no Devanagari: no Hindi class


def test_epub_long_article_is_cut_into_small_chapters(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import ebooklib

    from assistant.export import epub as epub_module

    monkeypatch.setattr(epub_module, "CHAPTER_BYTES", 3000)
    sentences = [f"वाक्य संख्या {i} यहाँ है।" for i in range(60)]
    blocks = (
        PageBlock("title", (pair(TITLE_HI, "Title"),)),
        PageBlock("paragraph", tuple(pair(s, f"Sentence {i}.") for i, s in enumerate(sentences[:50]))),
        PageBlock("heading", (pair(sentences[50], "Heading"),)),
        PageBlock("paragraph", tuple(pair(s, "More.") for s in sentences[51:])),
    )
    page = ReadingPage(TITLE_HI, blocks, created="2026-11-28")
    book = _epub(export_page(page, "epub"), tmp_path)
    spine = [uid for uid, _ in book.spine]
    assert spine[:2] == ["nav", "article"] and spine[-1] == "glossary" and len(spine) > 4
    found: list[str] = []
    for uid in spine[1:-1]:
        item = book.get_item_with_id(uid)
        xml = item.get_content()
        assert len(xml) < 3000 + 1500  # one pair past the limit at most, plus the XHTML head
        root = ElementTree.fromstring(xml)
        ns = "{http://www.w3.org/1999/xhtml}"
        for block in root.iter(f"{ns}div"):
            if "block" in block.get("class", "").split():
                found += ["".join(p.itertext()) for p in block.iter(f"{ns}p") if p.get("class") == "hi"]
    assert found == sentences  # every sentence once, in order, each inside its block
    titles = [link.title for link in book.toc]
    assert titles[0] == f"{TITLE_HI} (1/{len(spine) - 2})" and titles[-1] == "Glossary"
    assert len({item.get_name() for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)}) == len(spine)
