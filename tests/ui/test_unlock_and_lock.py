"""First start, wrong passphrase with growing delay, Ctrl+L and idle auto-lock that hide all data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTextBrowser,
    QWidget,
)

from tafelapp.domain.steps import MeetingStep
from tests.conftest import PASSPHRASE
from tests.ui.conftest import DEMO_PASSPHRASE, App
from ui.views.unlock_view import failure_delay_seconds

PERSONAL = ("Dalen", "Noor", "Daan", "Yilmaz", "Ramdin", "Jayden", "geweld", "Voorbeeldlaan")


def visible_text(root: QWidget) -> str:
    """All text a user could see in the window's widgets (labels, fields, lists, tables)."""
    parts: list[str] = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if isinstance(w, (QLabel, QLineEdit)):
            parts.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextBrowser)):
            parts.append(w.toPlainText())
        elif isinstance(w, QListWidget):
            parts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            parts += [w.item(r, c).text() for r in range(w.rowCount())
                      for c in range(w.columnCount()) if w.item(r, c)]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            parts += [str(m.index(r, c).data()) for r in range(m.rowCount())
                      for c in range(m.columnCount())]
    return "\n".join(parts)


def test_first_start_rule_shown_then_create(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app()
    view = app.window.unlock_view
    assert view.pages.currentIndex() == 1
    app.qtbot.keyClicks(view.new_passphrase, "kort")
    assert not view.create_button.isEnabled()
    assert "minstens 12 tekens" in view.strength.text()
    view.new_passphrase.setText(PASSPHRASE)
    app.qtbot.keyClicks(view.repeat_passphrase, PASSPHRASE[:-1])
    assert "herhaling" in view.strength.text() and not view.create_button.isEnabled()
    app.qtbot.keyClicks(view.repeat_passphrase, PASSPHRASE[-1])
    assert view.create_button.isEnabled()
    app.qtbot.keyClick(view.repeat_passphrase, Qt.Key.Key_Return)
    app.qtbot.waitUntil(lambda: app.window.stack.currentWidget() is app.window.overview_view,
                        timeout=15_000)
    assert (tmp_path / "kluis.tafelapp").exists()
    assert b"SQLite format 3" not in (tmp_path / "kluis.tafelapp").read_bytes()[:16]


def test_wrong_passphrase_calm_message_and_growing_delay(make_app: Callable[..., App],
                                                         tmp_path: Path) -> None:
    app = make_app(demo=True)
    app.window.lock()
    app.settle()
    view = app.window.unlock_view
    app.unlock("Niet-De-Goede-Zin-1")
    assert "opent de kluis niet" in view.message.text()
    assert view.open_button.isEnabled()  # first failure: no wait
    app.unlock("Niet-De-Goede-Zin-2")
    assert view.failures == 2
    assert not view.open_button.isEnabled()
    assert "over 2 seconden" in view.message.text()
    assert [failure_delay_seconds(n) for n in range(1, 7)] == [0, 2, 4, 8, 16, 30]
    app.qtbot.waitUntil(view.open_button.isEnabled, timeout=5_000)
    app.unlock(DEMO_PASSPHRASE)
    assert app.window.stack.currentWidget() is app.window.overview_view


def _open_demo_meeting_at(app: App, step: MeetingStep) -> None:
    window = app.window
    meeting_id = window.overview_view.meetings.item(0).data(Qt.ItemDataRole.UserRole)
    window.show_agenda(meeting_id)
    app.settle()
    item_id = window.agenda_view.selected_id()
    assert item_id
    window.open_item(item_id, step)
    app.settle()
    assert window.stack.currentWidget() is window.meeting_view
    assert window.meeting_view.current_step is step


def test_ctrl_l_shows_no_case_data_and_unlock_returns_to_the_same_step(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    _open_demo_meeting_at(app, MeetingStep.SAFETY_PLAN)
    assert "Dalen" in visible_text(app.window)  # the check below can fail
    app.qtbot.keyClick(app.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    app.settle()
    assert app.window.stack.currentWidget() is app.window.unlock_view
    assert app.executor.session is None
    text = visible_text(app.window)
    for word in PERSONAL:
        assert word not in text, word
    app.unlock(DEMO_PASSPHRASE)
    assert app.window.stack.currentWidget() is app.window.meeting_view
    assert app.window.meeting_view.current_step is MeetingStep.SAFETY_PLAN
    assert "Dalen" in app.window.meeting_view.header.text()


def test_auto_lock_after_idle_time(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    assert app.window.idle_timer.interval() == 5 * 60_000  # default 5 minutes
    app.window.idle_timer.start(300)  # the same timer, shortened for the test
    app.qtbot.waitUntil(lambda: app.window.stack.currentWidget() is app.window.unlock_view,
                        timeout=5_000)
    app.settle()
    assert app.executor.session is None
    assert "Ramdin" not in visible_text(app.window)


def test_activity_keeps_the_app_unlocked(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    app.window.idle_timer.start(600)
    for _ in range(6):
        app.qtbot.wait(200)
        app.qtbot.keyClick(app.window.overview_view.search, Qt.Key.Key_A)
    assert app.executor.session is not None
