"""Alt+letter that is no shortcut types nothing, in every window and dialog: a newcomer's Alt+O on
the wizard's last page (Volgende switched off) put 'o' into the server address, and Alt+A a
letter into a score box. A real mnemonic still works, and plain typing still types."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QSpinBox, QVBoxLayout

from tests.ui.conftest import App

ALT = Qt.KeyboardModifier.AltModifier


def test_alt_letters_without_a_shortcut_type_nothing_in_a_dialog(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    dialog = QDialog(app.window)
    layout = QVBoxLayout(dialog)
    address, score = QLineEdit(), QSpinBox()
    save = QPushButton("&Opslaan")
    saved: list[int] = []
    save.clicked.connect(lambda: saved.append(1))
    for widget in (address, score, save):
        layout.addWidget(widget)
    dialog.show()
    dialog.activateWindow()
    app.qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    address.setFocus()
    app.qtbot.waitUntil(address.hasFocus, timeout=5_000)
    QTest.keyClicks(address, "https://zgw.example.nl")
    QTest.keyClick(address, Qt.Key.Key_Q, ALT)  # no shortcut: nothing typed
    assert address.text() == "https://zgw.example.nl"
    QTest.keyClick(address, Qt.Key.Key_O, ALT)  # the button's mnemonic: it is clicked
    app.qtbot.waitUntil(lambda: saved == [1], timeout=5_000)
    assert address.text() == "https://zgw.example.nl"
    score.setFocus()
    app.qtbot.waitUntil(score.hasFocus, timeout=5_000)
    score.selectAll()
    QTest.keyClicks(score, "7")
    QTest.keyClick(score, Qt.Key.Key_A, ALT)
    QTest.keyClick(score, Qt.Key.Key_3, ALT)
    assert score.text() == "7" and score.value() == 7
    dialog.close()
