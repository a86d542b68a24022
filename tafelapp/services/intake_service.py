"""Aanmelding (`intake`): register a new case with its melder from the address book, then put it
on the agenda of the table's next planned meeting (planning one when there is none)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from tafelapp.domain.directory import Organisation
from tafelapp.domain.enums import PartnerKind, ReferrerKind, TableKind
from tafelapp.domain.meeting import AgendaItem, Meeting
from tafelapp.domain.models import Case
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services import case_service, directory_service, meeting_service, roster_service
from tafelapp.services.session import Session
from tafelapp.services.table_service import get_table
from tafelapp.store.transaction import transaction

_REFERRER_KIND = {
    PartnerKind.VEILIG_THUIS: ReferrerKind.VEILIG_THUIS, PartnerKind.GI: ReferrerKind.GI,
    PartnerKind.RVDK: ReferrerKind.RVDK,
    PartnerKind.CARE_PROVIDER: ReferrerKind.MANDATED_CARE_PROVIDER,
}


def referrer_kind_for(organisation_kind: PartnerKind, table_kind: TableKind) -> ReferrerKind:
    """How the protocol names a melder of this kind of organisation (`001 §2.1.1`, `003`)."""
    if table_kind is TableKind.ZVT:
        return _REFERRER_KIND.get(organisation_kind, ReferrerKind.CHAIN_PARTNER)
    return _REFERRER_KIND.get(organisation_kind, ReferrerKind.OTHER)


def register_case(session: Session, **fields: Any) -> Case:
    """Register an aanmelding: the melder is a person of the address book (never typed again).

    A melder who is not in the book yet (a name and an organisation) is added to it at once.
    """
    with transaction(session.conn):
        return case_service.open_case(session, **_case_fields(session, add_melder=True,
                                                              **fields))


def intake_problems(session: Session, **fields: Any) -> list[Problem]:
    """Every problem of an aanmelding as it stands (validation and the protocol's rules), live."""
    try:
        case = case_service.new_case(session, **_case_fields(session, add_melder=False,
                                                             **fields))
    except InvalidInput as exc:
        return exc.problems
    return case_service.case_rule_problems(session, case)


def _melder(session: Session, referrer_id: str, name: str | None, org_id: str | None,
            add: bool) -> tuple[str, Organisation]:
    """(name, organisation) of the melder: picked from the book, or typed with an organisation
    (added to the book on registration; only checked in the live check)."""
    if not referrer_id and name and name.strip() and org_id:
        org = directory_service.get_organisation(session, org_id)
        if add:
            return directory_service.person_for_name(session, name, org.name).name, org
        return name.strip(), org
    if not referrer_id:
        raise InvalidInput([Problem("referral.referrer_missing", "referral.referrer_person",
                                    "kies de melder uit het adresboek (of typ een nieuwe naam "
                                    "en kies de organisatie)")])
    person = directory_service.get_person(session, referrer_id)
    if not person.organisation_id:
        raise InvalidInput([Problem("referral.referrer_without_org",
                                    "referral.referrer_organisation",
                                    f"{person.name} heeft in het adresboek geen organisatie; "
                                    "vul die eerst in")])
    return person.name, directory_service.get_organisation(session, person.organisation_id)


def _case_fields(session: Session, *, table_id: str, route: str, family: dict[str, Any],
                 children: list[dict[str, Any]], add_melder: bool, referrer_id: str = "",
                 referrer_name: str | None = None, referrer_organisation_id: str | None = None,
                 question: str = "", referral_date: dt.date | None = None,
                 criteria: dict[str, bool] | None = None,
                 preconditions: dict[str, bool] | None = None) -> dict[str, Any]:
    table = get_table(session, table_id)
    name, org = _melder(session, referrer_id, referrer_name, referrer_organisation_id,
                        add_melder)
    if not children:
        raise InvalidInput([Problem("case.no_children", "children",
                                    "voeg minstens één kind (of ongeboren kind) toe")])
    try:
        day = TypeAdapter(dt.date).validate_python(referral_date) if referral_date \
            else session.today()
    except ValidationError:
        raise InvalidInput([Problem("invalid.date_parsing", "referral.date",
                                    "geen geldige datum (verwacht JJJJ-MM-DD)")]) from None
    referral = {
        "route": route, "date": day,
        "referrer_kind": referrer_kind_for(org.kind, table.kind).value,
        "referrer_organisation": org.name, "referrer_person": name,
        "criteria": criteria or {}, "preconditions": preconditions or {},
        "summary": question or None}
    return {"table_id": table_id, "family": family, "children": children, "referral": referral,
            "opened_on": day}


@dataclass(frozen=True)
class Scheduled:
    """Where the new case went: the meeting (maybe just planned) and its agenda item."""

    meeting: Meeting
    item: AgendaItem
    planned_now: bool


def put_on_agenda(session: Session, case_id: str, meeting_id: str | None = None) -> Scheduled:
    """Put the case on a meeting's agenda; without a meeting, on the table's next planned one."""
    case = case_service.get_case(session, case_id)
    planned_now = False
    if meeting_id:
        meeting = meeting_service.get_meeting(session, meeting_id)
    else:
        before = {m.id for m in meeting_service.list_meetings(session, case.table_id)}
        meeting = roster_service.planned_meeting(session, case.table_id)
        planned_now = meeting.id not in before
    item = meeting_service.add_to_agenda(session, meeting.id, case_id)
    return Scheduled(meeting_service.get_meeting(session, meeting.id), item, planned_now)


def register_and_schedule(session: Session, **fields: Any) -> Scheduled:
    """The aanmelding screen's one action: register, put on the agenda, fill the participants."""
    with transaction(session.conn):
        case = register_case(session, **fields)
        scheduled = put_on_agenda(session, case.id)
        roster_service.prefill(session, scheduled.item.id)
    return scheduled
