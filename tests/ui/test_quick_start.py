"""The unlock form comes first and the app is built behind it: what is typed and asked for
before the main window exists is kept and carried out."""

from __future__ import annotations

import argparse
from pathlib import Path

from pytestqt.qtbot import QtBot

from tafelapp.services import vault_service
from tests.conftest import PASSPHRASE
from ui.app import _application, quick_unlock


def test_a_passphrase_given_before_the_main_window_exists_still_unlocks(
        qtbot: QtBot, tmp_path: Path) -> None:
    vault = tmp_path / "kluis.tafelapp"
    vault_service.create(vault, PASSPHRASE).close()
    app = _application()
    built, unlock = quick_unlock(app, argparse.Namespace(vault=str(vault), demo=False))
    assert unlock.isVisible() and "window" not in built  # on screen before the rest is built
    unlock.passphrase.setText(PASSPHRASE)
    unlock.open_button.click()  # the user was quick
    qtbot.waitUntil(lambda: "window" in built, timeout=30_000)
    window = built["window"]
    try:
        assert window.unlock_view is unlock and window.isVisible()
        qtbot.waitUntil(lambda: window.executor.session is not None, timeout=30_000)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.overview_view,
                        timeout=30_000)
    finally:
        window.lock()
        window.close()
        built["executor"].shutdown()


def test_what_is_typed_while_the_app_is_built_stays_in_the_form(qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    vault = tmp_path / "kluis.tafelapp"
    vault_service.create(vault, PASSPHRASE).close()
    built, unlock = quick_unlock(_application(),
                                 argparse.Namespace(vault=str(vault), demo=False))
    qtbot.keyClicks(unlock.passphrase, "half getypt")
    qtbot.waitUntil(lambda: "window" in built, timeout=30_000)
    try:
        assert unlock.passphrase.text() == "half getypt"
        assert built["window"].stack.currentWidget() is unlock
    finally:
        built["window"].close()
        built["executor"].shutdown()
