"""What keeps the fast path small and its first sentence quick: batches sized by the memory
of their decoding state, the first sentence alone, a compact vocabulary, and a CLI that
loads only the command it runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.translate.convert import convert_folder
from assistant.translate.ctranslate2_backend import CTranslate2Translator, batch_tokens
from assistant.translate.memory import (
    FEWEST_TOKENS,
    MOST_TOKENS,
    batch_token_budget,
    model_shape,
    release_free_memory,
    state_bytes_per_token,
)
from assistant.translate.pieces import TokenSet

REPO = Path(__file__).resolve().parent.parent
OPUS_WEIGHTS = 77_366_673  # model.bin of opus-mt-hi-en (6+6 layers, width 512) in int8
NLLB_WEIGHTS = 621_060_371  # model.bin of nllb-200-distilled-600M (12+12, width 1024) in int8


@pytest.mark.parametrize(
    ("layers", "width", "weights", "translators", "beam", "tokens"),
    [
        # opus-mt: 80 MiB for two translators, 73,728 bytes of state per input token.
        (6, 512, OPUS_WEIGHTS, 2, 1, 568),
        (6, 512, OPUS_WEIGHTS, 1, 1, MOST_TOKENS),  # one translator: the whole budget, capped
        # NLLB-600M: half its weights (310 MB) for two translators, 294,912 bytes per token.
        (12, 1024, NLLB_WEIGHTS, 2, 1, 526),
        (12, 1024, NLLB_WEIGHTS, 2, 4, 131),  # four hypotheses per sentence, four times the state
        (12, 1024, NLLB_WEIGHTS, 16, 4, FEWEST_TOKENS),  # never below the floor
        (1, 32, 100_000, 2, 1, MOST_TOKENS),  # a tiny model: the usual budget
    ],
)
def test_batch_token_budget_follows_the_decoding_state(
    layers: int, width: int, weights: int, translators: int, beam: int, tokens: int
) -> None:
    assert batch_token_budget(layers, width, weights, translators, beam) == tokens


def test_more_decoding_memory_widens_the_batches(
    tiny_marian_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.config import get_settings

    assert batch_token_budget(6, 512, OPUS_WEIGHTS, 2, memory_mb=160) == 1024 > 568
    converted = convert_folder(tiny_marian_dir, tmp_path / "tiny-ct2")
    marker = json.loads((converted / "assistant_model.json").read_text(encoding="utf-8"))
    layers, width = marker["decoder_layers"], marker["d_model"]
    monkeypatch.setenv("ASSISTANT_DECODE_MEMORY_MB", "1")  # narrow enough to bind the tiny model
    assert get_settings().decode_memory_mb == 1
    expected = batch_token_budget(layers, width, (converted / "model.bin").stat().st_size, 2, 1, 1)
    assert FEWEST_TOKENS < expected < MOST_TOKENS
    assert CTranslate2Translator(converted, threads=2).batching.max_batch_tokens == expected


def test_state_per_token_counts_keys_and_values_of_input_and_output() -> None:
    # 6 layers x (key + value) x 512 floats x 4 bytes, for the token and its two outputs
    assert state_bytes_per_token(6, 512) == 6 * 2 * 512 * 4 * 3


def test_model_shape_from_the_record_then_from_the_original_folder(tmp_path: Path) -> None:
    converted = tmp_path / "m-ct2"
    converted.mkdir()
    assert model_shape(converted, {"decoder_layers": 12, "d_model": 1024}) == (12, 1024)
    assert model_shape(converted, {"source": "m"}) is None  # no original beside it
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "config.json").write_text(json.dumps({"decoder_layers": 6, "d_model": 512}))
    assert model_shape(converted, {"source": "m"}) == (6, 512)
    assert model_shape(converted, {"source": "../m"}) is None  # only a sibling folder
    assert model_shape(converted, {"decoder_layers": "6", "d_model": 512}) is None
    assert model_shape(converted, {}) is None


def test_conversion_records_the_shape_and_the_engine_batches_by_it(
    tiny_marian_dir: Path, tmp_path: Path
) -> None:
    converted = convert_folder(tiny_marian_dir, tmp_path / "tiny-ct2")
    marker = json.loads((converted / "assistant_model.json").read_text(encoding="utf-8"))
    config = json.loads((tiny_marian_dir / "config.json").read_text(encoding="utf-8"))
    assert (marker["decoder_layers"], marker["d_model"]) == (config["decoder_layers"], config["d_model"])
    translator = CTranslate2Translator(converted, threads=2)
    assert translator.batching.first_window == 1
    assert translator.batching.max_batch_tokens == batch_tokens(converted, 2) == MOST_TOKENS


def test_the_first_sentence_is_translated_alone(
    tiny_marian_dir: Path, tmp_path: Path, seed_text: str
) -> None:
    converted = convert_folder(tiny_marian_dir, tmp_path / "tiny-ct2")
    translator = CTranslate2Translator(converted, threads=2)
    assert translator.parallel == 2
    calls: list[list[str]] = []
    inner = translator._translate_batch

    def recording(sentences: list[str], attention: bool = False):  # type: ignore[no-untyped-def]
        calls.append(list(sentences))
        return inner(sentences, attention=attention)

    translator._translate_batch = recording  # type: ignore[method-assign]
    sentences = list(dict.fromkeys(line.strip() for line in seed_text.splitlines() if line.strip()))[:12]
    results = translator.translate(sentences)
    assert len(results) == len(sentences)
    # The first sentence (cut into the pieces that fit the tiny model) has a batch of its
    # own: it never waits for a longer neighbour.
    first = set(translator._pieces(sentences[0], {}))
    ours = [call for call in calls if first & set(call)]
    assert len(ours) == 1 and set(ours[0]) == first
    assert len(calls) < len(sentences)  # the others share batches


VOCABULARY = ["▁भारत", "▁भार", "त", "</s>", "<unk>", ">>eng<<", "a", "ab", "abc", "𝔘nicode", "▁", "z" * 40]


@pytest.mark.parametrize(
    ("token", "known"),
    [(t, True) for t in VOCABULARY]
    + [(t, False) for t in ("", "▁भा", "▁भारतीय", "b", "abcd", "𝔘", "Z", "<s>", "▁▁", "z" * 39)],
)
def test_token_set_answers_membership_exactly(token: str, known: bool) -> None:
    tokens = TokenSet(VOCABULARY)
    assert (token in tokens) is known
    assert len(tokens) == len(VOCABULARY)


def test_token_set_refuses_what_is_not_text() -> None:
    assert 5 not in TokenSet(["5"])
    assert None not in TokenSet([""])
    assert "" in TokenSet([""])


def test_free_memory_goes_back_to_the_system() -> None:
    import ctypes

    if not sys.platform.startswith("linux") or not hasattr(ctypes.CDLL(None), "malloc_trim"):
        pytest.skip("glibc only")
    blocks = [bytearray(1 << 16) for _ in range(2000)]  # 128 MB in the heap, then freed
    del blocks
    assert release_free_memory()  # glibc found free memory to return


COMMANDS = ("translate", "models", "lexicon", "export", "evaluate")
EVERY_COMMAND = {f"assistant.cli.{name}_cmd" for name in COMMANDS}


@pytest.mark.parametrize(
    ("argv", "loaded", "absent"),
    [
        (
            ["translate", "x.txt", "--quiet"],
            {"assistant.cli.translate_cmd"},
            {"assistant.lexicon", "numpy", "assistant.reader", "assistant.cli.models_cmd"},
        ),
        (["models", "list"], {"assistant.cli.models_cmd"}, {"assistant.cli.translate_cmd"}),
        ([], EVERY_COMMAND, set()),
        (["--help"], EVERY_COMMAND, set()),
        (["no-such-command"], EVERY_COMMAND, set()),
    ],
)
def test_the_cli_loads_only_the_command_it_runs(argv: list[str], loaded: set[str], absent: set[str]) -> None:
    code = (
        "import json, sys\n"
        "from assistant.cli import build_parser\n"
        f"parser = build_parser({argv!r})\n"
        "print(json.dumps({'modules': sorted(sys.modules), 'help': parser.format_help()}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    modules = set(report["modules"])
    assert loaded <= modules
    assert not absent & modules
    if not absent:  # no known command: the help lists every one
        assert all(name in report["help"] for name in COMMANDS)
