"""Translator behaviour: ordering, batching, splitting, early stop, and the real backends."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.errors import ModelInvalidError, ModelNotFoundError
from assistant.translate import Batching, Translator, load_translator, split_to_fit
from assistant.translate.transformers_backend import TransformersTranslator

REPO = Path(__file__).resolve().parent.parent
LONG_HINDI = (
    "सोमवार को, स्टैनफ़ोर्ड यूनिवर्सिटी स्कूल ऑफ़ मेडिसिन के वैज्ञानिकों ने एक नए डायग्नोस्टिक उपकरण के "
    "आविष्कार की घोषणा की जो कोशिकाओं को उनके प्रकार के आधार पर छाँट सकता है: एक छोटी प्रिंट करने योग्य "
    "चिप जिसे स्टैण्डर्ड इंकजेट प्रिंटर का उपयोग करके लगभग एक अमेरिकी सेंट के लिए निर्मित किया जा सकता है."
)
SENTENCES = [
    "नमस्ते दुनिया।",
    "यह एक परीक्षण वाक्य है जो थोड़ा लंबा है।",
    "भारत एक विशाल देश है।",
    "आज मौसम अच्छा है और हम बाहर जाएंगे।",
]


class EchoTranslator(Translator):
    """A model-free translator that wraps each input in angle brackets."""

    name = "echo"
    identity = "echo:1"

    def __init__(self, batching: Batching | None = None, limit: int | None = None) -> None:
        self.calls: list[list[str]] = []
        self.max_input_tokens = limit
        if batching is not None:
            self.batching = batching

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        self.calls.append(list(sentences))
        return [f"<{s}>" for s in sentences]


# --- splitting -------------------------------------------------------------------------


def _words_fit(limit: int):
    return lambda text: len(text.split()) <= limit


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("छोटा वाक्य।", 5, ["छोटा वाक्य।"]),
        ("पहला भाग; दूसरा भाग यहाँ", 3, ["पहला भाग;", "दूसरा भाग यहाँ"]),
        ("एक दो तीन, चार पाँच, छह", 3, ["एक दो तीन,", "चार पाँच, छह"]),
        ("वह घर गया और खाना खाया", 3, ["वह घर गया", "और खाना खाया"]),
        ("उसने कहा कि वह आएगा", 3, ["उसने कहा", "कि वह आएगा"]),
        ("एक दो तीन चार पाँच", 2, ["एक दो", "तीन चार", "पाँच"]),
    ],
)
def test_split_to_fit_prefers_clause_boundaries(text: str, limit: int, expected: list[str]) -> None:
    assert split_to_fit(text, _words_fit(limit)) == expected


def test_split_does_not_split_inside_words_that_contain_a_conjunction() -> None:
    # "कितना" starts with "कि" and "औरत" with "और": neither is a clause boundary.
    pieces = split_to_fit("कितना बड़ा औरत का घर है", _words_fit(3))
    assert pieces == ["कितना बड़ा औरत", "का घर है"]


def test_split_long_word_by_characters_keeps_every_character() -> None:
    word = "स्टैनफ़ोर्डयूनिवर्सिटीस्कूल"
    pieces = split_to_fit(word, lambda text: len(text) <= 8)
    assert "".join(pieces) == word
    assert all(len(p) <= 8 for p in pieces)
    # No piece starts with a combining mark (a vowel sign or virama cut from its letter).
    assert all(not ("\u093e" <= p[0] <= "\u094d") for p in pieces)


def test_split_keeps_all_text_on_a_real_sentence() -> None:
    pieces = split_to_fit(LONG_HINDI, _words_fit(12))
    assert len(pieces) > 2
    assert " ".join(pieces) == " ".join(LONG_HINDI.split())
    assert all(len(p.split()) <= 12 for p in pieces)


# --- the base pipeline (no model) ----------------------------------------------------------


def test_results_in_reading_order_and_batches_sorted_by_length() -> None:
    sentences = ["एक दो तीन चार पाँच", "एक", "एक दो तीन", "एक दो"]
    translator = EchoTranslator(Batching(first_window=4, window=4, max_batch_size=2))
    results = translator.translate(sentences)
    assert [r.source for r in results] == sentences
    assert [r.text for r in results] == [f"<{s}>" for s in sentences]
    assert translator.calls == [["एक", "एक दो"], ["एक दो तीन", "एक दो तीन चार पाँच"]]
    assert all(r.model == "echo" and not r.cached for r in results)


def test_blank_sentences_are_empty_without_a_model_call() -> None:
    translator = EchoTranslator()
    results = translator.translate(["", "   ", "\n"])
    assert [r.text for r in results] == ["", "", ""]
    assert translator.calls == []


def test_token_budget_limits_padded_batch_size() -> None:
    sentences = [" ".join(["शब्द"] * n) for n in (3, 3, 3, 9)]
    translator = EchoTranslator(Batching(first_window=4, window=4, max_batch_size=16, max_batch_tokens=12))
    translator.translate(sentences)
    # counts are words + 1: three inputs of 4 fit in 12; the 10-token one goes alone.
    assert [len(call) for call in translator.calls] == [3, 1]


def test_iter_translate_releases_first_window_before_translating_the_rest() -> None:
    translator = EchoTranslator(Batching(first_window=2, window=3, max_batch_size=1))
    sentences = [f"वाक्य {i}" for i in range(7)]
    iterator = translator.iter_translate(sentences)
    first = next(iterator)
    assert first[0] == 0
    assert len(translator.calls) == 2  # only the first window of two was translated
    rest = list(iterator)
    assert [i for i, _ in rest] == list(range(1, 7))


def test_on_result_reports_every_index_in_order() -> None:
    seen: list[int] = []
    EchoTranslator().translate(SENTENCES, on_result=lambda i, t: seen.append(i))
    assert seen == list(range(len(SENTENCES)))


def test_should_stop_ends_early_with_a_finished_prefix() -> None:
    translator = EchoTranslator(Batching(first_window=2, window=2, max_batch_size=1))
    sentences = [f"वाक्य {i}" for i in range(10)]
    results = translator.translate(sentences, should_stop=lambda: len(translator.calls) >= 3)
    assert len(translator.calls) == 4  # asked between chunks: the second chunk is finished
    assert [r.source for r in results] == sentences[: len(results)]
    assert len(results) == 4


class GatedTranslator(EchoTranslator):
    """Runs two chunks at once; a sentence containing "रुको" waits until released."""

    parallel = 2

    def __init__(self) -> None:
        super().__init__(Batching(first_window=1, window=1, max_batch_size=1))
        self.gate = threading.Event()
        self.started: list[str] = []
        self._started_lock = threading.Lock()

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        with self._started_lock:
            self.started.extend(sentences)
        if any("रुको" in s for s in sentences):
            assert self.gate.wait(10), "never released"
        return super()._translate_batch(sentences)


def test_parallel_chunks_are_released_in_order_without_waiting_for_later_ones() -> None:
    translator = GatedTranslator()
    sentences = ["पहला", "रुको यहाँ", "तीसरा", "चौथा"]
    iterator = translator.iter_translate(sentences)
    # The first sentence arrives while the second chunk is still stuck in the model.
    assert next(iterator)[0] == 0
    assert "रुको यहाँ" in translator.started
    translator.gate.set()
    assert [i for i, _ in iterator] == [1, 2, 3]


class Broken(EchoTranslator):
    def _translate_batch(self, sentences: list[str]) -> list[str]:
        return {"खाली": [""], "चिह्न": ["... !"], "फंसा": ["the the the the the"]}.get(
            sentences[0], [f"<{sentences[0]}>"]
        )


@pytest.mark.parametrize(
    ("source", "failed"), [("खाली", True), ("चिह्न", True), ("फंसा", True), ("ठीक", False)]
)
def test_empty_or_degenerate_output_is_a_failed_translation(source: str, failed: bool) -> None:
    result = Broken(Batching(max_batch_size=1)).translate([source])[0]
    assert result.failed is failed
    assert (result.text == "") is failed


def test_long_sentence_is_split_for_the_model_and_rejoined() -> None:
    translator = EchoTranslator(limit=6)
    result = translator.translate([LONG_HINDI])[0]
    pieces = [piece for call in translator.calls for piece in call]
    assert len(pieces) > 3
    assert all(translator.count_tokens(p) <= 6 for p in pieces)
    assert result.text.replace("<", "").replace(">", "") == " ".join(LONG_HINDI.split())


def test_translate_from_several_threads() -> None:
    translator = EchoTranslator()
    outputs: dict[int, list[str]] = {}

    def work(n: int) -> None:
        outputs[n] = [r.text for r in translator.translate(SENTENCES)]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(out == [f"<{s}>" for s in SENTENCES] for out in outputs.values())


# --- real tiny models through the real loader -------------------------------------------------


@pytest.fixture(scope="module")
def tiny_m2m100_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tiny_models import build_tiny_m2m100

    return build_tiny_m2m100(tmp_path_factory.mktemp("m2m100") / "tiny-m2m100")


@pytest.fixture(params=["tiny_marian_dir", "tiny_m2m_dir", "tiny_m2m100_dir"])
def model_dir(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def test_tiny_models_are_small(tiny_marian_dir: Path, tiny_m2m_dir: Path) -> None:
    for folder in (tiny_marian_dir, tiny_m2m_dir):
        size = sum(p.stat().st_size for p in folder.iterdir())
        assert size < 1_000_000, folder


def test_backend_translates_a_batch_in_order(model_dir: Path) -> None:
    translator = load_translator(model_dir, cache=False)
    results = translator.translate(SENTENCES)
    assert [r.source for r in results] == SENTENCES
    assert all(isinstance(r.text, str) and r.text for r in results)
    assert all(r.model == model_dir.name for r in results)
    # Greedy decoding is deterministic: the same batch gives the same text.
    assert [r.text for r in translator.translate(SENTENCES)] == [r.text for r in results]


def test_sorted_batches_are_put_back_in_reading_order(model_dir: Path) -> None:
    translator = load_translator(model_dir, cache=False)
    original = translator._translate_batch
    produced: dict[str, str] = {}

    def recording(batch: list[str]) -> list:
        outputs = original(batch)
        produced.update((s, o.text) for s, o in zip(batch, outputs, strict=True))
        return outputs

    translator._translate_batch = recording  # type: ignore[method-assign]
    sentences = sorted(SENTENCES, key=len, reverse=True)  # longest first: the batch order differs
    results = translator.translate(sentences)
    assert [r.text for r in results] == [produced[s].strip() for s in sentences]


@pytest.mark.parametrize(
    ("fixture", "source", "target"),
    [("tiny_m2m_dir", "hin_Deva", "eng_Latn"), ("tiny_m2m100_dir", "__hi__", "__en__")],
)
def test_language_tokens_follow_the_tokenizer(
    request: pytest.FixtureRequest, fixture: str, source: str, target: str
) -> None:
    translator = TransformersTranslator(request.getfixturevalue(fixture))
    tokenizer = translator.tokenizer
    ids = tokenizer("नमस्ते", add_special_tokens=True)["input_ids"]
    assert tokenizer.convert_tokens_to_ids(source) in ids
    assert translator._forced_bos == tokenizer.convert_tokens_to_ids(target)
    assert target not in translator.translate(["नमस्ते"])[0].text


def test_marian_has_no_language_tokens(tiny_marian_dir: Path) -> None:
    translator = TransformersTranslator(tiny_marian_dir)
    assert translator._forced_bos is None
    assert translator.max_input_tokens is not None and translator.max_input_tokens < 64


def test_sentence_over_the_model_limit_is_split_not_truncated(tiny_marian_dir: Path) -> None:
    translator = TransformersTranslator(tiny_marian_dir)
    limit = translator.max_input_tokens
    assert limit is not None and translator.count_tokens(LONG_HINDI) > 2 * limit
    seen: list[str] = []
    original = translator._translate_batch

    def recording(batch: list[str]) -> list:
        seen.extend(batch)
        return original(batch)

    translator._translate_batch = recording  # type: ignore[method-assign]
    result = translator.translate([LONG_HINDI])[0]
    assert len(seen) >= 3
    assert all(translator.count_tokens(piece) <= limit for piece in seen)
    pieces = split_to_fit(LONG_HINDI, lambda text: translator.count_tokens(text) <= limit)
    assert " ".join(pieces) == " ".join(LONG_HINDI.split())
    assert sorted(seen) == sorted(pieces)  # batched by length, so not in reading order
    by_piece = {piece: out.text for piece, out in zip(seen, original(seen), strict=True)}
    assert result.text == " ".join(by_piece[p].strip() for p in pieces if by_piece[p].strip())


def test_identity_is_stable_and_tracks_options_and_files(tiny_marian_dir: Path, tmp_path: Path) -> None:
    first = TransformersTranslator(tiny_marian_dir).identity
    assert TransformersTranslator(tiny_marian_dir).identity == first
    assert TransformersTranslator(tiny_marian_dir, beam_size=4).identity != first
    copy = shutil.copytree(tiny_marian_dir, tmp_path / "copy")
    config = copy / "config.json"
    config.write_text(config.read_text().replace('"d_model": 32', '"d_model":32'))
    assert TransformersTranslator(copy).identity != first
    assert first.startswith("marian:")


@pytest.mark.parametrize("changed", ["source.spm", "vocab.json", "tokenizer_config.json"])
def test_identity_changes_with_the_tokenizer_files(
    tiny_marian_dir: Path, tmp_path: Path, changed: str
) -> None:
    first = TransformersTranslator(tiny_marian_dir).identity
    copy = Path(shutil.copytree(tiny_marian_dir, tmp_path / "copy"))
    if changed == "source.spm":
        shutil.copy(copy / "target.spm", copy / "source.spm")  # another valid tokenizer
    else:
        with (copy / changed).open("ab") as file:
            file.write(b" ")  # still loads; any change of bytes must change the key
    assert TransformersTranslator(copy).identity != first


# --- bad model folders -------------------------------------------------------------------------


def _broken(source: Path, tmp_path: Path, how: str) -> Path:
    folder = Path(shutil.copytree(source, tmp_path / "model"))
    if how == "no weights":
        (folder / "model.safetensors").unlink()
    elif how == "config not json":
        (folder / "config.json").write_text("{not json")
    elif how == "no config":
        (folder / "config.json").unlink()
    elif how == "no model_type":
        (folder / "config.json").write_text('{"d_model": 32}')
    elif how == "unknown model_type":
        (folder / "config.json").write_text('{"model_type": "bert"}')
    elif how == "corrupt weights":
        (folder / "model.safetensors").write_bytes(b"\x00garbage" * 100)
    elif how == "no source.spm":
        (folder / "source.spm").unlink()
    elif how == "no tokenizer.json":
        (folder / "tokenizer.json").unlink()
        (folder / "sentencepiece.bpe.model").unlink()
    elif how == "corrupt tokenizer.json":
        (folder / "tokenizer.json").write_text("{broken")
    elif how == "corrupt source.spm":
        (folder / "source.spm").write_bytes(b"not a sentencepiece model")
    return folder


@pytest.mark.parametrize(
    ("fixture", "how", "error", "words"),
    [
        ("tiny_marian_dir", "no weights", ModelInvalidError, ["No weights in", "download again"]),
        ("tiny_marian_dir", "config not json", ModelInvalidError, ["config.json", "not valid JSON"]),
        ("tiny_marian_dir", "no config", ModelInvalidError, ["config.json", "missing"]),
        ("tiny_marian_dir", "no model_type", ModelInvalidError, ["config.json", "model_type"]),
        ("tiny_marian_dir", "unknown model_type", ModelInvalidError, ["'bert'", "marian", "m2m_100"]),
        ("tiny_marian_dir", "corrupt weights", ModelInvalidError, ["weights", "could not be loaded"]),
        ("tiny_marian_dir", "no source.spm", ModelInvalidError, ["Tokenizer files missing", "source.spm"]),
        (
            "tiny_m2m_dir",
            "no tokenizer.json",  # nor sentencepiece.bpe.model
            ModelInvalidError,
            ["tokenizer.json", "sentencepiece.bpe.model"],
        ),
        (
            "tiny_m2m_dir",
            "corrupt tokenizer.json",
            ModelInvalidError,
            ["tokenizer in", "could not be loaded"],
        ),
        ("tiny_marian_dir", "corrupt source.spm", ModelInvalidError, ["tokenizer in", "could not be loaded"]),
    ],
)
def test_bad_model_folder_raises_a_clear_error(
    request: pytest.FixtureRequest, tmp_path: Path, fixture: str, how: str, error: type, words: list[str]
) -> None:
    folder = _broken(request.getfixturevalue(fixture), tmp_path, how)
    with pytest.raises(error) as caught:
        # weights load on first use, so translating one sentence surfaces every problem
        load_translator(folder, cache=False).translate(["परीक्षा"])
    message = str(caught.value)
    for word in words:
        assert word in message, message


def test_missing_folder_says_how_to_get_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        load_translator(tmp_path / "nowhere", cache=False)
    assert "models download opus-mt-hi-en" in str(caught.value)
    assert "--model PATH" in str(caught.value)


def test_importing_the_library_does_not_load_heavy_modules() -> None:
    code = (
        "import sys, assistant.translate, assistant.models, assistant.cli.models_cmd;"
        "print([m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
