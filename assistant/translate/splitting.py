"""Split a sentence that is too long for a model into pieces that fit, at natural joints.

A translation model has a hard input limit; cutting a sentence there would silently drop
its end. Instead the sentence is cut where a reader would pause: after a semicolon or
colon, then after a comma, then before a conjunction or relative word (और, लेकिन, कि, जो,
क्योंकि ...), and only as a last resort between words. Adjacent parts are packed back
together greedily so that the pieces stay as long (and as well translated) as possible.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Each level is tried only when the coarser ones cannot make every piece fit.
_AFTER_STRONG = re.compile(r"(?<=[;:])\s+")
_AFTER_COMMA = re.compile(r"(?<=[,،])\s+")
_CONJUNCTIONS = (
    "और",
    "तथा",
    "एवं",
    "लेकिन",
    "परंतु",
    "परन्तु",
    "किंतु",
    "किन्तु",
    "मगर",
    "बल्कि",
    "या",
    "अथवा",
    "क्योंकि",
    "ताकि",
    "इसलिए",
    "जबकि",
    "यदि",
    "अगर",
    "तो",
    "कि",
    "जो",
    "जिसे",
    "जिसने",
    "जिससे",
    "जिसमें",
    "जिसका",
    "जिसकी",
    "जिसके",
    "जिन्होंने",
    "जहाँ",
    "जहां",
    "जब",
)
_BEFORE_CONJUNCTION = re.compile(
    r"\s+(?=(?:" + "|".join(sorted(_CONJUNCTIONS, key=len, reverse=True)) + r")(?![\u0900-\u097F]))"
)
_WORD_GAP = re.compile(r"\s+")
_LEVELS = (_AFTER_STRONG, _AFTER_COMMA, _BEFORE_CONJUNCTION, _WORD_GAP)


def split_to_fit(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Return pieces of ``text`` (stripped, in order) for which ``fits`` is true.

    Joining the pieces with single spaces gives back ``text`` up to whitespace. A single
    word longer than the limit is cut between characters (never inside a combining mark).
    """
    text = text.strip()
    if not text:
        return []
    return _split(text, fits, 0)


def _split(text: str, fits: Callable[[str], bool], level: int) -> list[str]:
    if fits(text):
        return [text]
    if level >= len(_LEVELS):
        return _split_chars(text, fits)
    parts = [p for p in _LEVELS[level].split(text) if p.strip()]
    if len(parts) < 2:
        return _split(text, fits, level + 1)
    pieces: list[str] = []
    for part in _pack(parts, fits):
        pieces.extend(_split(part, fits, level + 1))
    return pieces


def _pack(parts: list[str], fits: Callable[[str], bool]) -> list[str]:
    """Greedily join neighbouring parts while the joined text still fits."""
    packed: list[str] = []
    current = ""
    for part in parts:
        part = part.strip()
        candidate = f"{current} {part}" if current else part
        if current and not fits(candidate):
            packed.append(current)
            current = part
        else:
            current = candidate
    if current:
        packed.append(current)
    return packed


def _split_chars(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Halve an unbreakable run until each half fits (a URL, a very long compound)."""
    if len(text) <= 1 or fits(text):
        return [text]
    middle = len(text) // 2
    # Move the cut forward past combining marks so no grapheme is broken.
    while middle < len(text) and unicodedata.category(text[middle]).startswith("M"):
        middle += 1
    if middle >= len(text):
        middle = len(text) // 2
        while middle > 1 and unicodedata.category(text[middle]).startswith("M"):
            middle -= 1
    return _split_chars(text[:middle], fits) + _split_chars(text[middle:], fits)
