"""Answer Qt's modal dialogs (questions, PIN prompts) by key events, as a person at the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

Answer = Callable[[QWidget], None]


def answer_dialogs(*answers: Answer) -> list[str]:
    """Answer the next modal dialogs in turn; returns the text each one showed (its labels)."""
    seen: list[str] = []
    pending = list(answers)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and pending and box.isVisible() and not box.property("answered"):
            box.setProperty("answered", True)  # the next dialog is another object
            seen.append(" ".join(label.text() for label in box.findChildren(QLabel)))
            box.activateWindow()  # as the window manager does for a new dialog
            pending.pop(0)(box)
        if pending:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)
    return seen


def typed(text: str) -> Answer:
    """Type `text` where the dialog's cursor is, then Enter."""
    def answer(box: QWidget) -> None:
        target = box.focusWidget() or box
        if text:
            QTest.keyClicks(target, text)
        QTest.keyClick(target, Qt.Key.Key_Return)
    return answer


def enter(box: QWidget) -> None:
    """Enter: the dialog's default button (for a question asked with 'Nee' first: Nee)."""
    QTest.keyClick(box.focusWidget() or box, Qt.Key.Key_Return)


def pressed(button: QMessageBox.StandardButton) -> Answer:
    """Tab to one of the question's buttons and press Space."""
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        wanted = box.button(button)
        for _ in range(6):
            if box.focusWidget() is wanted:
                break
            QTest.keyClick(box.focusWidget() or box, Qt.Key.Key_Tab)
        assert box.focusWidget() is wanted
        QTest.keyClick(wanted, Qt.Key.Key_Space)
    return answer
