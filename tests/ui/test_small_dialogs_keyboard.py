"""Planning a meeting and following up an afspraak: Escape asks before typed work is thrown
away (Nee, the default, keeps it), an untouched dialog closes at once; nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tafelapp.services import meeting_service, vault_service
from tests.conftest import PASSPHRASE
from tests.setup.region import set_up_region
from tests.ui.conftest import App
from tests.ui.keys import alt, press, type_text
from ui.views.followup_dialog import FollowUpDialog
from ui.views.new_meeting_dialog import NewMeetingDialog


def _app(make_app: Callable[..., App], tmp_path: Path) -> App:
    path = tmp_path / "kluis.tafelapp"
    session = vault_service.create(path, PASSPHRASE, actor="secretaris")
    set_up_region(session)
    session.close()
    app = make_app(path)
    app.unlock()
    return app


def _active(app: App, dialog: QDialog) -> None:
    app.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=10_000)
    dialog.activateWindow()
    app.qtbot.waitUntil(dialog.isActiveWindow, timeout=10_000)


def _asked(app: App) -> QMessageBox:
    app.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox),
                        timeout=10_000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Wijzigingen weggooien?"
    return box


def test_escape_in_a_typed_new_meeting_asks_and_nee_keeps_the_work(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app = _app(make_app, tmp_path)
    app.window.region.ask_meeting()
    app.qtbot.waitUntil(lambda: app.window.region.meeting_dialog is not None, timeout=15_000)
    dialog = app.window.region.meeting_dialog
    assert isinstance(dialog, NewMeetingDialog)
    _active(app, dialog)
    alt("a")  # "Adres of zaal"
    press(Qt.Key.Key_End)
    type_text(", ingang achterzijde")
    press(Qt.Key.Key_Escape)
    _asked(app)
    press(Qt.Key.Key_Escape)  # Escape in the question: keep editing
    _active(app, dialog)
    assert dialog.isVisible()
    assert dialog.location_text.text() == "Stadskantoor, zaal 3, ingang achterzijde"
    dialog.location_text.setFocus()
    press(Qt.Key.Key_Escape)
    _asked(app)
    alt("j")
    app.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    app.settle()
    assert app.call(meeting_service.list_meetings) == []


def test_escape_closes_an_untouched_new_meeting_at_once(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app = _app(make_app, tmp_path)
    app.window.region.ask_meeting()
    app.qtbot.waitUntil(lambda: app.window.region.meeting_dialog is not None, timeout=15_000)
    dialog = app.window.region.meeting_dialog
    assert dialog is not None
    _active(app, dialog)
    press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)


def test_escape_in_a_typed_follow_up_asks_first(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app = _app(make_app, tmp_path)
    dialog = FollowUpDialog(app.window, "JBT-2026-0001: afspraak")
    dialog.open()
    _active(app, dialog)
    alt("t")  # Toelichting
    type_text("Moeder belde: de hulp is gestart.")
    press(Qt.Key.Key_Escape)
    _asked(app)
    press(Qt.Key.Key_Return)  # the default answer is Nee
    _active(app, dialog)
    assert dialog.isVisible() and dialog.note.text() == "Moeder belde: de hulp is gestart."
    dialog.note.setFocus()
    press(Qt.Key.Key_Escape)
    _asked(app)
    alt("j")
    app.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert dialog.result() == QDialog.DialogCode.Rejected
