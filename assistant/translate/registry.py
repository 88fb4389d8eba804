"""Find and load a translator by preset name, folder name or path, with the right engine."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from assistant.config import get_settings
from assistant.errors import BackendUnavailableError, ModelInvalidError, ModelNotFoundError
from assistant.translate.base import Translator
from assistant.translate.folder import NOT_FOUND_HINT, inspect_folder

ENGINES = ("auto", "transformers", "ctranslate2")
CT2_SUFFIX = "-ct2"


def available_engines() -> list[str]:
    """The engines whose libraries can be imported here (without importing them)."""
    engines = []
    if _importable("torch") and _importable("transformers"):
        engines.append("transformers")
    if _importable("ctranslate2") and _importable("transformers"):
        engines.append("ctranslate2")
    return engines


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError, AttributeError):  # e.g. blocked by sys.modules[module] = None
        return False


def resolve_model_path(model: str | Path) -> Path:
    """A preset or folder name under the models folder, or a path to a model folder."""
    if isinstance(model, Path):
        return model.expanduser()
    text = str(model).strip()
    if not text:
        raise ModelNotFoundError("No model given.", NOT_FOUND_HINT)
    candidate = get_settings().models_dir / text
    looks_like_path = "/" in text or "\\" in text or text.startswith((".", "~"))
    if not looks_like_path and candidate.is_dir():
        return candidate
    path = Path(text).expanduser()
    if looks_like_path or path.is_dir():
        return path
    return candidate


def load_translator(
    model: str | Path,
    *,
    engine: str = "auto",
    beam_size: int = 1,
    threads: int | None = None,
    cache: bool = True,
    compute_type: str = "int8",
) -> Translator:
    """Load a model folder as a translator (wrapped in the translation cache by default).

    ``engine="auto"`` uses whatever the folder holds (a CTranslate2 ``model.bin`` or a
    transformers model); ``"ctranslate2"`` also accepts a transformers folder whose
    converted sibling ``NAME-ct2`` exists.
    """
    if engine not in ENGINES:
        raise ModelInvalidError(f"Unknown engine '{engine}'.", f"Use one of: {', '.join(ENGINES)}.")
    path = resolve_model_path(model)
    try:
        folder = inspect_folder(path)
    except ModelNotFoundError as err:
        from assistant.models import PRESETS

        if str(model) in PRESETS:
            raise ModelNotFoundError(
                f"The model {model} is not installed (looked in {path}).",
                f"Download it with `python -m assistant models download {model}`.",
            ) from err
        raise
    name = path.name
    if engine == "ctranslate2" and folder.engine == "transformers":
        sibling = path.with_name(path.name + CT2_SUFFIX)
        if not (sibling / "model.bin").is_file():
            raise ModelInvalidError(
                f"{path.name} has not been converted for the CTranslate2 engine.",
                f"Run `python -m assistant models convert {path.name}` first.",
            )
        folder = inspect_folder(sibling)
        name = sibling.name
    if engine == "transformers" and folder.engine == "ctranslate2":
        raise ModelInvalidError(
            f"{path} holds a CTranslate2 model, which the transformers engine cannot run.",
            "Use engine 'ctranslate2' or 'auto', or choose the original model folder.",
        )

    translator: Translator
    if folder.engine == "ctranslate2":
        if "ctranslate2" not in available_engines():
            raise BackendUnavailableError(
                "The CTranslate2 engine is not installed.", "Install it with `pip install ctranslate2`."
            )
        from assistant.translate.ctranslate2_backend import CTranslate2Translator

        translator = CTranslate2Translator(
            folder.path, name=name, beam_size=beam_size, threads=threads, compute_type=compute_type
        )
    else:
        from assistant.translate.transformers_backend import TransformersTranslator

        translator = TransformersTranslator(folder.path, name=name, beam_size=beam_size, threads=threads)
    if cache:
        from assistant.translate.cache import CachedTranslator

        return CachedTranslator(translator)
    return translator


def default_model() -> str | None:
    """The best installed preset (PRESETS is ordered best first), else any installed model, else None."""
    from assistant.models import PRESETS, installed_models

    installed = {m.name: m for m in installed_models() if m.problem is None}
    for preset in PRESETS.values():
        for name in (preset.name, preset.name + CT2_SUFFIX):
            if name in installed:
                return name
    return min(installed) if installed else None
