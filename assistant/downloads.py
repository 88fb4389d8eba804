"""Model downloads that run in the background while a page keeps answering.

A ``DownloadJob`` runs ``assistant.models.download`` in a worker thread. The worker only
records byte counts and the current stage (downloading, verifying, converting for the
fast engine) under a lock; a view polls ``job.snapshot()`` and draws its own progress
bar, so no UI call ever happens off the view's thread. Jobs are kept in a module-level
registry keyed by model name, so a page that reruns finds the job it started instead of
starting a second one. A job records its ``owner`` (an opaque id of the session that
started it), so a page can show a failure only to the reader who asked for it.
"""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from assistant.errors import AssistantError

JobState = Literal["running", "done", "failed", "cancelled"]
Stage = Literal["starting", "downloading", "verifying", "converting", "finished"]
DownloadFunc = Callable[..., Any]


class _Cancelled(Exception):
    """Raised from the progress callback to unwind a download the user stopped."""


@dataclass(frozen=True)
class DownloadSnapshot:
    """A consistent copy of a job's state at one moment."""

    name: str
    state: JobState
    bytes_done: int
    bytes_total: int | None
    elapsed: float
    message: str
    stage: Stage = "downloading"
    owner: str | None = None

    @property
    def fraction(self) -> float | None:
        """Share done in [0, 1], or None while the total size is unknown."""
        if self.state == "done":
            return 1.0
        if not self.bytes_total:
            return None
        return min(1.0, max(0.0, self.bytes_done / self.bytes_total))

    @property
    def finished(self) -> bool:
        return self.state != "running"


def _default_download(name: str, **kwargs: Any) -> Any:
    from assistant.models import download

    return download(name, **kwargs)


class DownloadJob:
    """One model download in a daemon thread; safe to poll from any thread."""

    def __init__(
        self,
        name: str,
        *,
        download: DownloadFunc | None = None,
        downloader: Any = None,
        owner: str | None = None,
    ) -> None:
        self.name = name
        self.owner = owner
        self._download = download or _default_download
        self._downloader = downloader
        self._stage: Stage = "starting"
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._state: JobState = "running"
        self._done = 0
        self._total: int | None = None
        self._message = f"Starting the download of {name}…"
        self._started = time.monotonic()
        self._ended: float | None = None
        self._thread = threading.Thread(target=self._run, name=f"download-{name}", daemon=True)

    def start(self) -> DownloadJob:
        self._started = time.monotonic()
        self._thread.start()
        return self

    def _progress(self, bytes_done: int, bytes_total: int | None = None) -> None:
        if self._cancel.is_set():
            raise _Cancelled
        with self._lock:
            self._done = max(0, int(bytes_done))
            self._total = int(bytes_total) if bytes_total else None
            if self._stage in ("starting", "downloading"):
                self._stage = "downloading"
                self._message = f"Downloading {self.name}…"

    def _on_stage(self, stage: str, message: str) -> None:
        if self._cancel.is_set() and stage == "downloading":
            raise _Cancelled
        with self._lock:
            if stage in ("downloading", "verifying", "converting"):
                self._stage = stage  # type: ignore[assignment]
            self._message = message

    def _finish(self, state: JobState, message: str) -> None:
        with self._lock:
            if state == "done" and self._stage == "converting" and "failed" in self._message:
                message = self._message  # installed, but the fast-engine conversion failed: say so
            self._state = state
            self._stage = "finished"
            self._message = message
            self._ended = time.monotonic()

    def _run(self) -> None:
        kwargs: dict[str, Any] = {"progress": self._progress}
        if self._downloader is not None:
            kwargs["downloader"] = self._downloader
        if _accepts(self._download, "on_stage"):
            kwargs["on_stage"] = self._on_stage
        try:
            self._download(self.name, **kwargs)
        except _Cancelled:
            self._finish("cancelled", f"Download of {self.name} stopped.")
        except AssistantError as err:
            # A download function may wrap our unwinding exception in its own error.
            if self._cancel.is_set():
                self._finish("cancelled", f"Download of {self.name} stopped.")
            else:
                self._finish("failed", str(err))
        except Exception as err:  # the worker must never die silently
            if self._cancel.is_set():
                self._finish("cancelled", f"Download of {self.name} stopped.")
            else:
                self._finish(
                    "failed", f"Download of {self.name} failed: {err}. Check the connection and retry."
                )
        else:
            if self._cancel.is_set():
                self._finish("cancelled", f"Download of {self.name} stopped.")
            else:
                self._finish("done", f"{self.name} is installed.")

    def cancel(self) -> None:
        """Ask the download to stop at its next progress report."""
        self._cancel.set()

    def snapshot(self) -> DownloadSnapshot:
        with self._lock:
            end = self._ended if self._ended is not None else time.monotonic()
            return DownloadSnapshot(
                name=self.name,
                state=self._state,
                bytes_done=self._done,
                bytes_total=self._total,
                elapsed=end - self._started,
                message=self._message,
                stage=self._stage,
                owner=self.owner,
            )

    def wait(self, timeout: float | None = None) -> DownloadSnapshot:
        """Block until the job ends (or ``timeout`` passes); returns the latest snapshot."""
        if self._thread.is_alive():
            self._thread.join(timeout)
        return self.snapshot()


_JOBS: dict[str, DownloadJob] = {}
_JOBS_LOCK = threading.Lock()


def _accepts(func: Callable[..., Any], keyword: str) -> bool:
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == keyword or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


def start_download(
    name: str,
    *,
    download: DownloadFunc | None = None,
    downloader: Any = None,
    owner: str | None = None,
) -> DownloadJob:
    """Start downloading ``name``, or return the job already running for it.

    ``owner`` is an opaque id of whoever asked (a page session): the running download is
    shared, but a view can keep its failure message for its owner."""
    with _JOBS_LOCK:
        job = _JOBS.get(name)
        if job is not None and not job.snapshot().finished:
            return job
        job = DownloadJob(name, download=download, downloader=downloader, owner=owner)
        _JOBS[name] = job
    return job.start()


def get_job(name: str) -> DownloadJob | None:
    """The latest job for ``name`` (running or finished), if any."""
    with _JOBS_LOCK:
        return _JOBS.get(name)


def forget(name: str) -> None:
    """Drop a finished job from the registry (a running one is cancelled first)."""
    with _JOBS_LOCK:
        job = _JOBS.pop(name, None)
    if job is not None and not job.snapshot().finished:
        job.cancel()


def format_bytes(count: int | None) -> str:
    """1536000 -> "1.5 MB": sizes for a progress line."""
    if count is None:
        return "?"
    value = float(count)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"
