"""Word alignment between a Hindi sentence and its English side.

The English side is cut into words by ``english_words``; alignment links
(``AlignmentLink``) index those words, so the renderer and the exports can draw links
without tokenizing English themselves.
"""

from __future__ import annotations

import re

_ENGLISH_WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


def english_words(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans ``(start, end)`` of the words of an English text, in order.

    A word is a run of letters or digits, with inner apostrophes, hyphens, dots and
    commas kept ("don't", "1,000", "U.S", "well-known").
    """
    return tuple(match.span() for match in _ENGLISH_WORD.finditer(text))
