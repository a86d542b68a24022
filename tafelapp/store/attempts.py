"""Wrong passphrases counted beside the vault (no personal data), so the back-off holds across
processes: a script cannot guess faster by starting `tafelapp` again."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path


def _file(vault: Path) -> Path:
    return vault.with_name(vault.name + ".pogingen")


def delay_seconds(failures: int) -> float:
    """0, 0, 2, 4, 8 … up to 30 seconds, as in the unlock window."""
    return 0.0 if failures < 2 else float(min(30, 2 ** (failures - 1)))


def wait_left(vault: Path, now: float | None = None) -> float:
    """How long the next try must still wait."""
    try:
        data = json.loads(_file(vault).read_text("utf-8"))
        failures, last = int(data["failures"]), float(data["last"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0.0
    return max(0.0, last + delay_seconds(failures) - (now or time.time()))


def record(vault: Path, success: bool) -> None:
    """Count a wrong passphrase, or forget the count after the right one."""
    path = _file(vault)
    try:
        if success:
            path.unlink(missing_ok=True)
            return
        try:
            failures = int(json.loads(path.read_text("utf-8"))["failures"])
        except (OSError, ValueError, KeyError, TypeError):
            failures = 0
        partial = path.with_suffix(".tmp")
        partial.write_text(json.dumps({"failures": failures + 1, "last": time.time()}))
        os.chmod(partial, 0o600)
        partial.replace(path)
    except OSError:
        pass  # a read-only folder must not stop the vault from opening
