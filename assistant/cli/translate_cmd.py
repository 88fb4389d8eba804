"""``python -m assistant translate FILE|-``: translate an article and print sentence pairs.

With no model installed (and none named) it prints the word-by-word gloss instead, and
says so on stderr. Progress goes to stderr so stdout stays clean for redirection. The txt
and md formats are written paragraph by paragraph, in order, as soon as each paragraph is
translated; json (and the exports) are written whole at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from assistant.files import atomic_output, write_atomic
from assistant.types import Glossary, ReadingPage

FORMATS = ("txt", "md", "tsv", "json")
STREAMED = ("txt", "md")
ENGINES = ("auto", "ctranslate2", "transformers")
COMPUTE_TYPES = ("int8", "int8_float32", "int16", "float32")


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
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="auto (default: the fast CTranslate2 engine when possible), ctranslate2 or transformers",
    )
    parser.add_argument(
        "--compute-type",
        choices=COMPUTE_TYPES,
        default=None,
        help="weights of the fast engine (default int8)",
    )
    parser.add_argument(
        "--threads", type=int, default=None, help="CPU cores to use (default: all this process may use)"
    )
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


def article_page(data: bytes, name: str, args: argparse.Namespace, on_page=None) -> ReadingPage:
    """Segment the article in ``data`` and translate it with the model the options name,
    the installed default, or none (a word-by-word gloss, said on stderr). ``on_page``
    sees each partial page while the translation runs."""
    from assistant.reader import build_reading_page, open_article
    from assistant.sources import read_article

    article = open_article(read_article(data, name), name)
    translator = _translator(args)
    if translator is None:
        print(
            "note: no translation model installed; using a word-by-word gloss, not a translation. "
            "Get a model with: python -m assistant models download opus-mt-tc-bible-big-inc",
            file=sys.stderr,
        )
        return build_reading_page(article)
    quiet = getattr(args, "quiet", False)
    if not quiet:
        print(f"translating with {translator.name}: {translator.engine_info.describe()}", file=sys.stderr)
    bar = None if quiet else _progress_bar()
    last: list = []

    def on_progress(progress) -> None:
        last[:] = [progress]
        if bar is not None:
            bar.total = progress.total
            bar.n = progress.done
            bar.refresh()
        if on_page is not None:
            on_page(progress.page)

    try:
        page = build_reading_page(article, translator, on_progress=on_progress)
    finally:
        if bar is not None:
            bar.close()
    if last and not quiet:
        p = last[0]
        failed = sum(1 for pair in page.pairs() if is_failed(pair))
        summary = f"{p.done} sentences translated by {translator.name}, {p.cached} from the cache"
        if failed:
            summary += f"; {failed} failed (the model gave no usable text)"
        print(summary, file=sys.stderr)
    return page


def _translator(args: argparse.Namespace):
    from assistant.translate import default_model, load_translator

    model = args.model or default_model()
    if model is None:
        return None
    return load_translator(
        model,
        engine=getattr(args, "engine", None),
        beam_size=args.beam_size,
        cache=not args.no_cache,
        compute_type=getattr(args, "compute_type", None),
        threads=getattr(args, "threads", None),
    )


def _progress_bar():
    from tqdm import tqdm

    return tqdm(total=0, unit="sent", desc="translating", file=sys.stderr, leave=False)


def is_failed(pair) -> bool:
    """A sentence the model was asked to translate and gave nothing usable for."""
    return pair.kind == "failed" or (pair.kind == "mt" and not pair.translation.strip())


def pairs_text(page: ReadingPage) -> str:
    """Hindi line, English line, blank line: the plain sentence-pair listing."""
    from assistant.export.common import FAILED_MARK

    lines: list[str] = []
    if page.mode == "gloss":
        lines += ["# Word-by-word gloss (no translation model installed; not a translation)", ""]
    for block in page.blocks:
        for pair in block.pairs:
            lines.append(pair.source.text)
            if pair.kind == "copy":
                lines.append("(English in the original)")
            elif is_failed(pair):
                lines.append(FAILED_MARK)
            elif pair.kind == "pending":
                lines.append("[not translated yet]")
            else:
                lines.append(pair.translation or f"[gloss] {pair.gloss_line}")
            lines.append("")
    return "\n".join(lines)


def render(page: ReadingPage, fmt: str) -> bytes:
    if fmt == "txt":
        return pairs_text(page).encode("utf-8")
    from assistant.export import export_page

    return export_page(page, fmt)


def finished_prefix(page: ReadingPage) -> ReadingPage | None:
    """The page cut after its last block whose sentences are all translated, with nothing
    pending before it; None while the title (whose English heads a Markdown page) is not
    done. Rendering it gives a prefix of the finished page's text."""
    done = 0
    for block in page.blocks:
        if any(pair.kind == "pending" for pair in block.pairs):
            break
        done += 1
    title_pending = any(
        pair.kind == "pending" for block in page.blocks if block.kind == "title" for pair in block.pairs
    )
    if title_pending:
        return None
    return replace(page, blocks=page.blocks[:done], glossary=Glossary())


class ParagraphStream:
    """Writes a txt or md page paragraph by paragraph as its prefix grows."""

    def __init__(self, out: BinaryIO, fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self.written = b""

    def update(self, page: ReadingPage) -> None:
        prefix = finished_prefix(page)
        if prefix is None or not prefix.blocks:
            return
        text = render(prefix, self.fmt).rstrip(b"\n")
        if self.fmt == "txt":
            text += b"\n"  # each pair ends its English line; the blank separator comes with the next
        self._emit(text)

    def finish(self, page: ReadingPage) -> None:
        self._emit(render(page, self.fmt))

    def _emit(self, text: bytes) -> None:
        if not text.startswith(self.written) or len(text) <= len(self.written):
            return
        self.out.write(text[len(self.written) :])
        self.out.flush()
        self.written = text


def run(args: argparse.Namespace) -> int:
    data, name = read_input(args.file)
    to_file = bool(args.output and args.output != "-")
    try:
        if args.format not in STREAMED:
            payload = render(article_page(data, name, args), args.format)
            if to_file:
                write_atomic(args.output, payload)
            else:
                sys.stdout.buffer.write(payload)
                sys.stdout.buffer.flush()
            return 0
        with atomic_output(args.output) if to_file else _stdout() as out:
            if args.format == "txt" and stream_pairs(data, name, args, out):
                return 0
            stream = ParagraphStream(out, args.format)
            page = article_page(data, name, args, on_page=stream.update)
            stream.finish(page)
    except BrokenPipeError:
        # The reader of our output went away (``| head``): stop quietly, as shell tools do,
        # and point stdout at /dev/null so the final flush at exit does not complain.
        with contextlib.suppress(OSError, AttributeError, ValueError, io.UnsupportedOperation):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:
        if not to_file:
            raise
        from assistant.errors import ExportError

        raise ExportError(f"Could not write {args.output} ({exc.strerror or exc}).",
                          "Check that the folder exists and is writable.") from exc  # fmt: skip
    return 0


def stream_pairs(data: bytes, name: str, args: argparse.Namespace, out: BinaryIO) -> bool:
    """The txt listing straight from the translator, sentence by sentence in reading order:
    it shows no glosses, so none are computed and the first sentence comes at once.
    False (nothing written) when there is no model: the gloss page is built instead."""
    # The segmenter alone, not the reader: the reader brings the lexicon and numpy, which
    # this listing never uses (and which would delay its first sentence).
    from assistant.export.common import FAILED_MARK
    from assistant.segment import segment_article
    from assistant.sources import read_article

    article = segment_article(read_article(data, name), name)
    translator = _translator(args)
    if translator is None:
        return False
    quiet = getattr(args, "quiet", False)
    if not quiet:
        print(f"translating with {translator.name}: {translator.engine_info.describe()}", file=sys.stderr)
    sentences = list(article.sentences())
    hindi = [i for i, sentence in enumerate(sentences) if sentence.lang == "hi"]
    # The fast engine gives the cross-attention almost for free: keep it in the translation
    # memory so the reading page (which aligns words with it) finds these sentences cached.
    wants = translator.engine_info.engine == "ctranslate2"
    results = translator.iter_translate([sentences[i].text for i in hindi], attention=wants)
    done: dict[int, object] = {}
    cached = failed = 0
    written = 0
    for k, result in results:
        done[hindi[k]] = result
        cached += int(result.cached)
        failed += int(result.failed)
        while written < len(sentences) and (sentences[written].lang != "hi" or written in done):
            sentence = sentences[written]
            if sentence.lang != "hi":
                english = "(English in the original)"
            else:
                translation = done.pop(written)
                english = FAILED_MARK if translation.failed else translation.text  # type: ignore[attr-defined]
            out.write((("\n" if written else "") + f"{sentence.text}\n{english}\n").encode("utf-8"))
            written += 1
        out.flush()
    while written < len(sentences):  # trailing English-only lines
        sentence = sentences[written]
        out.write(
            (("\n" if written else "") + f"{sentence.text}\n(English in the original)\n").encode("utf-8")
        )
        written += 1
    out.flush()
    if not quiet:
        summary = f"{len(hindi)} sentences translated by {translator.name}, {cached} from the cache"
        if failed:
            summary += f"; {failed} failed (the model gave no usable text)"
        print(summary, file=sys.stderr)
    return True


class _stdout:
    """Standard output as a context manager that flushes but never closes it."""

    def __enter__(self) -> BinaryIO:
        return sys.stdout.buffer

    def __exit__(self, *exc: object) -> None:
        sys.stdout.buffer.flush()
