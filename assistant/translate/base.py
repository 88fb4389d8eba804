"""The translator interface: batching, ordering, long-sentence splitting, early stop.

A backend implements only ``_translate_batch`` (a list of short inputs to a list of
outputs). Everything the reader relies on lives here, once for all backends:

- the article is cut into chunks of consecutive sentences (reading order) within a token
  budget; the first chunk is small so the first sentences appear quickly. Inside a chunk
  the inputs are sorted by length into batches that pad little.
- a backend that can run several batches at once (``parallel`` > 1, the CTranslate2
  engine with several translators) gets that many chunks in flight; each chunk's
  sentences are released as soon as it and every chunk before it are done, so no
  sentence waits for a slower chunk after it.
- blank sentences come back as "" without a model call.
- a sentence longer than the model's input limit is split at clause boundaries and the
  pieces' translations are joined with a space; nothing is ever truncated silently.
- an empty or degenerate output is a failed translation (``Translation.failed``), never
  passed off as text.
- ``should_stop`` is asked between chunks; when it says stop, the sentences finished so
  far (in order) are released and the iteration ends.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import TranslationError
from assistant.translate.decoding import EngineInfo, is_degenerate
from assistant.translate.splitting import split_to_fit
from assistant.types import Attention, Translation

ResultCallback = Callable[[int, Translation], None]
StopCheck = Callable[[], bool]


@dataclass(frozen=True)
class Batching:
    """How work is grouped.

    ``first_window``: sentences in the first chunk (small: the reader sees text early);
    ``window``: most sentences in any later chunk; ``max_batch_size`` and
    ``max_batch_tokens``: most inputs and padded input tokens per model call, and the
    token budget of a chunk.
    """

    first_window: int = 2
    window: int = 16
    max_batch_size: int = 16
    max_batch_tokens: int = 1024


@dataclass(frozen=True)
class Decoded:
    """A backend's output for one input: text and, when asked for, its attention."""

    text: str
    attention: Attention | None = None


class Translator(ABC):
    """Base class of every translation backend.

    Subclasses set ``name`` (what the UI shows) and ``identity`` (a stable key for the
    translation cache that changes whenever the model files or decoding options change),
    and implement ``_translate_batch``. They may override ``count_tokens`` and
    ``max_input_tokens`` so that long sentences are split to fit the model, and set
    ``parallel`` when several batches can run at once.
    """

    name: str = "translator"
    identity: str = "translator"
    max_input_tokens: int | None = None
    batching: Batching = Batching()
    parallel: int = 1
    supports_attention: bool = False

    @property
    def engine_info(self) -> EngineInfo:
        """The engine and settings in use (backends report their own)."""
        return EngineInfo(
            engine=type(self).__name__,
            model=self.name,
            family="",
            compute_type="-",
            beam_size=1,
            inter_threads=self.parallel,
            intra_threads=1,
        )

    @abstractmethod
    def _translate_batch(self, sentences: list[str]) -> Sequence[str | Decoded]:
        """Translate non-empty inputs that fit the model; one output per input, same order.

        Backends with ``supports_attention`` also accept ``attention=True`` and then
        return ``Decoded`` items carrying the cross-attention."""

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
        attention: bool = False,
    ) -> list[Translation]:
        """Translate ``sentences`` in reading order.

        ``on_result(index, translation)`` is called as each result is ready. When
        ``should_stop`` stops the job early, the list holds the finished prefix only.
        With ``attention=True`` each translation carries its cross-attention when the
        engine can give it.
        """
        results: list[Translation] = []
        for index, translation in self.iter_translate(
            sentences, should_stop=should_stop, attention=attention
        ):
            results.append(translation)
            if on_result is not None:
                on_result(index, translation)
        return results

    def iter_translate(
        self,
        sentences: Sequence[str],
        *,
        should_stop: StopCheck | None = None,
        attention: bool = False,
    ) -> Iterator[tuple[int, Translation]]:
        """Yield ``(index, translation)`` in reading order, chunk by chunk."""
        sentences = list(sentences)
        counts: dict[str, int] = {}
        parts: list[list[str]] = []
        for sentence in sentences:
            text = sentence.strip() if sentence else ""
            parts.append(self._pieces(text, counts) if text else [])
        chunks = self._chunks(parts, counts)
        want = attention and self.supports_attention
        if self.parallel <= 1:
            yield from self._iter_serial(sentences, parts, chunks, counts, should_stop, want)
            return
        yield from self._iter_parallel(sentences, parts, chunks, counts, should_stop, want)

    def _iter_serial(
        self,
        sentences: list[str],
        parts: list[list[str]],
        chunks: list[list[int]],
        counts: dict[str, int],
        should_stop: StopCheck | None,
        attention: bool,
    ) -> Iterator[tuple[int, Translation]]:
        for chunk in chunks:
            if should_stop is not None and should_stop():
                return
            outputs = self._run_chunk(chunk, parts, counts, attention)
            for index in chunk:
                yield index, self._result(sentences[index], outputs.get(index, []))

    def _iter_parallel(
        self,
        sentences: list[str],
        parts: list[list[str]],
        chunks: list[list[int]],
        counts: dict[str, int],
        should_stop: StopCheck | None,
        attention: bool,
    ) -> Iterator[tuple[int, Translation]]:
        executor = ThreadPoolExecutor(max_workers=self.parallel, thread_name_prefix="translate")
        pending: list[Future[dict[int, list[Decoded]]]] = []
        submitted = 0
        try:
            for chunk in chunks:
                # Keep every worker busy, and one chunk queued so none idles between chunks.
                while submitted < len(chunks) and len(pending) <= self.parallel:
                    if should_stop is not None and should_stop():
                        break
                    pending.append(
                        executor.submit(self._run_chunk, chunks[submitted], parts, counts, attention)
                    )
                    submitted += 1
                if not pending:
                    return
                outputs = pending.pop(0).result()
                for index in chunk:
                    yield index, self._result(sentences[index], outputs.get(index, []))
        finally:
            for future in pending:
                future.cancel()
            executor.shutdown(wait=False, cancel_futures=True)

    def _result(self, source: str, outputs: list[Decoded]) -> Translation:
        if not source or not source.strip():
            return Translation(source=source, text="", model=self.name)
        text = " ".join(o.text for o in outputs if o.text)
        failed = is_degenerate(text)
        return Translation(
            source=source,
            text="" if failed else text,
            model=self.name,
            attention=None if failed else join_attention([o.attention for o in outputs]),
            failed=failed,
        )

    def _run_chunk(
        self, chunk: list[int], parts: list[list[str]], counts: dict[str, int], attention: bool
    ) -> dict[int, list[Decoded]]:
        """Translate every piece of the chunk's sentences; outputs per sentence, in piece order."""
        pieces = [(index, k, text) for index in chunk for k, text in enumerate(parts[index])]
        order = sorted(range(len(pieces)), key=lambda i: self._count(pieces[i][2], counts))
        found: dict[tuple[int, int], Decoded] = {}
        for batch in self._batches(order, [p[2] for p in pieces], counts):
            texts = [pieces[i][2] for i in batch]
            raw = self._translate_batch(texts, attention=True) if attention else self._translate_batch(texts)  # type: ignore[call-arg]
            if len(raw) != len(batch):
                raise TranslationError(
                    f"the model returned {len(raw)} translations for {len(batch)} sentences",
                    "Try another model or report this model folder as broken.",
                )
            for i, item in zip(batch, raw, strict=True):
                decoded = item if isinstance(item, Decoded) else Decoded(str(item))
                found[pieces[i][:2]] = Decoded(decoded.text.strip(), decoded.attention)
        outputs: dict[int, list[Decoded]] = {}
        for index in chunk:
            outputs[index] = [found[(index, k)] for k in range(len(parts[index]))]
        return outputs

    def _pieces(self, sentence: str, counts: dict[str, int]) -> list[str]:
        limit = self.max_input_tokens
        if limit is None or self._count(sentence, counts) <= limit:
            return [sentence]
        return split_to_fit(sentence, lambda text: self._count(text, counts) <= limit)

    def _count(self, text: str, counts: dict[str, int]) -> int:
        if text not in counts:
            counts[text] = self.count_tokens(text)
        return counts[text]

    def _chunks(self, parts: list[list[str]], counts: dict[str, int]) -> list[list[int]]:
        """Consecutive sentences, in reading order, within the chunk limits (blank ones
        travel with their neighbours: they cost nothing)."""
        limits = self.batching
        chunks: list[list[int]] = []
        chunk: list[int] = []
        tokens = 0
        for index, pieces in enumerate(parts):
            size = sum(self._count(p, counts) for p in pieces)
            most = limits.first_window if not chunks else limits.window
            real = sum(1 for i in chunk if parts[i])
            if chunk and pieces and (real >= most or tokens + size > limits.max_batch_tokens):
                chunks.append(chunk)
                chunk, tokens = [], 0
            chunk.append(index)
            tokens += size
        if chunk:
            chunks.append(chunk)
        return chunks

    def _batches(self, order: list[int], texts: list[str], counts: dict[str, int]) -> Iterator[list[int]]:
        """Cut the length-sorted inputs into batches within the size and padded-token budget."""
        limits = self.batching
        batch: list[int] = []
        longest = 0
        for i in order:
            length = self._count(texts[i], counts)
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


def join_attention(parts: Sequence[Attention | None]) -> Attention | None:
    """One attention for a sentence translated in pieces: the pieces' matrices side by side
    on the diagonal (a target piece of one part never attends to another part)."""
    if not parts or any(p is None for p in parts):
        return None
    if len(parts) == 1:
        return parts[0]
    sources: list[str] = []
    targets: list[str] = []
    rows: list[tuple[float, ...]] = []
    width = sum(len(p.source_pieces) for p in parts if p is not None)
    offset = 0
    for part in parts:
        assert part is not None
        sources.extend(part.source_pieces)
        targets.extend(part.target_pieces)
        for row in part.weights:
            full = [0.0] * width
            full[offset : offset + len(row)] = row
            rows.append(tuple(full))
        offset += len(part.source_pieces)
    return Attention(source_pieces=tuple(sources), target_pieces=tuple(targets), weights=tuple(rows))


def attention_matrix(
    rows: Sequence[Sequence[float]],
    source_keep: Sequence[int],
    source_pieces: Sequence[str],
    target_tokens: Sequence[str],
    target_keep: Sequence[int],
) -> Attention:
    """Cut a raw attention matrix (rows: output tokens, columns: input tokens, special ones
    included) down to the real pieces (``source_pieces`` are the pieces at the
    ``source_keep`` columns); each kept row is renormalized to sum to 1 over the kept
    source pieces, since the mass on ``</s>`` and language tags says nothing about which
    word matches which."""
    weights: list[tuple[float, ...]] = []
    for j in target_keep:
        row = rows[j] if j < len(rows) else ()
        kept = [float(row[i]) if i < len(row) else 0.0 for i in source_keep]
        total = sum(kept)
        weights.append(tuple(w / total for w in kept) if total > 0 else tuple(kept))
    return Attention(
        source_pieces=tuple(source_pieces),
        target_pieces=tuple(target_tokens[j] for j in target_keep),
        weights=tuple(weights),
    )


FOLDER_FILES = (
    "config.json",
    "generation_config.json",
    "source.spm",
    "target.spm",
    "vocab.json",
    "shared_vocabulary.json",
    "shared_vocabulary.txt",
    "sentencepiece.bpe.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "assistant_model.json",
)
"""Files whose bytes decide a translation besides the weights: configuration, tokenizer
and vocabulary (the converted model's own vocabulary too)."""


def folder_digest(folder: Path, names: Sequence[str] = FOLDER_FILES) -> str:
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
