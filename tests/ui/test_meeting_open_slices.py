"""Opening a meeting fills the step on screen at once and the other steps one per turn of the
event loop (the UI thread never builds eight pages in one go, issue 18.15); a step reached by
keyboard before its turn is filled the moment it is shown, so nothing typed goes nowhere and
nothing stored is missing on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service
from tests.ui.conftest import App
from ui.views.steps.safety_plan import SafetyPlanPage


def _stored_plan_item(app: App) -> tuple[str, str]:
    def find(s: object) -> tuple[str, str]:
        for meeting in meeting_service.list_meetings(s):  # type: ignore[arg-type]
            for item in meeting_service.get_meeting(s, meeting.id).agenda:  # type: ignore[arg-type]
                if item.safety_plan.worries.strip():
                    return item.id, item.safety_plan.worries
        raise AssertionError("the demo has a safety plan with worries")
    return app.call(find)


def test_a_step_shown_before_its_turn_is_filled_at_once(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    item_id, worries = _stored_plan_item(app)
    view = app.window.meeting_view
    app.window.activateWindow()
    app.qtbot.waitUntil(app.window.isActiveWindow, timeout=10_000)
    with app.qtbot.waitSignal(view.loaded, timeout=20_000):
        app.window.open_item(item_id, MeetingStep.OPENING)
    page = view.pages[MeetingStep.SAFETY_PLAN]
    assert isinstance(page, SafetyPlanPage)
    assert view.refresh_pending and MeetingStep.SAFETY_PLAN in view._unloaded  # still to come
    app.qtbot.keyClick(QApplication.focusWidget() or app.window, Qt.Key.Key_3,
                       Qt.KeyboardModifier.AltModifier)
    assert view.current_step is MeetingStep.SAFETY_PLAN
    assert page.fields["worries"].toPlainText() == worries  # filled when shown, not later
    app.settle()
    assert not view.refresh_pending


def test_every_step_is_filled_soon_after_opening_without_being_shown(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    item_id, worries = _stored_plan_item(app)
    app.window.open_item(item_id, MeetingStep.OPENING)
    app.settle()  # waits until no step is left to fill
    page = app.window.meeting_view.pages[MeetingStep.SAFETY_PLAN]
    assert isinstance(page, SafetyPlanPage)
    assert app.window.meeting_view.current_step is MeetingStep.OPENING
    assert page.fields["worries"].toPlainText() == worries


def test_alt_number_pressed_while_the_meeting_opens_is_carried_out(
        make_app: Callable[..., App]) -> None:
    """Enter on 'Start' and at once Alt+3, before the meeting is on screen: the Alt+3 used to
    reach the agenda (no such shortcut there) and was lost; now the meeting opens at step 3."""
    app = make_app(demo=True)
    window = app.window
    meetings = window.overview_view.meetings
    window.show_agenda(meetings.item(0).data(Qt.ItemDataRole.UserRole))
    app.settle()
    window.activateWindow()
    app.qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    start = window.agenda_view.start
    start.setFocus()
    app.qtbot.keyClick(start, Qt.Key.Key_Space)  # opens the meeting in the background
    assert window.stack.currentWidget() is window.agenda_view  # not there yet
    app.qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_3,
                       Qt.KeyboardModifier.AltModifier)
    app.settle()
    view = window.meeting_view
    assert window.stack.currentWidget() is view
    assert view.current_step is list(MeetingStep)[2]
    focus = QApplication.focusWidget()
    assert focus is not None and view.pages[view.current_step].isAncestorOf(focus)
    # once there, the meeting's own Alt+number works as before (no ambiguous second shortcut)
    app.qtbot.keyClick(focus, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    app.settle()
    assert view.current_step is list(MeetingStep)[4]
