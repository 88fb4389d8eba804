"""Records the lexicon keeps per lemma and per multiword phrase."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.types import Analysis


@dataclass(frozen=True)
class LemmaInfo:
    """What the dictionaries say about one lemma in one part of speech.

    ``line`` is the word's rendering in a word-by-word line ("" = first sense,
    "-" = left out); only hand-written closed-class entries set it. ``learned`` names the
    senses no dictionary gives, learned from parallel text by the translation table.
    """

    lemma: str
    pos: str
    gender: str | None = None
    roman: str = ""
    senses: tuple[str, ...] = ()
    example: str = ""
    sources: tuple[str, ...] = ()
    note: str = ""
    line: str = ""
    learned: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClosedEntry:
    """One hand-written closed-class form with its reading and gloss."""

    form: str
    analysis: Analysis
    info: LemmaInfo


@dataclass(frozen=True)
class Phrase:
    """A multiword dictionary entry, split into the tokens a tokenizer would produce.

    When ``verb_final`` is set, the last word is an infinitive and matches any
    inflected form of that verb.
    """

    words: tuple[str, ...]
    lemma: str
    pos: str
    senses: tuple[str, ...]
    kind: str
    verb_final: bool = False
    note: str = ""
