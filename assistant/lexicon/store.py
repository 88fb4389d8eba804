"""Load the committed lexicon file into memory once per process."""

from __future__ import annotations

import gzip
import threading
import zlib
from pathlib import Path

from assistant.errors import LexiconError
from assistant.lexicon.analyse import Lexicon
from assistant.lexicon.build import DATA_FILE, FORMAT_HEADER
from assistant.lexicon.closed_class import CLOSED_CLASS_FILE, read_closed_class
from assistant.lexicon.entries import LemmaInfo

_REBUILD = "Rebuild it with: python -m assistant lexicon build"
_lock = threading.Lock()
_loaded: dict[Path, Lexicon] = {}


def read_lexicon(path: Path = DATA_FILE, closed_path: Path = CLOSED_CLASS_FILE) -> Lexicon:
    """Parse a lexicon file (no caching)."""
    try:
        raw = gzip.decompress(Path(path).read_bytes()).decode("utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"The lexicon file {path} is missing.", _REBUILD) from exc
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, gzip.BadGzipFile) as exc:
        raise LexiconError(f"The lexicon file {path} is damaged ({exc}).", _REBUILD) from exc
    lines = raw.split("\n")
    if not lines or lines[0] != FORMAT_HEADER:
        raise LexiconError(f"The lexicon file {path} has an unknown format.", _REBUILD)
    lemmas: dict[str, list[LemmaInfo]] = {}
    forms: dict[str, str] = {}
    try:
        for line in lines[1:]:
            if not line:
                continue
            if line[0] == "F":
                _, form, packed = line.split("\t")
                forms[form] = packed
            else:
                _, lemma, pos, gender, roman, senses, example, sources = line.split("\t")
                record = LemmaInfo(lemma, pos, gender or None, roman,
                                   tuple(senses.split(" | ")) if senses else (), example,
                                   tuple(sources.split(",")))
                lemmas.setdefault(lemma, []).append(record)
    except ValueError as exc:
        raise LexiconError(f"The lexicon file {path} is damaged (bad line).", _REBUILD) from exc
    return Lexicon(lemmas, forms, read_closed_class(closed_path))


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon, loaded on first use and shared afterwards."""
    key = Path(path) if path else DATA_FILE
    with _lock:
        if key not in _loaded:
            _loaded[key] = read_lexicon(key)
        return _loaded[key]
