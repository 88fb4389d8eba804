"""Find and load a translator by preset name, folder name or path, with the right engine.

``engine="auto"`` (the default) translates with the fast CTranslate2 engine whenever it
can: a converted folder is used as is; a transformers folder uses its converted sibling
``NAME-ct2``, and a model installed in the models folder without one is converted on
first use (once; ``ASSISTANT_AUTO_CONVERT=0`` turns that off). ``"transformers"``
always runs the original weights with torch, the reference path.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from assistant.config import get_settings
from assistant.errors import AssistantError, BackendUnavailableError, ModelInvalidError, ModelNotFoundError
from assistant.translate.base import Translator
from assistant.translate.folder import NOT_FOUND_HINT, ModelFolder, inspect_folder

log = logging.getLogger(__name__)

ENGINES = ("auto", "transformers", "ctranslate2")
CT2_SUFFIX = "-ct2"


def available_engines() -> list[str]:
    """The engines whose libraries can be imported here (without importing them)."""
    engines = []
    if _importable("torch") and _importable("transformers"):
        engines.append("transformers")
    if _importable("ctranslate2") and (_importable("sentencepiece") or _importable("tokenizers")):
        engines.append("ctranslate2")
    return engines


def can_convert() -> bool:
    """Converting needs both engines' libraries: torch and transformers to read, CTranslate2 to write."""
    return _importable("ctranslate2") and _importable("torch") and _importable("transformers")


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


def converted_sibling(path: Path) -> Path:
    """Where the CTranslate2 conversion of the model folder ``path`` lives."""
    return path.with_name(path.name + CT2_SUFFIX)


def _installed(path: Path) -> bool:
    try:
        return path.resolve().parent == get_settings().models_dir.resolve()
    except OSError:
        return False


def choose_folder(path: Path, engine: str, *, convert: bool | None = None) -> ModelFolder:
    """The folder to run for ``engine``: the folder itself or its converted sibling,
    converting an installed model on first use when allowed."""
    try:
        folder = inspect_folder(path)
    except ModelNotFoundError as err:
        from assistant.models import PRESETS

        if path.name in PRESETS:
            raise ModelNotFoundError(
                f"The model {path.name} is not installed (looked in {path}).",
                f"Download it with `python -m assistant models download {path.name}`.",
            ) from err
        raise
    if folder.engine == "ctranslate2":
        if engine == "transformers":
            raise ModelInvalidError(
                f"{path} holds a CTranslate2 model, which the transformers engine cannot run.",
                "Use engine 'ctranslate2' or 'auto', or choose the original model folder.",
            )
        return folder
    if engine == "transformers":
        return folder
    fast = "ctranslate2" in available_engines()
    sibling = converted_sibling(path)
    if fast and (sibling / "model.bin").is_file():
        try:
            return inspect_folder(sibling)
        except AssistantError as err:
            log.warning("ignoring the converted model %s: %s", sibling, err)
    allowed = get_settings().auto_convert if convert is None else convert
    if fast and allowed and can_convert() and _installed(path):
        from assistant.translate.convert import convert_folder

        try:
            return inspect_folder(convert_folder(path, sibling, force=True))
        except AssistantError as err:
            if engine == "ctranslate2":
                raise
            log.warning("could not convert %s for the fast engine, using transformers: %s", path, err)
            return folder
    if engine == "ctranslate2":
        if not fast:
            raise BackendUnavailableError(
                "The CTranslate2 engine is not installed.", "Install it with `pip install ctranslate2`."
            )
        raise ModelInvalidError(
            f"{path.name} has not been converted for the CTranslate2 engine.",
            f"Run `python -m assistant models convert {path.name}` first.",
        )
    return folder


def load_translator(
    model: str | Path,
    *,
    engine: str | None = None,
    beam_size: int = 1,
    threads: int | None = None,
    cache: bool = True,
    compute_type: str | None = None,
    workload: str = "article",
    convert: bool | None = None,
) -> Translator:
    """Load a model folder as a translator (wrapped in the translation cache by default).

    ``engine``, ``compute_type`` and ``threads`` default to the settings (environment).
    ``workload="article"`` runs parallel translators for throughput; ``"sentence"`` one
    translator on every core, for the lowest latency on a single sentence. ``convert``
    overrides the settings' permission to convert an installed model on first use.
    The chosen engine and settings are on ``translator.engine_info``.
    """
    settings = get_settings()
    engine = (engine or settings.engine).lower()
    if engine not in ENGINES:
        raise ModelInvalidError(f"Unknown engine '{engine}'.", f"Use one of: {', '.join(ENGINES)}.")
    path = resolve_model_path(model)
    folder = choose_folder(path, engine, convert=convert)

    translator: Translator
    if folder.engine == "ctranslate2":
        if "ctranslate2" not in available_engines():
            raise BackendUnavailableError(
                "The CTranslate2 engine is not installed.", "Install it with `pip install ctranslate2`."
            )
        from assistant.translate.ctranslate2_backend import CTranslate2Translator

        translator = CTranslate2Translator(
            folder.path,
            name=path.name,
            beam_size=beam_size,
            threads=threads,
            compute_type=compute_type or settings.compute_type,
            workload=workload,
        )
    else:
        from assistant.translate.transformers_backend import TransformersTranslator

        translator = TransformersTranslator(folder.path, name=path.name, beam_size=beam_size, threads=threads)
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
