"""Gezinsoverzicht: the plain-language account of a meeting for parents and young person (`004 §4`, `002`)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from tafelapp.domain import labels
from tafelapp.domain.enums import AgreementKind, AgreementStatus, Attendance, DecisionKind, TableKind
from tafelapp.domain.meeting import AgendaItem, Meeting
from tafelapp.domain.models import Case, Table


class Person(BaseModel):
    """Who was at the table, in which role, for which organisation."""

    name: str
    role: str
    organisation: str
    attendance: str


class Promise(BaseModel):
    """A goal, condition or arrangement in plain words, with who and by when."""

    text: str
    owner: str
    due: str
    consequence: str = ""


class FamilySummary(BaseModel):
    """Everything a family needs to keep track of after the meeting, in plain language."""

    family_name: str
    children: list[str]
    table_name: str
    date: str
    place: str
    people: list[Person]
    decision_title: str
    decision_text: str
    decision_reason: str
    goals: list[Promise]
    conditions: list[Promise]
    arrangements: list[Promise]
    case_lead: str
    case_lead_contact: str
    next_moment: str


_DECISION_TEXT = {
    DecisionKind.INVESTIGATION: (
        "De Raad voor de Kinderbescherming gaat onderzoek doen",
        "De Raad onderzoekt of er een maatregel nodig is om de kinderen te beschermen. De Raad "
        "neemt contact met u op over hoe dat gaat."),
    DecisionKind.POSTPONED_INVESTIGATION: (
        "Eerst hulp met afspraken; het onderzoek wacht",
        "Er komt nu nog geen onderzoek. Eerst krijgt de hulp een kans, met de afspraken hieronder. "
        "Op de datum bij 'Volgende moment' kijken we samen of het genoeg is. Worden de voorwaarden "
        "niet nagekomen, dan kan het onderzoek alsnog beginnen."),
    DecisionKind.NO_INVESTIGATION: (
        "Geen onderzoek door de Raad",
        "De Raad voor de Kinderbescherming doet geen onderzoek. De afspraken hieronder blijven "
        "gelden."),
}


def _promise(text: str, owner: str, due: dt.date | None, consequence: str | None = None) \
        -> Promise:
    return Promise(text=text, owner=owner, due=labels.nl_date(due) if due else "",
                   consequence=consequence or "")


def family_summary(meeting: Meeting, item: AgendaItem, case: Case, table: Table) -> FamilySummary:
    """Build the Gezinsoverzicht of one case's discussion."""
    people = [Person(name=p.name, role=labels.ROLE[p.role.value],
                     organisation=p.organisation or "",
                     attendance=labels.ATTENDANCE[p.attendance.value])
              for p in item.participants if p.attendance is not Attendance.ABSENT]
    if table.kind is TableKind.ZVT:
        title = "Het plan van aanpak"
        text = item.plan_of_approach or "Het plan van aanpak is nog niet vastgelegd."
        reason = ""
    elif item.decision is None:
        title, text, reason = "Er is nog geen besluit", "", ""
    else:
        title, text = _DECISION_TEXT[item.decision.kind]
        reason = item.decision.motivation
    live = [a for a in item.agreements if a.status is not AgreementStatus.CANCELLED]
    lead = next(iter(case.active_case_leads()), None)
    evaluation = item.decision.evaluation_date if item.decision else None
    next_day = item.next_moment or evaluation
    place = labels.LOCATION[meeting.location_kind.value]
    if meeting.location_text:
        place = f"{place} ({meeting.location_text})"
    return FamilySummary(
        family_name=case.family.name,
        children=[c.first_name for c in case.children],
        table_name=table.name, date=labels.nl_date(meeting.date), place=place, people=people,
        decision_title=title, decision_text=text, decision_reason=reason,
        goals=[_promise(a.text, a.owner, a.due_date) for a in live
               if a.kind is AgreementKind.GOAL],
        conditions=[_promise(a.text, a.owner, a.due_date, a.consequence) for a in live
                    if a.kind is AgreementKind.CONDITION],
        arrangements=[_promise(a.text, a.owner, a.due_date) for a in live
                      if a.kind is AgreementKind.ARRANGEMENT],
        case_lead=f"{lead.person} ({lead.organisation})" if lead else "nog niet bekend",
        case_lead_contact=lead.contact or "" if lead else "",
        next_moment=labels.nl_date(next_day) if next_day else "nog niet afgesproken",
    )
