"""Shared fixtures: every test runs with user paths under a temp folder and offline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def isolated_user_paths(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point home, models and cache at a fresh temp folder; never touch the network."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    monkeypatch.setenv("ASSISTANT_MODELS_DIR", str(home / "models"))
    monkeypatch.setenv("ASSISTANT_CACHE", str(home / "cache.sqlite"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(home / "hf"))
    return home


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / "statecraft-lukashenko-putin-2021-12-30.hi.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def tiny_marian_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random-weight opus-mt-style Marian model folder, built once per session."""
    from tiny_models import build_tiny_marian

    return build_tiny_marian(tmp_path_factory.mktemp("tiny-models") / "tiny-marian")


@pytest.fixture(scope="session")
def tiny_marian_multi_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny multi-target Marian folder shaped like opus-mt-tc-bible-big (``>>eng<<`` token)."""
    from tiny_models import build_tiny_marian_multi

    return build_tiny_marian_multi(tmp_path_factory.mktemp("tiny-models") / "tiny-marian-multi")


@pytest.fixture(scope="session")
def tiny_m2m_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random-weight NLLB-style (m2m_100) model folder, built once per session."""
    from tiny_models import build_tiny_m2m

    return build_tiny_m2m(tmp_path_factory.mktemp("tiny-models") / "tiny-nllb")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium through Playwright, one per session: Playwright's sync API runs
    one instance at a time, so every browser test shares this one."""
    from tests.hostile.server import chromium

    with chromium() as launched:
        yield launched
