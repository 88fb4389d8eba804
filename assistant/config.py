"""Settings: where models, the translation cache and user data live, and how to translate.

Nothing here touches the disk at import time; folders are created by the code that
writes into them. Environment variables override the defaults:

- ``ASSISTANT_HOME``: user data folder (default ``~/.local/share/hindi-reader``)
- ``ASSISTANT_MODELS_DIR``: downloaded models (default: the repository's ``models/``)
- ``ASSISTANT_CACHE``: the translation-memory SQLite file (default ``$ASSISTANT_HOME/cache.sqlite``)
- ``ASSISTANT_THREADS``: CPU cores translation may use (default: the cores this process
  may run on, counting CPU affinity and a container's CPU quota)
- ``ASSISTANT_ENGINE``: ``auto`` (default: the fast CTranslate2 engine when the model is
  converted or can be), ``ctranslate2`` or ``transformers``
- ``ASSISTANT_COMPUTE_TYPE``: weight type for the fast engine (default ``int8``)
- ``ASSISTANT_AUTO_CONVERT``: ``0`` stops converting downloaded models for the fast engine
- ``ASSISTANT_MAX_BYTES``: largest article accepted, in bytes (default 2 MB)
- ``ASSISTANT_DECODE_MEMORY_MB``: memory the fast engine's batches may hold in decoding
  state, all parallel batches together (default 80; a model whose weights are larger than
  twice that gets half their size). More memory, wider batches: whole articles go faster.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAX_BYTES = 2_000_000
DEFAULT_DECODE_MEMORY_MB = 80
CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")
CGROUP_V1_QUOTA = Path("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")
CGROUP_V1_PERIOD = Path("/sys/fs/cgroup/cpu/cpu.cfs_period_us")


@dataclass(frozen=True)
class Settings:
    home: Path
    models_dir: Path
    cache_path: Path
    threads: int
    max_bytes: int
    engine: str = "auto"
    compute_type: str = "int8"
    auto_convert: bool = True
    decode_memory_mb: int = DEFAULT_DECODE_MEMORY_MB

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        home = Path(env.get("ASSISTANT_HOME") or Path.home() / ".local/share/hindi-reader")
        models = Path(env.get("ASSISTANT_MODELS_DIR") or REPO_ROOT / "models")
        cache = Path(env.get("ASSISTANT_CACHE") or home / "cache.sqlite")
        threads = _int(env.get("ASSISTANT_THREADS"), usable_cores())
        max_bytes = _int(env.get("ASSISTANT_MAX_BYTES"), DEFAULT_MAX_BYTES)
        engine = (env.get("ASSISTANT_ENGINE") or "auto").strip().lower()
        compute_type = (env.get("ASSISTANT_COMPUTE_TYPE") or "int8").strip().lower()
        auto_convert = (env.get("ASSISTANT_AUTO_CONVERT") or "1").strip().lower() not in (
            "0",
            "no",
            "false",
            "off",
        )
        decode_memory = max(1, _int(env.get("ASSISTANT_DECODE_MEMORY_MB"), DEFAULT_DECODE_MEMORY_MB))
        return cls(
            home=home,
            models_dir=models,
            cache_path=cache,
            threads=threads,
            max_bytes=max_bytes,
            engine=engine,
            compute_type=compute_type,
            auto_convert=auto_convert,
            decode_memory_mb=decode_memory,
        )


def usable_cores(cpu_max: Path = CGROUP_CPU_MAX) -> int:
    """Cores this process may really use: its CPU affinity, capped by a cgroup CPU quota
    (a container limited to 1.5 CPUs gets 2, never more than its affinity)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = cgroup_quota(cpu_max)
    if quota is not None:
        cores = min(cores, max(1, math.ceil(quota)))
    return max(1, cores)


def cgroup_quota(cpu_max: Path = CGROUP_CPU_MAX) -> float | None:
    """CPUs allowed by the cgroup (v2 ``cpu.max``, else v1 ``cfs_quota_us``), None when unlimited."""
    try:
        parts = cpu_max.read_text(encoding="ascii").split()
        if len(parts) == 2 and parts[0] != "max":
            return int(parts[0]) / int(parts[1])
        if parts:
            return None
    except (OSError, ValueError, ZeroDivisionError):
        pass
    try:
        quota = int(CGROUP_V1_QUOTA.read_text(encoding="ascii"))
        period = int(CGROUP_V1_PERIOD.read_text(encoding="ascii"))
        return quota / period if quota > 0 and period > 0 else None
    except (OSError, ValueError):
        return None


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, int(value)) if value else default
    except ValueError:
        return default


def get_settings() -> Settings:
    """Settings read afresh from the environment (cheap; lets tests override)."""
    return Settings.from_env()
