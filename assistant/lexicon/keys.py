"""Lookup keys for Hindi words: the canonical form and a loose form for fallbacks.

The canonical form matches the segmenter: NFC, nukta letters always as base letter
plus U+093C (NFC already decomposes U+0958..U+095F; the explicit map keeps that true
even for text that bypassed normalization), no zero-width joiners.

The loose form folds spelling variants that Hindi writers use interchangeably, so a
word missing under its exact spelling can still be found: nukta dropped, candrabindu
as anusvara, a nasal consonant + virama before a consonant as anusvara, and the
-ये/-यी spellings of -ए/-ई, and a word-final virama.
"""

from __future__ import annotations

import re
import unicodedata

NUKTA = "\u093c"
_PRECOMPOSED_NUKTA = {chr(cp): unicodedata.normalize("NFD", chr(cp)) for cp in range(0x0958, 0x0960)}
_PRECOMPOSED_NUKTA.update({"\u0929": "\u0928\u093c", "\u0931": "\u0930\u093c", "\u0934": "\u0933\u093c"})
_ZERO_WIDTH = {"\u200c": None, "\u200d": None, "\ufeff": None}
_NFC_SAFE = str.maketrans({**_PRECOMPOSED_NUKTA, **_ZERO_WIDTH})

_NASAL_CLUSTER = re.compile("[ङञणनम]\u094d(?=[क-ह])")
_YE = re.compile("ये(?=$|ं)")
_YI = re.compile("यी(?=$|ं)")
_DEVANAGARI = re.compile("[\u0900-\u097f]")


def norm(text: str) -> str:
    """Canonical lookup key: NFC with decomposed nukta letters, no zero-width marks."""
    return unicodedata.normalize("NFC", text).translate(_NFC_SAFE).strip()


def loose(text: str, normalized: bool = False) -> str:
    """A key that merges common spelling variants; only used as a fallback index.
    ``normalized`` skips normalization for text that is already a canonical key."""
    key = (text if normalized else norm(text)).replace(NUKTA, "").replace("\u0901", "\u0902")
    if "य" not in key and "\u094d" not in key:
        return key  # nothing left for the slower rules below
    key = _NASAL_CLUSTER.sub("\u0902", key)
    key = _YE.sub("ए", key)
    key = _YI.sub("ई", key)
    return key[:-1] if key.endswith("\u094d") else key  # Sanskrit spellings like सम्राट्


_FUZZY = str.maketrans({"ी": "ि", "ू": "ु", "ई": "इ", "ऊ": "उ", "\u094d": None, "\u0902": None})


def fuzzy(text: str, normalized: bool = False) -> str:
    """A key looser still, for guessing what a word missing from every dictionary is a
    misspelling of: the loose key without vowel length, viramas or anusvara."""
    return loose(text, normalized).translate(_FUZZY)


def is_devanagari(text: str) -> bool:
    return bool(_DEVANAGARI.search(text))
