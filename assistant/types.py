"""The data every part of the assistant exchanges: immutable dataclasses.

Offsets (``start``/``end``) always point into ``Article.source``, the text exactly
as the user gave it, so a view can map any token or sentence back to the original.
``text`` fields hold the normalized form (NFC, unified nukta letters, tidy spaces).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

TokenKind = Literal["word", "number", "punct", "latin", "symbol"]
"""word: a Devanagari word; latin: a word in Latin script; number: digits in either script."""

Lang = Literal["hi", "en", "other"]
"""Language of a sentence or line, from its script: only ``hi`` goes to the Hindi model."""

BlockKind = Literal[
    "title", "standfirst", "date", "byline", "caption", "credit", "heading", "paragraph"
]

TranslationKind = Literal["mt", "gloss", "copy", "pending", "failed"]
"""mt: machine translation; gloss: word-by-word gloss only (no model);
copy: the source was already English; pending: not translated yet (job stopped or running);
failed: the model gave no usable text (``Translation.failed``): show it as failed, never as a gloss."""

PageMode = Literal["translation", "gloss"]


@dataclass(frozen=True)
class Token:
    """One token of a sentence; never splits a grapheme cluster."""

    text: str
    kind: TokenKind
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence (or one line such as a caption), with its tokens."""

    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    lang: Lang = "hi"


@dataclass(frozen=True)
class Block:
    """A structural unit of an article: the title, a paragraph, a caption line..."""

    kind: BlockKind
    sentences: tuple[Sentence, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A segmented article. ``source`` is the original text all offsets refer to."""

    source: str
    blocks: tuple[Block, ...]
    name: str = ""

    @property
    def title(self) -> str:
        for block in self.blocks:
            if block.kind == "title":
                return " ".join(s.text for s in block.sentences)
        return ""

    def sentences(self) -> Iterator[Sentence]:
        for block in self.blocks:
            yield from block.sentences


@dataclass(frozen=True)
class Analysis:
    """One morphological reading of a word form.

    pos uses Universal Dependencies tags (NOUN, PROPN, VERB, AUX, ADJ, ADV, ADP, PRON,
    DET, NUM, CCONJ, SCONJ, PART, INTJ, PUNCT, X). gender: "m"/"f"; number: "sg"/"pl";
    case: "dir"/"obl"/"voc"/"erg"; person: "1"/"2"/"3"; tense: tense/aspect such as
    "inf", "perf", "impf", "prog", "fut", "subj", "imp", "pres", "past".
    """

    lemma: str
    pos: str
    gender: str | None = None
    number: str | None = None
    case: str | None = None
    person: str | None = None
    tense: str | None = None
    source: str = ""


@dataclass(frozen=True)
class MultiwordUnit:
    """A unit glossed as one: compound postposition, conjunct or compound verb, phrase.

    ``start_token``/``end_token`` index the sentence's tokens (end exclusive).
    """

    text: str
    lemma: str
    senses: tuple[str, ...]
    kind: str
    start_token: int
    end_token: int
    note: str = ""


@dataclass(frozen=True)
class Gloss:
    """What a reader sees when hovering one token."""

    text: str
    lemma: str
    roman: str
    roman_strict: str
    pos: str
    gender: str | None = None
    senses: tuple[str, ...] = ()
    note: str = ""
    unit: MultiwordUnit | None = None
    known: bool = False
    is_name: bool = False
    analysis: Analysis | None = None
    aligned: tuple[str, ...] = ()
    borrowed: bool = False  # senses found by the word's sound: an English loanword or name


@dataclass(frozen=True)
class Attention:
    """Cross-attention of one translation, on the model's own subword pieces.

    ``weights[j][i]`` is how much target piece ``j`` attends to source piece ``i``
    (averaged over heads); pieces are SentencePiece strings with their "▁" word marks,
    without special tokens (language tags, ``</s>``).
    """

    source_pieces: tuple[str, ...]
    target_pieces: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]


@dataclass(frozen=True)
class Translation:
    """A translator's answer for one source sentence."""

    source: str
    text: str
    model: str
    cached: bool = False
    attention: Attention | None = None
    failed: bool = False
    """True when the model gave no usable text (empty or degenerate output); ``text`` is "" then."""


@dataclass(frozen=True)
class AlignmentLink:
    """One link between a Hindi token and an English word of a sentence pair.

    ``source`` indexes ``SentencePair.source.tokens``; ``target`` indexes the words that
    ``assistant.align.english_words(SentencePair.translation)`` returns. Links are
    many-to-many: a word may take part in several. ``origin`` names the evidence
    ("table", "lexicon", "name", "number", "attention", ...).
    """

    source: int
    target: int
    confidence: float
    origin: str = ""


@dataclass(frozen=True)
class SentencePair:
    """A source sentence with its English side and one gloss per source token."""

    source: Sentence
    translation: str
    kind: TranslationKind
    glosses: tuple[Gloss, ...] = ()
    gloss_line: str = ""
    links: tuple[AlignmentLink, ...] = ()


@dataclass(frozen=True)
class PageBlock:
    """A block of the reading page: the article block's sentences, paired."""

    kind: BlockKind
    pairs: tuple[SentencePair, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    """A key term of an article (a lemma or a multiword unit)."""

    term: str
    lemma: str
    roman: str
    pos: str
    gender: str | None
    senses: tuple[str, ...]
    count: int
    first_sentence: str
    first_translation: str = ""
    forms: tuple[str, ...] = ()
    score: float = 0.0
    is_name: bool = False
    roman_strict: str = ""


@dataclass(frozen=True)
class Glossary:
    """An article's key terms ranked by salience, and the names it mentions."""

    terms: tuple[GlossaryTerm, ...] = ()
    names: tuple[GlossaryTerm, ...] = ()


SCHEMA_VERSION = 2
"""Version of the saved-reading (JSON) layout: 2 adds ``SentencePair.links``; 1 still reads."""


@dataclass(frozen=True)
class ReadingPage:
    """The one object every view and export reads.

    ``model`` names the model that produced the translations, or is None when the
    page is a gloss-only rendering. ``created`` is an ISO-8601 date.
    """

    title: str
    blocks: tuple[PageBlock, ...]
    glossary: Glossary = field(default_factory=Glossary)
    model: str | None = None
    mode: PageMode = "gloss"
    created: str = ""
    source_name: str = ""

    def pairs(self) -> Iterator[SentencePair]:
        for block in self.blocks:
            yield from block.pairs
