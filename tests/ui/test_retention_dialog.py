"""'Opschonen' by keyboard in the real app: the daily check shows what will go; the user
postpones once with a reason (a second time is refused in words), and later cleans up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tafelapp.services import case_service, meeting_service, retention_service
from tafelapp.services.session import Session
from tests.retention.setup import TERM_WEEKS, confirm_all, region_terms, sign_final
from tests.ui.conftest import App
from tests.ui.keys import alt, focused, press, type_text


def _close_the_first_case(s: Session) -> str:
    first = min(meeting_service.list_meetings(s), key=lambda m: m.date)
    sign_final(s, first.id)
    case_id = meeting_service.get_meeting(s, first.id).agenda[0].case_id
    case_service.close_case(s, case_id)
    confirm_all(s, s.now())
    region_terms(s)
    return case_service.get_case(s, case_id).case_number


def _clock(weeks: int) -> Callable[[Session], None]:
    start = dt.datetime.now(dt.UTC)

    def move(s: Session) -> None:
        s.clock = lambda: start + dt.timedelta(weeks=weeks)
    return move


def test_the_check_shows_what_goes_postpone_once_then_clean_up(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    number = app.call(_close_the_first_case)
    window.retention.check()  # the term runs: nothing to show
    app.settle()
    assert window.retention.dialog is None
    app.call(_clock(TERM_WEEKS + 1))
    window.retention.check()  # what the daily tick does
    app.settle()
    dialog = window.retention.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.table.item(0, 0).text() == number
    assert dialog.table.item(0, 2).text().startswith("gaat weg")
    assert "1 casus gaat weg" in dialog.summary.text()
    assert focused() is dialog.table
    alt("r")
    assert focused() is dialog.reason
    type_text("Moeder vraagt inzage aan")
    alt("u")
    app.settle()
    assert dialog.table.item(0, 2).text().startswith("blijft: uitgesteld tot")
    assert "Moeder vraagt inzage aan" in dialog.table.item(0, 2).text()
    assert dialog.reason.text() == ""
    alt("r")
    type_text("Nog een keer graag")
    alt("u")
    app.settle()
    assert "één keer" in dialog.message.text()
    app.call(_clock(TERM_WEEKS + 6))  # past the postponement
    window.retention.check()
    app.settle()
    assert dialog.table.item(0, 2).text().startswith("gaat weg")
    alt("o")
    app.settle()
    assert dialog.message.text().startswith(f"Verwijderd: {number}.")
    assert dialog.table.rowCount() == 0 and not dialog.remove.isEnabled()
    press(Qt.Key.Key_Escape)
    app.settle()
    assert window.retention.dialog is None
    stones = app.call(retention_service.tombstones)
    assert [s["case_number"] for s in stones] == [number]


def test_escape_removes_nothing(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    app.call(_close_the_first_case)
    app.call(_clock(TERM_WEEKS + 1))
    window.retention.check()
    app.settle()
    dialog = window.retention.dialog
    assert dialog is not None
    dialog.activateWindow()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    press(Qt.Key.Key_Escape)
    app.settle()
    assert window.retention.dialog is None
    plan = app.call(retention_service.plan)
    assert len(plan.to_remove) == 1


def test_the_ticker_schedules_the_daily_check(qtbot: object) -> None:
    from ui.scheduling import RETENTION_INTERVAL_HOURS, DrainTicker

    ticker = DrainTicker()
    job = ticker._scheduler.get_job("retention-tick")
    assert job is not None and job.trigger.interval.total_seconds() == \
        RETENTION_INTERVAL_HOURS * 3600
    fired: list[bool] = []
    ticker.retention_tick.connect(lambda: fired.append(True))
    job.func()  # what APScheduler runs in its worker thread: only a signal
    assert fired == [True]
