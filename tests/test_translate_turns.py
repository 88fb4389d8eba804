"""Readers sharing one translator take turns chunk by chunk, and each gets its own results."""

from __future__ import annotations

import threading

from assistant.translate import Batching, TakingTurns, Translator


class Echo(Translator):
    """Translates each sentence to its upper-case form, one sentence a chunk."""

    name = "echo"
    identity = "echo"
    batching = Batching(first_window=1, window=1, max_batch_size=1)

    def __init__(self) -> None:
        self.calls: list[str] = []

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        self.calls.extend(sentences)
        return [s.upper() for s in sentences]


def test_a_second_reader_is_served_while_the_first_is_between_chunks() -> None:
    echo, lock = Echo(), threading.Lock()
    first = TakingTurns(echo, lock).iter_translate(["a1", "a2", "a3"])
    assert next(first)[1].text == "A1"  # the first reader stops between two chunks...
    served = threading.Event()
    second: list[str] = []

    def read_second() -> None:
        second.extend(t.text for _, t in TakingTurns(echo, lock).iter_translate(["b1", "b2"]))
        served.set()

    thread = threading.Thread(target=read_second, daemon=True)
    thread.start()
    # ...and the second reader's whole article goes through meanwhile: the lock is not held
    # across chunks (with one lock for the whole article this would wait forever).
    assert served.wait(timeout=30)
    assert second == ["B1", "B2"]
    assert [t.text for _, t in first] == ["A2", "A3"]
    assert echo.calls == ["a1", "b1", "b2", "a2", "a3"]
    assert not lock.locked()


def test_many_readers_each_get_their_own_sentences() -> None:
    echo, lock = Echo(), threading.Lock()
    results: dict[int, list[str]] = {}

    def read(reader: int) -> None:
        sentences = [f"r{reader}s{k}" for k in range(6)]
        results[reader] = [t.text for _, t in TakingTurns(echo, lock).iter_translate(sentences)]

    threads = [threading.Thread(target=read, args=(reader,)) for reader in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results == {reader: [f"R{reader}S{k}" for k in range(6)] for reader in range(8)}


def test_a_stopped_reader_releases_the_lock_and_keeps_the_translator() -> None:
    echo, lock = Echo(), threading.Lock()
    reader = TakingTurns(echo, lock)
    assert reader.name == "echo" and reader.identity == "echo"
    stream = reader.iter_translate(["x", "y", "z"])
    next(stream)
    stream.close()
    assert not lock.locked()
    assert [t.text for _, t in reader.iter_translate(["q"])] == ["Q"]
