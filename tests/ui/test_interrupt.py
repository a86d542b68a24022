"""Ctrl+C (SIGINT) at any moment of start-up, idle or on a busy machine, closes the app cleanly."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tafelapp.services import vault_service
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
# From the first instant (Python's own start-up), through the imports, the unlock form's first
# frame, the background imports and the main window's construction, to the window being up.
DELAYS = (0.0, 0.03, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9, 1.2, 1.6, 2.2)


def _dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tafelapp_dev", ROOT / "scripts" / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("interrupt") / "kluis.tafelapp"
    vault_service.create(path, PASSPHRASE).close()
    return path


@pytest.fixture()
def busy_machine() -> Iterator[None]:
    """One CPU burner per core (at most two): the start-up then takes several times longer."""
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
               for _ in range(min(2, os.cpu_count() or 1))]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


def _interrupt_at(vault: Path, delays: tuple[float, ...], how: str = "dev") -> list[str]:
    """Start one app per delay (the way `dev.py run` or `tafelapp gui` starts it), send SIGINT
    after that delay; return what went wrong (empty: every one closed cleanly)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    pipes = {"env": env, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    dev = _dev()
    wrong = []
    for delay in delays:
        args = ["--vault", str(vault)]
        app = (dev.start_gui(args, **pipes) if how == "dev" else subprocess.Popen(
            [sys.executable, "-m", "ui.app", *args], cwd=ROOT, **pipes))  # type: ignore[call-overload]
        try:
            time.sleep(delay)
            app.send_signal(signal.SIGINT)
            out, err = app.communicate(timeout=60)
        finally:
            if app.poll() is None:
                app.kill()
                out, err = app.communicate()
        if app.returncode != 0 or "Traceback" in out + err or "vergrendeld en gesloten" not in err:
            wrong.append(f"SIGINT after {delay} s: rc {app.returncode}\n{err[-1500:]}")
    return wrong


def test_ctrl_c_at_every_moment_of_start_up_closes_cleanly(vault: Path) -> None:
    wrong = _interrupt_at(vault, DELAYS[::2])
    assert not wrong, "\n".join(wrong)
    vault_service.unlock(vault, PASSPHRASE).close()  # the vault is intact and opens


def test_ctrl_c_on_a_busy_machine_closes_cleanly(vault: Path, busy_machine: None) -> None:
    wrong = _interrupt_at(vault, (*DELAYS[1::2], 3.0))
    assert not wrong, "\n".join(wrong)
    vault_service.unlock(vault, PASSPHRASE).close()


def test_ctrl_c_when_started_as_tafelapp_gui_does(vault: Path, busy_machine: None) -> None:
    """`tafelapp gui` starts `python -m ui.app` itself: from its first import on, the same."""
    wrong = _interrupt_at(vault, (0.3, 0.8, 1.5), how="module")
    assert not wrong, "\n".join(wrong)
