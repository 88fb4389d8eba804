"""Writing output files whole or not at all.

A file is written to a temporary file in the same folder and renamed over the target
only when complete, so a full disk, an error or a killed process never leaves a
half-written export where the reader expects a finished one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_output", "write_atomic"]


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777  # replacing a file keeps its permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through, renamed into place when the block ends
    without an error; on any failure the target is untouched and the temporary file gone.

    Raises OSError as ``open`` would (a missing folder, no permission).
    """
    path = Path(path)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (see ``atomic_output``)."""
    with atomic_output(path) as out:
        out.write(data)
