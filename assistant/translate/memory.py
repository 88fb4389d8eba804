"""How many input tokens one batch of the fast engine may hold, from the memory it costs.

While a batch decodes, CTranslate2 keeps, for every decoder layer, the keys and values of
the encoder output (one row per input token) and of the tokens produced so far (up to the
output budget, about two per input token), all in float32 even for int8 weights. That
state, not the weights, is what grows with the batch: with the token budget of 1,024 that
suits a small model, two parallel NLLB-600M batches hold about 600 MB on top of the
600 MB of weights, and opus-mt's state outweighs its own int8 weights.

So the token budget of a batch follows from a memory budget for the state of all
parallel translators together: ``DECODE_MEMORY_MB``, or half the weights for a large
model, which needs wider batches to spread the cost of reading its weights at every step
over more sentences. Measured through the CLI on the seed article with random-weight
models of the published shapes (the worst case: they never stop before the output
budget), peak memory fell from 307 to 227 MiB for opus-mt-hi-en and from 1,203 to
996 MiB for NLLB-600M, for about a fifth more CPU time per token on opus-mt.
"""

from __future__ import annotations

import ctypes
import json
import sys
import threading
from pathlib import Path
from typing import Any

from assistant.config import DEFAULT_DECODE_MEMORY_MB

DECODE_MEMORY_MB = DEFAULT_DECODE_MEMORY_MB
"""Decoding state of all parallel translators together, for a model of up to 160 MB
(``ASSISTANT_DECODE_MEMORY_MB`` changes it)."""
WEIGHTS_SHARE = 2
"""A larger model may hold half its weights' size in decoding state."""
OUTPUT_PER_INPUT = 2
"""Output tokens per input token that the state must hold (the output budget's slope)."""
FLOAT_BYTES = 4
MOST_TOKENS = 1024
"""The token budget of a batch when memory does not limit it."""
FEWEST_TOKENS = 128
"""Never less: narrower batches would cost more time than the memory they save is worth
(a sentence longer than the budget still goes, alone, in a batch of its own)."""
_trim_lock = threading.Lock()
_trim: list[Any] = []


def model_shape(path: Path, marker: dict) -> tuple[int, int] | None:
    """(decoder layers, model width) of a converted model: as recorded at conversion, else
    from the original folder's ``config.json`` beside it, else None."""
    layers, width = marker.get("decoder_layers"), marker.get("d_model")
    if isinstance(layers, int) and isinstance(width, int) and layers > 0 and width > 0:
        return layers, width
    source = marker.get("source")
    if not isinstance(source, str) or not source or "/" in source or "\\" in source:
        return None
    try:
        config = json.loads((Path(path).parent / source / "config.json").read_text(encoding="utf-8"))
        layers, width = config.get("decoder_layers"), config.get("d_model")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        return None
    if isinstance(layers, int) and isinstance(width, int) and layers > 0 and width > 0:
        return layers, width
    return None


def state_bytes_per_token(layers: int, width: int) -> int:
    """Decoding state one padded input token brings into a batch: keys and values in every
    decoder layer for itself and for the output tokens it allows."""
    return layers * 2 * width * FLOAT_BYTES * (1 + OUTPUT_PER_INPUT)


def memory_budget(weights_bytes: int, memory_mb: int = DECODE_MEMORY_MB) -> int:
    """Bytes of decoding state allowed to all parallel translators together."""
    return max(memory_mb * 2**20, weights_bytes // WEIGHTS_SHARE)


def batch_token_budget(
    layers: int,
    width: int,
    weights_bytes: int,
    translators: int,
    beam_size: int = 1,
    memory_mb: int = DECODE_MEMORY_MB,
) -> int:
    """Padded input tokens one batch may hold when ``translators`` batches decode at once
    (a beam search keeps ``beam_size`` hypotheses, each with its own state)."""
    share = memory_budget(weights_bytes, memory_mb) // max(1, translators)
    tokens = share // (state_bytes_per_token(layers, width) * max(1, beam_size))
    return max(FEWEST_TOKENS, min(MOST_TOKENS, tokens))


def release_free_memory() -> bool:
    """Hand the C library's free memory back to the system (glibc's ``malloc_trim``).

    The decoder's large, short-lived buffers (attention caches, logits) are freed into
    the heaps of the translator threads, where they stay as scattered free space: without
    this the process keeps the memory of its busiest moments and more. Called after each
    batch. True when memory went back; always False on other C libraries.
    """
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False


def _malloc_trim() -> Any:
    with _trim_lock:
        if not _trim:
            function = None
            if sys.platform.startswith("linux"):
                try:
                    function = ctypes.CDLL(None).malloc_trim
                    function.argtypes = (ctypes.c_size_t,)
                    function.restype = ctypes.c_int
                except (OSError, AttributeError):  # not glibc
                    function = None
            _trim.append(function)
        return _trim[0]
