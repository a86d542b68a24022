"""Aanmelding (`intake`): register a new case with its melder from the address book, then put it
on the agenda of the table's next planned meeting (planning one when there is none)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from tafelapp.domain.directory import Organisation, same_person
from tafelapp.domain.enums import PartnerKind, ReferrerKind, TableKind
from tafelapp.domain.meeting import AgendaItem, Meeting
from tafelapp.domain.models import Case, Child, Family
from tafelapp.domain.problems import InvalidInput, Problem, Severity
from tafelapp.domain.validation import load_json, loose_problems
from tafelapp.services import (
    case_service,
    directory_service,
    meeting_service,
    roster_service,
    table_service,
)
from tafelapp.services.session import Session, refuse_errors
from tafelapp.services.table_service import get_table
from tafelapp.store import case_repo
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


def register_case(session: Session, new_case: bool = False, **fields: Any) -> Case:
    """Register an aanmelding: the melder is a person of the address book (never typed again).

    A melder who is not in the book yet (a name and an organisation) is added to it at once.
    The same aanmelding again (an open case at the table with the same family and children) is
    refused unless the user says it is a new case (`new_case`).
    """
    with transaction(session.conn):
        prepared = _case_fields(session, add_melder=True, **fields)
        if not new_case:
            refuse_errors(duplicate_problems(session, case_service.new_case(session,
                                                                            **prepared)))
        return case_service.open_case(session, **prepared)


def intake_problems(session: Session, **fields: Any) -> list[Problem]:
    """Every problem of an aanmelding as it stands (validation and the protocol's rules), live;
    the same aanmelding registered before is a warning here (registering refuses it)."""
    fields.pop("new_case", None)
    try:
        case = case_service.new_case(session, **_case_fields(session, add_melder=False,
                                                             **fields))
    except InvalidInput as exc:
        return as_asked(exc.problems)
    return as_asked(case_service.case_rule_problems(session, case)) + [
        Problem(p.code, p.field, p.message, Severity.WARNING)
        for p in duplicate_problems(session, case)]


def as_asked(problems: list[Problem]) -> list[Problem]:
    """The melder's kind follows from the organisation chosen: a problem with it is named as
    that organisation ('Organisatie van de melder'), the field the aanmelding asks; it has no
    'Soort melder'."""
    return [Problem(p.code, p.field.replace("referrer_kind", "referrer_organisation"),
                    p.message, p.severity) for p in problems]


def _same_children(case: Case) -> set[tuple[str, dt.date | None]]:
    return {(" ".join(c.first_name.casefold().split()),
             c.unborn_details.expected_date if c.unborn and c.unborn_details else c.birth_date)
            for c in case.children}


def duplicate_problems(session: Session, case: Case) -> list[Problem]:
    """The same aanmelding again: an open case at the same table with the same family name and
    the same children (first names and birth or due dates)."""
    name = " ".join(case.family.name.casefold().split())
    candidates = [s.id for s in case_service.list_cases(session, table_id=case.table_id)
                  if s.status == "OPEN" and " ".join(s.family_name.casefold().split()) == name]
    for other in case_repo.get_many(session.conn, candidates).values():
        if _same_children(other) == _same_children(case):
            return [Problem(
                "intake.duplicate", "family.name",
                f"deze aanmelding staat er al: casus {other.case_number} (gezin "
                f"{other.family.name}, aangemeld op {other.opened_on:%d-%m-%Y}) heeft dezelfde "
                "tafel, hetzelfde gezin en dezelfde kinderen. Is het toch een nieuwe casus, "
                "bevestig dat dan (op de opdrachtregel: --new-case)")]
    return []


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


_SHAPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "table_id": (str, "kies de tafel"), "route": (str, "kies de route"),
    "family": (dict, "verwacht het gezin als object met naam, adres en ouders"),
    "children": (list, "verwacht een lijst van kinderen"),
    "referrer_id": (str, "kies de melder uit het adresboek"),
    "referrer_name": ((str, type(None)), "moet tekst zijn"),
    "referrer_organisation_id": ((str, type(None)), "kies de organisatie"),
    "question": ((str, type(None)), "moet tekst zijn"),
    "referral_date": ((str, dt.date, type(None)), "verwacht een datum (JJJJ-MM-DD)"),
    "criteria": ((dict, type(None)), "verwacht een object met ja/nee per criterium"),
    "preconditions": ((dict, type(None)), "verwacht een object met ja/nee per voorwaarde"),
}
_PLACE = {"table_id": "table_id", "route": "referral.route", "family": "family",
          "children": "children", "referrer_id": "referral.referrer_person",
          "referrer_name": "referral.referrer_person",
          "referrer_organisation_id": "referral.referrer_organisation",
          "question": "referral.summary", "referral_date": "referral.date",
          "criteria": "referral.criteria", "preconditions": "referral.preconditions"}


def shape_problems(fields: dict[str, Any]) -> list[Problem]:
    """What an aanmelding must at least look like before any rule can be asked: a table, a
    route, a family (object) and children (a list of objects), each value of its kind."""
    problems = [Problem("intake.missing", _PLACE[key], "verplicht veld ontbreekt")
                for key in ("table_id", "route", "family", "children") if key not in fields]
    for key, value in fields.items():
        kinds, message = _SHAPES.get(key, (object, ""))
        if not isinstance(value, kinds):
            problems.append(Problem("intake.wrong_kind", _PLACE.get(key, key), message))
    for index, child in enumerate(fields.get("children") or []
                                  if isinstance(fields.get("children"), list) else []):
        if not isinstance(child, dict):
            problems.append(Problem("intake.wrong_kind", f"children.{index}",
                                    "verwacht een kind als object met voornaam, achternaam en "
                                    "geboortedatum"))
    return problems


def _case_fields(session: Session, *, add_melder: bool, **fields: Any) -> dict[str, Any]:
    refuse_errors(shape_problems(fields))
    return _checked_fields(session, add_melder=add_melder, **fields)


def _checked_fields(session: Session, *, table_id: str, route: str, family: dict[str, Any],
                    children: list[dict[str, Any]], add_melder: bool, referrer_id: str = "",
                    referrer_name: str | None = None,
                    referrer_organisation_id: str | None = None,
                    question: str | None = "", referral_date: dt.date | str | None = None,
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


def register_and_schedule(session: Session, new_case: bool = False,
                          **fields: Any) -> Scheduled:
    """The aanmelding screen's and `tafelapp case new --agenda`'s one action, in one
    transaction: register, put on the agenda, fill in the participants."""
    with transaction(session.conn):
        try:
            case = register_case(session, new_case=new_case, **fields)
        except InvalidInput as exc:
            raise InvalidInput(as_asked(exc.problems)) from exc
        scheduled = put_on_agenda(session, case.id)
        roster_service.prefill(session, scheduled.item.id)
    return scheduled


_FILE_KEYS = {"table", "table_id", "route", "referrer", "referrer_id", "family", "children",
              "question", "referral_date", "criteria", "preconditions"}


def _by_name(session: Session, kind: str, wanted: object) -> str:
    """The id of the table (by id or name) or the melder (by name) an aanmelding file names."""
    if not isinstance(wanted, str) or not wanted.strip():
        raise InvalidInput([Problem("intake.wrong_kind", _PLACE[f"{kind}_id"],
                                    "verwacht de naam als tekst")])
    if kind == "table":
        match = [t.id for t in table_service.list_tables(session) if wanted in (t.id, t.name)]
        message = f"onbekende tafel '{wanted[:80]}'"
    else:
        match = [p.id for p in directory_service.directory(session).people
                 if same_person(p.name, wanted)]
        message = f"'{wanted[:80]}' staat niet in het adresboek"
    if not match:
        raise InvalidInput([Problem(f"{kind}.not_found", _PLACE[f"{kind}_id"], message)])
    return match[0]


def _loose_in(model: type[BaseModel], raw: object, prefix: str) -> list[Problem]:
    try:
        record = model.model_validate(raw)
    except ValidationError:
        return []  # registering names these problems itself
    return [Problem(p.code, f"{prefix}.{p.field}", p.message) for p in loose_problems(record, raw)]


def aanmelding_fields(session: Session, data: bytes) -> dict[str, Any]:
    """An aanmelding file (`tafelapp case new FILE`) as the keyword arguments of
    `register_case`: the table and the melder by name, nothing loose (`"has_custody": "yes"`)."""
    raw = load_json(data, "aanmeldingsbestand")
    if not isinstance(raw, dict):
        raise InvalidInput([Problem("intake.not_object", "Bestand",
                                    "verwacht een object met tafel, route, melder, gezin en "
                                    "kinderen")])
    unknown = sorted(set(raw) - _FILE_KEYS)
    if unknown:
        raise InvalidInput([Problem("intake.unknown_field", "Bestand",
                                    f"onbekend veld '{unknown[0][:40]}'")])
    fields = dict(raw)
    if "table" in fields:
        fields["table_id"] = _by_name(session, "table", fields.pop("table"))
    if "referrer" in fields:
        fields["referrer_id"] = _by_name(session, "referrer", fields.pop("referrer"))
    refuse_errors(shape_problems(fields))
    problems = _loose_in(Family, fields["family"], "family")
    for index, child in enumerate(fields["children"]):
        problems += _loose_in(Child, child, f"children.{index}")
    for key in ("criteria", "preconditions"):
        problems += [Problem("intake.wrong_kind", f"referral.{key}.{name}",
                             "moet true of false zijn (zonder aanhalingstekens)")
                     for name, value in (fields.get(key) or {}).items()
                     if not isinstance(value, bool)]
    refuse_errors(problems)
    return fields
