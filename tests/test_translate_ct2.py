"""The optional CTranslate2 engine: conversion, equal greedy output, engine selection."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from assistant.errors import BackendUnavailableError, ModelInvalidError
from assistant.translate import load_translator
from assistant.translate.convert import convert_folder
from assistant.translate.ctranslate2_backend import CTranslate2Translator
from assistant.translate.transformers_backend import TransformersTranslator

pytest.importorskip("ctranslate2")

SENTENCES = [
    "नमस्ते दुनिया।",
    "भारत एक विशाल देश है।",
    "आज मौसम अच्छा है और हम बाहर जाएंगे।",
    "सोमवार को, वैज्ञानिकों ने एक नए उपकरण की घोषणा की जो कोशिकाओं को उनके प्रकार के आधार पर छाँट "
    "सकता है: एक छोटी चिप जिसे प्रिंटर से बनाया जा सकता है.",
]


@pytest.fixture(scope="module", params=["tiny_marian_dir", "tiny_m2m_dir"])
def converted(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    source = request.getfixturevalue(request.param)
    target = tmp_path_factory.mktemp("ct2") / (source.name + "-ct2")
    # float32 so that both engines compute the same numbers; int8 is checked separately.
    return source, convert_folder(source, target, quantization="float32")


def test_ct2_gives_the_same_greedy_output(converted: tuple[Path, Path]) -> None:
    source, target = converted
    reference = TransformersTranslator(source).translate(SENTENCES)
    fast = CTranslate2Translator(target, compute_type="float32").translate(SENTENCES)
    assert [r.text for r in fast] == [r.text for r in reference]
    assert all(r.text for r in fast)


def test_auto_engine_picks_ct2_for_a_converted_folder(converted: tuple[Path, Path]) -> None:
    _, target = converted
    translator = load_translator(target, cache=False)
    assert isinstance(translator, CTranslate2Translator)
    assert translator.identity.split(":")[0] in ("marian", "m2m_100")
    assert ":ct2-int8:" in translator.identity
    assert translator.engine_info.engine == "ctranslate2"


def test_int8_conversion_loads_and_translates(tiny_marian_dir: Path, tmp_path: Path) -> None:
    target = convert_folder(tiny_marian_dir, tmp_path / "int8")
    results = CTranslate2Translator(target).translate(SENTENCES)
    assert [r.source for r in results] == SENTENCES
    assert (target / "model.bin").stat().st_size < (tiny_marian_dir / "model.safetensors").stat().st_size


def test_engine_ctranslate2_uses_the_converted_sibling(tiny_marian_dir: Path, tmp_path: Path) -> None:
    plain = Path(shutil.copytree(tiny_marian_dir, tmp_path / "opus"))
    with pytest.raises(ModelInvalidError, match="models convert opus"):
        load_translator(plain, engine="ctranslate2", cache=False)
    convert_folder(plain, tmp_path / "opus-ct2")
    translator = load_translator(plain, engine="ctranslate2", cache=False)
    assert isinstance(translator, CTranslate2Translator) and translator.name == "opus"
    assert translator.folder.path.name == "opus-ct2"


def test_transformers_engine_refuses_a_ct2_folder(converted: tuple[Path, Path]) -> None:
    with pytest.raises(ModelInvalidError, match="CTranslate2"):
        load_translator(converted[1], engine="transformers", cache=False)


def test_convert_refuses_to_overwrite(tiny_marian_dir: Path, tmp_path: Path) -> None:
    target = convert_folder(tiny_marian_dir, tmp_path / "out")
    with pytest.raises(ModelInvalidError, match="already exists"):
        convert_folder(tiny_marian_dir, target)
    assert convert_folder(tiny_marian_dir, target, force=True) == target


def test_missing_ctranslate2_is_a_clear_error(
    converted: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # makes `import ctranslate2` fail
    with pytest.raises(BackendUnavailableError, match="pip install ctranslate2"):
        CTranslate2Translator(converted[1])
