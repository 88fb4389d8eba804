"""A translation memory in SQLite, wrapped around any translator.

Rows are keyed by (the inner translator's ``identity``, the normalized source sentence),
so a model update or a different beam size never serves stale text. Hits come back with
``cached=True`` and cost no model call; only misses go to the model, and the results are
still released in reading order. The file is opened lazily and its folder created on the
first write; a damaged file is moved aside and rebuilt with a warning, never fatal.
One connection is shared behind a lock, so Streamlit sessions on several threads can use
the same translator.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

from assistant.config import get_settings
from assistant.translate.base import StopCheck, Translator
from assistant.types import Translation

log = logging.getLogger(__name__)

SCHEMA = 1
_COLUMNS = ["identity", "source", "text", "created"]
_SPACES = re.compile(r"\s+")


def normalize_source(text: str) -> str:
    """The cache key of a sentence: NFC, single spaces, no outer whitespace."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


class TranslationMemory:
    """The SQLite store behind ``CachedTranslator``; usable on its own."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def lookup(self, identity: str, sources: Sequence[str]) -> dict[str, str]:
        """Cached texts for the given normalized sources (missing ones are absent).

        Never raises: an unusable cache just means every sentence is a miss.
        """
        keys = sorted(set(sources))
        if not keys:
            return {}
        with self._lock:
            found: dict[str, str] = {}
            try:
                conn = self._connect(create=False)
                if conn is None:
                    return {}
                for start in range(0, len(keys), 500):
                    chunk = keys[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = conn.execute(
                        f"SELECT source, text FROM translations WHERE identity = ? AND source IN ({marks})",
                        [identity, *chunk],
                    ).fetchall()
                    found.update(rows)
            except (sqlite3.OperationalError, OSError) as err:  # locked, unreadable: skip the cache
                log.warning("translation cache %s not read: %s", self.path, err)
                return {}
            except sqlite3.DatabaseError as err:  # not a database, or a foreign schema
                self._rebuild(err)
                return {}
            return found

    def store(self, identity: str, items: Sequence[tuple[str, str]]) -> None:
        """Save (normalized source, text) pairs; a failure to write is logged, not raised."""
        if not items:
            return
        rows = [(identity, source, text, time.time()) for source, text in items]
        with self._lock:
            for attempt in range(2):
                try:
                    conn = self._connect(create=True)
                    assert conn is not None
                    with conn:
                        conn.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?)", rows)
                    return
                except (sqlite3.OperationalError, OSError) as err:
                    log.warning("translation cache %s not written: %s", self.path, err)
                    return
                except sqlite3.DatabaseError as err:
                    if attempt:
                        log.warning("translation cache %s not written: %s", self.path, err)
                        return
                    self._rebuild(err)

    def clear(self) -> None:
        with self._lock:
            conn = self._connect(create=False)
            if conn is not None:
                with conn:
                    conn.execute("DELETE FROM translations")

    def count(self) -> int:
        with self._lock:
            conn = self._connect(create=False)
            if conn is None:
                return 0
            return int(conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _connect(self, *, create: bool) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        if not self.path.exists() and not create:
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS translations ("
                "identity TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL, created REAL NOT NULL, "
                "PRIMARY KEY (identity, source))"
            )
            columns = [row[1] for row in conn.execute("PRAGMA table_info(translations)")]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if columns != _COLUMNS or version not in (0, SCHEMA):
                raise sqlite3.DatabaseError(f"unexpected schema (columns {columns}, version {version})")
            conn.execute(f"PRAGMA user_version = {SCHEMA}")
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _rebuild(self, err: Exception) -> None:
        """Move a damaged file (and its journal) aside so the next write starts afresh."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
        message = f"translation cache {self.path} is damaged ({err}); moved to {aside.name}, starting afresh"
        warnings.warn(message, RuntimeWarning, stacklevel=3)
        log.warning(message)
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{self.path}{suffix}")
            try:
                if part.exists():
                    part.replace(Path(f"{aside}{suffix}"))
            except OSError as move_err:
                log.warning("could not move %s aside: %s", part, move_err)


class CachedTranslator(Translator):
    """``inner`` with a persistent translation memory in front of it."""

    def __init__(self, inner: Translator, path: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.identity = inner.identity
        self.max_input_tokens = inner.max_input_tokens
        self.batching = inner.batching
        self.memory = TranslationMemory(Path(path) if path is not None else get_settings().cache_path)

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        return self.inner._translate_batch(sentences)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def close(self) -> None:
        self.memory.close()
        self.inner.close()

    def iter_translate(
        self, sentences: Sequence[str], *, should_stop: StopCheck | None = None
    ) -> Iterator[tuple[int, Translation]]:
        sentences = list(sentences)
        keys = [normalize_source(s) for s in sentences]
        known = self.memory.lookup(self.identity, [k for k in keys if k])
        # Each distinct missing sentence goes to the model once, at its first occurrence.
        misses: list[int] = []
        queued: set[str] = set()
        for index, key in enumerate(keys):
            if key and key not in known and key not in queued:
                queued.add(key)
                misses.append(index)
        pending = self.inner.iter_translate([sentences[i] for i in misses], should_stop=should_stop)
        done: dict[str, str] = {}
        fresh: list[tuple[str, str]] = []
        try:
            for index, sentence in enumerate(sentences):
                key = keys[index]
                if not key:
                    yield index, Translation(source=sentence, text="", model=self.name)
                    continue
                if key in known:
                    yield index, Translation(source=sentence, text=known[key], model=self.name, cached=True)
                    continue
                if key not in done:
                    result = next(pending, None)
                    if result is None:
                        return  # stopped early: nothing past the first unfinished sentence
                    done[key] = result[1].text
                    fresh.append((key, done[key]))
                    if len(fresh) >= 8:
                        self.memory.store(self.identity, fresh)
                        fresh = []
                yield index, Translation(source=sentence, text=done[key], model=self.name)
        finally:
            self.memory.store(self.identity, fresh)
