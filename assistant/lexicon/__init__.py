"""The Hindi lexicon: dictionary data, analyzer/lemmatizer and multiword units.

Public API::

    load_lexicon(path=None) -> Lexicon          # cached per process
    Lexicon.analyse(word) -> list[Analysis]      # ranked best first
    Lexicon.info(lemma, pos=None) -> LemmaInfo | None
    find_units(tokens, lexicon=None) -> list[MultiwordUnit]
    build_lexicon(shared=None, out=None) -> Path
    norm(text) / loose(text)                     # lookup keys
"""

from __future__ import annotations

from assistant.lexicon.analyse import Lexicon
from assistant.lexicon.build import DATA_FILE, build_lexicon
from assistant.lexicon.entries import LemmaInfo, Phrase
from assistant.lexicon.keys import loose, norm
from assistant.lexicon.multiword import find_units
from assistant.lexicon.store import load_lexicon, read_lexicon

__all__ = [
    "DATA_FILE", "LemmaInfo", "Lexicon", "Phrase", "build_lexicon", "find_units", "load_lexicon",
    "loose", "norm", "read_lexicon",
]
