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
