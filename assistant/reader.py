"""Compose a ReadingPage: the only place where segmentation, translation and glossing meet.

``build_reading_page`` glosses every Hindi sentence first (cheap, no model needed), then,
when a translator is given, streams translations in reading order and reports each step
through ``on_progress`` with a partial page, so a view can show sentences as they arrive.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from assistant.align import align_pair
from assistant.gloss import gloss_line, gloss_sentence
from assistant.glossary import build_glossary
from assistant.segment import segment_article
from assistant.types import Article, PageBlock, ReadingPage, SentencePair

if TYPE_CHECKING:
    from assistant.translate.base import Translator


@dataclass(frozen=True)
class Progress:
    """One step of a translation job. ``page`` is the page so far: untranslated
    sentences have kind "pending"."""

    done: int
    total: int
    elapsed: float
    eta: float | None
    page: ReadingPage
    cached: int = 0


def open_article(text: str, name: str = "") -> Article:
    """Normalize and segment an article; raises InputError for unusable text."""
    return segment_article(text, name)


def _initial_pair(sentence, translating: bool) -> SentencePair:
    if sentence.lang != "hi":
        return SentencePair(source=sentence, translation=sentence.text, kind="copy")
    glosses = gloss_sentence(sentence)
    return SentencePair(
        source=sentence,
        translation="",
        kind="pending" if translating else "gloss",
        glosses=glosses,
        gloss_line=gloss_line(glosses),
    )


def build_reading_page(
    article: Article,
    translator: Translator | None = None,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ReadingPage:
    """Pair every sentence of ``article`` with its English side.

    Without a translator the page is a gloss-only rendering (``mode == "gloss"``): each
    Hindi sentence carries a word-by-word gloss line and no translation.
    """
    translating = translator is not None
    # Flat list of pairs in reading order plus the block each belongs to.
    pairs: list[SentencePair] = []
    block_of: list[int] = []
    for b, block in enumerate(article.blocks):
        for sentence in block.sentences:
            pairs.append(_initial_pair(sentence, translating))
            block_of.append(b)

    base = ReadingPage(
        title=article.title,
        blocks=(),
        model=translator.name if translator else None,
        mode="translation" if translating else "gloss",
        created=(today or date.today()).isoformat(),
        source_name=article.name,
    )

    def assemble(with_glossary: bool) -> ReadingPage:
        grouped: list[list[SentencePair]] = [[] for _ in article.blocks]
        for pair, b in zip(pairs, block_of, strict=True):
            grouped[b].append(pair)
        blocks = tuple(
            PageBlock(kind=block.kind, pairs=tuple(group))
            for block, group in zip(article.blocks, grouped, strict=True)
        )
        glossary = build_glossary(pairs) if with_glossary else base.glossary
        return replace(base, blocks=blocks, glossary=glossary)

    if translator is not None:
        _translate_into(pairs, translator, assemble, on_progress, should_stop)
    return assemble(with_glossary=True)


def _translate_into(
    pairs: list[SentencePair],
    translator: Translator,
    assemble: Callable[[bool], ReadingPage],
    on_progress: Callable[[Progress], None] | None,
    should_stop: Callable[[], bool] | None,
) -> None:
    """Fill the Hindi pairs of ``pairs`` in place with the translator's output, each aligned
    with its translation as it arrives (with the model's cross-attention when the backend
    can return it)."""
    todo = [i for i, pair in enumerate(pairs) if pair.source.lang == "hi"]
    total = len(todo)
    start = time.perf_counter()
    cached = 0
    if on_progress:
        on_progress(Progress(0, total, 0.0, None, assemble(False)))
    sources = [pairs[i].source.text for i in todo]
    # the cross-attention comes only from engines that can give it; it sharpens alignment
    iterator = translator.iter_translate(sources, should_stop=should_stop, attention=True)
    for done, (k, result) in enumerate(iterator, start=1):
        i = todo[k]
        if result.failed:  # no usable text: shown and exported as failed, never as a translation
            pairs[i] = replace(pairs[i], translation="", kind="failed")
        else:
            pairs[i] = align_pair(replace(pairs[i], translation=result.text, kind="mt"), result.attention)
        cached += int(result.cached)
        if on_progress:
            elapsed = time.perf_counter() - start
            fresh = done - cached
            eta = elapsed / fresh * (total - done) if fresh else None
            on_progress(Progress(done, total, elapsed, eta, assemble(False), cached))
