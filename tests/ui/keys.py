"""Drive the screens the way a person at the keyboard does: every key to the focused widget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

NONE = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    """The widget that gets the keys: an open pop-up list, else the focus widget."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    """One key (with a modifier) to whatever has the focus, then let Qt handle it."""
    QTest.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def type_text(text: str) -> None:
    """Type text one key at a time; each key goes where the focus is at that moment."""
    for char in text:
        QTest.keyClicks(focused(), char)
        QApplication.processEvents()


def alt(letter: str) -> None:
    """Alt+letter (a mnemonic); a button's mnemonic finishes its click 100 ms later, so wait
    until it has (as a person does between two presses)."""
    press(getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
    QTest.qWait(20)
    for _ in range(250):  # up to 5 s on a busy machine: until the animated click has landed
        if not any(isinstance(w, QAbstractButton) and w.isDown()
                   for w in QApplication.allWidgets()):
            break
        QTest.qWait(20)
    QApplication.processEvents()


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 120, back: bool = False) -> int:
    """Press Tab (or Shift+Tab) until `target` has the focus; returns how many presses."""
    for count in range(limit):
        if focused() is target:
            return count
        press(Qt.Key.Key_Tab, SHIFT if back else NONE)
    raise AssertionError(f"Tab never reached {target.accessibleName() or target}")


def wait_focus(qtbot: QtBot, target: QWidget, timeout: int = 10_000) -> None:
    """Wait until `target` has the keyboard."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target, timeout=timeout)
