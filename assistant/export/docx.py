"""Word document export: a Hindi | English table sentence by sentence, and a glossary appendix.

Word picks the font for Devanagari from the complex-script slot (``w:cs``) of a run's
font settings, not from the Latin one, so Hindi runs name a Devanagari font there and
carry the ``hi-IN`` complex-script language. LibreOffice honours the same attributes and
substitutes an installed Devanagari font (such as Noto Sans Devanagari) when it lacks it.

Devanagari set at the same nominal size as Latin text looks about a fifth smaller (its
letters hang from a headline well below the Latin cap height), so every style gives
complex-script text (``w:szCs``) a size :data:`DEVANAGARI_SCALE` times its Latin size.
Tables have fixed column widths sized to their content, cell padding above and below
(vowel signs above the headline otherwise touch the rule), and rows that never split
across a page break.
"""

from __future__ import annotations

import io
from copy import deepcopy
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
from assistant.labels import term_grammar
from assistant.types import ReadingPage

HINDI_FONT = "Nirmala UI"
DEVANAGARI_SCALE = 1.2
_DEVANAGARI = range(0x0900, 0x0980)
_PAGE_MARGIN_IN = 1.0
# Column widths in inches for a 6.5 in text width (Letter, 1 in margins). The glossary's
# words never break inside: "Romanization" and long romanized names need about 1.3 in;
# grammar ("noun · masculine") wraps between its words; the count is a few digits.
PAIR_WIDTHS = (3.25, 3.25)
GLOSSARY_HEADER = ("Term", "Romanization", "Grammar", "Meaning", "Count")
GLOSSARY_WIDTHS = (1.25, 1.25, 1.5, 1.8, 0.7)
# About the most characters a half-page-wide cell holds on one page (some 35 lines of 35).
ROW_FITS_A_PAGE = 1200
_CELL_PADDING_TWIPS = {"top": 80, "bottom": 60, "left": 108, "right": 108}


def _has_devanagari(text: str) -> bool:
    return any(ord(ch) in _DEVANAGARI for ch in text)


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _set_fonts(run: Any, text: str, *, bold: bool, italic: bool) -> None:
    from docx.oxml.ns import qn

    if not _has_devanagari(text):
        return  # Latin text keeps the style's (theme) fonts
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), HINDI_FONT)
    fonts.set(qn("w:cs"), HINDI_FONT)
    # Complex-script text takes its bold and italic from bCs/iCs, not b/i. Schema order:
    # b, bCs, i, iCs come right after rFonts, lang comes last.
    anchor = fonts
    for flag, tag in ((bold, "w:bCs"), (italic, "w:iCs")):
        if flag:
            plain = rpr.find(qn(tag.replace("Cs", "")))
            anchor = plain if plain is not None else anchor
            element = _element(tag)
            anchor.addnext(element)
            anchor = element
    rpr.append(_element("w:lang", bidi="hi-IN"))


def _write(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    text = xml_safe(text)
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    _set_fonts(run, text, bold=bold, italic=italic)


def _scale_complex_script(document: Any) -> None:
    """Give complex-script text a larger size than Latin text, in the defaults and every style."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    for rpr in styles.iter(qn("w:rPr")):
        size = rpr.find(qn("w:sz"))
        if size is None:
            continue
        scaled = str(round(int(size.get(qn("w:val"))) * DEVANAGARI_SCALE))
        complex_size = rpr.find(qn("w:szCs"))
        if complex_size is None:
            complex_size = _element("w:szCs")
            size.addnext(complex_size)
        complex_size.set(qn("w:val"), scaled)


def _table_properties(table: Any) -> None:
    # Cell padding: python-docx writes tblPr with tblStyle, tblW and tblLook; tblCellMar
    # goes after tblLayout/tblW and before tblLook in the schema.
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    margins = _element("w:tblCellMar")
    for side, twips in _CELL_PADDING_TWIPS.items():
        margins.append(_element(f"w:{side}", w=str(twips), type="dxa"))
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tblpr.append(margins)


def _keep_row_together(row: Any, *, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_element("w:cantSplit"))
    if header:
        trpr.append(_element("w:tblHeader", val="true"))  # repeats on every page of a long table


def _table(document: Any, header: tuple[str, ...], rows: list[tuple[str, ...]],
           widths: tuple[float, ...]) -> Any:
    from docx.shared import Inches

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False  # fixed layout: Word and LibreOffice keep the widths below
    _table_properties(table)
    lengths = [Inches(w) for w in widths]
    for column, length in zip(table.columns, lengths, strict=True):
        column.width = length
    for cell, label, length in zip(table.rows[0].cells, header, lengths, strict=True):
        cell.width = length
        _write(cell.paragraphs[0], label, bold=True)
    _keep_row_together(table.rows[0], header=True)
    _add_rows(table, rows, lengths)
    return table


def _add_rows(table: Any, rows: list[tuple[str, ...]], lengths: list[Any]) -> None:
    """Append the body rows as copies of one prepared row.

    python-docx's ``add_row`` and cell access walk the table on every call, which makes a
    long article's table take seconds; a copied row element costs microseconds and
    carries the same properties (widths, ``cantSplit``) and run formatting.
    """
    from docx.oxml.ns import qn

    if not rows:
        return
    prototype = table.add_row()
    _keep_row_together(prototype)
    for cell, length in zip(prototype.cells, lengths, strict=True):
        cell.width = length
    row_element = prototype._tr
    tbl = row_element.getparent()
    tbl.remove(row_element)
    runs: dict[bool, Any] = {}
    for has_hindi, sample in ((False, "a"), (True, "\u0915")):
        paragraph = table.rows[0].cells[0].add_paragraph()
        _write(paragraph, sample)
        runs[has_hindi] = paragraph._p.r_lst[0]
        paragraph._p.getparent().remove(paragraph._p)
    for values in rows:
        tr = deepcopy(row_element)
        if max(len(value) for value in values) > ROW_FITS_A_PAGE:
            # Word clips a row taller than a page that may not split; such a row may split.
            tr.trPr.remove(tr.trPr.find(qn("w:cantSplit")))
        for tc, value in zip(tr.tc_lst, values, strict=True):
            text = xml_safe(value)
            run = deepcopy(runs[_has_devanagari(text)])
            run.text = text  # python-docx's setter: tabs and line breaks become w:tab, w:br
            tc.p_lst[0].append(run)
        tbl.append(tr)


def to_docx(page: ReadingPage) -> bytes:
    """A .docx with title, provenance line, sentence table and glossary appendix."""
    import docx
    from docx.shared import Inches

    document = docx.Document()
    _scale_complex_script(document)
    for section in document.sections:
        section.left_margin = section.right_margin = Inches(_PAGE_MARGIN_IN)
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
    _table(document, ("Hindi", english_label), pair_rows, PAIR_WIDTHS)

    entries = glossary_entries(page)
    if entries:
        document.add_page_break()
        _write(document.add_heading(level=1), "Glossary")
        rows = [(t.term, t.roman, term_grammar(t), meaning(t), str(t.count)) for _, t in entries]
        _table(document, GLOSSARY_HEADER, rows, GLOSSARY_WIDTHS)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
