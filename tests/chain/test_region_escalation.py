"""An escalation from a region werklijst line: a case this vault does not hold, from the region's
facts only — pseudonymous (no names exist there), signed, queued and titled like any other."""

from __future__ import annotations

import subprocess

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import escalation_service, minutes_service, outbox_service
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo

REGION = {"zaak_url": "https://oz.example.org/zaken/api/v1/zaken/9f1c", "case_number":
          "JBT-2026-0777", "table_name": "JBT Duinstede (Duinstede)", "table_kind": "JBT",
          "chair_organisation": "Gemeente Duinstede",
          "facts": ["Aangemeld op 01-09-2026", "Casusregie: gevraagd, niet aanvaard sinds "
                    "01-10-2026 (GI)"]}


def test_a_region_line_is_escalated_signed_and_queued_without_a_case_in_the_vault(
        session: Session) -> None:
    e = escalation_service.start_region_escalation(
        session, REGION, stuck="De casusregie is niet aanvaard.",
        question="Kan de stuurgroep de GI aanspreken?", partners=["Jeugdbescherming West"],
        attempts=[{"on": "2026-10-20", "description": "overleg met de GI"}])
    assert e.case_id is None and e.region is not None and e.pseudonymised
    with pytest.raises(InvalidInput, match="geen namen"):
        escalation_service.set_pseudonymisation(session, e.id, False, "de stuurgroep vraagt")
    assert escalation_service.escalations(session, zaak_url=REGION["zaak_url"]) == [e]
    assert escalation_service.escalations(session, case_id="nope") == []
    preview = escalation_service.dossier_preview(session, e.id)
    assert "Wat de regio van deze casus weet" in preview and "niet aanvaard sinds" in preview
    identity = minutes_service.create_local_identity(session, "K. Regisseur", "123456")
    submitted = escalation_service.submit(session, e.id, identity.id, "123456")
    [item] = [i for i in outbox_repo.all_items(session.conn) if i.kind == "escalation"]
    assert outbox_service.title_of(session, item) == "Opschaling stuurgroep JBT-2026-0777"
    pdf = escalation_service.dossier(session, submitted.id)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    assert "JBT-2026-0777" in text and "Wat de regio van deze casus weet" in text
    agenda = subprocess.run(["pdftotext", "-", "-"], capture_output=True, check=True,
                            input=escalation_service.stuurgroep_agenda_pdf(session)).stdout
    assert b"JBT-2026-0777" in agenda


def test_an_escalation_is_about_exactly_one_case(session: Session) -> None:
    with pytest.raises(InvalidInput):
        escalation_service.start_region_escalation(session, {**REGION, "case_number": ""},
                                                   stuck="x", question="y")
    import datetime as dt

    from tafelapp.domain.escalation import Escalation, RegionSubject

    with pytest.raises(ValueError, match="precies een van beide"):
        Escalation(case_id="c" * 32, region=RegionSubject(**REGION), stuck="x", question="y",
                   created_on=dt.date(2026, 12, 1))
    with pytest.raises(ValueError, match="precies een van beide"):
        Escalation(stuck="x", question="y", created_on=dt.date(2026, 12, 1))
