"""Background model downloads: progress, completion, failure, cancel and the job registry."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from assistant import downloads
from assistant.downloads import DownloadJob, DownloadSnapshot, forget, format_bytes, get_job, start_download
from assistant.errors import DownloadError


class FakeDownload:
    """Reports progress in steps; each step waits for the test to release it."""

    def __init__(self, steps: int = 3, total: int | None = 300, fail: Exception | None = None) -> None:
        self.steps = steps
        self.total = total
        self.fail = fail
        self.gate = threading.Semaphore(0)
        self.reported = threading.Semaphore(0)
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, name: str, **kwargs: Any) -> None:
        self.calls.append((name, kwargs))
        progress = kwargs["progress"]
        for step in range(1, self.steps + 1):
            self.gate.acquire(timeout=5)
            progress(step * 100, self.total)
            self.reported.release()
        if self.fail is not None:
            raise self.fail

    def step(self) -> None:
        self.gate.release()
        assert self.reported.acquire(timeout=5)


@pytest.fixture(autouse=True)
def empty_registry() -> None:
    downloads._JOBS.clear()


def test_progress_is_recorded_and_job_finishes() -> None:
    fake = FakeDownload()
    job = DownloadJob("opus-mt-hi-en", download=fake).start()
    snap = job.snapshot()
    assert snap.state == "running" and snap.fraction is None
    fake.step()
    snap = job.snapshot()
    assert (snap.bytes_done, snap.bytes_total, snap.state) == (100, 300, "running")
    assert snap.fraction == pytest.approx(1 / 3)
    fake.step()
    fake.step()
    final = job.wait(5)
    assert final.state == "done" and final.fraction == 1.0 and final.finished
    assert final.message == "opus-mt-hi-en is installed."
    assert fake.calls[0][0] == "opus-mt-hi-en"


def test_downloader_is_passed_through() -> None:
    fake = FakeDownload(steps=0)
    sentinel = object()
    DownloadJob("x", download=fake, downloader=sentinel).start().wait(5)
    assert fake.calls[0][1]["downloader"] is sentinel


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            DownloadError("No connection to the model hub.", "Connect and retry."),
            "No connection to the model hub. Connect and retry.",
        ),
        (OSError("disk full"), "Download of m failed: disk full. Check the connection and retry."),
    ],
)
def test_failures_become_a_message_not_a_crash(error: Exception, expected: str) -> None:
    fake = FakeDownload(steps=1, fail=error)
    job = DownloadJob("m", download=fake).start()
    fake.step()
    snap = job.wait(5)
    assert (snap.state, snap.message) == ("failed", expected)


def test_unknown_total_gives_no_fraction() -> None:
    fake = FakeDownload(steps=2, total=None)
    job = DownloadJob("m", download=fake).start()
    fake.step()
    assert job.snapshot().fraction is None
    fake.step()
    assert job.wait(5).fraction == 1.0


def test_cancel_stops_at_the_next_progress_report() -> None:
    fake = FakeDownload(steps=3)
    job = DownloadJob("m", download=fake).start()
    fake.step()
    job.cancel()
    fake.gate.release()  # the next report raises inside the download
    snap = job.wait(5)
    assert snap.state == "cancelled" and snap.bytes_done == 100


def test_cancel_wrapped_by_the_download_function_is_still_a_cancel() -> None:
    def wrapping(name: str, *, progress: Any) -> None:
        try:
            progress(1, 2)
        except Exception as err:
            raise DownloadError(f"interrupted: {err!r}") from err

    job = DownloadJob("m", download=wrapping)
    job.cancel()
    assert job.start().wait(5).state == "cancelled"


def test_registry_returns_the_running_job_and_replaces_finished_ones() -> None:
    fake = FakeDownload(steps=1)
    first = start_download("m", download=fake)
    assert start_download("m", download=FakeDownload()) is first
    assert get_job("m") is first
    fake.step()
    first.wait(5)
    second = start_download("m", download=FakeDownload(steps=0))
    assert second is not first and second.wait(5).state == "done"
    forget("m")
    assert get_job("m") is None


def test_forget_cancels_a_running_job() -> None:
    fake = FakeDownload(steps=2)
    job = start_download("m", download=fake)
    forget("m")
    fake.gate.release()
    assert job.wait(5).state == "cancelled"


def test_snapshot_fraction_is_clamped() -> None:
    snap = DownloadSnapshot("m", "running", 500, 100, 1.0, "")
    assert snap.fraction == 1.0


@pytest.mark.parametrize(
    ("count", "text"), [(None, "?"), (512, "512 B"), (1_536_000, "1.5 MB"), (2_400_000_000, "2.4 GB")]
)
def test_format_bytes(count: int | None, text: str) -> None:
    assert format_bytes(count) == text


def test_real_download_function_with_a_fake_hub(tiny_marian_dir: Any) -> None:
    import shutil

    from assistant.models import installed_models

    def fake_hub(repo_id: str, local_dir: Any, allow_patterns: list[str], progress: Any) -> None:
        files = [p for p in tiny_marian_dir.iterdir() if p.is_file()]
        for i, path in enumerate(files, 1):
            shutil.copy2(path, local_dir / path.name)
            progress(i, len(files))

    job = start_download("opus-mt-hi-en", downloader=fake_hub)
    snap = job.wait(30)
    assert (snap.state, snap.fraction) == ("done", 1.0), snap.message
    assert [m.name for m in installed_models() if m.problem is None] == ["opus-mt-hi-en"]


def test_unknown_preset_fails_with_the_library_message() -> None:
    snap = start_download("no-such-model", downloader=lambda *a: None).wait(10)
    assert snap.state == "failed" and "Unknown model preset 'no-such-model'" in snap.message


def test_the_job_records_its_owner_and_stages(tiny_marian_dir: Any) -> None:
    import shutil

    def fake_hub(repo_id: str, local_dir: Any, allow_patterns: list[str], progress: Any) -> None:
        for path in (p for p in tiny_marian_dir.iterdir() if p.is_file()):
            shutil.copy2(path, local_dir / path.name)
        progress(1, 1)

    stages: list[str] = []
    assert start_download("opus-mt-hi-en", download=FakeDownload(steps=0), owner="reader").owner == "reader"
    job = DownloadJob("opus-mt-hi-en", downloader=fake_hub, owner="session-1")
    original = job._on_stage

    def spy(stage: str, message: str) -> None:
        stages.append(stage)
        original(stage, message)

    job._on_stage = spy  # type: ignore[method-assign]
    snap = job.start().wait(60)
    assert snap.state == "done" and snap.owner == "session-1" and snap.stage == "finished"
    assert job.owner == "session-1"
    assert stages[:2] == ["downloading", "verifying"]


def test_cancelled_real_download_leaves_no_folder(tiny_marian_dir: Any, isolated_user_paths: Any) -> None:
    import shutil

    started = threading.Event()
    release = threading.Event()

    def slow_hub(repo_id: str, local_dir: Any, allow_patterns: list[str], progress: Any) -> None:
        files = [p for p in tiny_marian_dir.iterdir() if p.is_file()]
        for i, path in enumerate(files, 1):
            shutil.copy2(path, local_dir / path.name)
            started.set()
            release.wait(5)
            progress(i, len(files))

    job = start_download("opus-mt-hi-en", downloader=slow_hub)
    assert started.wait(10)
    job.cancel()
    release.set()
    snap = job.wait(30)
    assert snap.state == "cancelled"
    root = isolated_user_paths / "models"
    assert not root.exists() or list(root.iterdir()) == []
