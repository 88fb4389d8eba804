"""A translation memory in SQLite, wrapped around any translator.

Rows are keyed by (the inner translator's ``identity``, the normalized source sentence).
The identity covers everything that changes a translation (weights, tokenizer and
vocabulary files, engine, compute type, decoding options and the project's own
processing version), so a changed model or option never serves stale text. Hits come
back with ``cached=True`` and cost no model call; only misses go to the model, and the
results are still released in reading order. Failed (empty or degenerate) outputs are
never stored.

Several processes may share the file: it runs in WAL mode with a busy timeout, and a
write that still finds the database locked is retried. Each finished sentence is written
at once, so a job that is stopped or killed keeps everything it finished and the next
run resumes from there. The file is opened lazily and its folder created on the first
write; a damaged file is moved aside and rebuilt with a warning, never fatal.
"""

from __future__ import annotations

import json
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
from assistant.translate.decoding import EngineInfo
from assistant.types import Attention, Translation

log = logging.getLogger(__name__)

SCHEMA = 2
_COLUMNS = ["identity", "source", "text", "created", "attention"]
_OLD_COLUMNS = _COLUMNS[:4]
_SPACES = re.compile(r"\s+")
BUSY_TIMEOUT_S = 10.0
RETRIES = 5


def normalize_source(text: str) -> str:
    """The cache key of a sentence: NFC, single spaces, no outer whitespace."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def attention_to_json(attention: Attention | None) -> str | None:
    if attention is None:
        return None
    weights = [[round(w, 4) for w in row] for row in attention.weights]
    return json.dumps(
        {"s": list(attention.source_pieces), "t": list(attention.target_pieces), "w": weights},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def attention_from_json(text: str | None) -> Attention | None:
    if not text:
        return None
    try:
        data = json.loads(text)
        return Attention(
            source_pieces=tuple(str(p) for p in data["s"]),
            target_pieces=tuple(str(p) for p in data["t"]),
            weights=tuple(tuple(float(w) for w in row) for row in data["w"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


class TranslationMemory:
    """The SQLite store behind ``CachedTranslator``; usable on its own."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def lookup(self, identity: str, sources: Sequence[str]) -> dict[str, str]:
        """Cached texts for the given normalized sources (missing ones are absent)."""
        return {key: text for key, (text, _) in self.lookup_entries(identity, sources).items()}

    def lookup_entries(
        self, identity: str, sources: Sequence[str]
    ) -> dict[str, tuple[str, Attention | None]]:
        """Cached (text, attention) for the given normalized sources.

        Never raises: an unusable cache just means every sentence is a miss.
        """
        keys = sorted(set(sources))
        if not keys:
            return {}
        with self._lock:
            found: dict[str, tuple[str, Attention | None]] = {}
            try:
                conn = self._connect(create=False)
                if conn is None:
                    return {}
                for start in range(0, len(keys), 500):
                    chunk = keys[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = conn.execute(
                        "SELECT source, text, attention FROM translations "
                        f"WHERE identity = ? AND source IN ({marks})",
                        [identity, *chunk],
                    ).fetchall()
                    for source, text, attention in rows:
                        found[source] = (text, attention_from_json(attention))
            except (sqlite3.OperationalError, OSError) as err:  # locked, unreadable: skip the cache
                log.warning("translation cache %s not read: %s", self.path, err)
                return {}
            except sqlite3.DatabaseError as err:  # not a database, or a foreign schema
                self._rebuild(err)
                return {}
            return found

    def store(
        self, identity: str, items: Sequence[tuple[str, str] | tuple[str, str, Attention | None]]
    ) -> None:
        """Save (normalized source, text[, attention]) items; a failure to write is logged, not raised."""
        if not items:
            return
        now = time.time()
        rows = [
            (identity, item[0], item[1], now, attention_to_json(item[2] if len(item) > 2 else None))  # type: ignore[misc]
            for item in items
        ]
        with self._lock:
            rebuilt = False
            for attempt in range(RETRIES):
                try:
                    conn = self._connect(create=True)
                    assert conn is not None
                    with conn:
                        conn.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)", rows)
                    return
                except sqlite3.OperationalError as err:
                    if _busy(err) and attempt + 1 < RETRIES:
                        time.sleep(0.05 * (attempt + 1))  # another process holds the lock: wait, retry
                        continue
                    log.warning("translation cache %s not written: %s", self.path, err)
                    return
                except OSError as err:
                    log.warning("translation cache %s not written: %s", self.path, err)
                    return
                except sqlite3.DatabaseError as err:
                    if rebuilt:
                        log.warning("translation cache %s not written: %s", self.path, err)
                        return
                    self._rebuild(err)
                    rebuilt = True

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
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        try:
            for attempt in range(RETRIES):
                try:
                    self._prepare(conn)
                    break
                except sqlite3.OperationalError as err:
                    # Two processes creating the file at once: one waits for the other.
                    if not _busy(err) or attempt + 1 == RETRIES:
                        raise
                    time.sleep(0.05 * (attempt + 1))
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # with WAL: safe when the process is killed
        conn.execute(
            "CREATE TABLE IF NOT EXISTS translations ("
            "identity TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL, created REAL NOT NULL, "
            "attention TEXT, PRIMARY KEY (identity, source))"
        )
        columns = [row[1] for row in conn.execute("PRAGMA table_info(translations)")]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if columns == _OLD_COLUMNS and version in (0, 1):
            with conn:
                conn.execute("ALTER TABLE translations ADD COLUMN attention TEXT")
            columns = _COLUMNS
        if columns != _COLUMNS or version not in (0, 1, SCHEMA):
            raise sqlite3.DatabaseError(f"unexpected schema (columns {columns}, version {version})")
        if version != SCHEMA:
            conn.execute(f"PRAGMA user_version = {SCHEMA}")

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


def _busy(err: sqlite3.OperationalError) -> bool:
    text = str(err).lower()
    return "locked" in text or "busy" in text


class CachedTranslator(Translator):
    """``inner`` with a persistent translation memory in front of it."""

    def __init__(self, inner: Translator, path: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.identity = inner.identity
        self.max_input_tokens = inner.max_input_tokens
        self.batching = inner.batching
        self.parallel = inner.parallel
        self.supports_attention = inner.supports_attention
        self.memory = TranslationMemory(Path(path) if path is not None else get_settings().cache_path)

    @property
    def engine_info(self) -> EngineInfo:
        return self.inner.engine_info

    def _translate_batch(self, sentences: list[str], attention: bool = False):  # type: ignore[no-untyped-def]
        if attention:
            return self.inner._translate_batch(sentences, attention=True)  # type: ignore[call-arg]
        return self.inner._translate_batch(sentences)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def close(self) -> None:
        self.memory.close()
        self.inner.close()

    def iter_translate(
        self,
        sentences: Sequence[str],
        *,
        should_stop: StopCheck | None = None,
        attention: bool = False,
    ) -> Iterator[tuple[int, Translation]]:
        sentences = list(sentences)
        keys = [normalize_source(s) for s in sentences]
        want = attention and self.supports_attention
        known = self.memory.lookup_entries(self.identity, [k for k in keys if k])
        if want:
            # A row stored without attention cannot answer a request for it.
            known = {k: v for k, v in known.items() if v[1] is not None}
        # Each distinct missing sentence goes to the model once, at its first occurrence.
        misses: list[int] = []
        queued: set[str] = set()
        for index, key in enumerate(keys):
            if key and key not in known and key not in queued:
                queued.add(key)
                misses.append(index)
        pending = self.inner.iter_translate(
            [sentences[i] for i in misses], should_stop=should_stop, attention=attention
        )
        done: dict[str, Translation] = {}
        for index, sentence in enumerate(sentences):
            key = keys[index]
            if not key:
                yield index, Translation(source=sentence, text="", model=self.name)
                continue
            if key in known:
                text, weights = known[key]
                yield (
                    index,
                    Translation(
                        source=sentence,
                        text=text,
                        model=self.name,
                        cached=True,
                        attention=weights if attention else None,
                    ),
                )
                continue
            if key not in done:
                result = next(pending, None)
                if result is None:
                    return  # stopped early: nothing past the first unfinished sentence
                done[key] = result[1]
                if not result[1].failed:
                    # At once: a stopped or killed job keeps every sentence it finished.
                    self.memory.store(self.identity, [(key, result[1].text, result[1].attention)])
            fresh = done[key]
            yield (
                index,
                Translation(
                    source=sentence,
                    text=fresh.text,
                    model=self.name,
                    attention=fresh.attention,
                    failed=fresh.failed,
                ),
            )
