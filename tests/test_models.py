"""Model presets and management: download, installed list, verify, remove, convert, and the CLI."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from assistant import models
from assistant.cli import main
from assistant.errors import DownloadError, InputError, ModelNotFoundError
from assistant.translate import available_engines, default_model, load_translator


@pytest.fixture
def models_root(isolated_user_paths: Path) -> Path:
    root = isolated_user_paths / "models"
    assert models.models_dir() == root
    return root


def install(source: Path, root: Path, name: str) -> Path:
    return Path(shutil.copytree(source, root / name))


def fake_downloader(source: Path, chunks: int = 4):
    """Copies a tiny model folder into place, reporting byte progress like the hub."""
    calls: list[tuple[str, Path, list[str]]] = []

    def download(repo_id: str, local_dir: Path, allow_patterns: list[str], progress) -> None:
        calls.append((repo_id, local_dir, allow_patterns))
        files = [p for p in source.iterdir() if p.is_file()]
        total = sum(p.stat().st_size for p in files)
        done = 0
        for path in files:
            shutil.copy2(path, local_dir / path.name)
            done += path.stat().st_size
            if progress is not None:
                progress(done, total)

    download.calls = calls  # type: ignore[attr-defined]
    return download


# --- presets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "repo_id", "license", "bleu"),
    [
        ("opus-mt-hi-en", "Helsinki-NLP/opus-mt-hi-en", "Apache-2.0", 18.8),
        ("nllb-200-distilled-600M", "facebook/nllb-200-distilled-600M", "CC-BY-NC-4.0", 37.7),
        (
            "opus-mt-tc-bible-big-inc",
            "Helsinki-NLP/opus-mt-tc-bible-big-inc-deu_eng_fra_por_spa",
            "Apache-2.0",
            38.7,
        ),
    ],
)
def test_presets(name: str, repo_id: str, license: str, bleu: float) -> None:
    preset = models.PRESETS[name]
    assert (preset.repo_id, preset.license, preset.flores_bleu) == (repo_id, license, bleu)
    assert "config.json" in preset.files and "model.safetensors" in preset.files
    if "nllb" in name:
        assert "non-commercial" in preset.note


@pytest.mark.parametrize(
    ("repo_files", "expected"),
    [
        (
            [
                "config.json",
                "model.safetensors",
                "pytorch_model.bin",
                "tf_model.h5",
                "source.spm",
                "README.md",
            ],
            ["config.json", "model.safetensors", "source.spm"],
        ),
        (
            ["config.json", "pytorch_model.bin", "rust_model.ot", "vocab.json"],
            ["config.json", "pytorch_model.bin", "vocab.json"],
        ),
        (
            [
                "config.json",
                "model-00001-of-00002.safetensors",
                "model.safetensors.index.json",
                "flax_model.msgpack",
            ],
            ["config.json", "model-00001-of-00002.safetensors", "model.safetensors.index.json"],
        ),
    ],
)
def test_choose_files_takes_one_weights_format(repo_files: list[str], expected: list[str]) -> None:
    assert models.choose_files(repo_files, models.MARIAN_FILES) == expected


# --- download ----------------------------------------------------------------------------------


def test_download_with_fake_downloader_reports_progress(tiny_marian_dir: Path, models_root: Path) -> None:
    seen: list[tuple[int, int]] = []
    downloader = fake_downloader(tiny_marian_dir)
    path = models.download(
        "opus-mt-hi-en", progress=lambda d, t: seen.append((d, t)), downloader=downloader, convert=False
    )
    assert path == models_root / "opus-mt-hi-en"
    repo_id, local_dir, patterns = downloader.calls[0]
    assert repo_id == "Helsinki-NLP/opus-mt-hi-en" and "source.spm" in patterns
    # Written beside the final folder under a hidden name, renamed when checked.
    assert local_dir.parent == models_root and local_dir.name.startswith(".opus-mt-hi-en.partial-")
    assert sorted(p.name for p in models_root.iterdir()) == ["opus-mt-hi-en"]
    assert seen and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1][0] == seen[-1][1] > 0
    installed = {m.name: m for m in models.installed_models()}
    assert installed["opus-mt-hi-en"].preset is models.PRESETS["opus-mt-hi-en"]
    assert installed["opus-mt-hi-en"].family == "marian" and installed["opus-mt-hi-en"].problem is None


def test_incomplete_download_is_an_error(tiny_marian_dir: Path, models_root: Path, tmp_path: Path) -> None:
    partial = Path(shutil.copytree(tiny_marian_dir, tmp_path / "partial"))
    (partial / "model.safetensors").unlink()
    with pytest.raises(DownloadError, match="incomplete"):
        models.download("opus-mt-hi-en", downloader=fake_downloader(partial))


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (ConnectionError("refused"), ["offline", "copy the model folder"]),
        (TimeoutError("slow"), ["offline", "copy the model folder"]),
        (OSError(28, "No space left on device"), ["failed", "disk space"]),
        (ValueError("odd"), ["failed", "Try again"]),
    ],
)
def test_downloader_failures_become_download_errors(
    models_root: Path, failure: Exception, words: list[str]
) -> None:
    def broken(*args: object) -> None:
        raise failure

    with pytest.raises(DownloadError) as caught:
        models.download("opus-mt-hi-en", downloader=broken)
    for word in words:
        assert word in str(caught.value)
    assert list(models_root.iterdir()) == []  # no folder left behind, partial or final


def test_unreachable_hub_fails_at_once(models_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    monkeypatch.delenv("HF_HUB_OFFLINE")
    for proxy in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(proxy, raising=False)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    start = time.perf_counter()
    with pytest.raises(DownloadError, match="offline"):
        models.download("opus-mt-hi-en")
    assert time.perf_counter() - start < 5


def test_offline_download_fails_fast_with_the_real_hub(models_root: Path) -> None:
    start = time.perf_counter()
    with pytest.raises(DownloadError) as caught:
        models.download("nllb-200-distilled-600M")
    assert time.perf_counter() - start < 5
    assert "offline" in str(caught.value)
    assert str(models_root / "nllb-200-distilled-600M") in str(caught.value)


def test_real_hub_client_offline_error_is_converted(
    models_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    start = time.perf_counter()
    with pytest.raises(DownloadError, match="offline"):
        models.download("opus-mt-hi-en", downloader=models.hub_download)
    assert time.perf_counter() - start < 5


def test_unknown_preset(models_root: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="opus-mt-hi-en"):
        models.download("gpt-hi")


def test_progress_bar_forwards_bytes_like_the_hub_uses_it() -> None:
    seen: list[tuple[int, int]] = []
    cls = models.progress_tqdm(lambda done, total: seen.append((done, total)))
    written = cls(total=0, initial=0, unit="B", unit_scale=True, desc="Reconstructing (incomplete total...)")
    network = cls(total=0, initial=0, unit="B", unit_scale=True, desc="Downloading bytes")
    written.total = 100
    written.refresh()
    written.update(40)
    written.set_postfix_str("1 MB/s", refresh=False)
    network.update(30)
    written.update(60)
    assert list(cls(iter([1, 2]), total=2)) == [1, 2]  # the file-count bar wraps an iterator
    assert seen == [(40, 100), (100, 100)]


# --- installed models, default, verify, remove ---------------------------------------------------


def test_default_model_prefers_quality(tiny_marian_dir: Path, tiny_m2m_dir: Path, models_root: Path) -> None:
    assert default_model() is None
    install(tiny_marian_dir, models_root, "opus-mt-hi-en")
    assert default_model() == "opus-mt-hi-en"
    install(tiny_m2m_dir, models_root, "nllb-200-distilled-600M")
    assert default_model() == "nllb-200-distilled-600M"
    install(tiny_marian_dir, models_root, models.RECOMMENDED)
    assert default_model() == models.RECOMMENDED


def test_default_model_falls_back_to_any_working_folder(tiny_marian_dir: Path, models_root: Path) -> None:
    install(tiny_marian_dir, models_root, "my-model")
    (models_root / "broken").mkdir(parents=True)
    assert default_model() == "my-model"


def test_load_translator_by_name(tiny_m2m_dir: Path, models_root: Path) -> None:
    install(tiny_m2m_dir, models_root, "nllb-200-distilled-600M")
    translator = load_translator("nllb-200-distilled-600M", cache=False)
    assert translator.name == "nllb-200-distilled-600M"
    assert translator.translate(["नमस्ते"])[0].model == "nllb-200-distilled-600M"
    assert "transformers" in available_engines()
    # An installed model is converted for the fast engine on first use, once.
    assert translator.engine_info.engine == "ctranslate2"
    assert (models_root / "nllb-200-distilled-600M-ct2" / "model.bin").is_file()
    reference = load_translator("nllb-200-distilled-600M", engine="transformers", cache=False)
    assert reference.engine_info.engine == "transformers"


def test_installed_models_flags_broken_folders(tiny_marian_dir: Path, models_root: Path) -> None:
    broken = install(tiny_marian_dir, models_root, "opus-mt-hi-en")
    (broken / "vocab.json").unlink()
    (models_root / ".cache").mkdir()
    [model] = models.installed_models()
    assert model.name == "opus-mt-hi-en" and model.problem and "vocab.json" in model.problem
    assert model.size_bytes > 0


def test_verify_ok_and_broken(tiny_marian_dir: Path, models_root: Path) -> None:
    good = models.verify(tiny_marian_dir)
    assert good.ok and good.family == "marian" and good.engine == "transformers" and good.sample_output
    broken = install(tiny_marian_dir, models_root, "opus-mt-hi-en")
    (broken / "model.safetensors").write_bytes(b"junk")
    report = models.verify("opus-mt-hi-en")
    assert not report.ok and "weights" in report.problems[0]


@pytest.mark.parametrize("name", ["", "..", "../elsewhere", "/etc", "a/../../b"])
def test_remove_refuses_paths_outside_models_dir(models_root: Path, name: str) -> None:
    models_root.mkdir(parents=True, exist_ok=True)
    with pytest.raises(InputError, match="not a folder inside the models folder"):
        models.remove(name)
    assert models_root.is_dir()


def test_remove_deletes_an_installed_model(tiny_marian_dir: Path, models_root: Path) -> None:
    install(tiny_marian_dir, models_root, "opus-mt-hi-en")
    assert models.remove("opus-mt-hi-en") == (models_root / "opus-mt-hi-en").resolve()
    assert not (models_root / "opus-mt-hi-en").exists()
    with pytest.raises(ModelNotFoundError):
        models.remove("opus-mt-hi-en")


# --- CLI -----------------------------------------------------------------------------------------


def test_cli_list(tiny_marian_dir: Path, models_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "opus-mt-hi-en" in out and "nllb-200-distilled-600M" in out and "not installed" in out
    install(tiny_marian_dir, models_root, "opus-mt-hi-en")
    install(tiny_marian_dir, models_root, "tiny-marian")
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    opus_line = next(line for line in out.splitlines() if line.startswith("opus-mt-hi-en"))
    assert "installed" in opus_line and "not installed" not in opus_line
    assert "18.8" in opus_line and "Apache-2.0" in opus_line
    assert "tiny-marian" in out and "marian" in out


def test_cli_verify(tiny_marian_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "verify", str(tiny_marian_dir)]) == 0
    assert "OK" in capsys.readouterr().out
    assert main(["models", "verify", str(tmp_path / "none")]) == 1
    assert "problem: No model folder" in capsys.readouterr().out


def test_cli_remove(tiny_marian_dir: Path, models_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    install(tiny_marian_dir, models_root, "opus-mt-hi-en")
    assert main(["models", "remove", "opus-mt-hi-en"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert (models_root / "opus-mt-hi-en").is_dir()
    assert main(["models", "remove", "opus-mt-hi-en", "--yes"]) == 0
    assert not (models_root / "opus-mt-hi-en").exists()
    assert main(["models", "remove", "../..", "--yes"]) == 2
    assert capsys.readouterr().err.count("error:") == 1


def test_cli_download_offline(models_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "download", "opus-mt-hi-en"]) == 2
    err = capsys.readouterr().err
    assert "offline" in err and "Traceback" not in err


def test_cli_convert(
    tiny_marian_dir: Path, models_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("ctranslate2")
    install(tiny_marian_dir, models_root, "opus-mt-hi-en")
    assert main(["models", "convert", "opus-mt-hi-en"]) == 0
    assert (models_root / "opus-mt-hi-en-ct2" / "model.bin").is_file()
    capsys.readouterr()
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "(+ctranslate2)" in out and "opus-mt-hi-en-ct2" not in out  # listed with its original
    assert main(["models", "convert", "missing"]) == 2
    # Any folder, anywhere.
    elsewhere = Path(shutil.copytree(tiny_marian_dir, tmp_path / "mine"))
    assert main(["models", "convert", "--model", str(elsewhere)]) == 0
    assert (tmp_path / "mine-ct2" / "model.bin").is_file()
    assert main(["models", "convert", "--model", str(elsewhere), "--output", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "model.bin").is_file()
    assert main(["models", "convert"]) == 2


def test_cli_download_shows_progress(
    models_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fake(name: str, *, progress=None, downloader=None, on_stage=None) -> Path:
        for done in (0, 512, 2048):
            progress(done, 2048)
        return models_root / name

    monkeypatch.setattr(models, "download", fake)
    assert main(["models", "download", "opus-mt-hi-en"]) == 0
    captured = capsys.readouterr()
    assert "Installed opus-mt-hi-en" in captured.out
    assert "100%" in captured.err and "2.00k" in captured.err


def test_progress_callback_can_cancel_by_raising() -> None:
    class Stop(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Stop

    bar = models.progress_tqdm(cancel)(total=10, unit="B", desc="Reconstructing")
    with pytest.raises(Stop):
        bar.update(5)


def test_missing_preset_says_how_to_download_it(models_root: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="models download nllb-200-distilled-600M"):
        load_translator("nllb-200-distilled-600M")


# --- downloads that fail, are cancelled, or do not match the hub's record -----------------------


def _manifest(source: Path, **wrong: int) -> models.Manifest:
    files = sorted(p for p in source.iterdir() if p.is_file())
    return models.Manifest(
        revision="0" * 40,
        files=tuple(
            models.FileCheck(p.name, wrong.get(p.name, p.stat().st_size), models.sha256_of(p)) for p in files
        ),
    )


def test_a_folder_being_downloaded_is_never_listed(tiny_marian_dir: Path, models_root: Path) -> None:
    seen: list[list[str]] = []
    copy = fake_downloader(tiny_marian_dir)

    def watching(repo_id: str, local_dir: Path, patterns: list[str], progress) -> None:
        copy(repo_id, local_dir, patterns, progress)
        seen.append([m.name for m in models.installed_models()])

    models.download("opus-mt-hi-en", downloader=watching, convert=False)
    assert seen == [[]]  # complete files, but not yet checked and renamed: not a model yet


@pytest.mark.parametrize("how", ["fails midway", "cancelled"])
def test_failed_or_cancelled_download_leaves_nothing(
    tiny_marian_dir: Path, models_root: Path, how: str
) -> None:
    class Cancelled(Exception):
        pass

    def halfway(repo_id: str, local_dir: Path, patterns: list[str], progress) -> None:
        files = sorted(p for p in tiny_marian_dir.iterdir() if p.is_file())
        for i, path in enumerate(files):
            shutil.copy2(path, local_dir / path.name)
            if i == len(files) // 2:
                if how == "cancelled":
                    raise Cancelled  # how a UI's progress callback stops a download
                raise ConnectionError("reset by peer")

    with pytest.raises((DownloadError, Cancelled)):
        models.download("opus-mt-hi-en", downloader=halfway)
    assert list(models_root.iterdir()) == []
    assert models.installed_models() == []


def test_download_is_checked_against_the_hub_record(tiny_marian_dir: Path, models_root: Path) -> None:
    copy = fake_downloader(tiny_marian_dir)

    def lying(repo_id: str, local_dir: Path, patterns: list[str], progress) -> models.Manifest:
        copy(repo_id, local_dir, patterns, progress)
        return _manifest(tiny_marian_dir, **{"model.safetensors": 10})

    with pytest.raises(DownloadError, match=r"model\.safetensors has"):
        models.download("opus-mt-hi-en", downloader=lying, convert=False)
    assert list(models_root.iterdir()) == []


def test_recorded_download_catches_a_truncated_file_later(tiny_marian_dir: Path, models_root: Path) -> None:
    copy = fake_downloader(tiny_marian_dir)

    def honest(repo_id: str, local_dir: Path, patterns: list[str], progress) -> models.Manifest:
        copy(repo_id, local_dir, patterns, progress)
        return _manifest(tiny_marian_dir)

    path = models.download("opus-mt-hi-en", downloader=honest, convert=False)
    [model] = models.installed_models()
    assert model.problem is None and model.revision == "0" * 40
    weights = path / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])
    [model] = models.installed_models()
    assert model.problem and "model.safetensors" in model.problem
    report = models.verify("opus-mt-hi-en")
    assert not report.ok and "model.safetensors" in report.problems[0]


def test_download_converts_for_the_fast_engine(tiny_marian_dir: Path, models_root: Path) -> None:
    pytest.importorskip("ctranslate2")
    stages: list[str] = []
    models.download(
        "opus-mt-hi-en",
        downloader=fake_downloader(tiny_marian_dir),
        on_stage=lambda stage, message: stages.append(stage),
    )
    assert stages == ["downloading", "verifying", "converting"]
    [model] = models.installed_models()
    assert model.converted == models_root / "opus-mt-hi-en-ct2"
    assert load_translator("opus-mt-hi-en", cache=False).engine_info.engine == "ctranslate2"
    models.remove("opus-mt-hi-en")
    assert list(models_root.iterdir()) == []


def test_presets_name_their_sources_and_pins() -> None:
    recommended = models.PRESETS[models.RECOMMENDED]
    assert recommended.license == "Apache-2.0" and recommended.commercial_use
    assert recommended.revision and len(recommended.revision) == 40
    assert not models.PRESETS["nllb-200-distilled-600M"].commercial_use
    assert all(p.flores_source for p in models.PRESETS.values())
    assert next(iter(models.PRESETS)) == models.RECOMMENDED  # the default when several are installed
