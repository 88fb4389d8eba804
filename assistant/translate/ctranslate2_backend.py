"""Translate with a CTranslate2 model (int8 on the CPU): the fast optional engine.

A converted folder holds ``model.bin`` plus the original tokenizer files; the Hugging Face
tokenizer does the text↔token work and CTranslate2 the decoding. ``convert_folder`` makes
such a folder from a downloaded transformers model.
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any

from assistant.config import get_settings
from assistant.errors import BackendUnavailableError, ModelInvalidError, TranslationError
from assistant.translate.base import Translator, folder_digest
from assistant.translate.folder import CT2_MARKER, inspect_folder
from assistant.translate.transformers_backend import (
    _short,
    input_limit,
    language_tokens,
    load_tokenizer,
    output_budget,
)

INSTALL_HINT = "Install it with `pip install ctranslate2`, or use engine 'transformers'."
COMPUTE_TYPES = ("int8", "int8_float32", "int16", "float32", "default", "auto")
_TOKENIZER_FILES = (
    "source.spm",
    "target.spm",
    "vocab.json",
    "sentencepiece.bpe.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "generation_config.json",
)


def import_ctranslate2() -> Any:
    try:
        import ctranslate2
    except ImportError as err:
        raise BackendUnavailableError("The CTranslate2 engine is not installed.", INSTALL_HINT) from err
    return ctranslate2


class CTranslate2Translator(Translator):
    """A converted CTranslate2 model folder, decoded on the CPU."""

    def __init__(
        self,
        path: Path,
        *,
        name: str | None = None,
        beam_size: int = 1,
        threads: int | None = None,
        compute_type: str = "int8",
    ) -> None:
        ctranslate2 = import_ctranslate2()
        folder = inspect_folder(Path(path))
        if folder.engine != "ctranslate2":
            raise ModelInvalidError(
                f"{folder.path} is not a CTranslate2 model (no model.bin).",
                f"Convert it first: python -m assistant models convert {folder.path.name}",
            )
        if compute_type not in COMPUTE_TYPES:
            raise ModelInvalidError(
                f"Unknown compute type '{compute_type}'.", f"Use one of: {', '.join(COMPUTE_TYPES)}."
            )
        self.folder = folder
        self.name = name or folder.path.name
        self.beam_size = max(1, int(beam_size))
        self.identity = (
            f"{folder.family}:{folder_digest(folder.path, ('config.json', CT2_MARKER))}"
            f":ct2-{compute_type}:beam{self.beam_size}"
        )
        self._lock = threading.Lock()
        self.tokenizer = load_tokenizer(folder)
        self._languages = language_tokens(folder, self.tokenizer)
        try:
            self.model = ctranslate2.Translator(
                str(folder.path),
                device="cpu",
                compute_type=compute_type,
                intra_threads=threads or get_settings().threads,
            )
        except Exception as err:
            raise ModelInvalidError(
                f"The CTranslate2 model in {folder.path} could not be loaded ({_short(err)}).",
                "Convert the model again with `python -m assistant models convert NAME`.",
            ) from err
        limit = getattr(self.tokenizer, "model_max_length", 512)
        self._limit = limit if isinstance(limit, int) and 0 < limit < 100_000 else 512
        self.max_input_tokens = input_limit(self._limit)
        # transformers spends the last allowed step on a forced end token; match it so both
        # engines give the same output for the same model.
        self._forced_eos = bool(_marker(folder.path).get("forced_eos"))

    def count_tokens(self, text: str) -> int:
        with self._lock:
            return len(self.tokenizer(text, add_special_tokens=True, verbose=False)["input_ids"])

    def _translate_batch(self, sentences: list[str]) -> list[str]:
        with self._lock:
            try:
                ids = [
                    self.tokenizer(s, add_special_tokens=True, verbose=False)["input_ids"] for s in sentences
                ]
                tokens = [self.tokenizer.convert_ids_to_tokens(row) for row in ids]
                prefix = [[self._languages[1]] for _ in tokens] if self._languages else None
                results = self.model.translate_batch(
                    tokens,
                    target_prefix=prefix,
                    beam_size=self.beam_size,
                    max_decoding_length=output_budget(max(len(row) for row in ids), self._limit)
                    - int(self._forced_eos),
                    max_input_length=0,
                )
                outputs = []
                for result in results:
                    hypothesis = result.hypotheses[0]
                    if self._languages:
                        hypothesis = [t for t in hypothesis if t != self._languages[1]]
                    out_ids = self.tokenizer.convert_tokens_to_ids(hypothesis)
                    outputs.append(self.tokenizer.decode(out_ids, skip_special_tokens=True))
                return outputs
            except Exception as err:
                raise TranslationError(
                    f"Translation with {self.name} failed ({_short(err)}).",
                    "Try again, or convert the model again.",
                ) from err


def convert_folder(source: Path, target: Path, *, quantization: str = "int8", force: bool = False) -> Path:
    """Convert a transformers model folder into a CTranslate2 folder (int8 by default)."""
    ctranslate2 = import_ctranslate2()
    folder = inspect_folder(Path(source))
    if folder.engine != "transformers":
        raise ModelInvalidError(f"{folder.path} is already a CTranslate2 model.")
    target = Path(target)
    if target.exists() and not force:
        raise ModelInvalidError(f"{target} already exists.", "Remove it first, or convert with force.")
    copy = [name for name in _TOKENIZER_FILES if (folder.path / name).is_file()]
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        from assistant.translate.transformers_backend import quiet_loading

        with quiet_loading():
            converter = ctranslate2.converters.TransformersConverter(str(folder.path), copy_files=copy)
            converter.convert(str(partial), quantization=quantization, force=True)
    except Exception as err:
        shutil.rmtree(partial, ignore_errors=True)
        raise ModelInvalidError(
            f"Converting {folder.path} to CTranslate2 failed ({_short(err)}).",
            "Check the model with `python -m assistant models verify`.",
        ) from err
    marker = {
        "family": folder.family,
        "source": folder.path.name,
        "quantization": quantization,
        "forced_eos": folder.config.get("forced_eos_token_id") is not None,
    }
    (partial / CT2_MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    partial.rename(target)
    return target


def _marker(path: Path) -> dict:
    try:
        data = json.loads((path / CT2_MARKER).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}
