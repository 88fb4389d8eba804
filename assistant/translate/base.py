"""The translator interface: batching, ordering, long-sentence splitting, early stop.

A backend implements only ``_translate_batch`` (a list of short inputs to a list of
outputs). Everything the reader relies on lives here, once for all backends:

- results come back in reading order, as early as possible: a window of the next
  sentences is translated (sorted by length inside the window so batches pad little),
  then the whole window is released in order. The first window is small so the first
  sentences appear quickly.
- batches are sized by a token budget, not a fixed count.
- blank sentences come back as "" without a model call.
- a sentence longer than the model's input limit is split at clause boundaries and the
  pieces' translations are joined with a space; nothing is ever truncated silently.
- ``should_stop`` is asked between batches; when it says stop, the sentences finished so
  far (in order) are released and the iteration ends.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import TranslationError
from assistant.translate.splitting import split_to_fit
from assistant.types import Translation

ResultCallback = Callable[[int, Translation], None]
StopCheck = Callable[[], bool]


@dataclass(frozen=True)
class Batching:
    """How work is grouped: sentences per ordered window and per model call."""

    first_window: int = 4
    window: int = 32
    max_batch_size: int = 16
    max_batch_tokens: int = 2048


class Translator(ABC):
    """Base class of every translation backend.

    Subclasses set ``name`` (what the UI shows) and ``identity`` (a stable key for the
    translation cache that changes whenever the model files or decoding options change),
    and implement ``_translate_batch``. They may override ``count_tokens`` and
    ``max_input_tokens`` so that long sentences are split to fit the model.
    """

    name: str = "translator"
    identity: str = "translator"
    max_input_tokens: int | None = None
    batching: Batching = Batching()

    @abstractmethod
    def _translate_batch(self, sentences: list[str]) -> list[str]:
        """Translate non-empty inputs that fit the model; one output per input, same order."""

    def count_tokens(self, text: str) -> int:
        """Model input length of ``text``; the default is a word count plus an end marker."""
        return len(text.split()) + 1

    def close(self) -> None:  # noqa: B027 - optional hook, nothing to release by default
        """Release the model's memory (optional)."""

    def translate(
        self,
        sentences: Sequence[str],
        *,
        on_result: ResultCallback | None = None,
        should_stop: StopCheck | None = None,
    ) -> list[Translation]:
        """Translate ``sentences`` in reading order.

        ``on_result(index, translation)`` is called as each result is ready. When
        ``should_stop`` stops the job early, the list holds the finished prefix only.
        """
        results: list[Translation] = []
        for index, translation in self.iter_translate(sentences, should_stop=should_stop):
            results.append(translation)
            if on_result is not None:
                on_result(index, translation)
        return results

    def iter_translate(
        self, sentences: Sequence[str], *, should_stop: StopCheck | None = None
    ) -> Iterator[tuple[int, Translation]]:
        """Yield ``(index, translation)`` in reading order, window by window."""
        sentences = list(sentences)
        start = 0
        size = self.batching.first_window
        while start < len(sentences):
            window = sentences[start : start + size]
            done: dict[int, str] = {}
            stopped = False
            for finished in self._run_window(window, should_stop):
                if finished is None:
                    stopped = True
                    break
                done.update(finished)
            for offset in range(len(window)):
                if offset not in done:
                    return
                yield start + offset, self._result(window[offset], done[offset])
            if stopped:
                return
            start += size
            size = self.batching.window

    def _result(self, source: str, text: str) -> Translation:
        return Translation(source=source, text=text, model=self.name)

    def _run_window(
        self, window: list[str], should_stop: StopCheck | None
    ) -> Iterator[dict[int, str] | None]:
        """Translate one window; yield finished ``{offset: text}`` per batch, None on stop."""
        pieces: list[tuple[int, str]] = []
        counts: dict[str, int] = {}
        blank: dict[int, str] = {}
        owners: dict[int, int] = {}
        for offset, sentence in enumerate(window):
            if not sentence or not sentence.strip():
                blank[offset] = ""
                continue
            parts = self._pieces(sentence.strip(), counts)
            owners[offset] = len(parts)
            pieces.extend((offset, part) for part in parts)
        if blank:
            yield blank
        order = sorted(range(len(pieces)), key=lambda i: self._count(pieces[i][1], counts))
        outputs: dict[int, str] = {}
        remaining = dict(owners)
        for batch in self._batches(order, pieces, counts):
            if should_stop is not None and should_stop():
                yield None
                return
            texts = self._translate_batch([pieces[i][1] for i in batch])
            if len(texts) != len(batch):
                raise TranslationError(
                    f"the model returned {len(texts)} translations for {len(batch)} sentences",
                    "Try another model or report this model folder as broken.",
                )
            finished: dict[int, str] = {}
            for i, text in zip(batch, texts, strict=True):
                outputs[i] = text.strip()
                owner = pieces[i][0]
                remaining[owner] -= 1
                if remaining[owner] == 0:
                    parts = [outputs[j] for j in range(len(pieces)) if pieces[j][0] == owner]
                    finished[owner] = " ".join(p for p in parts if p)
            yield finished

    def _pieces(self, sentence: str, counts: dict[str, int]) -> list[str]:
        limit = self.max_input_tokens
        if limit is None or self._count(sentence, counts) <= limit:
            return [sentence]
        return split_to_fit(sentence, lambda text: self._count(text, counts) <= limit)

    def _count(self, text: str, counts: dict[str, int]) -> int:
        if text not in counts:
            counts[text] = self.count_tokens(text)
        return counts[text]

    def _batches(
        self, order: list[int], pieces: list[tuple[int, str]], counts: dict[str, int]
    ) -> Iterator[list[int]]:
        """Cut the length-sorted pieces into batches within the size and padded-token budget."""
        limits = self.batching
        batch: list[int] = []
        longest = 0
        for i in order:
            length = self._count(pieces[i][1], counts)
            wider = max(longest, length)
            if batch and (
                len(batch) >= limits.max_batch_size or wider * (len(batch) + 1) > limits.max_batch_tokens
            ):
                yield batch
                batch, wider = [], length
            batch.append(i)
            longest = wider
        if batch:
            yield batch


def folder_digest(folder: Path, names: Sequence[str] = ("config.json",)) -> str:
    """A short digest of a model folder: the named files' bytes plus every weights file's
    name, size and mtime (cheap even for multi-GB weights)."""
    digest = hashlib.sha256()
    for name in names:
        path = folder / name
        if path.is_file():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.suffix in (".safetensors", ".bin") or path.name.endswith(".index.json"):
            stat = path.stat()
            digest.update(json.dumps([path.name, stat.st_size, int(stat.st_mtime)]).encode())
    return digest.hexdigest()[:16]
