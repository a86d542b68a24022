"""Through the real meeting screen: the evaluation meeting follows up the afspraken of the first
(signed) one; the werklijst stops warning; the next notulen carry the follow-up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tafelapp.domain.steps import MeetingStep
from tafelapp.domain.worklist import Attention
from tafelapp.services import meeting_service, minutes_service, worklist_service
from tafelapp.services.session import Session
from tests.ui.conftest import App
from ui.views.followup_dialog import FollowUpDialog
from ui.views.steps.agreements import AgreementsPage


def _sign_first(s: Session) -> tuple[str, str]:
    first = min(meeting_service.list_meetings(s), key=lambda m: m.date)
    item = meeting_service.get_meeting(s, first.id).agenda[0]
    minutes = minutes_service.draft_minutes(s, item.id)
    chair = minutes_service.create_local_identity(s, "Mr. A. de Voorzitter (fictief)", "123456")
    sec = minutes_service.create_local_identity(s, "B. Secretaris (fictief)", "654321")
    minutes_service.sign_minutes(s, minutes.id, chair.id, "123456", "CHAIR")
    minutes_service.sign_minutes(s, minutes.id, sec.id, "654321", "SECRETARY")
    later = next(m for m in meeting_service.meetings_for_case(s, item.case_id)
                 if m.date > first.date)
    return item.agreements[1].id, later.agenda[0].id


def test_the_evaluation_follows_up_an_overdue_afspraak(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    overdue, later_item = app.call(_sign_first)
    assert Attention.AGREEMENT_OVERDUE in {w.kind for w in app.call(worklist_service.work_list)}
    window.open_item(later_item, MeetingStep.AGREEMENTS)
    app.settle()
    page = window.meeting_view.pages[MeetingStep.AGREEMENTS]
    assert isinstance(page, AgreementsPage)
    panel = page.followups
    assert panel.isVisible() and panel.table.rowCount() == 3
    row = next(r for r in range(panel.table.rowCount())
               if panel.table.item(r, 0).data(256) == overdue)
    assert panel.table.item(row, 4).text() == "nog niet opgevolgd"
    panel.table.selectRow(row)
    panel.status.setCurrentIndex(panel.status.findData("NOT_KEPT"))
    app.qtbot.keyClicks(panel.said_by, "Jeugdbeschermer")
    panel.record.click()  # no note for 'niet nagekomen': refused, in words
    app.settle()
    assert panel.message.text() == ("Toelichting: zeg kort wat er is gebeurd (bij 'niet "
                                    "nagekomen')")
    panel.status.setCurrentIndex(panel.status.findData("PARTLY"))
    app.qtbot.keyClicks(panel.note, "Twee van de drie gesprekken gevoerd.")
    panel.record.click()
    app.settle()
    assert panel.message.text() == ""
    assert panel.table.item(row, 4).text().startswith("deels nagekomen (")
    assert "Jeugdbeschermer" in panel.table.item(row, 4).text()
    kinds = {w.kind for w in app.call(worklist_service.work_list)}
    assert Attention.AGREEMENT_OVERDUE not in kinds  # followed up: no false warning
    minutes = app.call(lambda s: minutes_service.draft_minutes(s, later_item))
    html = app.call(lambda s: minutes_service.document_html(s, minutes.id))
    assert "Opvolging van eerdere afspraken" in html and "deels nagekomen" in html
    assert "Twee van de drie gesprekken gevoerd." in html


def test_the_ketenregisseur_follows_up_from_the_werklijst(
        make_app: Callable[..., App], monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(demo=True)
    window = app.window
    window.chain.show_worklist()
    app.settle()
    view = window.worklist_view
    row = next(r for r in range(view.model.rowCount())
               if view.model.item_at(r).kind is Attention.AGREEMENT_OVERDUE)
    view.view.selectRow(row)
    assert view.follow_up.isEnabled()
    answers = iter([("NOT_KEPT", ""), ("NOT_KEPT", "De ouders kwamen niet op het gesprek.")])
    asked: list[str] = []

    def fill(dialog: FollowUpDialog) -> int:
        status, note = next(answers)
        asked.append(dialog.message.text())
        dialog.status.setCurrentIndex(dialog.status.findData(status))
        dialog.said_by.setText("Jeugdbeschermer")
        dialog.note.setText(note)
        return 1
    monkeypatch.setattr(FollowUpDialog, "exec", fill)
    view.follow_up.click()
    app.settle()
    assert asked == ["", "Toelichting: zeg kort wat er is gebeurd (bij 'niet nagekomen')"]
    assert all(view.model.item_at(r).kind is not Attention.AGREEMENT_OVERDUE
               for r in range(view.model.rowCount()))
