"""Translation model presets and their management: list, download, verify, convert, remove.

Models live in ``Settings.models_dir``, one folder per model, named after the preset.
A download goes through ``huggingface_hub.snapshot_download`` at one pinned commit into a
hidden folder beside its final place (``.NAME.partial-XXXX``); every file's size (and
SHA-256, for the large files) is checked against the hub's record, the folder is checked
as a model, and only then renamed into place, so a model is never offered half-written
and a failed or cancelled download leaves nothing behind. Progress goes through a plain
``(bytes_done, bytes_total)`` callback so a UI can run downloads in a background thread.
Right after a download the model is converted for the fast CTranslate2 engine (int8) when
the converter is installed; the converted copy lives beside it as ``NAME-ct2``.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import logging
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from assistant.config import get_settings
from assistant.errors import AssistantError, DownloadError, InputError, ModelNotFoundError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
StageCallback = Callable[[str, str], None]
"""``(stage, message)``: "downloading", "verifying" or "converting", and a line to show."""

MANIFEST = "assistant_download.json"
"""Written into a downloaded model folder: the commit it came from and each file's size."""
CT2_SUFFIX = "-ct2"


@dataclass(frozen=True)
class FileCheck:
    """What the hub says one file must be."""

    name: str
    size: int | None
    sha256: str | None = None


@dataclass(frozen=True)
class Manifest:
    """The commit a download came from and the files it must hold."""

    revision: str
    files: tuple[FileCheck, ...]


class Downloader(Protocol):
    def __call__(
        self, repo_id: str, local_dir: Path, allow_patterns: list[str], progress: Progress | None
    ) -> Manifest | None: ...


@dataclass(frozen=True)
class Preset:
    """A model we know how to fetch and run.

    ``flores_bleu``: hin→eng FLORES-200 devtest BLEU as published (``flores_source`` says
    where); ``revision``: the hub commit downloads are pinned to (None: the current commit,
    resolved once per download and recorded in the folder)."""

    name: str
    repo_id: str
    family: str
    license: str
    size_mb: int
    flores_bleu: float | None
    note: str = ""
    files: tuple[str, ...] = ()
    revision: str | None = None
    flores_source: str = ""
    commercial_use: bool = True


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

# Best first: default_model() picks the first one installed. The figures and where they
# come from are listed in models/README.md.
PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            name="opus-mt-tc-bible-big-inc",
            repo_id="Helsinki-NLP/opus-mt-tc-bible-big-inc-deu_eng_fra_por_spa",
            family="marian",
            license="Apache-2.0",
            size_mb=965,
            flores_bleu=38.7,
            note=(
                "Recommended: the best open-licensed model, free for any use. Indic languages to "
                "English (and four others); about 240 M parameters, fast once converted."
            ),
            files=MARIAN_FILES,
            revision="70c4613369885266f98bc4463ad664ed35ab4f12",
            flores_source="OPUS-MT leaderboard, flores200-devtest hin-eng, sacreBLEU 13a",
        ),
        Preset(
            name="nllb-200-distilled-600M",
            repo_id="facebook/nllb-200-distilled-600M",
            family="nllb",
            license="CC-BY-NC-4.0",
            size_mb=2460,
            flores_bleu=37.7,
            note="Strong too, but non-commercial use only (CC BY-NC 4.0); 2.5x the work per sentence.",
            files=NLLB_FILES,
            flores_source="NLLB-200 paper (hin_Deva-eng_Latn, spBLEU); 38.1 on the OPUS-MT leaderboard",
            commercial_use=False,
        ),
        Preset(
            name="opus-mt-hi-en",
            repo_id="Helsinki-NLP/opus-mt-hi-en",
            family="marian",
            license="Apache-2.0",
            size_mb=300,
            flores_bleu=18.8,
            note="Small and fast; free for any use, but much weaker on news text.",
            files=MARIAN_FILES,
            flores_source="OPUS-MT leaderboard, opus-2019-12-18, FLORES devtest hin-eng, sacreBLEU 13a",
        ),
    )
}
RECOMMENDED = "opus-mt-tc-bible-big-inc"


@dataclass(frozen=True)
class InstalledModel:
    """A folder in the models directory. ``problem`` is set when it would not load;
    ``converted`` is the fast-engine copy beside it (``NAME-ct2``), listed with it."""

    name: str
    path: Path
    family: str
    size_bytes: int
    preset: Preset | None
    engine: str
    problem: str | None = None
    converted: Path | None = None
    revision: str | None = None


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


def is_partial(path: Path) -> bool:
    """A download or conversion still being written (or left by a crash): never a model."""
    return path.name.startswith(".") or ".partial" in path.name


def installed_models() -> list[InstalledModel]:
    """Every model folder under the models directory, sorted by name (broken ones flagged).

    Folders being written are skipped; a ``NAME-ct2`` conversion is listed with ``NAME``
    (as ``converted``) when both exist, and on its own otherwise."""
    from assistant.translate.folder import inspect_folder

    root = models_dir()
    if not root.is_dir():
        return []
    folders = {p.name: p for p in root.iterdir() if p.is_dir() and not is_partial(p)}
    found = []
    for name, path in sorted(folders.items()):
        if name.endswith(CT2_SUFFIX) and name.removesuffix(CT2_SUFFIX) in folders:
            continue
        preset = PRESETS.get(name) or PRESETS.get(name.removesuffix(CT2_SUFFIX))
        try:
            folder = inspect_folder(path)
            family, engine, problem = folder.family, folder.engine, None
        except AssistantError as err:
            family, engine, problem = "", "", str(err)
        if problem is None:
            problem = check_manifest(path)
        sibling = folders.get(name + CT2_SUFFIX)
        converted = sibling if sibling is not None and (sibling / "model.bin").is_file() else None
        size = folder_size(path) + (folder_size(converted) if converted is not None else 0)
        found.append(
            InstalledModel(
                name=name,
                path=path,
                family=family,
                size_bytes=size,
                preset=preset,
                engine=engine,
                problem=problem,
                converted=converted,
                revision=read_manifest(path).revision if (path / MANIFEST).is_file() else None,
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


def download(
    name: str,
    *,
    progress: Progress | None = None,
    downloader: Downloader | None = None,
    on_stage: StageCallback | None = None,
    convert: bool | None = None,
) -> Path:
    """Fetch preset ``name`` into the models folder, check it, convert it; returns the folder.

    The files arrive in a hidden folder beside the final one, are checked against the
    hub's sizes and checksums and as a model folder, then renamed into place; on any
    failure (or a cancel raised from ``progress``) that folder is removed. ``downloader``
    replaces the hub client (tests); it gets the repo id, target folder, file patterns and
    progress callback and may return a ``Manifest`` to check against. ``convert`` (default:
    the settings) converts the model for the fast engine afterwards; a failed conversion
    leaves the model installed for the transformers engine.
    """
    from assistant.translate.folder import inspect_folder

    preset = PRESETS.get(name)
    if preset is None:
        raise ModelNotFoundError(f"Unknown model preset '{name}'.", f"Known presets: {', '.join(PRESETS)}.")
    root = models_dir()
    target = root / name
    if downloader is None:
        if is_offline():
            raise offline_error(name, preset.repo_id, "HF_HUB_OFFLINE is set")
        downloader = hub_download
    stage = on_stage or (lambda _stage, _message: None)
    try:
        root.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f".{name}.partial-", dir=root))
    except OSError as err:
        raise DownloadError(f"Cannot write into {root} ({err}).", "Check ASSISTANT_MODELS_DIR.") from err
    try:
        stage("downloading", f"Downloading {name}…")
        manifest = _fetch(name, preset, partial, downloader, progress)
        stage("verifying", f"Checking the files of {name}…")
        if manifest is not None:
            problem = verify_files(partial, manifest)
            if problem:
                raise DownloadError(f"The download of {name} is damaged: {problem}.", "Download it again.")
            write_manifest(partial, manifest)
        try:
            inspect_folder(partial)
        except AssistantError as err:
            raise DownloadError(
                f"The download of {name} is incomplete: {err.message}", "Download it again."
            ) from err
        _replace(partial, target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    _convert_after_download(name, target, stage, convert)
    return target


def _replace(partial: Path, target: Path) -> None:
    """Rename the checked folder into place; an older copy goes only once the new one is there."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{int(time.time())}")
        target.rename(old)
    partial.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _convert_after_download(name: str, target: Path, stage: StageCallback, convert: bool | None) -> None:
    from assistant.translate.registry import can_convert

    allowed = get_settings().auto_convert if convert is None else convert
    if not allowed or not can_convert():
        return
    from assistant.translate.convert import convert_folder

    stage("converting", f"Converting {name} for the fast engine (int8)…")
    try:
        convert_folder(target, target.with_name(name + CT2_SUFFIX), force=True)
    except AssistantError as err:
        log.warning("%s was installed but not converted: %s", name, err)
        stage(
            "converting", f"{name} is installed, but converting it for the fast engine failed: {err.message}"
        )


def _fetch(
    name: str, preset: Preset, target: Path, downloader: Downloader, progress: Progress | None
) -> Manifest | None:
    """Run the downloader; every failure becomes a DownloadError (offline ones say so)."""
    try:
        return downloader(preset.repo_id, target, list(preset.files), progress)
    except AssistantError:
        raise
    except Exception as err:
        if isinstance(err, ConnectionError | TimeoutError) or _looks_like_network_error(err):
            raise offline_error(name, preset.repo_id, type(err).__name__) from err
        hint = "Check free disk space and try again." if isinstance(err, OSError) else "Try again."
        raise DownloadError(f"Downloading {name} failed ({err}).", hint) from err


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_files(folder: Path, manifest: Manifest, *, checksums: bool = True) -> str | None:
    """The first way ``folder`` differs from ``manifest`` (missing file, size, checksum), or None."""
    for item in manifest.files:
        path = folder / item.name
        if not path.is_file():
            return f"{item.name} is missing"
        size = path.stat().st_size
        if item.size is not None and size != item.size:
            return f"{item.name} has {size:,} bytes instead of {item.size:,}"
        if checksums and item.sha256 and sha256_of(path) != item.sha256.lower():
            return f"{item.name} does not match its SHA-256 checksum"
    return None


def write_manifest(folder: Path, manifest: Manifest) -> None:
    data = {
        "revision": manifest.revision,
        "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in manifest.files],
    }
    (folder / MANIFEST).write_text(json.dumps(data, indent=1), encoding="utf-8")


def read_manifest(folder: Path) -> Manifest:
    data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    files = tuple(FileCheck(str(f["name"]), f.get("size"), f.get("sha256")) for f in data.get("files", []))
    return Manifest(revision=str(data.get("revision", "")), files=files)


def check_manifest(folder: Path) -> str | None:
    """Sizes of a downloaded folder against its record (cheap: no checksums); None when fine
    or when the folder has no record (copied in by hand)."""
    if not (folder / MANIFEST).is_file():
        return None
    try:
        manifest = read_manifest(folder)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        return f"{folder / MANIFEST} is unreadable ({err}); download the model again"
    problem = verify_files(folder, manifest, checksums=False)
    return f"{problem}; download the model again" if problem else None


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


def hub_download(
    repo_id: str, local_dir: Path, allow_patterns: list[str], progress: Progress | None
) -> Manifest:
    """The real downloader: huggingface_hub at one commit (the preset's pinned revision, or
    the current one), returning the files' sizes and checksums to check against."""
    from huggingface_hub import HfApi, constants, snapshot_download

    _probe(constants.ENDPOINT)
    preset = next((p for p in PRESETS.values() if p.repo_id == repo_id), None)
    info = HfApi().model_info(repo_id, revision=preset.revision if preset else None, files_metadata=True)
    revision = str(info.sha)
    siblings = {s.rfilename: s for s in info.siblings or ()}
    files = choose_files(list(siblings), allow_patterns)
    snapshot_download(
        repo_id,
        revision=revision,
        local_dir=str(local_dir),
        allow_patterns=files,
        tqdm_class=progress_tqdm(progress) if progress is not None else None,  # type: ignore[arg-type]
    )
    checks = []
    for name in files:
        lfs = getattr(siblings[name], "lfs", None)
        sha = getattr(lfs, "sha256", None) or (lfs.get("sha256") if isinstance(lfs, dict) else None)
        checks.append(FileCheck(name, getattr(siblings[name], "size", None), sha))
    return Manifest(revision=revision, files=tuple(checks))


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
    if (path / MANIFEST).is_file():
        try:
            problem = verify_files(path, read_manifest(path))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
            problem = f"{MANIFEST} is unreadable ({err})"
        if problem:
            report.problems.append(f"{problem}; download the model again")
    try:
        folder = inspect_folder(path)
        report.family, report.engine = folder.family, folder.engine
        start = time.perf_counter()
        translator = load_translator(path, cache=False)
        result = translator.translate([SAMPLE_SENTENCE])
        report.seconds = time.perf_counter() - start
        report.sample_output = result[0].text if result else ""
        report.engine = translator.engine_info.engine
        if not report.sample_output.strip():
            report.problems.append(
                "the model returned an empty or degenerate translation for a test sentence"
            )
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
    """Delete an installed model folder and its fast-engine copy (only inside the models
    folder); returns its path."""
    path = _inside_models_dir(name)
    if not path.is_dir():
        raise ModelNotFoundError(f"No installed model named '{name}' in {models_dir()}.")
    shutil.rmtree(path)
    sibling = path.with_name(path.name + CT2_SUFFIX)
    if not name.endswith(CT2_SUFFIX) and sibling.is_dir():
        shutil.rmtree(sibling)
    return path


def convert(
    name: str | None = None,
    *,
    path: Path | None = None,
    output: Path | None = None,
    quantization: str = "int8",
    force: bool = False,
) -> Path:
    """Convert a model for the CTranslate2 engine: installed model ``name`` (into
    ``NAME-ct2`` beside it) or any model folder ``path`` (into ``output``, by default
    ``PATH-ct2`` beside it)."""
    from assistant.translate.convert import convert_folder

    if path is None:
        if not name:
            raise InputError("Name an installed model or give --model PATH.")
        source = _inside_models_dir(name)
        if not source.is_dir():
            raise ModelNotFoundError(
                f"No installed model named '{name}' in {models_dir()}.",
                f"Download it first: python -m assistant models download {name}",
            )
    else:
        source = Path(path).expanduser()
        if not source.is_dir():
            raise ModelNotFoundError(f"No model folder at {source}.", "Check the path given to --model.")
    target = Path(output).expanduser() if output is not None else source.with_name(source.name + CT2_SUFFIX)
    return convert_folder(source, target, quantization=quantization, force=force)
