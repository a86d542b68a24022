"""Werklijst, escalation to afgerond, pseudonymised dossier, stuurgroep agenda, signals, figures."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.escalation import EscalationStatus
from tafelapp.domain.figures import Quarter
from tafelapp.domain.problems import InvalidInput
from tafelapp.domain.worklist import Attention
from tafelapp.services import (
    case_service,
    escalation_service,
    figures_service,
    meeting_service,
    minutes_service,
    worklist_service,
)
from tafelapp.services.session import Session
from tafelapp.store import audit_repo, outbox_repo


def pdf_text(data: bytes, tmp: Path) -> str:
    path = tmp / "x.pdf"
    path.write_bytes(data)
    tool = shutil.which("pdftotext")
    assert tool
    return " ".join(subprocess.run([tool, str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_worklist_of_the_demo(session: Session, demo: dict[str, str]) -> None:
    items = worklist_service.work_list(session)
    found = {(i.case_number, i.kind) for i in items}
    assert ("JBT-2026-0001", Attention.AGREEMENT_OVERDUE) in found
    assert ("ZVT-2026-0001", Attention.CASE_LEAD_NOT_ACCEPTED) in found
    assert items[0].working_days_left is not None and items[0].working_days_left < 0
    case_service.accept_case_lead(session, demo["zvt_case"])
    assert ("ZVT-2026-0001", Attention.CASE_LEAD_NOT_ACCEPTED) not in {
        (i.case_number, i.kind) for i in worklist_service.work_list(session)}


def _escalation(session: Session, demo: dict[str, str]) -> Any:
    return escalation_service.start_escalation(
        session, demo["jbt_case"],
        stuck="Noor van Dalen (13, geboren 14-03-2013) wacht op een plek; Sanne van Dalen en "
              "Mehmet Yilmaz wonen op Voorbeeldlaan 1, 9999 ZZ; bel 06-00000001. BSN 123456782.",
        partners=["Jeugdbescherming West", "Femke de Wit (fictief)"],
        attempts=[{"on": dt.date(2026, 10, 1), "description": "Overleg Femke de Wit met Daan"}],
        question="Kan de stuurgroep de plaatsing van Noor versnellen?", urgency="HIGH")


def test_pseudonymised_dossier_contains_no_personal_field(session: Session, demo: dict[str, str],
                                                          tmp_path: Path) -> None:
    e = _escalation(session, demo)
    identity = minutes_service.create_local_identity(session, "K. Regisseur", "123456")
    submitted = escalation_service.submit(session, e.id, identity.id, "123456")
    text = pdf_text(escalation_service.dossier(session, submitted.id), tmp_path)
    case = case_service.get_case(session, demo["jbt_case"])
    personal = [case.family.name, case.family.address, case.family.postcode,
                *[g.name for g in case.family.guardians], "Sanne", "Mehmet", "Yilmaz",
                *[c.first_name for c in case.children], *[c.last_name for c in case.children],
                *[c.birth_date.strftime("%d-%m-%Y") for c in case.children if c.birth_date],
                "14-03-2013", "06-00000001", "123456782", "Femke", "de Wit", "Voorbeeldlaan"]
    for value in personal:
        assert value and value not in text, value
    assert "JBT-2026-0001" in text and "N.v.D." in text and "[BSN]" in text
    [queued] = outbox_repo.all_items(session.conn)
    assert queued.kind == "escalation"


def test_names_only_with_a_reason_and_it_is_audited(session: Session, demo: dict[str, str]) \
        -> None:
    e = _escalation(session, demo)
    with pytest.raises(InvalidInput) as info:
        escalation_service.set_pseudonymisation(session, e.id, False)
    assert info.value.problems[0].field == "depseudonymise_reason"
    escalation_service.set_pseudonymisation(session, e.id, False,
                                            "De burgemeester moet de ouders kunnen bellen")
    last = audit_repo.all_records(session.conn)[-1]
    assert last.action == "escalation.depseudonymise"
    assert "Noor van Dalen" in escalation_service.dossier_preview(session, e.id)


def test_escalation_from_concept_to_afgerond_shown_on_the_case(session: Session,
                                                               demo: dict[str, str]) -> None:
    e = escalation_service.start_escalation(session, demo["jbt_case"], stuck="Plek",
                                            question="Vraag")
    with pytest.raises(InvalidInput) as info:
        escalation_service.advance(session, e.id, "DISCUSSED")
    assert info.value.problems[0].code == "escalation.order"
    identity = minutes_service.create_local_identity(session, "K. Regisseur", "123456")
    with pytest.raises(InvalidInput) as info:
        escalation_service.submit(session, e.id, identity.id, "123456")
    assert {"escalation.partners_missing", "escalation.attempts_missing"} <= {
        p.code for p in info.value.problems}
    escalation_service.update_escalation(session, e.id, partners=["GI"],
                                         attempts=[{"on": dt.date(2026, 11, 1),
                                                    "description": "Gebeld"}])
    escalation_service.submit(session, e.id, identity.id, "123456")
    escalation_service.advance(session, e.id, "DISCUSSED")
    with pytest.raises(InvalidInput):
        escalation_service.advance(session, e.id, "DECIDED")  # no decision text yet
    escalation_service.advance(session, e.id, "DECIDED", decision="De GI krijgt twee weken.",
                               follow_up=["Ketenregisseur belt de GI op 1 december"])
    done = escalation_service.advance(session, e.id, "CLOSED")
    assert done.status is EscalationStatus.CLOSED and done.closed_on == session.today()
    [shown] = escalation_service.escalations(session, case_id=demo["jbt_case"])
    assert shown.decision == "De GI krijgt twee weken." and shown.follow_up


def test_stuurgroep_agenda_has_submitted_escalations_and_signals(
        session: Session, demo: dict[str, str], tmp_path: Path) -> None:
    e = _escalation(session, demo)
    identity = minutes_service.create_local_identity(session, "K. Regisseur", "123456")
    escalation_service.submit(session, e.id, identity.id, "123456")
    escalation_service.record_signal(session, table_id=demo["zvt"], theme="Overlast winkelcentrum",
                                     description="Groep jongeren 's avonds bij het winkelcentrum.",
                                     partners=["Politie", "Jongerenwerk"])
    text = pdf_text(escalation_service.stuurgroep_agenda_pdf(session, dt.date(2026, 12, 1)),
                    tmp_path)
    assert "Agenda bestuurlijke stuurgroep 01-12-2026" in text
    assert "JBT-2026-0001" in text and "Overlast winkelcentrum" in text
    assert "Noor" not in text and "Dalen" not in text


def test_quarterly_figures_csv_and_pdf_without_personal_data(
        session: Session, demo: dict[str, str], tmp_path: Path) -> None:
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    quarter = Quarter.of(meeting_service.get_meeting(session, demo["jbt_meeting"]).date)
    figures = figures_service.figures(session, demo["jbt"], quarter)
    assert figures.decisions_by_type == {"POSTPONED_INVESTIGATION": 1}
    assert figures.agreements_due >= 1
    case = case_service.get_case(session, demo["jbt_case"])
    ref_quarter = Quarter.of(case.referral.date)  # type: ignore[union-attr]
    assert figures_service.figures(session, demo["jbt"], ref_quarter).inflow_by_route == {"VTO": 1}
    csv_text = figures_service.figures_csv([figures])
    assert csv_text.splitlines()[0] == "tafel;kwartaal;kengetal;sleutel;waarde"
    assert "besluiten_per_type;POSTPONED_INVESTIGATION;1" in csv_text
    text = pdf_text(figures_service.figures_pdf(
        figures_service.all_figures(session, quarter)), tmp_path)
    assert "Besluiten per type" in text and "uitgesteld raadsonderzoek" in text
    for value in ("Dalen", "Noor", "Ramdin", "Femke", item.participants[0].name):
        assert value not in text and value not in csv_text
    assert re.search(r"Afspraken op tijd nagekomen: \d+%", text)


def test_escalation_dossier_refuses_a_certificate_that_may_not_sign(
        session: Session, demo: dict[str, str]) -> None:
    from tests.signing.certs import pkcs12_file

    e = _escalation(session, demo)
    now = dt.datetime.now(dt.UTC)
    identity = minutes_service.import_identity(
        session, pkcs12_file("K. Regisseur", "geheim1", now - dt.timedelta(days=1),
                             now + dt.timedelta(days=30), signing=False), "geheim1")
    with pytest.raises(InvalidInput) as info:
        escalation_service.submit(session, e.id, identity.id, "geheim1")
    assert info.value.problems[0].code == "signing.cert_no_signing_usage"
    assert escalation_service.get_escalation(session, e.id).status is EscalationStatus.CONCEPT
    assert outbox_repo.all_items(session.conn) == []
    good = minutes_service.create_local_identity(session, "K. Regisseur", "123456")
    with pytest.raises(InvalidInput) as info:
        escalation_service.submit(session, e.id, good.id, "000000")
    assert info.value.problems[0].code == "signing.wrong_pin"
