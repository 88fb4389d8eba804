"""The gzip-compressed, line-based data files of the lexicon: reading with clear errors,
writing byte-reproducibly."""

from __future__ import annotations

import gzip
import io
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from assistant.errors import LexiconError

REBUILD = "Rebuild it with: python -m assistant lexicon build"
T = TypeVar("T")


class Shared(Generic[T]):
    """A data file parsed on first use and shared by every caller and thread afterwards,
    once per path."""

    def __init__(self, read: Callable[[Path], T], default: Path) -> None:
        self._read = read
        self._default = default
        self._lock = threading.Lock()
        self._loaded: dict[Path, T] = {}

    def __call__(self, path: Path | None = None) -> T:
        key = Path(path) if path else self._default
        with self._lock:
            if key not in self._loaded:
                self._loaded[key] = self._read(key)
            return self._loaded[key]


def read_table(path: Path, header: str, what: str) -> list[str]:
    """The lines after ``header`` in the gzip file at ``path``; ``what`` names the file in
    errors ("lexicon file"), which say how to rebuild it."""
    try:
        raw = gzip.decompress(Path(path).read_bytes()).decode("utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"The {what} {path} is missing.", REBUILD) from exc
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, gzip.BadGzipFile) as exc:
        raise LexiconError(f"The {what} {path} is damaged ({exc}).", REBUILD) from exc
    lines = raw.split("\n")
    if lines[0] != header:
        raise LexiconError(f"The {what} {path} has an unknown format.", REBUILD)
    return lines[1:]


def write_table(lines: list[str], out: Path) -> None:
    """Write lines as gzip without a time stamp, so identical inputs give identical bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_bytes(buffer.getvalue())
        tmp.replace(out)
    except OSError as exc:
        raise LexiconError(f"Cannot write {out}: {exc}.", "Choose a writable --out path.") from exc
