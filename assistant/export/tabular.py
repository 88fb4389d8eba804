"""Spreadsheet exports: sentence pairs as TSV or CSV, and the glossary as CSV.

Encoding: CSV files start with a UTF-8 byte-order mark because Excel otherwise opens
them as a legacy code page and garbles Devanagari; TSV files are plain UTF-8 for the
command-line tools that read them. Both are safe to open in a spreadsheet: a text cell
that a spreadsheet would evaluate as a formula is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io

from assistant.export.common import english, glossary_entries, meaning
from assistant.labels import term_columns
from assistant.types import ReadingPage

PAIR_HEADER = ("block", "index", "hindi", "english", "kind", "model", "date")
GLOSSARY_HEADER = (
    "term", "lemma", "romanization", "pos", "gender", "meaning", "count", "first sentence",
    "first translation", "type", "model", "date",
)  # fmt: skip

# A spreadsheet treats a cell starting with one of these as a formula (or, for tab and
# CR, may shift the content into a formula position).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GLOSS_MODEL = "none: word-by-word gloss, not a translation"


def neutralize(cell: str) -> str:
    """Make a text cell inert in Excel, LibreOffice and Google Sheets."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _tsv_cell(cell: str) -> str:
    # A TSV row cannot hold tabs or line breaks; replace them so rows stay intact.
    return " ".join(neutralize(cell).replace("\t", " ").splitlines())


def _model(page: ReadingPage) -> str:
    return page.model if page.mode == "translation" and page.model else GLOSS_MODEL


def _pair_rows(page: ReadingPage) -> list[list[str]]:
    model = _model(page)
    rows: list[list[str]] = []
    index = 0
    for b, block in enumerate(page.blocks, start=1):
        for pair in block.pairs:
            index += 1
            rows.append([str(b), str(index), pair.source.text, english(pair), pair.kind, model, page.created])
    return rows


def _write(rows: list[list[str]], header: tuple[str, ...], *, tsv: bool) -> bytes:
    buffer = io.StringIO(newline="")
    if tsv:
        # Cells are already free of tabs and newlines, so no quoting is needed.
        writer = csv.writer(buffer, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None, quotechar=None,
                            lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_tsv_cell(c) for c in row])
        return buffer.getvalue().encode("utf-8")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralize(c) for c in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_tsv(page: ReadingPage) -> bytes:
    """Sentence pairs, tab-separated, UTF-8 without BOM."""
    return _write(_pair_rows(page), PAIR_HEADER, tsv=True)


def to_csv(page: ReadingPage) -> bytes:
    """Sentence pairs, comma-separated, UTF-8 with BOM (for Excel)."""
    return _write(_pair_rows(page), PAIR_HEADER, tsv=False)


def glossary_header(page: ReadingPage) -> tuple[str, ...]:
    """The glossary CSV's columns; a gloss-only reading has no "first translation" to give."""
    if page.mode == "translation":
        return GLOSSARY_HEADER
    return tuple(column for column in GLOSSARY_HEADER if column != "first translation")


def to_glossary_csv(page: ReadingPage) -> bytes:
    """The glossary, key terms first then names, as CSV (UTF-8 with BOM).

    Part of speech and gender are in words, as every other export shows them ("noun",
    "masculine"; no gender for verbs and adjectives). Columns after "first sentence" add
    the sentence's translation (only when the reading was translated: a gloss-only
    reading drops that column rather than leave it empty), whether the row is a key term
    or a name, and the model (or gloss-only) and date of the reading.
    """
    header = glossary_header(page)
    tail = [_model(page), page.created]
    rows = []
    for kind, t in glossary_entries(page):
        pos, gender = term_columns(t)
        translation = [t.first_translation] if "first translation" in header else []
        rows.append([t.term, t.lemma, t.roman, pos, gender, meaning(t), str(t.count), t.first_sentence,
                     *translation, kind, *tail])  # fmt: skip
    return _write(rows, header, tsv=False)
