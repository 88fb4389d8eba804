"""Browser fixtures: the app served by ``streamlit run`` and Debian's chromium via Playwright.

The server runs once per session with a tiny translation model installed in a temp
models folder, so the page is a real translated page; Chromium is launched from
/usr/bin/chromium (no downloaded browser builds).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
MODEL_NAME = "tiny-marian"
STARTUP_TIMEOUT = 60.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is missing; install Debian's chromium"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"streamlit did not become healthy:\n{log.read_text(errors='replace')[-3000:]}")


@contextlib.contextmanager
def serve(home: Path, **env: str) -> Iterator[str]:
    """Serve streamlit_app.py on a free local port; ``env`` adds to the environment."""
    home.mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ)
    environment.update(
        ASSISTANT_HOME=str(home),
        ASSISTANT_MODELS_DIR=str(home / "models"),
        ASSISTANT_CACHE=str(home / "cache.sqlite"),
        ASSISTANT_THREADS="1",
        HF_HOME=str(home / "hf"),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
    )
    environment.update(env)
    port = _free_port()
    log = home / "streamlit.log"
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=environment, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)



@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory, tiny_marian_dir: Path) -> Iterator[str]:
    """Serve streamlit_app.py on a free local port with a tiny model installed."""
    home = tmp_path_factory.mktemp("app-home")
    shutil.copytree(tiny_marian_dir, home / "models" / MODEL_NAME)
    with serve(home, ASSISTANT_MODEL=MODEL_NAME) as url:
        yield url


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, device_scale_factor=1)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()
