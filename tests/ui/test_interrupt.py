"""Ctrl+C (SIGINT) in the terminal locks the vault and closes the app cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tafelapp.services import vault_service
from tests.conftest import PASSPHRASE


def test_ctrl_c_locks_and_closes(tmp_path: Path) -> None:
    vault = tmp_path / "kluis.tafelapp"
    vault_service.create(vault, PASSPHRASE).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "ui.app", "--vault", str(vault)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3.0)  # the window is up
        assert app.poll() is None
        app.send_signal(signal.SIGINT)
        out, err = app.communicate(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "vergrendeld en gesloten" in err and "Traceback" not in err + out
    vault_service.unlock(vault, PASSPHRASE).close()  # the vault is intact and opens
