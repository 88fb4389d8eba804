"""The fast path: no torch or transformers when translating with a converted model, the
same tokens and text as the transformers reference path, and cross-attention from both."""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.translate import load_translator
from assistant.translate.convert import convert_folder
from assistant.translate.ctranslate2_backend import CTranslate2Translator, layout_for
from assistant.translate.pieces import load_codec
from assistant.translate.transformers_backend import TransformersTranslator

pytest.importorskip("ctranslate2")

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "statecraft-lukashenko-putin-2021-12-30.hi.txt"
EXTRA = [
    "नमस्ते दुनिया।",
    "क़ानून और ज़मीन: “उद्धरण” — 2021 में 3.5% बढ़ा!",
    "मैंने आज office में meeting attend की और फिर boss को email भेजा।",
    "डॉ. शर्मा (म.प्र.) ने कहा, 'ठीक है'...",
]


def seed_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8").replace("।", "।\n")
    return [line.strip() for line in text.splitlines() if line.strip()] + EXTRA


@pytest.fixture(scope="module", params=["tiny_marian_dir", "tiny_marian_multi_dir", "tiny_m2m_dir"])
def pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(transformers folder, its float32 CTranslate2 conversion): float32 so both compute alike."""
    source = request.getfixturevalue(request.param)
    target = tmp_path_factory.mktemp("fast") / (source.name + "-ct2")
    return source, convert_folder(source, target, quantization="float32")


def test_source_tokens_equal_the_transformers_tokenizer(pair: tuple[Path, Path]) -> None:
    source, converted = pair
    reference = TransformersTranslator(source)
    codec = CTranslate2Translator(converted, compute_type="float32").codec
    tokenizer = reference.tokenizer
    for sentence in seed_sentences():
        ids = tokenizer(reference._prepare(sentence), add_special_tokens=True)["input_ids"]
        assert list(codec.encode(sentence).tokens) == tokenizer.convert_ids_to_tokens(ids), sentence


def test_decoding_equals_the_transformers_tokenizer(pair: tuple[Path, Path]) -> None:
    source, converted = pair
    reference = TransformersTranslator(source)
    codec = CTranslate2Translator(converted, compute_type="float32").codec
    tokenizer = reference.tokenizer
    vocabulary = sorted(set(tokenizer.get_vocab()) - set(tokenizer.all_special_tokens))
    rng = random.Random(7)
    for _ in range(200):
        tokens = [rng.choice(vocabulary) for _ in range(rng.randint(1, 12))]
        ids = tokenizer.convert_tokens_to_ids(tokens)
        assert codec.decode(tokens) == tokenizer.decode(ids, skip_special_tokens=True), tokens


def test_fast_path_translates_like_the_reference(pair: tuple[Path, Path]) -> None:
    source, converted = pair
    sentences = seed_sentences()
    reference = TransformersTranslator(source).translate(sentences)
    fast = CTranslate2Translator(converted, compute_type="float32").translate(sentences)
    assert [r.text for r in fast] == [r.text for r in reference]
    assert sum(bool(r.text) for r in fast) > len(sentences) // 2


def test_translating_with_a_converted_model_imports_neither_torch_nor_transformers(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    _, converted = pair
    code = (
        "import json, sys\n"
        "from assistant.translate import load_translator\n"
        f"t = load_translator({str(converted)!r}, compute_type='float32')\n"
        "out = t.translate(['भारत एक विशाल देश है।', 'नमस्ते दुनिया।'], attention=True)\n"
        "heavy = [m for m in ('torch', 'transformers') if m in sys.modules]\n"
        "print(json.dumps({'heavy': heavy, 'texts': [r.text for r in out], 'engine': t.engine_info.engine,"
        " 'attention': all(r.attention is not None for r in out)}))\n"
    )
    env = {"ASSISTANT_CACHE": str(tmp_path / "cache.sqlite"), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["heavy"] == []
    assert report["engine"] == "ctranslate2" and report["attention"]
    assert report["texts"] == [
        r.text
        for r in CTranslate2Translator(converted, compute_type="float32").translate(
            ["भारत एक विशाल देश है।", "नमस्ते दुनिया।"]
        )
    ]


def test_codec_loading_needs_no_transformers(tiny_marian_dir: Path, tiny_m2m_dir: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from assistant.translate.pieces import load_codec\n"
        f"print(load_codec(Path({str(tiny_marian_dir)!r}), 'marian').encode('नमस्ते').tokens[-1])\n"
        f"print(load_codec(Path({str(tiny_m2m_dir)!r}), 'm2m_100').encode('नमस्ते').tokens[0])\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["</s>", "hin_Deva", "[]"]


# --- attention ---------------------------------------------------------------------------------


def _check_attention(result, codec) -> None:
    attention = result.attention
    assert attention is not None
    assert attention.source_pieces == codec.encode(result.source).pieces
    assert len(attention.weights) == len(attention.target_pieces) > 0
    assert all(len(row) == len(attention.source_pieces) for row in attention.weights)
    assert all(0.0 <= w <= 1.0 for row in attention.weights for w in row)
    assert all(abs(sum(row) - 1.0) < 1e-3 for row in attention.weights)
    special = {"</s>", "<pad>", "hin_Deva", "eng_Latn", "__hi__", "__en__"}
    assert not special & set(attention.source_pieces)
    assert not {*special, "<unk>"} & set(attention.target_pieces)


@pytest.mark.parametrize("beam", [1, 3])
def test_both_engines_give_the_same_attention(pair: tuple[Path, Path], beam: int) -> None:
    source, converted = pair
    sentences = seed_sentences()[:6]
    reference = TransformersTranslator(source, beam_size=beam).translate(sentences, attention=True)
    fast_translator = CTranslate2Translator(converted, compute_type="float32", beam_size=beam)
    fast = fast_translator.translate(sentences, attention=True)
    for ref, out in zip(reference, fast, strict=True):
        if ref.failed:
            continue
        _check_attention(out, fast_translator.codec)
        assert out.attention.target_pieces == ref.attention.target_pieces
        assert out.attention.source_pieces == ref.attention.source_pieces
        for row_a, row_b in zip(out.attention.weights, ref.attention.weights, strict=True):
            assert max(abs(a - b) for a, b in zip(row_a, row_b, strict=True)) < 1e-3


def test_attention_is_off_unless_asked(pair: tuple[Path, Path]) -> None:
    _, converted = pair
    assert CTranslate2Translator(converted).translate(["नमस्ते दुनिया।"])[0].attention is None


def test_attention_of_a_split_sentence_covers_every_piece(tiny_marian_dir: Path, tmp_path: Path) -> None:
    from test_translate import LONG_HINDI

    converted = convert_folder(tiny_marian_dir, tmp_path / "m-ct2")
    translator = CTranslate2Translator(converted)
    result = translator.translate([LONG_HINDI], attention=True)[0]
    attention = result.attention
    assert attention is not None
    assert len(attention.source_pieces) == sum(
        len(translator.codec.encode(p).content) for p in translator._pieces(LONG_HINDI, {})
    )
    assert all(len(row) == len(attention.source_pieces) for row in attention.weights)


def test_cached_sentences_keep_their_attention(tiny_marian_dir: Path, tmp_path: Path) -> None:
    converted = convert_folder(tiny_marian_dir, tmp_path / "m-ct2")
    first = load_translator(converted).translate(["भारत एक विशाल देश है।"], attention=True)[0]
    again = load_translator(converted).translate(["भारत एक विशाल देश है।"], attention=True)[0]
    assert again.cached and again.attention is not None
    assert again.attention.target_pieces == first.attention.target_pieces
    flat = [w for row in again.attention.weights for w in row]
    assert flat == pytest.approx([w for row in first.attention.weights for w in row], abs=1e-4)


# --- engine selection and settings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("workload", "cores", "layout"), [("article", 2, (2, 1)), ("sentence", 2, (1, 2)), ("article", 1, (1, 1))]
)
def test_thread_layout(workload: str, cores: int, layout: tuple[int, int]) -> None:
    assert layout_for(workload, cores) == layout


def test_engine_info_reports_the_settings(pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    _, converted = pair
    monkeypatch.setenv("ASSISTANT_THREADS", "3")
    monkeypatch.setenv("ASSISTANT_COMPUTE_TYPE", "float32")
    info = load_translator(converted).engine_info
    assert (info.engine, info.compute_type, info.inter_threads, info.intra_threads) == (
        "ctranslate2",
        "float32",
        3,
        1,
    )
    single = load_translator(converted, workload="sentence", threads=2, compute_type="int8").engine_info
    assert (single.inter_threads, single.intra_threads, single.compute_type) == (1, 2, "int8")
    assert single.describe() == "ctranslate2 int8, 1 translator x 2 threads, greedy"


def test_codec_marks_no_text_piece_as_special(tiny_marian_dir: Path) -> None:
    codec = load_codec(tiny_marian_dir, "marian")
    encoded = codec.encode("भारत")
    assert encoded.tokens[-1] == "</s>" and list(encoded.content) == list(range(len(encoded.tokens) - 1))


def test_multi_target_marian_is_told_to_translate_into_english(
    tiny_marian_multi_dir: Path, tmp_path: Path
) -> None:
    reference = TransformersTranslator(tiny_marian_multi_dir)
    ids = reference.tokenizer(reference._prepare("नमस्ते"))["input_ids"]
    assert reference.tokenizer.convert_ids_to_tokens(ids)[0] == ">>eng<<"
    codec = load_codec(tiny_marian_multi_dir, "marian")
    assert codec.encode("नमस्ते").tokens[0] == ">>eng<<"
    assert ">>eng<<" not in codec.encode("नमस्ते").pieces


def test_recommended_preset_loads_offline_through_the_real_loader(
    tiny_marian_multi_dir: Path, isolated_user_paths: Path
) -> None:
    import shutil

    from assistant import models

    shutil.copytree(tiny_marian_multi_dir, isolated_user_paths / "models" / models.RECOMMENDED)
    translator = load_translator(models.RECOMMENDED, cache=False)
    assert translator.engine_info.engine == "ctranslate2"  # converted on first use
    sentences = seed_sentences()[:4]
    results = translator.translate(sentences)
    assert [r.source for r in results] == sentences and any(r.text for r in results)
    assert not any(">>eng<<" in r.text for r in results)


def test_nllb_codecs_from_either_tokenizer_file_agree(tiny_m2m_dir: Path, tmp_path: Path) -> None:
    import shutil

    from assistant.translate.pieces import _NllbSpmCodec, _TokenizerJsonCodec

    quick = load_codec(tiny_m2m_dir, "m2m_100")
    assert isinstance(quick, _NllbSpmCodec)  # preferred: loads in a fraction of the time
    only_json = Path(shutil.copytree(tiny_m2m_dir, tmp_path / "json-only"))
    (only_json / "sentencepiece.bpe.model").unlink()
    exact = load_codec(only_json, "m2m_100")
    assert isinstance(exact, _TokenizerJsonCodec)
    for sentence in seed_sentences():
        assert quick.encode(sentence).tokens == exact.encode(sentence).tokens, sentence
    vocabulary = list(json.loads((tiny_m2m_dir / "tokenizer.json").read_text())["model"]["vocab"])
    rng = random.Random(3)
    for _ in range(200):
        tokens = [rng.choice(vocabulary) for _ in range(rng.randint(1, 12))]
        assert quick.decode(tokens) == exact.decode(tokens), tokens


@pytest.mark.parametrize(
    ("cpu_max", "expected"),
    [("max 100000\n", None), ("150000 100000\n", 1.5), ("50000 100000\n", 0.5), ("junk", None)],
)
def test_cgroup_quota(tmp_path: Path, cpu_max: str, expected: float | None) -> None:
    from assistant.config import cgroup_quota, usable_cores

    path = tmp_path / "cpu.max"
    path.write_text(cpu_max)
    assert cgroup_quota(path) == expected
    cores = usable_cores(path)
    affinity = len(os.sched_getaffinity(0))
    assert cores == (min(affinity, max(1, math.ceil(expected))) if expected else affinity)


def test_engine_setting_from_the_environment(
    tiny_marian_dir: Path, isolated_user_paths: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copytree(tiny_marian_dir, isolated_user_paths / "models" / "opus-mt-hi-en")
    monkeypatch.setenv("ASSISTANT_ENGINE", "transformers")
    assert load_translator("opus-mt-hi-en", cache=False).engine_info.engine == "transformers"
    assert not (isolated_user_paths / "models" / "opus-mt-hi-en-ct2").exists()  # nothing converted
    monkeypatch.setenv("ASSISTANT_ENGINE", "auto")
    monkeypatch.setenv("ASSISTANT_AUTO_CONVERT", "0")
    assert load_translator("opus-mt-hi-en", cache=False).engine_info.engine == "transformers"
    monkeypatch.delenv("ASSISTANT_AUTO_CONVERT")
    assert load_translator("opus-mt-hi-en", cache=False).engine_info.engine == "ctranslate2"
