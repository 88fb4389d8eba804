"""Convert a transformers model folder for the CTranslate2 engine (needs torch and
transformers; translating with the result needs neither).

The converted folder keeps the tokenizer files and records, in ``assistant_model.json``,
the family, the source folder, the weight type and the length limit, so the fast engine
can reproduce the transformers path exactly. The decoder's cross-attention is kept
averaged over all heads of the last layer, which is what the word aligner reads.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from assistant.errors import ModelInvalidError
from assistant.translate.ctranslate2_backend import import_ctranslate2
from assistant.translate.decoding import DEFAULT_POSITIONS, short_error
from assistant.translate.folder import CT2_MARKER, inspect_folder

QUANTIZATIONS = ("int8", "int8_float32", "int16", "float32")
TOKENIZER_FILES = (
    "source.spm",
    "target.spm",
    "vocab.json",
    "sentencepiece.bpe.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "generation_config.json",
)
ALL_HEADS = 0
"""CTranslate2's ``alignment_heads`` value that averages every head of the alignment layer."""


def convert_folder(
    source: Path,
    target: Path,
    *,
    quantization: str = "int8",
    force: bool = False,
    on_step: Callable[[str], None] | None = None,
) -> Path:
    """Convert a transformers model folder into a CTranslate2 folder (int8 by default).

    The result is built in a hidden folder beside ``target`` and renamed into place, so
    a failed conversion leaves nothing behind. ``on_step`` hears what is going on.
    """
    ctranslate2 = import_ctranslate2()
    if quantization not in QUANTIZATIONS:
        raise ModelInvalidError(
            f"Unknown quantization '{quantization}'.", f"Use one of: {', '.join(QUANTIZATIONS)}."
        )
    folder = inspect_folder(Path(source))
    if folder.engine != "transformers":
        raise ModelInvalidError(f"{folder.path} is already a CTranslate2 model.")
    target = Path(target)
    if target.exists() and not force:
        raise ModelInvalidError(f"{target} already exists.", "Remove it first, or convert with --force.")
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = [name for name in TOKENIZER_FILES if (folder.path / name).is_file()]
    partial = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    try:
        if on_step is not None:
            on_step(f"Converting {folder.path.name} for the fast engine ({quantization})…")
        from assistant.translate.transformers_backend import load_tokenizer, position_limit, quiet_loading

        with quiet_loading():
            converter = _converter_class(ctranslate2)(str(folder.path), copy_files=copy)
            converter.convert(str(partial), quantization=quantization, force=True)
        limit = position_limit(load_tokenizer(folder), folder.config)
    except Exception as err:
        shutil.rmtree(partial, ignore_errors=True)
        raise ModelInvalidError(
            f"Converting {folder.path} to CTranslate2 failed ({short_error(err)}).",
            "Check the model with `python -m assistant models verify`.",
        ) from err
    marker = {
        "family": folder.family,
        "source": folder.path.name,
        "quantization": quantization,
        "forced_eos": folder.config.get("forced_eos_token_id") is not None,
        "position_limit": limit or DEFAULT_POSITIONS,
        "alignment_heads": "all",
    }
    # The shape sizes the batches by the memory their decoding state takes (``memory``).
    for key in ("decoder_layers", "d_model"):
        if isinstance(folder.config.get(key), int):
            marker[key] = folder.config[key]
    (partial / CT2_MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    partial.rename(target)
    return target


def _converter_class(ctranslate2: object) -> type:
    """The transformers converter, set to keep every head's attention (averaged)."""
    base = ctranslate2.converters.TransformersConverter  # type: ignore[attr-defined]

    class _AllHeadsConverter(base):  # type: ignore[misc, valid-type]
        def _load(self):
            import numpy as np

            spec = super()._load()
            decoder = getattr(spec, "decoder", None)
            if decoder is not None and hasattr(decoder, "alignment_heads"):
                decoder.alignment_heads = np.dtype("int16").type(ALL_HEADS)
            return spec

    return _AllHeadsConverter
