"""What every engine shares about decoding: length limits, the settings report, and the
test that tells a real translation from a failed one.

Kept free of heavy imports so the fast engine can use it without torch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROCESSING_VERSION = 2
"""Bumped whenever the project's own pre- or post-processing of sentences changes the
output, so the translation memory never serves text made by older code."""

DEFAULT_POSITIONS = 512


@dataclass(frozen=True)
class EngineInfo:
    """Which engine translates and how: for the page, the CLI and the benchmark."""

    engine: str
    model: str
    family: str
    compute_type: str
    beam_size: int
    inter_threads: int
    intra_threads: int

    def describe(self) -> str:
        """One line such as ``ctranslate2 int8, 2 translators x 1 thread, greedy``."""
        search = "greedy" if self.beam_size <= 1 else f"beam {self.beam_size}"
        translators = "translator" if self.inter_threads == 1 else "translators"
        threads = "thread" if self.intra_threads == 1 else "threads"
        return (
            f"{self.engine} {self.compute_type}, {self.inter_threads} {translators} x "
            f"{self.intra_threads} {threads}, {search}"
        )


def input_limit(position_limit: int) -> int:
    """Longest input sent to the model: half the positions, leaving room for the output."""
    return max(8, (position_limit - 2) // 2)


def output_budget(longest_input: int, position_limit: int) -> int:
    """New tokens allowed for a batch: about twice the input, within the model's limit."""
    return max(4, min(2 * longest_input + 10, position_limit - 2))


_WORD = re.compile(r"\w+", re.UNICODE)


def is_degenerate(text: str) -> bool:
    """True for an output that is no translation: empty, without a letter or digit, or
    nothing but one word or short phrase said over and over (a model stuck in a loop)."""
    words = _WORD.findall(text.lower())
    if not words:
        return True
    for size in (1, 2, 3):
        if len(words) >= 4 * size and len(words) % size == 0:
            unit = words[:size]
            if all(words[i : i + size] == unit for i in range(0, len(words), size)):
                return True
    return False


def short_error(err: BaseException) -> str:
    """The first line of an exception's message, for a one-line user error."""
    text = str(err).strip().splitlines()
    first = text[0] if text else type(err).__name__
    return first[:300]
