"""The main window, title bar and border included, lies within the screen's available area."""

from __future__ import annotations

import argparse
from pathlib import Path

from pytestqt.qtbot import QtBot

from tafelapp.services import vault_service
from tests.conftest import PASSPHRASE
from ui.app import _application, quick_unlock


def test_the_first_window_fits_the_available_screen(qtbot: QtBot, tmp_path: Path) -> None:
    vault = tmp_path / "kluis.tafelapp"
    vault_service.create(vault, PASSPHRASE).close()
    built, _unlock = quick_unlock(_application(), argparse.Namespace(vault=str(vault), demo=False))
    qtbot.waitUntil(lambda: "window" in built, timeout=30_000)
    window = built["window"]
    try:
        room = window.screen().availableGeometry()
        qtbot.waitUntil(lambda: room.contains(window.frameGeometry()), timeout=5_000)
        if room.width() < 1280 + 8 or room.height() < 720 + 40:  # this test screen is small
            assert window.isMaximized()
        assert window.statusBar().isVisible()
        bar = window.statusBar().geometry()
        assert window.rect().contains(bar)  # the status bar is on the screen, not below it
    finally:
        window.close()
        built["executor"].shutdown()
