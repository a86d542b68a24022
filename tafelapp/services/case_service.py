"""Use cases for a case: open it, record children and referral, casusregie, terms; list and read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from tafelapp.domain.deadlines import deadlines_after_referral, make_deadline
from tafelapp.domain.enums import CaseStatus, DeadlineKind
from tafelapp.domain.models import Case, CaseLead, Child, Family, Referral
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.rules.case_lead import case_lead_problems
from tafelapp.domain.rules.referral import case_problems, expected_date_problems
from tafelapp.domain.summaries import CaseSummary
from tafelapp.services import directory_service
from tafelapp.services.session import Session, build, not_found, refuse_errors, updated
from tafelapp.services.table_service import get_table
from tafelapp.store import case_repo, retention_repo


def case_rule_problems(session: Session, case: Case, before: Case | None = None) -> list[Problem]:
    """Every rule problem of a case (errors and warnings) as it stands; due dates of unborn
    children are checked where they differ from `before` (all of them for a new case)."""
    table = get_table(session, case.table_id)
    return (case_problems(case, table.kind, session.today()) + case_lead_problems(case, table.kind)
            + expected_date_problems(before, case, session.today()))


def _store(session: Session, action: str, before: Case | None, after: Case) -> Case:
    refuse_errors(case_rule_problems(session, after, before))
    with session.change(action, "case", after.id, before=before, after=after) as conn:
        case_repo.save(conn, after)
    return after


def get_case(session: Session, case_id: str) -> Case:
    """One whole case; an unknown id is invalid input."""
    if retention_repo.is_removed(session.conn, case_id):
        raise InvalidInput([Problem("case.removed", "casus", "de persoonsgegevens van deze casus "
                                    "zijn na de bewaartermijn van deze laptop verwijderd; de "
                                    "regio bewaart de documenten")])
    case = case_repo.get(session.conn, case_id)
    if case is None:
        raise not_found("case", "case_id", case_id)
    return case


def find_case_id(session: Session, ref: str) -> str:
    """The id of a case given its id or its case number."""
    if case_repo.exists(session.conn, ref):
        return ref
    found = case_repo.id_by_number(session.conn, ref.strip().upper())
    if found is None:
        raise not_found("case", "case", ref)
    return found


def _modify(session: Session, case_id: str, action: str, change: Callable[[Case], Case]) -> Case:
    before = get_case(session, case_id)
    return _store(session, action, before, change(before))


def new_case_number(session: Session, table_kind: str, year: int) -> str:
    """The next case number for a table kind and year, e.g. `JBT-2026-0007`."""
    prefix = f"{table_kind}-{year}-"
    return f"{prefix}{case_repo.next_sequence(session.conn, prefix):04d}"


def open_case(session: Session, *, table_id: str, family: dict[str, Any],
              children: list[dict[str, Any]], referral: dict[str, Any] | None = None,
              case_number: str | None = None, opened_on: dt.date | None = None) -> Case:
    """Open a case at a table with its family, children and (for a JBT) the referral."""
    case = new_case(session, table_id=table_id, family=family, children=children,
                    referral=referral, case_number=case_number, opened_on=opened_on)
    if case_repo.id_by_number(session.conn, case.case_number):
        raise InvalidInput([Problem("case.number_taken", "case_number",
                                    f"casusnummer {case.case_number} bestaat al")])
    return _store(session, "case.open", None, case)


def new_case(session: Session, *, table_id: str, family: dict[str, Any],
             children: list[dict[str, Any]], referral: dict[str, Any] | None = None,
             case_number: str | None = None, opened_on: dt.date | None = None) -> Case:
    """A case as it would be opened (validated, not stored): the aanmelding screen checks it live."""
    table = get_table(session, table_id)
    opened = opened_on or session.today()
    ref = build(Referral, "referral", **referral) if referral is not None else None
    case = build(
        Case, table_id=table_id,
        case_number=case_number or new_case_number(session, table.kind.value, opened.year),
        opened_on=opened, family=build(Family, "family", **family),
        children=[build(Child, f"children.{i}", **c) for i, c in enumerate(children)],
        referral=ref,
        deadlines=deadlines_after_referral(ref.route, ref.date) if ref else [],
    )
    return case


def update_family(session: Session, case_id: str, family: dict[str, Any]) -> Case:
    """Replace the family's details (name, address, guardians)."""
    new_family = build(Family, "family", **family)
    return _modify(session, case_id, "case.update_family",
                   lambda c: c.model_copy(update={"family": new_family}))


def add_child(session: Session, case_id: str, child: dict[str, Any]) -> Case:
    """Add a child (or an unborn child) to the case."""
    new_child = build(Child, "child", **child)
    return _modify(session, case_id, "case.add_child",
                   lambda c: c.model_copy(update={"children": [*c.children, new_child]}))


def register_referral(session: Session, case_id: str, referral: dict[str, Any]) -> Case:
    """Record or replace how the case came to the table; a VOTS starts its terms."""
    ref = build(Referral, "referral", **referral)

    def change(case: Case) -> Case:
        kept = [d for d in case.deadlines
                if d.kind not in (DeadlineKind.VOTS_HEARING, DeadlineKind.VOTS_JBT)]
        return case.model_copy(update={
            "referral": ref, "deadlines": kept + deadlines_after_referral(ref.route, ref.date)})
    return _modify(session, case_id, "case.register_referral", change)


def assign_case_lead(session: Session, case_id: str, *, organisation: str | None = None,
                     organisation_kind: str | None = None, person: str | None = None,
                     person_id: str | None = None, phone: str | None = None,
                     email: str | None = None, contact: str | None = None,
                     since: dt.date | None = None, accepted: bool = False) -> Case:
    """Give casusregie to a partner; the current one, if any, ends the same day.

    The casusregisseur is a person of the address book (`person_id`: name, organisation, phone
    and e-mail come along unless typed) or a typed name. `contact` is the older single contact
    line, sorted into phone or e-mail. `since` is the meeting's date where it is assigned.
    """
    start = since or session.today()
    fields: dict[str, Any] = {"organisation": organisation, "organisation_kind": organisation_kind,
                              "person": person, "phone": phone, "email": email}
    if person_id:
        found = directory_service.get_person(session, person_id)
        org = directory_service.directory(session).organisation_of(found)
        known = {"person": found.name, "phone": found.phone, "email": found.email,
                 "organisation": org.name if org else None,
                 "organisation_kind": org.kind.value if org else None}
        fields = {k: v if v not in (None, "") else known.get(k) for k, v in fields.items()}
    if contact is not None:
        fields["contact"] = contact
    lead = build(CaseLead, "case_lead", **{k: v for k, v in fields.items() if v is not None},
                 person_id=person_id, since=start, accepted=accepted,
                 accepted_on=start if accepted else None)

    def change(case: Case) -> Case:
        ended = [lead_.model_copy(update={"ended_on": start}) if lead_.active else lead_
                 for lead_ in case.case_leads]
        return case.model_copy(update={"case_leads": [*ended, lead]})
    return _modify(session, case_id, "case.assign_case_lead", change)


def _active_lead(case: Case) -> CaseLead:
    active = case.active_case_leads()
    if not active:
        raise InvalidInput([Problem("case_lead.none", "case_leads",
                                    "er is geen casusregie toegewezen")])
    return active[0]


def accept_case_lead(session: Session, case_id: str, on: dt.date | None = None) -> Case:
    """Record that the current casusregisseur accepted the casusregie, on `on` (in meeting mode
    the meeting's date; not before the casusregie started)."""
    def change(case: Case) -> Case:
        active = _active_lead(case)
        day = on or max(session.today(), active.since)
        return case.model_copy(update={"case_leads": [
            updated(lead_, "case_lead", accepted=True, accepted_on=day) if lead_.id == active.id
            else lead_ for lead_ in case.case_leads]})
    return _modify(session, case_id, "case.accept_case_lead", change)


def update_case_lead_contact(session: Session, case_id: str, *, phone: str | None = None,
                             email: str | None = None) -> Case:
    """Fill in (or correct) how the current casusregisseur is reached: phone and e-mail."""
    def change(case: Case) -> Case:
        active = _active_lead(case)
        return case.model_copy(update={"case_leads": [
            updated(lead_, "case_lead", phone=phone or None, email=email or None)
            if lead_.id == active.id else lead_ for lead_ in case.case_leads]})
    return _modify(session, case_id, "case.update_case_lead", change)


def add_deadline(session: Session, case_id: str, kind: DeadlineKind | str, event: dt.date,
                 note: str | None = None) -> Case:
    """Start a term of the protocol on an event date (e.g. a request for a verleningsbesluit)."""
    deadline = make_deadline(DeadlineKind(kind), event, note)
    return _modify(session, case_id, "case.add_deadline",
                   lambda c: c.model_copy(update={"deadlines": [*c.deadlines, deadline]}))


def close_case(session: Session, case_id: str) -> Case:
    """Close the case."""
    return _modify(session, case_id, "case.close",
                   lambda c: c.model_copy(update={"status": CaseStatus.CLOSED}))


def list_cases(session: Session, search: str | None = None, table_id: str | None = None,
               limit: int | None = None) -> list[CaseSummary]:
    """The case list, searched on case number, family and children's names."""
    return case_repo.list_summaries(session.conn, search, table_id, limit)
