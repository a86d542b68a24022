"""What the notulen and the Gezinsoverzicht say (issue 18.3 and the 'smaller' list), read back
from the PDFs with pdftotext: the casusregisseur's fields (a phone only where it is one), Betreft
with the children's ages, the involvement of 12+, the place as typed, the terms after a
raadsonderzoek, a weekly agreement that runs until a date, who was there and what they do, the
complaints routes of the Raad and Veilig Thuis; signature times in Dutch local time."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tafelapp.domain.labels import nl_moment
from tafelapp.domain.problems import InvalidInput
from tafelapp.services import (
    case_service,
    directory_service,
    distribution_service,
    meeting_service,
    minutes_service,
)
from tafelapp.services.session import Session
from tests.signing.test_minutes import pdftext


def _flat(pdf: bytes, tmp: Path) -> str:
    return " ".join(pdftext(pdf, tmp, layout=False).split())


def _notulen(session: Session, item_id: str, tmp: Path) -> str:
    minutes = minutes_service.draft_minutes(session, item_id)
    return _flat(minutes_service.render_draft(session, minutes.id), tmp)


def test_the_notulen_say_who_it_is_about_where_and_how_the_regisseur_is_reached(
        session: Session, demo: dict[str, str], tmp_path: Path) -> None:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    item = meeting.agenda[0]
    case = case_service.get_case(session, item.case_id)
    meeting_service.add_agreement(session, item.id, text="Ouders gaan elke week naar de "
                                  "gezinsbehandeling", owner="Ouders",
                                  due_date=meeting.date + dt.timedelta(days=60))
    text = _notulen(session, item.id, tmp_path)
    ages = re.search(r"Betreft (.+?) Documentnummer", text)
    assert ages, text[:600]
    for child in case.children:
        assert re.search(rf"{child.first_name} {child.last_name} \(\d+ jaar\)", ages.group(1))
    assert "Betrokkenheid van kinderen vanaf 12 jaar" in text
    assert re.search(r"Noor \(1\d jaar\): (aanwezig|geïnformeerd|niet)", text), text
    assert "Plaats bij het gezin thuis" in text and "kantoor (" not in text
    assert "Femke de Wit (fictief), Jeugdbescherming West" in text
    assert "Bereikbaar: telefoon 06-00000002" in text
    assert "— wijkteam" not in text.lower()
    assert f"loopt tot en met {meeting.date + dt.timedelta(days=60):%d-%m-%Y}" in text


def test_a_regisseur_without_a_phone_is_an_open_point_and_no_e_mail_becomes_a_phone(
        session: Session, demo: dict[str, str], tmp_path: Path) -> None:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    item = meeting.agenda[0]
    with pytest.raises(InvalidInput) as refused:
        case_service.assign_case_lead(session, item.case_id, organisation="Wijkteam",
                                      organisation_kind="CARE_PROVIDER", person="G. Visser",
                                      phone="g.visser@wijkteam.nl", since=meeting.date)
    [problem] = refused.value.problems
    assert problem.render() == "Telefoon: geen telefoonnummer (voorbeeld: 06-12345678 of " \
                               "070-1234567)"
    assert case_service.get_case(session, item.case_id).active_case_leads()[0].person == \
        "Femke de Wit (fictief)"  # nothing stored
    case_service.assign_case_lead(session, item.case_id, organisation="Wijkteam",
                                  organisation_kind="CARE_PROVIDER", person="G. Visser",
                                  email="g.visser@wijkteam.nl", since=meeting.date)
    minutes = minutes_service.draft_minutes(session, item.id)
    points = minutes_service.record_open_points(session, minutes)
    assert any(p.code == "case_lead.phone_missing" and "G. Visser" in p.message for p in points)
    family = _flat(distribution_service.family_summary_pdf(session, item.id), tmp_path)
    assert "G. Visser (Wijkteam), e-mail g.visser@wijkteam.nl" in family
    assert "telefoon g.visser" not in family and "Bel eerst deze persoon" not in family
    assert "Stuur deze persoon eerst een e-mail." in family
    notulen = _notulen(session, item.id, tmp_path)
    assert "Bereikbaar: e-mail g.visser@wijkteam.nl" in notulen
    case_service.update_case_lead_contact(session, item.case_id, phone="070 123 45 67",
                                          email="g.visser@wijkteam.nl")
    family = _flat(distribution_service.family_summary_pdf(session, item.id), tmp_path)
    assert "G. Visser (Wijkteam), telefoon 070 123 45 67, e-mail g.visser@wijkteam.nl" in family
    assert "Bel eerst deze persoon." in family


def test_accepted_on_is_not_before_the_start(session: Session, demo: dict[str, str]) -> None:
    meeting = meeting_service.get_meeting(session, demo["zvt_meeting"])
    case_id = meeting.agenda[0].case_id
    lead = case_service.get_case(session, case_id).active_case_leads()[0]
    with pytest.raises(InvalidInput) as refused:
        case_service.accept_case_lead(session, case_id, lead.since - dt.timedelta(days=1))
    assert refused.value.problems[0].code == "case_lead.accepted_before_start"
    assert "vóór 'sinds'" in refused.value.problems[0].render()
    assert not case_service.get_case(session, case_id).active_case_leads()[0].accepted
    case = case_service.accept_case_lead(session, case_id, meeting.date)
    assert case.active_case_leads()[0].accepted_on == meeting.date


def test_after_a_raadsonderzoek_the_terms_that_follow_are_listed(
        session: Session, demo: dict[str, str], tmp_path: Path) -> None:
    later = meeting_service.get_meeting(session, demo["jbt_evaluation"]).agenda[0]
    meeting_service.take_decision(session, later.id, kind="INVESTIGATION",
                                  motivation="De voorwaarden zijn niet nagekomen.")
    text = _notulen(session, later.id, tmp_path)
    terms = text.split("Volgende moment en termijnen")[1]
    assert "verleningsbesluit gemeente: binnen 5 werkdagen" in terms
    assert "001 §2.3 e" in terms


def test_the_gezinsoverzicht_says_what_each_person_does_and_where_to_complain(
        session: Session, demo: dict[str, str], tmp_path: Path) -> None:
    book = directory_service.directory(session)
    for org in book.organisations:
        if org.kind.value in ("RVDK", "VEILIG_THUIS"):
            directory_service.save_organisation(session, **{
                **org.model_dump(), "complaints": f"Klachtenformulier van {org.name}."})
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    text = _flat(distribution_service.family_summary_pdf(session, item.id), tmp_path)
    present = text.split("Wie waren er bij?")[1].split("Wie helpen er?")[0]
    assert "(leidt het gesprek, " in present and "(schrijft op wat er is besproken" in present
    assert re.search(r"\((van de Raad|helpt als|geeft hulp|heeft de zorgen gemeld)", present)
    complaints = text.split("niet mee eens?")[1]
    assert "Klachtenformulier van Raad" in complaints
    assert "Klachtenformulier van Veilig Thuis" in complaints


def test_signature_times_are_dutch_local_time_with_the_zone() -> None:
    from tafelapp.signing.pades import _stamp_style

    assert nl_moment(dt.datetime(2026, 12, 2, 13, 5, tzinfo=dt.UTC)) == "02-12-2026 14:05 (CET)"
    assert nl_moment(dt.datetime(2026, 7, 2, 12, 5, tzinfo=dt.UTC)) == "02-07-2026 14:05 (CEST)"
    assert "%(when)s" in _stamp_style("Voorzitter").stamp_text  # not pyHanko's UTC %(ts)s
