"""Qt's own file dialog (the non-native one, as on a bare Linux desktop) speaks Dutch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

from tafelapp.services import vault_service
from tests.conftest import PASSPHRASE
from tests.ui.conftest import App

ENGLISH = {"&Look in:", "Look in:", "Files of &type:", "File &name:", "Cancel", "&Open", "&Save",
           "&Choose", "Directory:"}


def test_a_non_native_file_dialog_shows_dutch_labels(make_app: Callable[..., App],
                                                     tmp_path: Path) -> None:
    vault_service.create(tmp_path / "kluis.tafelapp", PASSPHRASE).close()
    app = make_app()
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(app.window, "Notulen opslaan", str(tmp_path), "PDF (*.pdf)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        dialog.show()
        app.qtbot.waitUntil(dialog.isVisible)
        texts = [w.text() for w in dialog.findChildren(QLabel)] + [
            w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]
        assert "&Zoeken in:" in texts and "Bestands&type:" in texts and "Bestands&naam:" in texts
        assert "Annuleren" in texts
        english = [t for t in texts if t in ENGLISH]
        assert not english, english
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        app.qtbot.waitUntil(dialog.isHidden)
