"""Translation model presets and their management: list, download, verify, convert, remove.

Models live in ``Settings.models_dir``, one folder per model, named after the preset.
Downloads go through ``huggingface_hub.snapshot_download`` into that folder (an
interrupted download resumes) and report progress through a plain
``(bytes_done, bytes_total)`` callback so a UI can run them in a background thread.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from assistant.config import get_settings
from assistant.errors import AssistantError, DownloadError, InputError, ModelNotFoundError

Progress = Callable[[int, int], None]


class Downloader(Protocol):
    def __call__(
        self, repo_id: str, local_dir: Path, allow_patterns: list[str], progress: Progress | None
    ) -> None: ...


@dataclass(frozen=True)
class Preset:
    """A model we know how to fetch and run. ``flores_bleu``: hin→eng FLORES-200 BLEU."""

    name: str
    repo_id: str
    family: str
    license: str
    size_mb: int
    flores_bleu: float | None
    note: str = ""
    files: tuple[str, ...] = ()


_WEIGHTS = (
    "model.safetensors",
    "model-*.safetensors",
    "model.safetensors.index.json",
    "pytorch_model.bin",
    "pytorch_model-*.bin",
    "pytorch_model.bin.index.json",
)
_COMMON = ("config.json", "generation_config.json", "tokenizer_config.json", "special_tokens_map.json")
MARIAN_FILES = (*_COMMON, "source.spm", "target.spm", "vocab.json", *_WEIGHTS)
NLLB_FILES = (*_COMMON, "sentencepiece.bpe.model", "tokenizer.json", *_WEIGHTS)

# Best first: default_model() picks the first one installed.
PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            name="nllb-200-distilled-600M",
            repo_id="facebook/nllb-200-distilled-600M",
            family="nllb",
            license="CC-BY-NC-4.0",
            size_mb=2400,
            flores_bleu=37.7,
            note="Much better translations; non-commercial use only (CC BY-NC 4.0). Slower on CPU.",
            files=NLLB_FILES,
        ),
        Preset(
            name="opus-mt-hi-en",
            repo_id="Helsinki-NLP/opus-mt-hi-en",
            family="marian",
            license="Apache-2.0",
            size_mb=300,
            flores_bleu=18.7,
            note="Small and fast; free for any use, but weaker on news text.",
            files=MARIAN_FILES,
        ),
    )
}


@dataclass(frozen=True)
class InstalledModel:
    """A folder in the models directory. ``problem`` is set when it would not load."""

    name: str
    path: Path
    family: str
    size_bytes: int
    preset: Preset | None
    engine: str
    problem: str | None = None


@dataclass
class VerifyReport:
    """What ``verify`` found; ``ok`` when there are no problems."""

    path: Path
    family: str = ""
    engine: str = ""
    sample_source: str = ""
    sample_output: str = ""
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


SAMPLE_SENTENCE = "भारत एक विशाल देश है।"


def models_dir() -> Path:
    return get_settings().models_dir


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def installed_models() -> list[InstalledModel]:
    """Every model folder under the models directory, sorted by name (broken ones flagged)."""
    from assistant.translate.folder import inspect_folder

    root = models_dir()
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.iterdir()):
        if not path.is_dir() or path.name.startswith(".") or path.name.endswith(".partial"):
            continue
        preset = PRESETS.get(path.name) or PRESETS.get(path.name.removesuffix("-ct2"))
        try:
            folder = inspect_folder(path)
            family, engine, problem = folder.family, folder.engine, None
        except AssistantError as err:
            family, engine, problem = "", "", str(err)
        found.append(
            InstalledModel(
                name=path.name,
                path=path,
                family=family,
                size_bytes=folder_size(path),
                preset=preset,
                engine=engine,
                problem=problem,
            )
        )
    return found


def offline_error(name: str, repo_id: str, reason: str = "") -> DownloadError:
    target = models_dir() / name
    detail = f" ({reason})" if reason else ""
    return DownloadError(
        f"Cannot download {name}: this machine is offline or huggingface.co is unreachable{detail}.",
        f"On a connected machine run `python -m assistant models download {name}` (or fetch "
        f"https://huggingface.co/{repo_id}), then copy the model folder to {target}.",
    )


def is_offline() -> bool:
    """True when the user asked huggingface_hub to stay offline."""
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    return constants_offline()


def download(name: str, *, progress: Progress | None = None, downloader: Downloader | None = None) -> Path:
    """Fetch preset ``name`` into the models folder and check it; returns the folder.

    Running it again after an interruption resumes. ``downloader`` replaces the hub
    client (tests); it gets the repo id, target folder, file patterns and progress callback.
    """
    from assistant.translate.folder import inspect_folder

    preset = PRESETS.get(name)
    if preset is None:
        raise ModelNotFoundError(f"Unknown model preset '{name}'.", f"Known presets: {', '.join(PRESETS)}.")
    target = models_dir() / name
    if downloader is None:
        if is_offline():
            raise offline_error(name, preset.repo_id, "HF_HUB_OFFLINE is set")
        downloader = hub_download
    fresh = not target.exists()
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DownloadError(f"Cannot create {target} ({err}).", "Check ASSISTANT_MODELS_DIR.") from err
    try:
        _fetch(name, preset, target, downloader, progress)
    except AssistantError:
        if fresh and target.is_dir() and not any(target.iterdir()):
            target.rmdir()  # leave no empty folder behind when nothing arrived
        raise
    try:
        inspect_folder(target)
    except AssistantError as err:
        raise DownloadError(
            f"The download of {name} is incomplete: {err.message}", "Run the download again; it resumes."
        ) from err
    return target


def _fetch(
    name: str, preset: Preset, target: Path, downloader: Downloader, progress: Progress | None
) -> None:
    """Run the downloader; every failure becomes a DownloadError (offline ones say so)."""
    try:
        downloader(preset.repo_id, target, list(preset.files), progress)
    except AssistantError:
        raise
    except Exception as err:
        if isinstance(err, ConnectionError | TimeoutError) or _looks_like_network_error(err):
            raise offline_error(name, preset.repo_id, type(err).__name__) from err
        hint = (
            "Check free disk space and try again." if isinstance(err, OSError) else "Try again; it resumes."
        )
        raise DownloadError(f"Downloading {name} failed ({err}).", hint) from err


def _looks_like_network_error(err: BaseException) -> bool:
    names = {cls.__name__ for cls in type(err).__mro__}
    network = {"OfflineModeIsEnabled", "ConnectError", "ConnectTimeout", "TimeoutException", "NetworkError"}
    network |= {"LocalEntryNotFoundError", "ConnectionError", "ProxyError", "ReadTimeout"}
    return bool(names & network)


def choose_files(repo_files: Sequence[str], patterns: Sequence[str]) -> list[str]:
    """The repo files to fetch: those matching ``patterns``, one weights format only
    (safetensors when offered, else PyTorch ``.bin``), never TF/Flax/Rust copies."""
    wanted = [f for f in repo_files if any(fnmatch.fnmatch(f, p) for p in patterns)]
    has_safetensors = any(f.endswith(".safetensors") for f in wanted)
    drop = (".bin", ".bin.index.json") if has_safetensors else (".safetensors", ".safetensors.index.json")
    return [f for f in wanted if not f.endswith(drop)]


def hub_download(repo_id: str, local_dir: Path, allow_patterns: list[str], progress: Progress | None) -> None:
    """The real downloader: huggingface_hub into ``local_dir`` (resumable)."""
    from huggingface_hub import HfApi, constants, snapshot_download

    _probe(constants.ENDPOINT)
    files = choose_files(HfApi().list_repo_files(repo_id), allow_patterns)
    snapshot_download(
        repo_id,
        local_dir=str(local_dir),
        allow_patterns=files,
        tqdm_class=progress_tqdm(progress) if progress is not None else None,  # type: ignore[arg-type]
    )


def _probe(endpoint: str, timeout: float = 5.0) -> None:
    """Fail at once when the hub cannot be reached (the hub client retries for ~30 s).

    Skipped behind a proxy, where a direct connection proves nothing.
    """
    if constants_offline():
        return  # the hub client refuses at once by itself
    if any(os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return
    parsed = urlparse(endpoint)
    host = parsed.hostname
    if not host:
        return
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as err:
        raise ConnectionError(f"cannot connect to {host}: {err}") from err


def constants_offline() -> bool:
    try:
        from huggingface_hub import constants
    except ImportError:
        return False
    return bool(constants.HF_HUB_OFFLINE)


def progress_tqdm(progress: Progress) -> type:
    """A silent tqdm class that forwards the hub's byte counter to ``progress``."""
    from tqdm.auto import tqdm

    class _Forward(tqdm):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            desc = str(kwargs.get("desc") or "")
            # The hub makes one byte bar for bytes written to disk (resumed bytes included).
            self._bytes = kwargs.get("unit") == "B" and not desc.startswith("Downloading bytes")
            kwargs.pop("name", None)
            kwargs["disable"] = False  # a disabled tqdm lacks the attributes the hub reads back
            kwargs["file"] = _Discard()
            super().__init__(*args, **kwargs)
            self._done = int(kwargs.get("initial") or 0)

        def update(self, n: float | None = 1) -> bool | None:
            if self._bytes and n:
                self._done += int(n)
                # An exception from the callback is allowed through: it is how a UI cancels.
                progress(self._done, int(self.total or 0))
            return super().update(n)

    return _Forward


class _Discard:
    """A write-only sink: the forwarding bar draws nothing."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def verify(name_or_path: str | Path) -> VerifyReport:
    """Check a model folder end to end: files, config, tokenizer, weights, one translation."""
    from assistant.translate.folder import inspect_folder
    from assistant.translate.registry import load_translator, resolve_model_path

    path = resolve_model_path(name_or_path)
    report = VerifyReport(path=path, sample_source=SAMPLE_SENTENCE)
    try:
        folder = inspect_folder(path)
        report.family, report.engine = folder.family, folder.engine
        start = time.perf_counter()
        translator = load_translator(path, cache=False)
        result = translator.translate([SAMPLE_SENTENCE])
        report.seconds = time.perf_counter() - start
        report.sample_output = result[0].text if result else ""
        if not report.sample_output.strip():
            report.problems.append("the model returned an empty translation for a test sentence")
    except AssistantError as err:
        report.problems.append(str(err))
    except Exception as err:  # verify reports; it never crashes
        report.problems.append(f"unexpected failure: {type(err).__name__}: {err}")
    return report


def _inside_models_dir(name: str) -> Path:
    root = models_dir().resolve()
    path = (models_dir() / name).resolve()
    if not name or path == root or root not in path.parents:
        raise InputError(
            f"Refusing to touch '{name}': it is not a folder inside the models folder {root}.",
            "Give the name of an installed model (see `python -m assistant models list`).",
        )
    return path


def remove(name: str) -> Path:
    """Delete an installed model folder (only inside the models folder); returns its path."""
    path = _inside_models_dir(name)
    if not path.is_dir():
        raise ModelNotFoundError(f"No installed model named '{name}' in {models_dir()}.")
    shutil.rmtree(path)
    return path


def convert(name: str, *, quantization: str = "int8", force: bool = False) -> Path:
    """Convert installed model ``name`` for the CTranslate2 engine into ``NAME-ct2``."""
    from assistant.translate.convert import convert_folder

    source = _inside_models_dir(name)
    if not source.is_dir():
        raise ModelNotFoundError(
            f"No installed model named '{name}' in {models_dir()}.",
            f"Download it first: python -m assistant models download {name}",
        )
    return convert_folder(
        source, source.with_name(f"{source.name}-ct2"), quantization=quantization, force=force
    )
