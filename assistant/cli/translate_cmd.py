"""``python -m assistant translate FILE|-``: translate an article and print sentence pairs.

With no model installed (and none named) it prints the word-by-word gloss instead, and
says so on stderr. Progress goes to stderr so stdout stays clean for redirection.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.types import ReadingPage

FORMATS = ("txt", "md", "tsv", "json")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "translate",
        help="translate a Hindi article sentence by sentence",
        description="Translate a Hindi article (.txt, .md or .html; '-' reads stdin) sentence by sentence.",
    )
    parser.add_argument("file", help="article file, or - for standard input")
    parser.add_argument("--model", help="preset name, a folder under the models folder, or a model path")
    parser.add_argument(
        "--format", choices=FORMATS, default="txt", help="txt: Hindi and English lines (default)"
    )
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument("--beam-size", type=int, default=1, help="beam search width (1 = greedy, fastest)")
    parser.add_argument("--engine", default="auto", help="auto, transformers or ctranslate2")
    parser.add_argument("--no-cache", action="store_true", help="do not use the translation memory")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def read_input(file: str) -> tuple[bytes, str]:
    """The raw bytes of FILE (or stdin for '-') and a display name."""
    from assistant.errors import InputError

    if file == "-":
        return sys.stdin.buffer.read(), "stdin"
    path = Path(file)
    if not path.is_file():
        raise InputError(f"No such file: {file}.", "Check the path, or use - to read standard input.")
    return path.read_bytes(), path.name


def load_page(args: argparse.Namespace) -> ReadingPage:
    """Read, segment and translate (or gloss) the article named on the command line."""
    data, name = read_input(args.file)
    return article_page(data, name, args)


def article_page(data: bytes, name: str, args: argparse.Namespace) -> ReadingPage:
    """Segment the article in ``data`` and translate it with the model the options name,
    the installed default, or none (a word-by-word gloss, said on stderr)."""
    from assistant.reader import build_reading_page, open_article
    from assistant.sources import read_article

    article = open_article(read_article(data, name), name)
    translator = _translator(args)
    if translator is None:
        print(
            "note: no translation model installed; using a word-by-word gloss, not a translation. "
            "Get a model with: python -m assistant models download opus-mt-hi-en",
            file=sys.stderr,
        )
        return build_reading_page(article)
    bar = None if args.quiet else _progress_bar()
    last: list = []

    def on_progress(progress) -> None:
        last[:] = [progress]
        if bar is not None:
            bar.total = progress.total
            bar.n = progress.done
            bar.refresh()

    try:
        page = build_reading_page(article, translator, on_progress=on_progress)
    finally:
        if bar is not None:
            bar.close()
    if last and not args.quiet:
        p = last[0]
        summary = f"{p.done} sentences translated by {translator.name}, {p.cached} from the cache"
        print(summary, file=sys.stderr)
    return page


def _translator(args: argparse.Namespace):
    from assistant.translate import default_model, load_translator

    model = args.model or default_model()
    if model is None:
        return None
    return load_translator(model, engine=args.engine, beam_size=args.beam_size, cache=not args.no_cache)


def _progress_bar():
    from tqdm import tqdm

    return tqdm(total=0, unit="sent", desc="translating", file=sys.stderr, leave=False)


def pairs_text(page: ReadingPage) -> str:
    """Hindi line, English line, blank line: the plain sentence-pair listing."""
    lines: list[str] = []
    if page.mode == "gloss":
        lines += ["# Word-by-word gloss (no translation model installed; not a translation)", ""]
    for block in page.blocks:
        for pair in block.pairs:
            lines.append(pair.source.text)
            if pair.kind == "copy":
                lines.append("(English in the original)")
            else:
                lines.append(pair.translation or f"[gloss] {pair.gloss_line}")
            lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    page = load_page(args)
    if args.format == "txt":
        payload = pairs_text(page).encode("utf-8")
    else:
        from assistant.export import export_page

        payload = export_page(page, args.format)
    if args.output and args.output != "-":
        Path(args.output).write_bytes(payload)
    else:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    return 0
