"""The whole hostile corpus through the library: ``read_article`` and ``build_reading_page``
for articles, ``load_translator`` for model folders and translation memories,
``load_page_json`` for saved readings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.corpus import CASES, Case, materialize
from tests.hostile.entry import judge, record, run_library


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_library_answers_every_input(case: Case, corpus_dir: Path, tiny_marian_dir: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = materialize(case, corpus_dir, tiny_marian_dir)
    if case.kind == "cache":
        monkeypatch.setenv("ASSISTANT_CACHE", str(path))
    outcome = run_library(case, path, tiny_marian_dir)
    record("library", case, judge(case, outcome))
    if case.kind == "cache":
        # The damaged memory was replaced by a working one: a second run is answered from it.
        again = run_library(case, path, tiny_marian_dir)
        assert not isinstance(again, Exception), again
        assert all(p.kind == "mt" for p in again.pairs()), [p.kind for p in again.pairs()]


def test_a_hinglish_sentence_is_glossed_and_sent_to_the_model(tiny_marian_dir: Path) -> None:
    from assistant.reader import build_reading_page, open_article
    from assistant.translate import load_translator
    from tests.hostile.corpus import HINGLISH

    article = open_article(HINGLISH, "hinglish.txt")
    glossed = build_reading_page(article)
    [pair] = list(glossed.pairs())
    assert pair.kind == "gloss" and pair.source.lang == "hi"
    first_senses = {g.text: g.senses[0] for g in pair.glosses if g.senses}
    assert first_senses["मैंने"] == "I" and first_senses["आज"] == "today" and "भेजा" in first_senses
    translated = build_reading_page(article, load_translator(str(tiny_marian_dir), cache=False))
    [pair] = list(translated.pairs())
    assert pair.kind == "mt" and pair.translation, "the Hinglish sentence goes to the model"
