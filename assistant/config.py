"""Settings: where models, the translation cache and user data live.

Nothing here touches the disk at import time; folders are created by the code that
writes into them. Environment variables override the defaults:

- ``ASSISTANT_HOME``: user data folder (default ``~/.local/share/hindi-reader``)
- ``ASSISTANT_MODELS_DIR``: downloaded models (default: the repository's ``models/``)
- ``ASSISTANT_CACHE``: the translation-memory SQLite file (default ``$ASSISTANT_HOME/cache.sqlite``)
- ``ASSISTANT_THREADS``: torch threads for translation (default: all cores)
- ``ASSISTANT_MAX_BYTES``: largest article accepted, in bytes (default 2 MB)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class Settings:
    home: Path
    models_dir: Path
    cache_path: Path
    threads: int
    max_bytes: int

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        home = Path(env.get("ASSISTANT_HOME") or Path.home() / ".local/share/hindi-reader")
        models = Path(env.get("ASSISTANT_MODELS_DIR") or REPO_ROOT / "models")
        cache = Path(env.get("ASSISTANT_CACHE") or home / "cache.sqlite")
        threads = _int(env.get("ASSISTANT_THREADS"), os.cpu_count() or 1)
        max_bytes = _int(env.get("ASSISTANT_MAX_BYTES"), DEFAULT_MAX_BYTES)
        return cls(home=home, models_dir=models, cache_path=cache, threads=threads, max_bytes=max_bytes)


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, int(value)) if value else default
    except ValueError:
        return default


def get_settings() -> Settings:
    """Settings read afresh from the environment (cheap; lets tests override)."""
    return Settings.from_env()
