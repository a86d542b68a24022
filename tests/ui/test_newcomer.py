"""From an empty vault, no demo, to signed and distributed notulen, all through real widgets:
the wizard, the aanmelding (two children, one unborn), planning, the meeting, two signatures with
two identities, and the distribution. Then the record is read back through the services."""

from __future__ import annotations

import datetime as dt
import email
from collections.abc import Callable
from pathlib import Path

from tafelapp.domain.minutes import MinutesStatus
from tafelapp.services import (
    case_service,
    directory_service,
    distribution_service,
    meeting_service,
    minutes_service,
    table_service,
)
from tests.ui.conftest import App
from tests.ui.newcomer import Recorder, chair_certificate, newcomer_path


def test_newcomer_from_empty_vault_to_signed_and_sent_notulen(
        make_app: Callable[..., App], tmp_path: Path, no_demo: None) -> None:
    p12 = chair_certificate(tmp_path)
    app = make_app(tmp_path / "nieuw.tafelapp")
    recorder = Recorder(app.qtbot)
    drafts = newcomer_path(app, recorder, tmp_path / "verzending", p12)

    # Nothing typed twice, and the address book did the rest.
    assert recorder.repeated() == {}
    # The record, read back: one table with its usual people, a case with an unborn child.
    tables = app.call(table_service.list_tables)
    assert [t.name for t in tables] == ["Jeugdbeschermingstafel Duinstede"]
    book = app.call(directory_service.directory)
    assert len(book.people) == 5 and all(p.email for p in book.people)
    cases = app.call(lambda s: case_service.list_cases(s))
    case = app.call(lambda s: case_service.get_case(s, cases[0].id))
    assert [c.unborn for c in case.children] == [False, True]
    assert case.referral is not None and case.referral.referrer_person == "Ilse Jansen (fictief)"
    assert case.children[1].unborn_details is not None
    assert len(case.children[1].unborn_details.checklist) == 3
    meetings = app.call(lambda s: meeting_service.list_meetings(s))
    meeting = app.call(lambda s: meeting_service.get_meeting(s, meetings[0].id))
    assert meeting.chair_id and meeting.secretary_id
    assert meeting.location_text == "Voorbeeldlaan 1, Duinstede" and meeting.date == dt.date.today()
    item = meeting.agenda[0]
    names = {p.name: p for p in item.participants}
    assert {"Sanne van Dalen (fictief)", "Mehmet Yilmaz (fictief)", "Noor van Dalen",
            "Ilse Jansen (fictief)", "Karim Bakker (fictief)", "Femke de Wit (fictief)",
            "Mr. A. de Voorzitter (fictief)", "B. Secretaris (fictief)"} == set(names)
    assert names["Karim Bakker (fictief)"].role.value == "RVDK"
    assert names["Femke de Wit (fictief)"].email == "femke.dewit@example.org"
    assert [a.owner for a in item.agreements] == ["Ouders", "Ouders", "Femke de Wit (fictief)"]

    # Signed by both, the chair's certificate linked once (confirmed and audited).
    minutes = app.call(lambda s: minutes_service.minutes_for_item(s, item.id))[0]
    assert minutes.status is MinutesStatus.FINAL
    assert [(s.role.value, s.signer_name, s.certificate_name) for s in minutes.signatures] == [
        ("CHAIR", "Mr. A. de Voorzitter (fictief)", "A. de Voorzitter (fictief)"),
        ("SECRETARY", "B. Secretaris (fictief)", "B. Secretaris (fictief)")]
    identities = app.call(minutes_service.list_identities)
    chair_identity = next(i for i in identities if i.owner_name.startswith("A. de"))
    assert chair_identity.person_id == meeting.chair_id and chair_identity.link_confirmed_by
    pdf = app.call(lambda s: minutes_service.signed_document(s, minutes.id))
    report = minutes_service.verify_pdf(pdf)
    assert report.intact and len(report.signatures) == 2

    # Distribution: everyone present who may receive documents, the resolved address included;
    # Noor (13) is left out by the rule, nobody is left out for a missing address.
    who = app.call(lambda s: distribution_service.distribution(s, minutes.id))
    assert not [e for e in who.excluded if "e-mailadres" in e.reason]
    assert any(e.recipient.name == "Noor van Dalen" for e in who.excluded)
    to = sorted(email.message_from_bytes(p.read_bytes())["To"] for p in drafts)
    assert len(to) == len(who.included) == 7
    assert any("mehmet.yilmaz@example.org" in t for t in to)
    assert any("sanne.vandalen@example.org" in t for t in to)
    assert list((tmp_path / "verzending").rglob("* volgende moment.ics"))
