"""Use cases of the ketenregisseur: escalate a stuck case to the stuurgroep, record signals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tafelapp.documents.pdf import render_pdf
from tafelapp.domain.escalation import (
    Escalation,
    EscalationStatus,
    RegionSubject,
    Signal,
    transition_problems,
)
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.pseudonyms import PersonalData, personal_data
from tafelapp.domain.rules.signing import certificate_problems
from tafelapp.reports.escalation_html import agenda_html, dossier_html, escalation_section
from tafelapp.services.case_service import get_case
from tafelapp.services.meeting_service import meetings_for_case
from tafelapp.services.minutes_service import get_identity, unlock_identity
from tafelapp.services.session import Session, build, not_found, refuse_errors
from tafelapp.services.table_service import get_table, list_tables
from tafelapp.signing import pades
from tafelapp.store import escalation_repo, outbox_repo


def get_escalation(session: Session, escalation_id: str) -> Escalation:
    """One escalation; an unknown id is invalid input."""
    found = escalation_repo.get(session.conn, escalation_id)
    if found is None:
        raise not_found("escalation", "escalation_id", escalation_id)
    return found


def start_escalation(session: Session, case_id: str, **fields: Any) -> Escalation:
    """Start a concept escalation of a case (what is stuck, partners, attempts, question)."""
    get_case(session, case_id)
    escalation = build(Escalation, "escalation", case_id=case_id, created_on=session.today(),
                       **fields)
    with session.change("escalation.start", "escalation", escalation.id,
                        after=escalation) as conn:
        escalation_repo.save(conn, escalation)
    return escalation


def start_region_escalation(session: Session, region: dict[str, Any] | RegionSubject,
                            **fields: Any) -> Escalation:
    """Start a concept escalation of a case only the region holds (a region werklijst line),
    from what the region holds of it: pseudonymous, because no names exist there."""
    subject = region.model_dump() if isinstance(region, RegionSubject) else region
    escalation = build(Escalation, "escalation", region=subject, created_on=session.today(),
                       **fields)
    with session.change("escalation.start", "escalation", escalation.id,
                        after=escalation) as conn:
        escalation_repo.save(conn, escalation)
    return escalation


def update_escalation(session: Session, escalation_id: str, **changes: Any) -> Escalation:
    """Change a concept (stuck, partners, attempts, question, urgency)."""
    before = get_escalation(session, escalation_id)
    if before.status is not EscalationStatus.CONCEPT:
        raise InvalidInput([Problem("escalation.not_concept", "status",
                                    "alleen een concept kan nog worden gewijzigd")])
    after = build(Escalation, "escalation", **{**before.model_dump(), **changes})
    with session.change("escalation.update", "escalation", escalation_id, before=before,
                        after=after) as conn:
        escalation_repo.save(conn, after)
    return after


def set_pseudonymisation(session: Session, escalation_id: str, pseudonymised: bool,
                         reason: str | None = None) -> Escalation:
    """Pseudonymised by default; sending names needs an explicit reason, and is audited."""
    if not pseudonymised and not (reason or "").strip():
        raise InvalidInput([Problem("escalation.reason_missing", "depseudonymise_reason",
                                    "geef de reden om namen mee te sturen")])
    before = get_escalation(session, escalation_id)
    if before.region is not None and not pseudonymised:
        raise InvalidInput([Problem("escalation.region_no_names", "depseudonymise_reason",
                                    "de regio kent geen namen van deze casus: de opschaling "
                                    "blijft gepseudonimiseerd")])
    after = before.model_copy(update={"pseudonymised": pseudonymised,
                                      "depseudonymise_reason": None if pseudonymised else reason})
    action = "escalation.pseudonymise" if pseudonymised else "escalation.depseudonymise"
    with session.change(action, "escalation", escalation_id,
                        fields=["pseudonymised", "depseudonymise_reason"]) as conn:
        escalation_repo.save(conn, after)
    return after


def subject(session: Session, escalation: Escalation) -> tuple[str, str, str]:
    """(case number, table name, municipality or region) of what the escalation is about."""
    if escalation.region is not None:
        from tafelapp.services.setup_service import region_name

        return (escalation.region.case_number, escalation.region.table_name,
                region_name(session) or "de regio")
    case = get_case(session, escalation.case_id or "")
    table = get_table(session, case.table_id)
    return case.case_number, table.name, table.municipality


def _terms(session: Session, escalation: Escalation) -> tuple[PersonalData, str, str]:
    if escalation.region is not None:  # the region holds no personal data: nothing to replace
        return PersonalData(), escalation.region.case_number, escalation.region.table_name
    case = get_case(session, escalation.case_id or "")
    table = get_table(session, case.table_id)
    names = [p.name for m in meetings_for_case(session, case.id) for i in m.agenda
             for p in i.participants] + [lead.person for lead in case.case_leads]
    return personal_data(case, names), case.case_number, table.name


def dossier_preview(session: Session, escalation_id: str) -> str:
    """Exactly what will leave, as the ketenregisseur sees it before submitting."""
    escalation = get_escalation(session, escalation_id)
    terms, number, table_name = _terms(session, escalation)
    return dossier_html(escalation, number, table_name, terms)


def submit(session: Session, escalation_id: str, identity_id: str, pin: str) -> Escalation:
    """Submit to the stuurgroep: the dossier is rendered, signed and queued in the outbox."""
    before = get_escalation(session, escalation_id)
    refuse_errors(transition_problems(before, EscalationStatus.SUBMITTED))
    identity = get_identity(session, identity_id)
    refuse_errors(certificate_problems(identity.certificate, session.now()))
    certificate_der, key = unlock_identity(session, identity_id, pin)
    after = before.model_copy(update={"status": EscalationStatus.SUBMITTED,
                                      "submitted_on": session.today()})
    terms, number, table_name = _terms(session, after)
    pdf = pades.sign(render_pdf(dossier_html(after, number, table_name, terms)), certificate_der,
                     key, field_name="Ketenregisseur", signer_name=identity.owner_name,
                     reason="Opschaling naar de bestuurlijke stuurgroep", location=table_name)
    with session.change("escalation.submit", "escalation", escalation_id, before=before,
                        after=after) as conn:
        escalation_repo.save(conn, after, dossier=pdf)
        outbox_repo.queue(conn, f"out-esc-{after.id}", "escalation", after.id,
                          f"TAFEL-E{after.id[:32]}", session.now())
    return after


def advance(session: Session, escalation_id: str, to: EscalationStatus | str,
            decision: str | None = None, follow_up: list[str] | None = None) -> Escalation:
    """besproken → besluit (with the stuurgroep's decision and follow-up) → afgerond."""
    target = EscalationStatus(to)
    before = get_escalation(session, escalation_id)
    changes: dict[str, Any] = {"status": target}
    if decision is not None:
        changes["decision"] = decision
    if follow_up is not None:
        changes["follow_up"] = follow_up
    if target is EscalationStatus.DECIDED:
        changes["decided_on"] = session.today()
    if target is EscalationStatus.CLOSED:
        changes["closed_on"] = session.today()
    candidate = build(Escalation, "escalation", **{**before.model_dump(), **changes,
                                                   "status": before.status})
    refuse_errors(transition_problems(candidate, target))
    after = candidate.model_copy(update={"status": target})
    with session.change("escalation.advance", "escalation", escalation_id, before=before,
                        after=after) as conn:
        escalation_repo.save(conn, after)
    return after


def escalations(session: Session, status: str | None = None, case_id: str | None = None,
                zaak_url: str | None = None) -> list[Escalation]:
    """Escalations, optionally of one status, case or region zaak."""
    return escalation_repo.all_escalations(session.conn, status, case_id, zaak_url)


def dossier(session: Session, escalation_id: str) -> bytes:
    """The signed dossier PDF."""
    data = escalation_repo.dossier(session.conn, escalation_id)
    if data is None:
        raise InvalidInput([Problem("escalation.no_dossier", "escalation",
                                    "dit dossier is nog niet ingediend")])
    return data


def record_signal(session: Session, **fields: Any) -> Signal:
    """A ZVT signal (neighbourhood problem or gap in cooperation) for the stuurgroep agenda."""
    signal = build(Signal, "signal", recorded_on=session.today(), **fields)
    get_table(session, signal.table_id)
    with session.change("signal.record", "signal", signal.id, after=signal) as conn:
        escalation_repo.save_signal(conn, signal)
    return signal


def signals(session: Session) -> list[Signal]:
    """Every recorded signal."""
    return escalation_repo.signals(session.conn)


def stuurgroep_agenda_pdf(session: Session, meeting_date: dt.date | None = None) -> bytes:
    """All submitted escalations and the signals on the agenda, as one PDF/A."""
    sections = []
    for escalation in escalations(session, EscalationStatus.SUBMITTED.value):
        terms, number, table_name = _terms(session, escalation)
        sections.append(escalation_section(escalation, number, table_name, terms))
    when = f" {meeting_date:%d-%m-%Y}" if meeting_date else ""
    tables = {t.id: t.name for t in list_tables(session)}
    return render_pdf(agenda_html(f"Agenda bestuurlijke stuurgroep{when}", sections,
                                  escalation_repo.signals(session.conn, True), tables))
