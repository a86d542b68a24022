"""Use cases that fill a meeting from what the app already knows: the address book, the family,
the previous discussion of the case, and the table's usual chair, secretary, day and place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tafelapp.domain.calendar import age_on
from tafelapp.domain.directory import same_person, usual_role
from tafelapp.domain.enums import Attendance, Role
from tafelapp.domain.meeting import Meeting, Participant
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.rules.involvement import INVOLVEMENT_AGE
from tafelapp.services import directory_service, meeting_service
from tafelapp.services.case_service import get_case
from tafelapp.services.meeting_context_service import previous_discussion
from tafelapp.services.session import Session, build
from tafelapp.services.table_service import get_table
from tafelapp.store import meeting_repo
from tafelapp.store.transaction import transaction


def add_person(session: Session, item_id: str, person_id: str, role: str | None = None,
               attendance: str = "PRESENT", organisation: str | None = None) -> Participant:
    """Add a participant picked from the address book: name, organisation and e-mail come along
    (a role or organisation given here is what the secretary chose for this discussion)."""
    book = directory_service.directory(session)
    person = directory_service.get_person(session, person_id)
    org = book.organisation_of(person)
    chosen = role or usual_role(person, org).value
    _, item = meeting_service.locate_item(session, item_id)
    if any(p.person_id == person_id for p in item.participants):
        raise InvalidInput([Problem("participant.twice", "participant.name",
                                    f"{person.name} staat al bij de deelnemers")])
    return meeting_service.add_participant(
        session, item_id, name=person.name, role=chosen,
        organisation=(organisation or "").strip() or (org.name if org else None),
        attendance=attendance, email=person.email or None, phone=person.phone or None,
        person_id=person.id)


def add_new_person(session: Session, item_id: str, *, name: str, role: str,
                   organisation: str | None = None, email: str | None = None,
                   attendance: str = "PRESENT") -> Participant:
    """Add someone who is not in the address book yet; they are added to the book as well."""
    if not name.strip():
        raise InvalidInput([Problem("participant.name_missing", "participant.name",
                                    "mag niet leeg zijn")])
    person = directory_service.person_for_name(session, name, organisation,
                                               email=email or "", role=role)
    return add_person(session, item_id, person.id, role, attendance)


def change_participant(session: Session, item_id: str, participant_id: str, *,
                       role: str | None = None, organisation: str | None = None) -> Participant:
    """Change a participant's role or organisation in place (until the notulen are signed).

    A jeugdige stays linked to a child of the case: the role 'jeugdige' is given in the add form,
    where the child is chosen, and a jeugdige's role is not changed into another one here.
    """
    _, item = meeting_service.locate_item(session, item_id)
    current = item.participant(participant_id)
    if current is None:
        raise InvalidInput([Problem("participant.not_found", "participant_id",
                                    "deze deelnemer staat niet (meer) in de lijst")])
    changes: dict[str, Any] = {}
    if role is not None and role != current.role.value:
        if role not in Role.__members__:
            raise InvalidInput([Problem("participant.role_unknown", "participant.role",
                                        "kies een rol uit de lijst")])
        if Role.CHILD in (Role(role), current.role):
            raise InvalidInput([Problem(
                "participant.child_role", "participant.role",
                "de rol 'jeugdige' hoort bij een kind van de casus: verwijder de deelnemer en "
                "voeg die opnieuw toe met het kind")])
        changes["role"] = role
    if organisation is not None and (organisation.strip() or None) != current.organisation:
        changes["organisation"] = organisation.strip() or None
    if not changes:
        return current
    return meeting_service.update_participant(session, item_id, participant_id, **changes)


def add_family(session: Session, item_id: str) -> list[Participant]:
    """Add the parents/carers of the case and its children of 12 or older (not yet present)."""
    meeting, item = meeting_service.locate_item(session, item_id)
    case = get_case(session, item.case_id)
    added = []
    for guardian in case.family.guardians:
        if any(p.guardian_id == guardian.id for p in item.participants):
            continue
        added.append(meeting_service.add_participant(
            session, item_id, name=guardian.name, role=Role.PARENT.value,
            email=guardian.email, phone=guardian.phone, guardian_id=guardian.id))
    for child in case.children:
        if child.unborn or child.birth_date is None or any(
                p.child_id == child.id for p in item.participants):
            continue
        if age_on(child.birth_date, meeting.date) >= INVOLVEMENT_AGE:
            added.append(meeting_service.add_participant(
                session, item_id, name=f"{child.first_name} {child.last_name}",
                role=Role.CHILD.value, child_id=child.id))
    return added


def previous_item_participants(session: Session, item_id: str) -> list[Participant]:
    """Who took part in the latest earlier discussion of this item's case."""
    meeting, item = meeting_service.locate_item(session, item_id)
    previous = previous_discussion(session.conn, item.case_id, meeting)
    return list(previous[1].participants) if previous else []


def carry_over_participants_after(session: Session, item_id: str) -> list[Participant]:
    """A follow-up starts with the previous participants, each to be confirmed present or absent
    (the meeting's own chair and secretary, already listed, are not carried over)."""
    _, item = meeting_service.locate_item(session, item_id)
    carried = []
    for p in previous_item_participants(session, item_id):
        if p.role in (Role.CHAIR, Role.SECRETARY) or any(
                (q.person_id and q.person_id == p.person_id) or q.name == p.name
                for q in item.participants):
            continue
        fields = p.model_dump(exclude={"id", "attendance", "confirmed"})
        carried.append(meeting_service.add_participant(session, item_id, **fields,
                                                       confirmed=False))
    return carried


def confirm_attendance(session: Session, item_id: str, participant_id: str,
                       attendance: str) -> Participant:
    """Confirm a carried-over participant as present, excused or absent."""
    return meeting_service.update_participant(session, item_id, participant_id,
                                              attendance=Attendance(attendance), confirmed=True)


def add_chair_and_secretary(session: Session, item_id: str) -> list[Participant]:
    """The meeting's chair and secretary as participants (once), from the meeting header."""
    meeting, item = meeting_service.locate_item(session, item_id)
    added = []
    for role, name, pid in ((Role.CHAIR, meeting.chair, meeting.chair_id),
                            (Role.SECRETARY, meeting.secretary, meeting.secretary_id)):
        if not name or any(p.role is role for p in item.participants):
            continue
        if pid:
            added.append(add_person(session, item_id, pid, role.value))
        else:
            added.append(meeting_service.add_participant(session, item_id, name=name,
                                                         role=role.value))
    return added


def prefill(session: Session, item_id: str) -> list[Participant]:
    """Fill a new discussion from what is known: a follow-up carries over the previous
    participants (to be confirmed); a first discussion gets the family and the melder. The
    meeting's chair and secretary are added either way. Does nothing once people are listed."""
    _, item = meeting_service.locate_item(session, item_id)
    if item.participants:
        return []
    added = add_chair_and_secretary(session, item_id)
    carried = carry_over_participants_after(session, item_id)
    if carried:
        return added + carried
    added += add_family(session, item_id)
    case = get_case(session, item.case_id)
    if case.referral is not None:
        found = [p for p in directory_service.directory(session).people
                 if same_person(p.name, case.referral.referrer_person)]
        if found:
            added.append(add_person(session, item_id, found[0].id, Role.REFERRER.value))
    return added


def add_and_prefill(session: Session, meeting_id: str, case_id: str,
                    planned_start: dt.time | None = None) -> list[Participant]:
    """Put a case on the agenda and fill its participants from what is known (one transaction)."""
    with transaction(session.conn):
        item = meeting_service.add_to_agenda(session, meeting_id, case_id, planned_start)
        return prefill(session, item.id)


def _holder(session: Session, name: str | None, person_id: str | None,
            default_id: str | None) -> tuple[str | None, str | None]:
    """(name, person id) of a chair or secretary: picked, typed (added to the book), or usual."""
    if person_id:
        return directory_service.get_person(session, person_id).name, person_id
    if name and name.strip():
        person = directory_service.person_for_name(session, name)
        return person.name, person.id
    if default_id:
        return directory_service.get_person(session, default_id).name, default_id
    return None, None


def schedule_for_table(session: Session, *, table_id: str, date: dt.date,
                       chair_id: str | None = None, secretary_id: str | None = None,
                       chair: str | None = None, secretary: str | None = None,
                       **fields: Any) -> Meeting:
    """Plan a meeting; chair and secretary are people of the book (the table's usual ones)."""
    table = get_table(session, table_id)
    if fields.get("start") is None:
        fields["start"] = table.usual_start
    if table.place and not fields.get("location_text"):
        fields["location_text"] = table.place
    with transaction(session.conn):
        chair, chair_id = _holder(session, chair, chair_id, table.default_chair_id)
        secretary, secretary_id = _holder(session, secretary, secretary_id,
                                          table.default_secretary_id)
        if not chair:
            raise InvalidInput([Problem("meeting.chair_missing", "chair",
                                        "kies de voorzitter uit het adresboek (of stel een vaste "
                                        "voorzitter in bij de tafel)")])
        return meeting_service.schedule_meeting(session, table_id=table_id, date=date,
                                                chair=chair, secretary=secretary,
                                                chair_id=chair_id, secretary_id=secretary_id,
                                                **fields)


def next_usual_date(table_weekday: int | None, today: dt.date) -> dt.date:
    """The first usual meeting day from tomorrow (a week ahead when the table has no usual day)."""
    if table_weekday is None:
        return today + dt.timedelta(days=7)
    ahead = (table_weekday - today.weekday()) % 7 or 7
    return today + dt.timedelta(days=ahead)


def planned_meeting(session: Session, table_id: str) -> Meeting:
    """The next planned meeting of a table, or a new one on its usual day, time and place."""
    table = get_table(session, table_id)
    today = session.today()
    upcoming = [m for m in meeting_service.list_meetings(session, table_id, since=today)]
    if upcoming:
        return meeting_service.get_meeting(session, upcoming[0].id)
    return schedule_for_table(session, table_id=table_id,
                              date=next_usual_date(table.weekday, today))


def family_address(session: Session, meeting_id: str) -> str:
    """The family's address when a meeting discusses one family (for a meeting at home)."""
    meeting = meeting_service.get_meeting(session, meeting_id)
    if len(meeting.agenda) != 1:
        return ""
    family = get_case(session, meeting.agenda[0].case_id).family
    return ", ".join(x for x in (family.address, family.city) if x)


def update_header(session: Session, meeting_id: str, **changes: Any) -> Meeting:
    """Change chair, secretary, date, time or place until the signing of any notulen starts."""
    before = meeting_service.get_meeting(session, meeting_id)
    for item in before.agenda:
        meeting_service.refuse_if_signed(session, item.id)
    for role in ("chair", "secretary"):
        if changes.get(f"{role}_id") or changes.get(role):
            changes[role], changes[f"{role}_id"] = _holder(
                session, changes.get(role), changes.get(f"{role}_id"), None)
    allowed = {"date", "start", "end", "location_kind", "location_text", "chair", "secretary",
               "chair_id", "secretary_id"}
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidInput([Problem("meeting.unknown_field", sorted(unknown)[0],
                                    "dit gegeven van de bespreking kan hier niet worden gewijzigd")])
    data = {**before.model_dump(exclude={"agenda"}), **changes}
    after = build(Meeting, "meeting", **data, agenda=[i.model_dump() for i in before.agenda])
    if after.start and after.end and after.end <= after.start:
        raise InvalidInput([Problem("meeting.end_before_start", "end",
                                    "de eindtijd ligt niet na de begintijd")])
    if after == before:
        return before
    with session.change("meeting.header", "meeting", meeting_id, before=before.model_copy(
            update={"agenda": []}), after=after.model_copy(update={"agenda": []})) as conn:
        meeting_repo.save(conn, after)
    return after
