"""Ketenregisseur screens: the werklijst, an escalation from concept to afgerond, kengetallen."""

from __future__ import annotations

from collections.abc import Callable

from tafelapp.services import escalation_service, minutes_service
from tests.ui.conftest import App


def test_worklist_filters_and_escalation_to_afgerond(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    window.chain.show_worklist()
    app.settle()
    view = window.worklist_view
    assert window.stack.currentWidget() is view
    rows = view.model.rowCount()
    assert rows >= 3
    first = view.model.item_at(view.proxy.mapToSource(view.proxy.index(0, 0)).row())
    assert first.working_days_left is not None and first.working_days_left < 0  # overdue first
    view.kind.setCurrentIndex(view.kind.findData("geen voortgang"))
    assert view.model.rowCount() == 0 or all(
        view.model.item_at(r).kind.value == "NO_PROGRESS" for r in range(view.model.rowCount()))
    view.kind.setCurrentIndex(view.kind.findData("afspraak over datum"))
    assert view.model.rowCount() >= 1
    view.view.selectRow(0)
    view.view.setCurrentIndex(view.proxy.index(0, 0))
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
