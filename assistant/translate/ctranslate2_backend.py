"""Translate with a CTranslate2 model (int8 on the CPU): the fast engine.

A converted folder holds ``model.bin`` plus the original tokenizer files. The text ↔ token
work is done by ``assistant.translate.pieces`` (SentencePiece or the ``tokenizers``
package) and the decoding by CTranslate2, so translating never imports torch or
transformers; only converting does (``assistant.translate.convert``).

Threads: a whole article runs ``inter_threads`` translators of ``intra_threads`` each, so
several batches decode at once; a single sentence is fastest with one translator using
every core. ``layout_for`` picks between the two from the usable cores.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from assistant.config import get_settings
from assistant.errors import BackendUnavailableError, ModelInvalidError, TranslationError
from assistant.translate.base import Batching, Decoded, Translator, attention_matrix, folder_digest
from assistant.translate.decoding import (
    DEFAULT_POSITIONS,
    PROCESSING_VERSION,
    EngineInfo,
    input_limit,
    output_budget,
    short_error,
)
from assistant.translate.folder import CT2_MARKER, inspect_folder
from assistant.translate.memory import MOST_TOKENS, batch_token_budget, model_shape, release_free_memory
from assistant.translate.pieces import load_codec

INSTALL_HINT = "Install it with `pip install ctranslate2`, or use engine 'transformers'."
COMPUTE_TYPES = ("int8", "int8_float32", "int16", "float32", "default", "auto")
WORKLOADS = ("article", "sentence")


def import_ctranslate2() -> Any:
    try:
        import ctranslate2
    except ImportError as err:
        raise BackendUnavailableError("The CTranslate2 engine is not installed.", INSTALL_HINT) from err
    return ctranslate2


def layout_for(workload: str, cores: int) -> tuple[int, int]:
    """(inter_threads, intra_threads): parallel translators for an article, one wide
    translator for a single sentence (lowest latency)."""
    cores = max(1, cores)
    return (cores, 1) if workload == "article" else (1, cores)


def read_marker(path: Path) -> dict:
    """The conversion record written next to a converted model ({} when absent)."""
    try:
        data = json.loads((Path(path) / CT2_MARKER).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


class CTranslate2Translator(Translator):
    """A converted CTranslate2 model folder, decoded on the CPU."""

    supports_attention = True

    def __init__(
        self,
        path: Path,
        *,
        name: str | None = None,
        beam_size: int = 1,
        threads: int | None = None,
        compute_type: str = "int8",
        workload: str = "article",
        inter_threads: int | None = None,
        intra_threads: int | None = None,
    ) -> None:
        ctranslate2 = import_ctranslate2()
        folder = inspect_folder(Path(path))
        if folder.engine != "ctranslate2":
            raise ModelInvalidError(
                f"{folder.path} is not a CTranslate2 model (no model.bin).",
                f"Convert it first: python -m assistant models convert {folder.path.name}",
            )
        if compute_type not in COMPUTE_TYPES:
            raise ModelInvalidError(
                f"Unknown compute type '{compute_type}'.", f"Use one of: {', '.join(COMPUTE_TYPES)}."
            )
        if workload not in WORKLOADS:
            raise ModelInvalidError(f"Unknown workload '{workload}'.", f"Use one of: {', '.join(WORKLOADS)}.")
        self.folder = folder
        self.name = name or folder.path.name
        self.beam_size = max(1, int(beam_size))
        self.compute_type = compute_type
        marker = read_marker(folder.path)
        inter, intra = layout_for(workload, threads or get_settings().threads)
        self.inter_threads = max(1, inter_threads or inter)
        self.intra_threads = max(1, intra_threads or intra)
        self.parallel = self.inter_threads
        # The first sentence goes alone, so it never waits for a longer neighbour; later
        # batches hold as many tokens as their decoding state may take in memory.
        budget = batch_tokens(folder.path, self.parallel, self.beam_size, marker)
        self.batching = Batching(first_window=1, max_batch_tokens=budget)
        self.codec = load_codec(folder.path, folder.family)
        self._limit = _position_limit(folder.path, marker)
        self.max_input_tokens = input_limit(self._limit)
        # transformers spends the last allowed step on a forced end token; match it so both
        # engines give the same output for the same model.
        self._forced_eos = bool(marker.get("forced_eos"))
        self.identity = ":".join(
            (
                folder.family,
                folder_digest(folder.path),
                f"ct2-{compute_type}",
                f"beam{self.beam_size}",
                f"len2x+10/{self._limit}",
                f"p{PROCESSING_VERSION}",
            )
        )
        try:
            self.model = ctranslate2.Translator(
                str(folder.path),
                device="cpu",
                compute_type=compute_type,
                inter_threads=self.inter_threads,
                intra_threads=self.intra_threads,
            )
        except Exception as err:
            raise ModelInvalidError(
                f"The CTranslate2 model in {folder.path} could not be loaded ({short_error(err)}).",
                "Convert the model again with `python -m assistant models convert NAME`.",
            ) from err
        self._lock = threading.Lock()

    @property
    def engine_info(self) -> EngineInfo:
        return EngineInfo(
            engine="ctranslate2",
            model=self.name,
            family=self.folder.family,
            compute_type=self.compute_type,
            beam_size=self.beam_size,
            inter_threads=self.inter_threads,
            intra_threads=self.intra_threads,
        )

    def count_tokens(self, text: str) -> int:
        return self.codec.count(text)

    def _translate_batch(self, sentences: list[str], attention: bool = False) -> list[Decoded]:
        try:
            encoded = [self.codec.encode(s) for s in sentences]
            prefix = self.codec.target_prefix
            longest = max(len(e.tokens) for e in encoded)
            results = self.model.translate_batch(
                [list(e.tokens) for e in encoded],
                target_prefix=[list(prefix) for _ in encoded] if prefix else None,
                beam_size=self.beam_size,
                max_decoding_length=output_budget(longest, self._limit) - int(self._forced_eos),
                max_input_length=0,
                return_attention=attention,
            )
            outputs = []
            for source, result in zip(encoded, results, strict=True):
                tokens = list(result.hypotheses[0])
                weights = None
                if attention and result.attention:
                    weights = attention_matrix(
                        result.attention[0], source.content, source.pieces, tokens, self.codec.content(tokens)
                    )
                outputs.append(Decoded(self.codec.decode(tokens), weights))
            return outputs
        except Exception as err:
            raise TranslationError(
                f"Translation with {self.name} failed ({short_error(err)}).",
                "Try again, or convert the model again.",
            ) from err
        finally:
            release_free_memory()  # the batch's buffers go back to the system, not to a heap

    def close(self) -> None:
        with self._lock:
            model = getattr(self, "model", None)
            if model is not None:
                model.unload_model()


def _position_limit(path: Path, marker: dict) -> int:
    """The model's length limit, as recorded at conversion (older folders: the tokenizer's)."""
    limit = marker.get("position_limit")
    if isinstance(limit, int) and limit > 0:
        return limit
    try:
        config = json.loads((path / "tokenizer_config.json").read_text(encoding="utf-8"))
        value = config.get("model_max_length")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        value = None
    return value if isinstance(value, int) and 0 < value < 100_000 else DEFAULT_POSITIONS


def batch_tokens(path: Path, translators: int, beam_size: int = 1, marker: dict | None = None) -> int:
    """Padded input tokens per batch of the converted model at ``path`` when ``translators``
    batches decode at once (see ``assistant.translate.memory``)."""
    path = Path(path)
    shape = model_shape(path, read_marker(path) if marker is None else marker)
    if shape is None:
        return MOST_TOKENS  # an unknown shape: the budget that suits the small models
    try:
        weights = (path / "model.bin").stat().st_size
    except OSError:
        weights = 0
    return batch_token_budget(*shape, weights, translators, beam_size, get_settings().decode_memory_mb)
