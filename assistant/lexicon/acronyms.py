"""Latin-letter abbreviations written in Devanagari letter names: यूएस → US, सीआईएस → CIS.

Hindi writes English abbreviations by spelling out each letter's name (एफ़बीआई for FBI),
so a word that splits completely into two or more letter names reads as an abbreviation.
Only words no dictionary knows are tried, which keeps Hindi words such as बीच or केस out.
Written with spaces (सी एन जी), each letter name is a word of its own: ``letter_name``.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.lexicon.keys import loose

_LETTER_NAMES: dict[str, tuple[str, ...]] = {
    "A": ("ए",), "B": ("बी",), "C": ("सी",), "D": ("डी",), "E": ("ई",), "F": ("एफ", "एफ़"),
    "G": ("जी",), "H": ("एच", "एच्"), "I": ("आई",), "J": ("जे",), "K": ("के",), "L": ("एल",),
    "M": ("एम",), "N": ("एन",), "O": ("ओ",), "P": ("पी",), "Q": ("क्यू",), "R": ("आर",),
    "S": ("एस",), "T": ("टी",), "U": ("यू",), "V": ("वी",), "W": ("डब्ल्यू", "डबल्यू"),
    "X": ("एक्स",), "Y": ("वाई", "वाय"), "Z": ("ज़ेड", "जेड"),
}  # fmt: skip
# matched on the loose key, so nukta and nasal spelling variants fold together
_BY_NAME = {loose(name): letter for letter, names in _LETTER_NAMES.items() for name in names}
_LONGEST = max(len(name) for name in _BY_NAME)
MIN_LETTERS = 2


@lru_cache(maxsize=4096)
def spell_acronym(word: str) -> str | None:
    """The Latin letters ``word`` spells out, or None when it is not a run of letter names."""
    key = loose(word)
    # best[i]: the letters of key[:i], preferring fewer, longer letter names
    best: list[str | None] = [None] * (len(key) + 1)
    best[0] = ""
    for end in range(1, len(key) + 1):
        for size in range(1, min(_LONGEST, end) + 1):
            start = end - size
            letter = _BY_NAME.get(key[start:end])
            if letter is None or best[start] is None:
                continue
            candidate = best[start] + letter
            if best[end] is None or len(candidate) < len(best[end]):
                best[end] = candidate
    letters = best[len(key)]
    return letters if letters is not None and len(letters) >= MIN_LETTERS else None


@lru_cache(maxsize=4096)
def letter_name(word: str) -> str | None:
    """The Latin letter ``word`` is the name of (एन → N), or None."""
    return _BY_NAME.get(loose(word))
