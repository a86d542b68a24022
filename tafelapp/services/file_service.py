"""Writing documents to files: atomic, mode 0600, and a clear message when the disk is full."""

from __future__ import annotations

import os
from pathlib import Path

from tafelapp.domain.problems import InvalidInput, Problem


def write_file(path: Path, data: bytes) -> Path:
    """Write atomically with mode 0600; on a full disk remove the half-written file."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput([Problem("file.write_failed", str(path),
                                    f"kon het bestand niet schrijven ({exc.strerror or exc})")]) \
            from None
    return path
