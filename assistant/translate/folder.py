"""Inspect a local model folder before loading it, and say precisely what is wrong.

Loading a half-downloaded or foreign folder deep inside transformers produces long
tracebacks; checking the files first lets every backend, ``models verify`` and the model
list report one clear line instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.errors import ModelInvalidError, ModelNotFoundError

Family = Literal["marian", "m2m_100"]
Engine = Literal["transformers", "ctranslate2"]

SUPPORTED_FAMILIES: dict[str, str] = {
    "marian": "Marian (Helsinki-NLP opus-mt-*)",
    "m2m_100": "NLLB-200 and M2M100 (facebook/nllb-*, facebook/m2m100_*)",
}
WEIGHT_FILES = (
    "model.safetensors",
    "pytorch_model.bin",
    "model.safetensors.index.json",
    "pytorch_model.bin.index.json",
)
MARIAN_TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json")
M2M_TOKENIZER_FILES = ("sentencepiece.bpe.model", "tokenizer.json")
CT2_MARKER = "assistant_model.json"
"""Written next to a converted CTranslate2 model: the family and the folder it came from."""

NOT_FOUND_HINT = (
    "Download a model with `python -m assistant models download opus-mt-hi-en`, "
    "or pass --model PATH pointing to a model folder."
)


@dataclass(frozen=True)
class ModelFolder:
    """A model folder that passed the file checks."""

    path: Path
    family: Family
    engine: Engine
    config: dict


def inspect_folder(path: Path) -> ModelFolder:
    """Check a model folder's files; raise ModelNotFoundError / ModelInvalidError naming the problem."""
    path = Path(path).expanduser()
    if not path.is_dir():
        raise ModelNotFoundError(f"No model folder at {path}.", NOT_FOUND_HINT)
    if (path / "model.bin").is_file():
        return _inspect_ct2(path)
    config = read_config(path)
    model_type = config.get("model_type")
    if not isinstance(model_type, str) or not model_type:
        raise ModelInvalidError(
            f"{path / 'config.json'} has no model_type, so the model family is unknown.",
            "Download the model again or point to a Hugging Face translation model folder.",
        )
    if model_type not in SUPPORTED_FAMILIES:
        supported = "; ".join(f"{key}: {label}" for key, label in SUPPORTED_FAMILIES.items())
        raise ModelInvalidError(
            f"Unsupported model type '{model_type}' in {path / 'config.json'}.",
            f"Supported families are {supported}.",
        )
    if not any((path / name).is_file() for name in WEIGHT_FILES):
        raise ModelInvalidError(
            f"No weights in {path}; download again.",
            f"Expected one of: {', '.join(WEIGHT_FILES)}.",
        )
    check_tokenizer_files(path, model_type)  # type: ignore[arg-type]
    return ModelFolder(path=path, family=model_type, engine="transformers", config=config)  # type: ignore[arg-type]


def read_config(path: Path) -> dict:
    """Parse ``path/config.json``; a missing or broken file is a ModelInvalidError naming it."""
    file = path / "config.json"
    if not file.is_file():
        raise ModelInvalidError(
            f"{file} is missing; this does not look like a complete model folder.",
            "Download the model again.",
        )
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelInvalidError(f"{file} is not valid JSON ({err}).", "Download the model again.") from err
    if not isinstance(data, dict):
        raise ModelInvalidError(f"{file} is not a JSON object.", "Download the model again.")
    return data


def check_tokenizer_files(path: Path, family: Family) -> None:
    if family == "marian":
        missing = [name for name in MARIAN_TOKENIZER_FILES if not (path / name).is_file()]
        if missing:
            raise ModelInvalidError(
                f"Tokenizer files missing in {path}: {', '.join(missing)}.", "Download the model again."
            )
    elif not any((path / name).is_file() for name in M2M_TOKENIZER_FILES):
        raise ModelInvalidError(
            f"Tokenizer files missing in {path}: need {' or '.join(M2M_TOKENIZER_FILES)}.",
            "Download the model again.",
        )


def _inspect_ct2(path: Path) -> ModelFolder:
    marker = path / CT2_MARKER
    family: str | None = None
    if marker.is_file():
        try:
            family = json.loads(marker.read_text(encoding="utf-8")).get("family")
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
            family = None
    if family is None:
        family = "marian" if (path / "source.spm").is_file() else "m2m_100"
    if family not in SUPPORTED_FAMILIES:
        raise ModelInvalidError(f"Unsupported model family '{family}' in {marker}.")
    check_tokenizer_files(path, family)  # type: ignore[arg-type]
    config: dict = {}
    if (path / "config.json").is_file():
        config = read_config(path)
    return ModelFolder(path=path, family=family, engine="ctranslate2", config=config)  # type: ignore[arg-type]
