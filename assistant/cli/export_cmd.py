"""``python -m assistant export FILE --format F``: save an article, or a saved reading, in another format.

FILE is a Hindi article (.txt, .md, .html; '-' reads stdin), translated with the named
model, the installed default, or else glossed word by word; or a reading saved earlier
as JSON, which needs no model at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.export import FORMATS
from assistant.types import ReadingPage

_EPILOG = """\
output: text formats (txt, md, html, tsv, csv, json, glossary-csv) go to standard output
unless -o is given. Binary formats (docx, epub, anki) need a file: without -o they are
written to STEM.EXT in the current folder (for example article.docx); '-o -' sends any
format to standard output.

formats:
""" + "\n".join(f"  {spec.name:<13} {spec.label}" for spec in FORMATS.values())


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export an article or a saved reading (txt, md, html, docx, epub, tsv, csv, json, anki...)",
        description="Export a Hindi article, or a reading saved as .json, in another format.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", help="article (.txt, .md, .html), saved reading (.json), or - for stdin")
    parser.add_argument("--format", "-f", required=True, choices=list(FORMATS), metavar="FORMAT",
                        help="one of: " + ", ".join(FORMATS))
    parser.add_argument("-o", "--output", help="output file, or - for standard output (see below)")
    parser.add_argument("--model", help="preset name, a folder under the models folder, or a model path")
    parser.add_argument("--table", action="store_true", help="md: a two-column Hindi | English table")
    parser.add_argument("--beam-size", type=int, default=1, help="beam search width (1 = greedy, fastest)")
    parser.add_argument("--engine", default="auto", help="auto, transformers or ctranslate2")
    parser.add_argument("--no-cache", action="store_true", help="do not use the translation memory")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)  # fmt: skip


def _is_saved_reading(file: str, data: bytes) -> bool:
    if file.lower().endswith(".json"):
        return True
    return file == "-" and data.lstrip()[:1] == b"{"


def load(args: argparse.Namespace) -> ReadingPage:
    """The page to export: a saved reading as is, or the article read and translated/glossed."""
    from assistant.cli.translate_cmd import article_page, read_input

    data, name = read_input(args.file)
    if _is_saved_reading(args.file, data):
        from assistant.export import load_page_json

        if args.model:
            print("note: --model is ignored for a saved reading; it keeps its own translation.",
                  file=sys.stderr)  # fmt: skip
        return load_page_json(data)
    return article_page(data, name, args)


def _destination(args: argparse.Namespace) -> Path | None:
    """Where to write, or None for standard output."""
    spec = FORMATS[args.format]
    if args.output == "-":
        return None
    if args.output:
        return Path(args.output)
    if not spec.binary:
        return None
    stem = "reading" if args.file == "-" else Path(args.file).stem
    return Path.cwd() / f"{stem}.{spec.extension}"


def run(args: argparse.Namespace) -> int:
    from assistant.errors import ExportError
    from assistant.export import export_page
    from assistant.files import write_atomic

    page = load(args)
    options = {"table": True} if args.table and args.format == "md" else {}
    payload = export_page(page, args.format, **options)
    target = _destination(args)
    if target is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return 0
    try:
        write_atomic(target, payload)
    except OSError as exc:
        raise ExportError(f"Could not write {target} ({exc.strerror or exc}).",
                          "Check that the folder exists and is writable.") from exc  # fmt: skip
    if FORMATS[args.format].binary or not args.quiet:
        print(f"wrote {target} ({len(payload):,} bytes)", file=sys.stderr)
    return 0
