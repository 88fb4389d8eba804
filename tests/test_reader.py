"""The reader aligns each machine translation as it arrives and feeds the glossary."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.align import english_words
from assistant.reader import build_reading_page, open_article
from assistant.translate.base import Translator
from assistant.types import ReadingPage

ARTICLE = """पुतिन और लुकाशेंको की मुलाकात

पुतिन ने मिन्स्क में लुकाशेंको से मुलाकात की। रक्षा मंत्रालय ने हमले की पुष्टि की।

राष्ट्रपति ने सेना के बारे में कुछ नहीं कहा।
"""

PHRASEBOOK = {
    "पुतिन और लुकाशेंको की मुलाकात": "Putin and Lukashenko meet",
    "पुतिन ने मिन्स्क में लुकाशेंको से मुलाकात की।": "Putin met Lukashenko in Minsk.",
    "रक्षा मंत्रालय ने हमले की पुष्टि की।": "The defence ministry confirmed the attack.",
    "राष्ट्रपति ने सेना के बारे में कुछ नहीं कहा।": "The president said nothing about the army.",
}


class Phrasebook(Translator):
    """A model-free translator that answers from a fixed phrasebook."""

    name = "phrasebook"
    identity = "phrasebook:1"

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        return [PHRASEBOOK[s] for s in sentences]


@pytest.fixture(scope="module")
def page() -> ReadingPage:
    return build_reading_page(open_article(ARTICLE), Phrasebook(), today=date(2026, 1, 1))


def _pair(page: ReadingPage, english: str):
    return next(p for p in page.pairs() if p.translation == english)


@pytest.mark.parametrize(("english", "hindi", "expected"), [
    ("Putin met Lukashenko in Minsk.", "पुतिन", ("Putin",)),
    ("Putin met Lukashenko in Minsk.", "मिन्स्क", ("Minsk",)),
    ("The defence ministry confirmed the attack.", "पुष्टि", ("confirmed",)),
    ("The defence ministry confirmed the attack.", "ने", ()),
    ("The president said nothing about the army.", "बारे", ("about",)),
    ("The president said nothing about the army.", "सेना", ("army",)),
])
def test_glosses_carry_the_english_words_linked_to_them(page: ReadingPage, english: str, hindi: str,
                                                        expected: tuple[str, ...]) -> None:
    pair = _pair(page, english)
    assert next(g for g in pair.glosses if g.text == hindi).aligned == expected


def test_every_translated_pair_has_links_in_bounds(page: ReadingPage) -> None:
    for pair in page.pairs():
        assert pair.kind == "mt" and pair.links
        words = english_words(pair.translation)
        for link in pair.links:
            assert 0 <= link.source < len(pair.source.tokens) and 0 <= link.target < len(words)
        # a gloss shows exactly its confident links
        for k, gloss in enumerate(pair.glosses):
            shown = tuple(pair.translation[words[link.target][0]:words[link.target][1]]
                          for link in sorted(pair.links, key=lambda link: link.target)
                          if link.source == k and link.confidence >= 0.5)
            assert gloss.aligned == shown


def test_links_arrive_with_each_translation() -> None:
    seen = []
    build_reading_page(open_article(ARTICLE), Phrasebook(), on_progress=seen.append)
    for progress in seen:
        for pair in progress.page.pairs():
            assert (pair.kind == "mt") == bool(pair.links)


def test_a_gloss_only_page_has_no_links() -> None:
    page = build_reading_page(open_article(ARTICLE))
    assert page.mode == "gloss"
    assert all(not pair.links and not any(g.aligned for g in pair.glosses) for pair in page.pairs())


def test_the_glossary_meaning_leads_with_the_articles_own_translation(page: ReadingPage) -> None:
    terms = {term.lemma: term for term in page.glossary.terms}
    assert "पुष्टि" in terms or any("पुष्टि" in lemma for lemma in terms)
    confirmed = next(t for lemma, t in terms.items() if "पुष्टि" in lemma)
    assert confirmed.senses[0] == "confirmed"


def test_a_real_model_page_is_aligned_through_the_loader(tiny_marian_dir) -> None:
    """The tiny random model's output is gibberish; the page must still hold only valid links."""
    from assistant.translate.registry import load_translator

    translator = load_translator(tiny_marian_dir, cache=False)
    page = build_reading_page(open_article(ARTICLE), translator)
    assert page.mode == "translation"
    for pair in page.pairs():
        words = english_words(pair.translation)
        for link in pair.links:
            assert 0 <= link.source < len(pair.source.tokens) and 0 <= link.target < len(words)


class Silent(Phrasebook):
    """A broken model: nothing usable for the sentence about the ministry."""

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        return ["" if "मंत्रालय" in s else PHRASEBOOK[s] for s in sentences]


def test_a_sentence_the_model_fails_on_is_shown_and_exported_as_failed() -> None:
    from assistant.export import export_page
    from assistant.pagedata import page_data
    from assistant.render import FAILED_TEXT, RenderOptions

    page = build_reading_page(open_article(ARTICLE), Silent(), today=date(2026, 1, 1))
    kinds = {p.source.text: p.kind for p in page.pairs()}
    assert kinds["रक्षा मंत्रालय ने हमले की पुष्टि की।"] == "failed"
    assert sum(kind == "mt" for kind in kinds.values()) == 3
    failed = next(p for p in page.pairs() if p.kind == "failed")
    assert failed.translation == "" and failed.links == ()
    assert page_data(page, RenderOptions(), section=None)["labels"]["failed"] == FAILED_TEXT
    text = export_page(page, "txt").decode("utf-8")
    assert "[translation failed]" in text and "[gloss]" not in text
