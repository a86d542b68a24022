"""Children of 12 and older are involved in every decision (`001 §2.1`)."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.calendar import age_on
from tafelapp.domain.enums import InvolvementKind, Role
from tafelapp.domain.meeting import AgendaItem
from tafelapp.domain.models import Case
from tafelapp.domain.problems import Problem, Severity

INVOLVEMENT_AGE = 12


def involvement_problems(case: Case, item: AgendaItem, meeting_date: dt.date) -> list[Problem]:
    """Each child of 12+ on the meeting date: present, informed, or a reason why not."""
    problems: list[Problem] = []
    recorded = {inv.child_id: inv for inv in item.involvement}
    present_children = {p.child_id for p in item.participants
                        if p.role is Role.CHILD and p.takes_part and p.child_id}
    for index, inv in enumerate(item.involvement):
        if case.child(inv.child_id) is None:
            problems.append(Problem("involvement.unknown_child", f"involvement.{index}.child_id",
                                    "dit kind hoort niet bij de casus"))
        if inv.kind is InvolvementKind.NOT_INVOLVED and not (inv.reason or "").strip():
            problems.append(Problem("involvement.reason_missing", f"involvement.{index}.reason",
                                    "geef de reden waarom het kind niet betrokken is "
                                    "(001 §2.1)"))
    for child in case.children:
        if child.unborn or child.birth_date is None:
            continue
        if age_on(child.birth_date, meeting_date) < INVOLVEMENT_AGE:
            continue
        if child.id in present_children or child.id in recorded:
            continue
        problems.append(Problem("involvement.unrecorded", "involvement",
                                f"{child.first_name} is {age_on(child.birth_date, meeting_date)} "
                                "jaar: leg vast of het kind aanwezig was, geïnformeerd is, of "
                                "waarom niet (001 §2.1)", Severity.WARNING))
    return problems
