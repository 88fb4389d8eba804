"""Shared fixtures: every test runs with user paths under a temp folder and offline."""

from __future__ import annotations

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
