"""Export a ReadingPage to files people use elsewhere: text, Markdown, HTML, Word, EPUB,
spreadsheets, JSON (which reopens without a model) and Anki decks.

``FORMATS`` is the registry every front end (CLI, app buttons, README) reads: names,
labels, extensions and MIME types, all known without building anything.
``export_page`` produces the bytes of one format only when it is asked for, and
``file_name`` names the download. Heavy writers (python-docx, EbookLib, genanki, the
HTML renderer) are imported inside their format's function, so importing this package
or building one format loads nothing the others need.
"""

from __future__ import annotations

import inspect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from assistant.errors import AssistantError, ExportError
from assistant.export import anki, docx, epub, html, jsonio, tabular, text
from assistant.export.jsonio import load_page_json
from assistant.types import ReadingPage


@dataclass(frozen=True)
class ExportFormat:
    """One export format: ``function(page, **options) -> bytes``.

    ``label`` is one line describing the format (a tooltip, the CLI help); ``short`` a
    few words for a button (see ``button``). ``binary`` formats cannot go to a
    terminal; the CLI writes them to a file. ``check`` tells cheaply, without building
    anything, why a page cannot be exported in this format (see ``unavailable``).
    """

    name: str
    extension: str
    mime: str
    label: str
    function: Callable[..., bytes]
    binary: bool = False
    short: str = ""
    check: Callable[[ReadingPage], AssistantError | None] | None = None

    @property
    def button(self) -> str:
        """A short button caption with the file type: "Word (.docx)"."""
        return f"{self.short or self.name} (.{self.extension})"

    def options(self) -> tuple[str, ...]:
        """The keyword options this format accepts."""
        params = inspect.signature(self.function).parameters.values()
        return tuple(p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY)


_FORMAT_LIST = (
    ExportFormat("txt", "txt", "text/plain; charset=utf-8",
                 "English text (.txt), paragraphs kept", text.to_txt, short="English text"),
    ExportFormat("md", "md", "text/markdown; charset=utf-8",
                 "Bilingual Markdown (.md): each Hindi paragraph followed by its English", text.to_md,
                 short="Markdown"),
    ExportFormat("html", "html", "text/html; charset=utf-8",
                 "Standalone web page (.html): side by side with hover glosses, works offline",
                 html.to_html, short="Web page"),
    ExportFormat("docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "Word document (.docx): Hindi | English table and glossary appendix", docx.to_docx,
                 binary=True, short="Word"),
    ExportFormat("epub", "epub", "application/epub+zip",
                 "E-book (.epub): the bilingual article and its glossary", epub.to_epub, binary=True,
                 short="E-book"),
    ExportFormat("tsv", "tsv", "text/tab-separated-values; charset=utf-8",
                 "Sentence pairs (.tsv), one per row", tabular.to_tsv, short="Sentences"),
    ExportFormat("csv", "csv", "text/csv; charset=utf-8",
                 "Sentence pairs (.csv) for Excel and other spreadsheets", tabular.to_csv,
                 short="Sentences"),
    ExportFormat("json", "json", "application/json",
                 "Saved reading (.json): reopens later without the model", jsonio.to_json,
                 short="Saved reading"),
    ExportFormat("glossary-csv", "csv", "text/csv; charset=utf-8",
                 "Glossary (.csv): key terms and names with meanings", tabular.to_glossary_csv,
                 short="Glossary"),
    ExportFormat("anki", "apkg", "application/apkg",
                 "Anki flashcard deck (.apkg): one card per glossary term", anki.to_anki, binary=True,
                 short="Anki deck", check=anki.unavailable),
)  # fmt: skip

FORMATS: dict[str, ExportFormat] = {fmt.name: fmt for fmt in _FORMAT_LIST}


def get_format(name: str) -> ExportFormat:
    """The format called ``name``; ExportError listing the formats when there is none."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ExportError(
            f"Unknown export format {name!r}.", f"Choose one of: {', '.join(FORMATS)}."
        ) from None


_SOURCE_SUFFIX = re.compile(r"(\.(hi|en))?\.(txt|md|markdown|html?|json)$", re.IGNORECASE)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Names Windows refuses for a file whatever its extension.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)
MAX_STEM = 80


def _ascii_stem(text: str) -> str:
    """``text`` as a portable file-name stem: ASCII letters, digits, ``.``, ``_`` and ``-``."""
    if any("\u0900" <= ch <= "\u097f" for ch in text):
        from assistant.romanize import readable

        text = readable(text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE.sub("-", ascii_text).strip("-._")[:MAX_STEM].rstrip("-._")
    return "" if _RESERVED.match(stem) else stem


def file_name(page: ReadingPage, fmt: str) -> str:
    """A safe download name for ``page`` in format ``fmt``: "lukashenko-putin-glossary.csv".

    From the article's file name (without its .hi.txt/.html suffix), else its title
    (Devanagari romanized), else "reading"; never a path, a hidden file or a reserved name.
    """
    spec = get_format(fmt)
    source = _SOURCE_SUFFIX.sub("", page.source_name.replace("\\", "/").rsplit("/", 1)[-1])
    stem = _ascii_stem(source) or _ascii_stem(page.title) or "reading"
    suffix = "-glossary" if spec.name == "glossary-csv" else ""
    return f"{stem}{suffix}.{spec.extension}"


def unavailable(page: ReadingPage, fmt: str) -> AssistantError | None:
    """Why ``page`` cannot be exported as ``fmt`` (the error ``export_page`` would raise), or None.

    Cheap: a front end can disable a button or say why before anything is built.
    """
    spec = get_format(fmt)
    return spec.check(page) if spec.check is not None else None


def export_page(page: ReadingPage, fmt: str, **options: object) -> bytes:
    """The bytes of ``page`` in format ``fmt``.

    Options are per format (``table=True`` for md, ``indent`` for json, ``options`` with
    RenderOptions for html); an option the format does not take is an ExportError.
    """
    spec = get_format(fmt)
    allowed = spec.options()
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        accepted = ", ".join(allowed) or "none"
        raise ExportError(
            f"The {fmt} format has no option {', '.join(unknown)}.", f"Options it accepts: {accepted}."
        )
    try:
        return spec.function(page, **options)
    except AssistantError:
        raise
    except (ValueError, TypeError, OSError) as exc:
        # Writers reject odd content with bare exceptions; the user needs one clear line.
        raise ExportError(
            f"Could not produce the {fmt} export ({exc}).", "Try another format, or report this article."
        ) from exc


__all__ = [
    "FORMATS",
    "ExportFormat",
    "export_page",
    "file_name",
    "get_format",
    "load_page_json",
    "unavailable",
]
