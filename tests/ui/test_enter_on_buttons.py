"""Enter on a button the cursor is on clicks it, on the main window's screens as in dialogs: the
first screen's 'Demo openen' reached by Tab opens the demo with Enter (it did nothing; only Space
worked); a dialog keeps Qt's own rules for its default button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import App
from tests.ui.keys import SHIFT, press, tab_to, wait_focus
from ui.widgets.keyboard import enter_clicks


def test_enter_on_the_demo_button_opens_the_demo(make_app: Callable[..., App]) -> None:
    app = make_app()
    window = app.window
    app.qtbot.waitUntil(lambda: window.unlock_view.isVisible())
    wait_focus(app.qtbot, window.unlock_view.new_passphrase)  # the first start: a new vault
    tab_to(app.qtbot, window.unlock_view.demo_button)
    press(Qt.Key.Key_Return)
    app.qtbot.waitUntil(lambda: window.executor.session is not None, timeout=20_000)
    app.settle()
    assert window.stack.currentWidget() is window.overview_view
    assert window.overview_view.case_model.rowCount() > 0


def _enter(modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, modifiers)


def test_only_a_plain_enter_on_a_button_outside_a_dialog(qtbot: QtBot) -> None:
    screen = QWidget()
    qtbot.addWidget(screen)
    button = QPushButton("Vastleggen", screen)
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    assert enter_clicks(button, _enter()) and clicks == [1]
    assert not enter_clicks(button, _enter(SHIFT)) and clicks == [1]
    assert not enter_clicks(screen, _enter())  # not a button: Enter goes on as before
    button.setEnabled(False)
    assert enter_clicks(button, _enter()) and clicks == [1]  # swallowed, nothing happens

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    cancel, save = QPushButton("Annuleren"), QPushButton("Opslaan")
    layout.addWidget(cancel)
    layout.addWidget(save)
    cancel.setAutoDefault(False)
    save.setDefault(True)
    for inside in (cancel, save):  # the dialog's own default-button rules
        assert not enter_clicks(inside, _enter())
