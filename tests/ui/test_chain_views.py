"""Ketenregisseur screens: the werklijst, an escalation from concept to afgerond, kengetallen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tafelapp.domain.worklist import CaseWatch, Horizon, LeadState, OpenDue, worklist
from tafelapp.services import escalation_service, minutes_service
from tests.ui.conftest import App
from ui.views.worklist_view import WorklistView


def test_worklist_filters_and_escalation_to_afgerond(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    window.chain.show_worklist()
    app.settle()
    view = window.worklist_view
    assert window.stack.currentWidget() is view
    rows = view.model.rowCount()
    assert rows >= 3
    first = view.model.item_at(0)
    assert first.working_days_left is not None and first.working_days_left < 0  # overdue first
    view.kind.setCurrentIndex(view.kind.findData("geen voortgang"))
    assert view.model.rowCount() == 0 or all(
        view.model.item_at(r).kind.value == "NO_PROGRESS" for r in range(view.model.rowCount()))
    view.kind.setCurrentIndex(view.kind.findData("afspraak over datum"))
    assert view.model.rowCount() >= 1
    view.view.selectRow(0)
    view.view.setCurrentIndex(view.model.index(0, 0))
    case_id = view.selected().case_id  # type: ignore[union-attr]
    app.call(lambda s: minutes_service.create_local_identity(s, "K. Regisseur", "123456"))
    view.escalate.click()
    app.settle()
    esc = window.escalation_view
    assert window.stack.currentWidget() is esc and "concept" in esc.header.text()
    app.qtbot.keyClicks(esc.stuck, "Noor van Dalen wacht op een plek.")
    esc.partners.setText("Jeugdbescherming West, Gemeente Duinstede")
    esc.attempts.setPlainText("1-10-2026 overleg zonder dubbele punt")
    app.qtbot.keyClicks(esc.question, "Kan de stuurgroep helpen?")
    esc.save.click()
    app.settle()
    assert "regel 1" in esc.message.text()  # the bad line is named
    esc.attempts.setPlainText("01-10-2026: overleg met de GI")
    esc.save.click()
    app.settle()
    assert "N.v.D." in esc.preview.toPlainText() and "Noor" not in esc.preview.toPlainText()
    app.qtbot.keyClicks(esc.pin, "123456")
    esc.submit.click()
    app.settle()
    assert "ingediend" in esc.header.text() and "outbox" in esc.message.text()
    esc.advance.click()
    app.settle()
    assert "besproken" in esc.header.text()
    esc.advance.click()
    app.settle()
    assert "Leg het besluit" in esc.message.text() or "besluit" in esc.message.text()
    esc.decision.setPlainText("De GI regelt binnen twee weken een plek.")
    esc.advance.click()
    app.settle()
    assert "besluit" in esc.header.text()
    esc.advance.click()
    app.settle()
    assert "afgerond" in esc.header.text() and not esc.advance.isEnabled()
    [stored] = app.call(lambda s: escalation_service.escalations(s, case_id=case_id))
    assert stored.status.value == "CLOSED" and stored.decision.startswith("De GI")


def test_figures_view_shows_charts(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    window.figures_view.quarter.setCurrentIndex(1)  # last quarter: the demo's first JBT
    app.settle()
    window.chain.show_figures()
    app.settle()
    titles = [c.title for c in window.figures_view.charts]
    assert "Besluiten per type" in titles
    decisions = next(c for c in window.figures_view.charts if c.title == "Besluiten per type")
    assert decisions.values == {"uitgesteld raadsonderzoek": 1.0}
    assert not decisions.grab().isNull()
    window.lock()
    app.settle()
    assert window.figures_view.charts == []


def test_worklist_sorts_on_a_header_click_and_keeps_the_selection(qtbot: QtBot) -> None:
    today = dt.date(2026, 11, 23)
    cases = [CaseWatch(f"c{n}", f"JBT-2026-{n:04d}", f"Tafel {n % 3}", today - dt.timedelta(days=n),
                       LeadState.NONE if n % 4 == 0 else LeadState.ACCEPTED) for n in range(600)]
    dues = [OpenDue(f"c{n}", f"JBT-2026-{n:04d}", f"Tafel {n % 3}",
                    today + dt.timedelta(days=n % 9 - 4), "Ouders", True) for n in range(600)]
    items = worklist(cases, dues, Horizon.of(today, 6))
    view = WorklistView()
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    view.show_items(items)
    model = view.model

    def shown() -> list[str]:
        return [model.item_at(r).case_number for r in range(model.rowCount())]

    assert model.rowCount() == len(items) and model.item_at(0) == items[0]  # most urgent first
    view.view.setCurrentIndex(model.index(5, 0))
    chosen = view.selected()
    header = view.view.horizontalHeader()

    def click(column: int) -> None:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(column) + 10, 5))

    click(1)  # Casus
    assert shown() == sorted(shown())
    assert view.selected() == chosen  # the current line follows its item
    click(1)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown() == sorted(shown(), reverse=True)
    click(5)  # Datum: dated lines first, in date order
    dates = [model.item_at(r).due for r in range(model.rowCount())]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated) and dates[len(dated):] == [None] * (len(dates) - len(dated))
    view.kind.setCurrentIndex(view.kind.findData("geen casusregie"))  # filter keeps the sort
    assert model.rowCount() == 150 and shown() == sorted(shown())
