"""Running one corpus case through an entry point, and judging what came back.

Shared by the tests and ``scripts/hostile_report.py``. An outcome is recorded per entry
point as "message" (the expected clear error), "page" (a correct result) or "WRONG"
(anything else; the test then fails with the reason).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import signal
import sqlite3
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import AssistantError
from assistant.types import ReadingPage
from tests.hostile.corpus import HINDI, Case, Message, Result, check_message, check_text

CASE_SECONDS = 180  # a hang guard, not a speed target: the slowest case takes a few seconds
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")
_STRING_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_RAW_TAG = re.compile(r"(?<!\\)<\s*/?\s*[A-Za-z!?]")  # a tag Markdown would pass through; \< is text

OUTCOMES: dict[str, Counter[str]] = defaultdict(Counter)
"""entry point -> outcome -> count, for the summary the test run prints."""
INPUTS: dict[str, set[str]] = defaultdict(set)


def record(entry: str, case: Case, problem: str | None) -> None:
    """Count the outcome of ``case`` at ``entry``; raise AssertionError with the problem."""
    INPUTS[entry].add(case.name)
    outcome = "WRONG" if problem else ("message" if isinstance(case.expect, Message) else "page")
    OUTCOMES[entry][outcome] += 1
    assert problem is None, f"{case.name} via {entry}: {problem}"


class Hang(Exception):
    """A case ran past the guard."""


@contextlib.contextmanager
def time_bound(seconds: float = CASE_SECONDS) -> Iterator[None]:
    """Interrupt the block with Hang after ``seconds`` (main thread only)."""

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def judge(case: Case, outcome: ReadingPage | BaseException) -> str | None:
    """What is wrong with ``outcome`` for ``case``, or None."""
    if isinstance(case.expect, Message):
        if isinstance(outcome, ReadingPage):
            return f"a page came back, expected {case.expect.describe()}"
        return check_message(case.expect, outcome)
    if isinstance(outcome, BaseException):
        return f"{type(outcome).__name__}: {outcome}, expected {case.expect.describe()}"
    return case.expect.check(outcome)


# --- the library ----------------------------------------------------------------------------


def library_page(case: Case, path: Path, tiny_model: Path | None = None) -> ReadingPage:
    """The page the library makes of the case's input (raises its AssistantError)."""
    from assistant.reader import build_reading_page, open_article

    if case.kind == "article":
        from assistant.sources import read_article

        return build_reading_page(open_article(read_article(path.read_bytes(), path.name), path.name))
    if case.kind == "saved":
        from assistant.export import load_page_json

        return load_page_json(path.read_bytes())
    from assistant.translate import load_translator

    model = path if case.kind == "model" else tiny_model
    translator = load_translator(str(model))
    return build_reading_page(open_article(HINDI, "hindi.txt"), translator)


def run_library(case: Case, path: Path, tiny_model: Path | None = None) -> ReadingPage | AssistantError:
    try:
        with time_bound():
            return library_page(case, path, tiny_model)
    except AssistantError as err:
        return err


# --- the command line ---------------------------------------------------------------------


@dataclass(frozen=True)
class CliRun:
    code: int
    stdout: bytes
    stderr: str


def run_cli(argv: Sequence[str], stdin: bytes = b"") -> CliRun:
    """``python -m assistant ARGV`` in this process, its output captured.

    Any exception other than SystemExit escaping ``main`` is what a user would see as a
    traceback; it propagates to the caller.
    """
    from assistant.cli import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        with time_bound():
            try:
                code = main(list(argv))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    out.flush()
    return CliRun(code, out.buffer.getvalue(), err.getvalue())  # type: ignore[attr-defined]


def judge_cli(case: Case, run: CliRun, output: Path | None, fmt: str) -> str | None:
    """What is wrong with a CLI run for ``case`` that wrote to ``output`` in ``fmt``."""
    if "Traceback" in run.stderr:
        return f"traceback on stderr: {run.stderr[-500:]}"
    folder = output.parent if output is not None else None
    leftovers = sorted(p.name for p in folder.iterdir() if p != output) if folder and folder.exists() else []
    if leftovers:
        return f"files left beside the output: {leftovers}"
    if isinstance(case.expect, Message):
        if run.code != 2:
            return f"exit code {run.code}, expected 2 with {case.expect.describe()}"
        lines = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
        if not lines:
            return f"no 'error:' line on stderr: {run.stderr[-300:]!r}"
        if output is not None and output.exists():
            return "an output file was written although the command failed"
        return check_text(case.expect, lines[-1])
    if run.code != 0:
        return f"exit code {run.code}: {run.stderr[-300:]}"
    data = output.read_bytes() if output is not None else run.stdout
    return check_export(case, fmt, data)


def _tabular_problem(text: str, delimiter: str) -> str | None:
    csv.field_size_limit(sys.maxsize)  # a sentence of a 20,000-character line is one cell
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL  # TSV is never quoted
    for row in csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter, quoting=quoting):
        for cell in row:
            if cell.startswith(FORMULA_PREFIXES):
                return f"a cell starts like a formula: {cell[:30]!r}"
    return None


def _markup_problem(markup: bytes) -> str | None:
    """Script that would run, or a script/data URL, in an HTML or XHTML document."""
    from lxml import html

    tree = html.document_fromstring(markup)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "script" and "__pwned" in (element.text or ""):
            kind = element.get("type", "").strip().lower()
            if kind in _DATA_SCRIPT_TYPES:
                try:  # a data block the page's own code reads: inert as long as it is only data
                    json.loads(element.text or "")
                except ValueError:
                    return "a data <script> block holding more than data"
            elif "__pwned" in _STRING_LITERAL.sub('""', element.text or ""):
                # The product's own script may carry the article as string data; the
                # article's text anywhere outside a string literal would be code.
                return "the article's script is live code in a <script> element"
        for name, value in element.attrib.items():
            lowered = value.strip().lower()
            if name.lower().startswith("on") and "__pwned" in value:
                return f"a live {name}= handler from the article"
            if name.lower() in ("href", "src", "action", "formaction", "srcdoc") and (
                lowered.startswith(("javascript:", "data:text/html")) or "__pwned" in lowered
            ):
                return f"a live {name}={value[:40]!r}"
        if element.tag == "meta" and "refresh" in element.get("http-equiv", "").lower():
            return "a meta refresh from the article"
    return None


def check_export(case: Case, fmt: str, data: bytes) -> str | None:
    """The export parses back in its own format and carries nothing that could run."""
    if not data:
        return f"empty {fmt} output"
    if fmt in ("txt", "md", "tsv", "csv", "glossary-csv", "html", "json"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return f"{fmt} output is not UTF-8 ({exc})"
        if fmt == "md" and (tag := _RAW_TAG.search(text)):
            return f"raw HTML from the article in the Markdown: {text[tag.start():tag.start() + 40]!r}"
        if fmt in ("tsv", "csv", "glossary-csv"):
            return _tabular_problem(text, "\t" if fmt == "tsv" else ",")
        if fmt == "html":
            return _markup_problem(data)
        if fmt == "json":
            from assistant.export import load_page_json

            page = load_page_json(data)
            if isinstance(case.expect, Result) and case.kind == "article":
                return case.expect.check(page)
        return None
    if fmt in ("docx", "epub", "anki"):
        if not zipfile.is_zipfile(io.BytesIO(data)):
            return f"{fmt} output is not a zip container"
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            bad = archive.testzip()
            if bad:
                return f"{fmt} member {bad} is damaged"
            if fmt == "epub":
                for name in archive.namelist():
                    if name.endswith((".xhtml", ".html")):
                        problem = _markup_problem(archive.read(name))
                        if problem:
                            return f"{name}: {problem}"
            if fmt == "anki":
                return _anki_problem(archive)
        return None
    if fmt == "pairs":  # translate --format txt
        return None if data.decode("utf-8").strip() else "no sentence pairs"
    return f"unknown format {fmt}"


def _anki_problem(archive: zipfile.ZipFile) -> str | None:
    import tempfile

    names = [n for n in archive.namelist() if n.startswith("collection.anki")]
    if not names:
        return "no collection in the Anki package"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.sqlite"
        path.write_bytes(archive.read(names[0]))
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("SELECT count(*) FROM notes").fetchone()
    return None
