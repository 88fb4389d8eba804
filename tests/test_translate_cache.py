"""The SQLite translation memory in front of a translator."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.translate import CachedTranslator, Translator, load_translator, normalize_source
from assistant.translate.transformers_backend import TransformersTranslator

SENTENCES = ["नमस्ते दुनिया।", "भारत एक विशाल देश है।", "", "आज मौसम अच्छा है।"]


class Counting(Translator):
    """Wraps a translator and counts the model calls it lets through."""

    def __init__(self, inner: Translator) -> None:
        self.inner = inner
        self.name = inner.name
        self.identity = inner.identity
        self.max_input_tokens = inner.max_input_tokens
        self.calls: list[list[str]] = []

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        self.calls.append(list(sentences))
        return self.inner._translate_batch(sentences)


class Echo(Translator):
    name = "echo"
    identity = "echo:1"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        self.calls.append(list(sentences))
        return [f"<{s}>" for s in sentences]


@pytest.fixture(scope="module")
def marian(tiny_marian_dir: Path) -> TransformersTranslator:
    return TransformersTranslator(tiny_marian_dir)


def test_second_run_makes_no_model_call(marian: TransformersTranslator, tmp_path: Path) -> None:
    path = tmp_path / "deep" / "cache.sqlite"
    first = Counting(marian)
    results = CachedTranslator(first, path).translate(SENTENCES)
    assert first.calls and not any(r.cached for r in results)
    assert path.is_file()

    second = Counting(marian)
    again = CachedTranslator(second, path).translate(SENTENCES)
    assert second.calls == []
    assert [r.text for r in again] == [r.text for r in results]
    assert [r.cached for r in again] == [True, True, False, True]  # the blank line is not a hit
    assert [r.source for r in again] == SENTENCES


def test_cache_key_includes_identity(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    CachedTranslator(Echo(), path).translate(SENTENCES)
    other = Echo()
    other.identity = "echo:2"
    CachedTranslator(other, path).translate(SENTENCES)
    assert sorted(s for call in other.calls for s in call) == sorted(s for s in SENTENCES if s)


def test_sources_are_normalized(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    CachedTranslator(Echo(), path).translate(["भारत  एक देश है।"])
    inner = Echo()
    result = CachedTranslator(inner, path).translate(["  भारत एक\nदेश है। "])
    assert inner.calls == [] and result[0].cached
    assert normalize_source("न\u093c") == normalize_source("\u0929")  # NFC: decomposed nukta


def test_lookup_does_not_create_the_file(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "cache.sqlite"
    cached = CachedTranslator(Echo(), path)
    assert cached.memory.lookup("echo:1", ["x"]) == {}
    assert not path.parent.exists()


def test_default_path_comes_from_settings(isolated_user_paths: Path) -> None:
    cached = CachedTranslator(Echo())
    cached.translate(["एक"])
    assert (isolated_user_paths / "cache.sqlite").is_file()


def test_duplicates_are_translated_once(tmp_path: Path) -> None:
    inner = Echo()
    results = CachedTranslator(inner, tmp_path / "c.sqlite").translate(["एक", "दो", "एक", "एक"])
    assert [r.text for r in results] == ["<एक>", "<दो>", "<एक>", "<एक>"]
    assert sorted(s for call in inner.calls for s in call) == ["एक", "दो"]


def test_iter_translate_yields_hits_at_once_and_keeps_order(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    CachedTranslator(Echo(), path).translate(["एक", "दो"])
    inner = Echo()
    iterator = CachedTranslator(inner, path).iter_translate(["एक", "दो", "तीन", "एक", "चार"])
    assert next(iterator)[1].cached and next(iterator)[1].cached
    assert inner.calls == []  # both hits came before any model call
    rest = list(iterator)
    assert [i for i, _ in rest] == [2, 3, 4]
    assert [t.cached for _, t in rest] == [False, True, False]
    assert inner.calls == [["तीन", "चार"]]


def test_should_stop_through_the_cache(tmp_path: Path) -> None:
    inner = Echo()
    inner.batching = inner.batching.__class__(first_window=1, window=1, max_batch_size=1)
    results = CachedTranslator(inner, tmp_path / "c.sqlite").translate(
        [f"वाक्य {i}" for i in range(6)], should_stop=lambda: len(inner.calls) >= 2
    )
    assert len(results) == 2
    # What was finished is remembered.
    again = Echo()
    CachedTranslator(again, tmp_path / "c.sqlite").translate(["वाक्य 0", "वाक्य 1"])
    assert again.calls == []


@pytest.mark.parametrize("damage", ["garbage", "wrong schema"])
def test_damaged_cache_file_is_moved_aside_and_rebuilt(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "cache.sqlite"
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 200)
    else:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE translations (a TEXT, b TEXT)")
    inner = Echo()
    with pytest.warns(RuntimeWarning, match="damaged"):
        results = CachedTranslator(inner, path).translate(["एक", "दो"])
    assert [r.text for r in results] == ["<एक>", "<दो>"]
    assert list(tmp_path.glob("cache.sqlite.damaged-*"))
    again = Echo()
    assert all(r.cached for r in CachedTranslator(again, path).translate(["एक", "दो"]))
    assert again.calls == []


def test_shared_by_several_threads(tmp_path: Path) -> None:
    cached = CachedTranslator(Echo(), tmp_path / "c.sqlite")
    errors: list[BaseException] = []
    sentences = [f"वाक्य {i}" for i in range(40)]

    def work() -> None:
        try:
            for _ in range(3):
                texts = [r.text for r in cached.translate(sentences)]
                assert texts == [f"<{s}>" for s in sentences]
        except BaseException as err:  # collected and re-raised in the main thread
            errors.append(err)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert cached.memory.count() == 40


def test_load_translator_caches_by_default(tiny_marian_dir: Path, isolated_user_paths: Path) -> None:
    translator = load_translator(tiny_marian_dir)
    assert isinstance(translator, CachedTranslator)
    first = translator.translate(SENTENCES[:2])
    second = load_translator(tiny_marian_dir).translate(SENTENCES[:2])
    assert [r.cached for r in second] == [True, True]
    assert [r.text for r in second] == [r.text for r in first]


def test_unwritable_cache_location_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    inner = Echo()
    cached = CachedTranslator(inner, blocker / "cache.sqlite")
    assert [r.text for r in cached.translate(["एक"])] == ["<एक>"]
    assert [r.cached for r in cached.translate(["एक"])] == [False]
    assert len(inner.calls) == 2


def test_an_article_answered_from_the_cache_never_loads_the_weights(tiny_marian_dir: Path) -> None:
    sentences = ["रूस ने अभ्यास किया।", "दोनों देश सहयोग करेंगे।"]
    first = load_translator(tiny_marian_dir, cache=True)
    fresh = first.translate(sentences)
    assert first.inner._model is not None

    again = load_translator(tiny_marian_dir, cache=True)
    assert isinstance(again, CachedTranslator) and isinstance(again.inner, TransformersTranslator)
    results = again.translate(sentences)
    assert [r.text for r in results] == [r.text for r in fresh]
    assert all(r.cached for r in results)
    assert again.inner._model is None


class Flaky(Echo):
    """Gives an empty output for sentences that contain "खाली"."""

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        self.calls.append(list(sentences))
        return ["" if "खाली" in s else f"<{s}>" for s in sentences]


def test_failed_translations_are_reported_and_never_cached(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    results = CachedTranslator(Flaky(), path).translate(["खाली वाक्य", "ठीक"])
    assert [(r.text, r.failed) for r in results] == [("", True), ("<ठीक>", False)]
    again = Flaky()
    second = CachedTranslator(again, path).translate(["खाली वाक्य", "ठीक"])
    assert again.calls == [["खाली वाक्य"]]  # asked again: a failure is not remembered
    assert second[0].failed and not second[0].cached and second[1].cached


def test_each_finished_sentence_is_saved_at_once(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    inner = Echo()
    inner.batching = inner.batching.__class__(first_window=1, window=1, max_batch_size=1)
    iterator = CachedTranslator(inner, path).iter_translate([f"वाक्य {i}" for i in range(5)])
    next(iterator)
    next(iterator)
    # The job is abandoned here (a killed process never runs its cleanup): both are kept.
    memory = CachedTranslator(Echo(), path).memory
    assert memory.count() == 2


WRITER = """
import sys
from pathlib import Path
from assistant.translate.cache import TranslationMemory
memory = TranslationMemory(Path(sys.argv[1]))
worker = sys.argv[2]
for i in range(60):
    memory.store("echo:1", [(f"{worker}-{i}", f"text {i}")])
"""


def test_several_processes_write_to_one_memory(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    repo = Path(__file__).resolve().parent.parent
    workers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(n)], cwd=repo, stderr=subprocess.PIPE)
        for n in range(4)
    ]
    for worker in workers:
        _, errors = worker.communicate(timeout=120)
        assert worker.returncode == 0, errors
        assert b"not written" not in errors
    memory = CachedTranslator(Echo(), path).memory
    assert memory.count() == 4 * 60
    found = memory.lookup("echo:1", [f"{n}-{i}" for n in range(4) for i in range(60)])
    assert len(found) == 240


def test_an_old_memory_file_gains_the_attention_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE translations (identity TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL, "
        "created REAL NOT NULL, PRIMARY KEY (identity, source))"
    )
    conn.execute("INSERT INTO translations VALUES ('echo:1', 'एक', '<one>', 0)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    inner = Echo()
    results = CachedTranslator(inner, path).translate(["एक", "दो"])
    assert [r.text for r in results] == ["<one>", "<दो>"] and results[0].cached
