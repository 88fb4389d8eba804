"""One loaded model shared by several readers at once, who take turns chunk by chunk.

A server keeps one translator per model for all its sessions, behind a lock so that two
articles never compete for the same cores. Holding that lock for a whole article would make
the second reader wait until the first article is done; taking it for one chunk of
sentences at a time lets every reader see progress while the model stays busy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from typing import Any

from assistant.types import Translation


class TakingTurns:
    """``translator`` as seen by one reader: the same translator, but each chunk of an
    ``iter_translate`` run is computed while holding ``lock`` and released between chunks."""

    def __init__(self, translator: Any, lock: threading.Lock) -> None:
        self.translator = translator
        self.lock = lock

    def __getattr__(self, name: str) -> Any:
        return getattr(self.translator, name)  # name, identity, engine_info, ... as they are

    def iter_translate(self, sentences: Sequence[str], **options: Any) -> Iterator[tuple[int, Translation]]:
        results = self.translator.iter_translate(sentences, **options)
        try:
            while True:
                with self.lock:
                    item = next(results, None)
                if item is None:
                    return
                yield item
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                with self.lock:
                    close()
