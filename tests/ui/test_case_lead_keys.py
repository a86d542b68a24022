"""Casusregie by keyboard (issue 18.3/18.4): ↓ + Enter on a suggestion fills organisation, kind,
phone and e-mail; Toewijzen stores the person as fields; a missing phone stays empty (no e-mail
in its place) and is an open point until filled in; 'aanvaard op' defaults to the meeting's date
and is refused before 'sinds'. Asserted on what is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tafelapp.domain.models import CaseLead
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import case_service
from tests.ui.conftest import App
from tests.ui.test_participants_keys import (
    ALT,
    back_to_window,
    book_vault,
    focus,
    key,
    open_participants,
    press,
)
from ui.views.steps.case_lead import CaseLeadPage

__all__ = ["book_vault"]  # the fixture, shared with the Deelnemers test
CTRL = Qt.KeyboardModifier.ControlModifier


def lead_of(app: App, case_id: str) -> CaseLead | None:
    case = app.call(lambda s: case_service.get_case(s, case_id))
    return next(iter(case.active_case_leads()), None)


def open_case_lead(app: App, meeting_id: str) -> CaseLeadPage:
    open_participants(app, meeting_id)
    QTest.keyClick(app.window.meeting_view, Qt.Key.Key_6, ALT)
    app.settle()
    page = app.window.meeting_view.pages[MeetingStep.CASE_LEAD]
    assert isinstance(page, CaseLeadPage)
    assert app.window.meeting_view.current_step is MeetingStep.CASE_LEAD
    return page


def pick(app: App, page: CaseLeadPage, typed: str) -> None:
    key(Qt.Key.Key_C, ALT)
    assert focus() is page.person
    QTest.keyClicks(page.person, typed)
    popup = page.person.completer().popup()
    assert popup is not None
    app.qtbot.waitUntil(popup.isVisible, timeout=5_000)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Return)
    app.settle()
    back_to_window(app)


def retype(app: App, text: str) -> None:
    key(Qt.Key.Key_A, CTRL)
    QTest.keyClicks(focus(), text)


def test_the_casusregisseur_is_stored_as_fields_and_accepted_on_the_meeting_date(
        make_app: Callable[..., App], book_vault: dict[str, Any]) -> None:
    app = make_app(book_vault["path"])
    page = open_case_lead(app, book_vault["meeting"].id)
    case_id, day = book_vault["case"].id, book_vault["meeting"].date
    pick(app, page, "viss")
    assert (page.person.text(), page.organisation.text(), page.kind.currentData(),
            page.phone.text(), page.email.text()) == (
        "G. Visser", "Wijkteam Teststad", "CARE_PROVIDER", "070-1234567", "g.visser@wijkteam.nl")
    assert lead_of(app, case_id) is None  # Enter on the suggestion assigned nothing
    press(app, page.assign, Qt.Key.Key_T)
    lead = lead_of(app, case_id)
    assert lead is not None and lead.person_id is not None
    assert (lead.person, lead.organisation, lead.organisation_kind.value, lead.phone, lead.email,
            lead.since, lead.accepted) == ("G. Visser", "Wijkteam Teststad", "CARE_PROVIDER",
                                           "070-1234567", "g.visser@wijkteam.nl", day, False)
    assert page.accepted_on.accessibleName() == "Aanvaard op (datum) van casusregisseur G. Visser"

    key(Qt.Key.Key_P, ALT)
    assert focus() is page.accepted_on and page.accepted_on.text() == f"{day:%d-%m-%Y}"
    retype(app, f"{day - dt.timedelta(days=1):%d-%m-%Y}")  # before 'sinds': refused
    press(app, page.accept, Qt.Key.Key_A)
    assert "vóór 'sinds'" in page.message.text()
    lead = lead_of(app, case_id)
    assert lead is not None and not lead.accepted
    key(Qt.Key.Key_P, ALT)
    retype(app, f"{day:%d-%m-%Y}")
    press(app, page.accept, Qt.Key.Key_A)
    lead = lead_of(app, case_id)
    assert lead is not None and lead.accepted and lead.accepted_on == day


def test_no_e_mail_in_place_of_a_phone_and_the_missing_number_is_an_open_point(
        make_app: Callable[..., App], book_vault: dict[str, Any]) -> None:
    app = make_app(book_vault["path"])
    page = open_case_lead(app, book_vault["meeting"].id)
    case_id = book_vault["case"].id
    pick(app, page, "onderz")
    assert (page.phone.text(), page.email.text()) == ("", "r.onderzoeker@raad.nl")
    press(app, page.assign, Qt.Key.Key_T)
    lead = lead_of(app, case_id)
    assert lead is not None and (lead.phone, lead.email) == (None, "r.onderzoeker@raad.nl")
    assert "geen telefoonnummer van casusregisseur R. Onderzoeker" in page.problems.text()

    key(Qt.Key.Key_F, ALT)
    assert focus() is page.current_phone
    QTest.keyClicks(page.current_phone, "r.onderzoeker@raad.nl")
    press(app, page.save_contact, Qt.Key.Key_O)
    assert "geen telefoonnummer (voorbeeld" in page.message.text()
    lead = lead_of(app, case_id)
    assert lead is not None and lead.phone is None
    key(Qt.Key.Key_F, ALT)
    retype(app, "06-11112222")
    press(app, page.save_contact, Qt.Key.Key_O)
    lead = lead_of(app, case_id)
    assert lead is not None and lead.phone == "06-11112222"
    assert "geen telefoonnummer" not in page.problems.text()
