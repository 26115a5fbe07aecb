"""Files the CLI writes whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["written_whole"]


@contextlib.contextmanager
def written_whole(path: Path, *, mode: int | None = None) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only once it is completely written (a temporary
    beside it, then renamed); if writing fails, ``path`` is left as it was. The temporary is
    created 0600, before anything is written to it; ``mode`` is set before the rename."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as file:
            yield file
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
