"""Who receives the notulen: everyone at the table except the vertrouwenspersoon and children under 16."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tafelapp.domain.calendar import age_on
from tafelapp.domain.enums import Attendance, Role
from tafelapp.domain.meeting import AgendaItem
from tafelapp.domain.models import Case

MIN_AGE_FOR_DOCUMENTS = 16
NO_ADDRESS = "geen e-mailadres bekend"


@dataclass(frozen=True)
class Recipient:
    """A person (or configured mailbox) with the address the documents go to."""

    name: str
    role: str
    email: str | None
    organisation: str = ""
    participant_id: str = ""


@dataclass(frozen=True)
class Exclusion:
    """Someone who does not receive the documents, and why."""

    recipient: Recipient
    reason: str


def recipients(item: AgendaItem, case: Case, meeting_date: dt.date,
               configured: dict[str, list[str]] | None = None
               ) -> tuple[list[Recipient], list[Exclusion]]:
    """Those present, plus configured addresses per role, minus who may not receive documents.

    JBT werkwijze: everyone receives all documents except the vertrouwenspersoon and children
    under 16; the agreements are sent to those present (`001 §2.10 f`).
    """
    included: list[Recipient] = []
    excluded: list[Exclusion] = []
    for p in item.participants:
        person = Recipient(p.name, p.role.value, p.email, p.organisation or "", p.id)
        if p.attendance is not Attendance.PRESENT:
            excluded.append(Exclusion(person, "was niet aanwezig"))
        elif p.role is Role.CONFIDANT:
            excluded.append(Exclusion(person, "een vertrouwenspersoon ontvangt geen documenten"))
        elif p.role is Role.CHILD and _under_16(case, p.child_id, meeting_date):
            excluded.append(Exclusion(person, f"kinderen onder de {MIN_AGE_FOR_DOCUMENTS} jaar "
                                              "ontvangen geen documenten"))
        elif not p.email:
            excluded.append(Exclusion(person, NO_ADDRESS))
        else:
            included.append(person)
    for role, addresses in (configured or {}).items():
        for address in addresses:
            included.append(Recipient(address, role, address))
    return included, excluded


def _under_16(case: Case, child_id: str | None, day: dt.date) -> bool:
    child = case.child(child_id) if child_id else None
    if child is None or child.birth_date is None:
        return True  # unknown age: the safe side
    return age_on(child.birth_date, day) < MIN_AGE_FOR_DOCUMENTS
