"""Answer Qt's modal dialogs (questions, PIN prompts) by key events, as a person at the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

Answer = Callable[[QWidget], None]
_PENDING: list[list[Answer]] = []  # answers still waiting for their dialog, of every caller
DEADLINE_MS = 30_000


def forget_pending() -> None:
    """Drop every answer still waiting (at the end of a test: a later test's dialogs are never
    answered by an earlier test's script) and close a dialog left open, so nothing hangs."""
    for pending in _PENDING:
        pending.clear()
    _PENDING.clear()
    for _ in range(5):
        box = QApplication.activeModalWidget()
        if box is None:
            break
        if isinstance(box, QDialog):
            box.done(0)  # a question without an Escape button ignores close()
        else:
            box.close()
        QApplication.processEvents()


def answer_dialogs(*answers: Answer) -> list[str]:
    """Answer the next modal dialogs in turn; returns the text each one showed (its labels).
    Gives up after DEADLINE_MS (a dialog that never came fails the test, it does not hang)."""
    seen: list[str] = []
    pending = list(answers)
    _PENDING.append(pending)
    started = QElapsedTimer()
    started.start()

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and pending and box.isVisible() and not box.property("answered"):
            focus = QApplication.focusWidget()
            if focus is None or not (focus is box or box.isAncestorOf(focus)):
                box.activateWindow()  # as a window manager does; answer once it has the keys
            else:
                box.setProperty("answered", True)  # the next dialog is another object
                seen.append(" ".join(label.text() for label in box.findChildren(QLabel)))
                pending.pop(0)(box)
        if pending and started.elapsed() < DEADLINE_MS:
            QTimer.singleShot(20, poll)
        elif pending:  # the dialog never came: close whatever is open, let the test fail
            pending.clear()
            if isinstance(box, QDialog):
                box.done(0)
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
