"""Word document export: a Hindi | English table sentence by sentence, and a glossary appendix.

Word picks the font for Devanagari from the complex-script slot (``w:cs``) of a run's
font settings, not from the Latin one, so Hindi runs name a Devanagari font there and
carry the ``hi-IN`` complex-script language. LibreOffice honours the same attributes and
substitutes an installed Devanagari font (such as Noto Sans Devanagari) when it lacks it.
"""

from __future__ import annotations

import io
from typing import Any

from assistant.export.common import (
    PRODUCT,
    display_title,
    english,
    english_title,
    glossary_entries,
    meaning,
    metadata_line,
    provenance,
    xml_safe,
)
from assistant.types import ReadingPage

HINDI_FONT = "Nirmala UI"
_DEVANAGARI = range(0x0900, 0x0980)


def _has_devanagari(text: str) -> bool:
    return any(ord(ch) in _DEVANAGARI for ch in text)


def _set_fonts(run: Any, text: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if not _has_devanagari(text):
        return  # Latin text keeps the style's (theme) fonts
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), HINDI_FONT)
    fonts.set(qn("w:cs"), HINDI_FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:bidi"), "hi-IN")
    # w:lang comes after every formatting element python-docx writes, so appending keeps
    # the schema order Word insists on.
    rpr.append(lang)


def _write(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    text = xml_safe(text)
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    _set_fonts(run, text)


def _table(document: Any, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Any:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, header, strict=True):
        _write(cell.paragraphs[0], label, bold=True)
    _mark_header_row(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            _write(cell.paragraphs[0], value)
    return table


def _mark_header_row(row: Any) -> None:
    # Repeats the header on every page of a long table.
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def to_docx(page: ReadingPage) -> bytes:
    """A .docx with title, provenance line, sentence table and glossary appendix."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = xml_safe(display_title(page))[:255]
    props.author = PRODUCT
    props.language = "hi-IN"
    props.comments = xml_safe(provenance(page))

    _write(document.add_heading(level=0), display_title(page))
    eng_title = english_title(page)
    if eng_title:
        _write(document.add_paragraph(), eng_title, italic=True)
    _write(document.add_paragraph(), metadata_line(page), italic=True)

    english_label = "English gloss (not a translation)" if page.mode == "gloss" else "English"
    pair_rows = [(pair.source.text, english(pair)) for pair in page.pairs()]
    _table(document, ("Hindi", english_label), pair_rows)

    entries = glossary_entries(page)
    if entries:
        document.add_page_break()
        _write(document.add_heading(level=1), "Glossary")
        rows = [
            (t.term, t.roman, "name" if kind == "name" else t.pos, t.gender or "", meaning(t), str(t.count))
            for kind, t in entries
        ]
        _table(document, ("Term", "Romanization", "POS", "Gender", "Meaning", "Count"), rows)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
