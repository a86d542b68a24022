"""Tab never stops on a widget that shows no focus: a meeting step's page itself (a scroll area)
was a Tab stop between 'Vorige stap' and '← Agenda' where Enter did nothing (a newcomer's
session); the notulen tabs and the aanmelding scroll the same way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from tafelapp.domain.steps import MeetingStep
from tests.ui.conftest import App
from tests.ui.keys import press
from tests.ui.test_unlock_and_lock import _open_demo_meeting_at


def test_tab_never_rests_on_a_scroll_area(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    app.window.activateWindow()
    app.qtbot.waitUntil(app.window.isActiveWindow, timeout=5_000)
    for step in (MeetingStep.SCALING, MeetingStep.CLOSING):
        _open_demo_meeting_at(app, step)
        app.window.meeting_view.steps.setFocus()
        stops = []
        for _ in range(40):
            press(Qt.Key.Key_Tab)
            stops.append(QApplication.focusWidget())
        assert not [w for w in stops if isinstance(w, QScrollArea)], step
        assert len({id(w) for w in stops}) > 5  # Tab did walk the page
