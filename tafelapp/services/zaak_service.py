"""Use cases for publishing cases as zaken: the zaak a case should be, and queuing what changed."""

from __future__ import annotations

import dataclasses

from tafelapp.domain.enums import CaseStatus, DecisionKind
from tafelapp.domain.retention import zaak_archive
from tafelapp.domain.zaak import CaseFacts, LeadFact, ZaakPlan, plan
from tafelapp.services.case_service import get_case
from tafelapp.services.session import Session
from tafelapp.services.setup_service import retention_terms
from tafelapp.services.table_service import get_table
from tafelapp.settings import RegionSettings
from tafelapp.store import outbox_repo, retention_repo, zaak_repo
from tafelapp.store.transaction import transaction


def case_facts(session: Session, case_id: str) -> CaseFacts:
    """What may reach the region of one case: codes, dates, ids — never its people's details."""
    case = get_case(session, case_id)
    table = get_table(session, case.table_id)
    today = session.today()
    course = zaak_repo.course(session.conn, case_id, today)
    leads = case.active_case_leads()
    lead = min(leads, key=lambda c: (c.accepted, c.since)) if leads else None
    kinds = [DecisionKind(kind) for kind, _ in course.decisions]
    investigation = next((on for kind, on in course.decisions
                          if kind == DecisionKind.INVESTIGATION.value), None)
    return CaseFacts(
        case_number=case.case_number, table_id=table.id, table_kind=table.kind,
        start=case.referral.date if case.referral else case.opened_on, status=case.status,
        today=today, discussed_on=course.discussed_on,
        decision=kinds[-1] if kinds else None,
        first_decided_on=course.decisions[0][1] if course.decisions else None,
        investigation_on=investigation, plan_on=course.plan_on,
        closed_on=None if case.status is CaseStatus.OPEN else today,
        lead=LeadFact(f"{lead.person}|{lead.organisation}", lead.organisation_kind.value,
                      lead.accepted, lead.since) if lead else None,
        progress_on=course.progress_on, disagreed_on=course.disagreed_on,
        open_agreements=tuple(course.open_agreements), open_terms=tuple(course.open_terms),
        documents=tuple(course.documents), case_id=case.id)


def zaak_plan(session: Session, case_id: str, settings: RegionSettings) -> ZaakPlan:
    """The zaak this case should be at the region now (with the region's archive term)."""
    zaak = plan(case_facts(session, case_id), settings.pseudonym_secret)
    archive = zaak_archive(retention_terms(session), retention_repo.closed_on(session.conn,
                                                                              case_id))
    return dataclasses.replace(zaak, archive=archive) if archive else zaak


def queue_changed(session: Session, settings: RegionSettings) -> int:
    """Queue every case whose zaak may have changed (marked by the vault's triggers) and whose
    table kind has a zaaktype; returns how many were queued."""
    kinds = tuple(k for k, url in settings.zaaktypen.items() if url)
    if not kinds:
        return 0
    dirty = zaak_repo.dirty_cases(session.conn, kinds)
    if not dirty:
        return 0
    with transaction(session.conn) as conn:
        for case_id, number in dirty:
            outbox_repo.queue_case(conn, case_id, f"ZAAK-{number}", session.now())
        zaak_repo.forget_dirty(conn, [case_id for case_id, _ in dirty])
    return len(dirty)


def confirmed_parts(session: Session, case_id: str) -> dict[str, str]:
    """What the region confirmed it holds of the case's zaak (part -> URL)."""
    return zaak_repo.parts(session.conn, case_id)


def open_published_zaken(session: Session) -> dict[str, str]:
    """Per table kind, one zaak Tafelapp published that is not closed (to prove rights with)."""
    found: dict[str, str] = {}
    for item in outbox_repo.all_items(session.conn):
        held = zaak_repo.parts(session.conn, item.ref_id) if item.kind == "case" else {}
        if "zaak" not in held or "status:CLOSED" in held:
            continue
        kind = get_table(session, get_case(session, item.ref_id).table_id).kind.value
        found.setdefault(kind, held["zaak"])
    return found
