"""Gezinsoverzicht (`FamilySummary`): the meeting in plain language (B1) for the parents ("u",
"jullie") and for the young person of 12+ ("jij") (`004 §4`, `002`)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from tafelapp.domain import labels
from tafelapp.domain.directory import Organisation
from tafelapp.domain.enums import (
    AgreementKind,
    AgreementStatus,
    Attendance,
    DecisionKind,
    LocationKind,
    Role,
    TableKind,
)
from tafelapp.domain.family_words import ROLE_LINE, names_list, spoken_date, spoken_time
from tafelapp.domain.meeting import AgendaItem, Meeting
from tafelapp.domain.models import Case, Table


class OrganisationLine(BaseModel):
    """An organisation at the table: what it does for the family, and who to ask there."""

    name: str
    does: str
    contact: str


class Promise(BaseModel):
    """A goal, condition or arrangement in plain words, with who and by when."""

    text: str
    owner: str
    due: str
    consequence: str = ""


class Voice(BaseModel):
    """What a parent or the young person said."""

    name: str
    view: str
    stance: str
    words: str
    score: int | None = None  # their own answer to the schaalvraag, where given


class Complaint(BaseModel):
    """Where to go with a complaint about an organisation at the table (from the set-up)."""

    organisation: str
    route: str


class FamilySummary(BaseModel):
    """Everything a family needs to keep track of after the meeting, in plain language."""

    family_name: str
    children: str  # "Noor en Daan"
    young_person: str  # the first name of a young person of 12+ at the table, or ""
    table_name: str
    date: str  # "woensdag 26 augustus 2026"
    place: str
    present: list[str]  # "Sanne van Dalen (moeder of vader)" …
    organisations: list[OrganisationLine]
    decision_title: str
    decision_text: str
    decision_text_young: str
    decision_reason: str
    weighed: list[str]  # what went well, the worries
    voices: list[Voice]
    dissents: list[str]
    goals: list[Promise]
    conditions: list[Promise]
    arrangements: list[Promise]
    case_lead: str
    case_lead_contact: str
    next_moment: str  # "Maandag 1 maart 2027 om 14.00 uur, bij jullie thuis"; "" if no date
    complaints: list[Complaint]


_DECISION_TEXT = {
    DecisionKind.INVESTIGATION: (
        "De Raad voor de Kinderbescherming gaat onderzoek doen",
        "De Raad kijkt of er meer nodig is om de kinderen te beschermen. De Raad belt {u} over "
        "hoe dat gaat."),
    DecisionKind.POSTPONED_INVESTIGATION: (
        "Eerst hulp met afspraken; het onderzoek wacht",
        "Er komt nu nog geen onderzoek. Eerst krijgt de hulp een kans, met de afspraken "
        "hieronder. Bij het volgende gesprek kijken we samen of het genoeg is. Lukken de "
        "afspraken die echt moeten niet, dan kan het onderzoek toch beginnen."),
    DecisionKind.NO_INVESTIGATION: (
        "Geen onderzoek door de Raad",
        "De Raad voor de Kinderbescherming doet geen onderzoek. De afspraken hieronder blijven "
        "gelden."),
}
_ROLE_WORD = {Role.PARENT: "ouder", Role.CHILD: "", Role.CHAIR: "leidt het gesprek",
              Role.SECRETARY: "schrijft mee"}


def _promise(text: str, owner: str, due: dt.date | None, consequence: str | None = None) \
        -> Promise:
    return Promise(text=text, owner=owner, due=spoken_date(due) if due else "",
                   consequence=consequence or "")


def _organisations(item: AgendaItem, book: list[Organisation],
                   people_phone: dict[str, str]) -> list[OrganisationLine]:
    lines: dict[str, OrganisationLine] = {}
    for p in item.participants:
        if p.role in (Role.PARENT, Role.CHILD, Role.CONFIDANT, Role.LAWYER) or not p.organisation:
            continue
        if p.organisation in lines:
            continue
        org = next((o for o in book if o.name == p.organisation), None)
        phone = p.phone or people_phone.get(p.name) or (org.phone if org else "")
        lines[p.organisation] = OrganisationLine(
            name=p.organisation, does=ROLE_LINE.get(p.role, "denkt mee over de hulp."),
            contact=f"{p.name}{', telefoon ' + phone if phone else ''}")
    return list(lines.values())


def _next_moment(item: AgendaItem, table: Table, next_meeting: Meeting | None,
                 evaluation: dt.date | None) -> str:
    day: dt.date | None
    start: dt.time | None
    if next_meeting is not None:
        day, start = next_meeting.date, next_meeting.start
        home = next_meeting.location_kind is LocationKind.FAMILY_HOME
        where = "bij jullie thuis" if home else (next_meeting.location_text or table.place or "")
    else:
        day = item.next_moment or evaluation
        start, where = table.usual_start, table.place or ""
    if day is None:
        return ""  # the page says there is no date yet, in its own voice
    when = spoken_date(day) + (f" om {spoken_time(start)}" if start else "")
    text = f"{when}{', ' + where if where else ''}"
    return text[:1].upper() + text[1:]


def family_summary(meeting: Meeting, item: AgendaItem, case: Case, table: Table,
                   book: list[Organisation] | None = None, next_meeting: Meeting | None = None,
                   people_phone: dict[str, str] | None = None) -> FamilySummary:
    """Build the Gezinsoverzicht of one case's discussion."""
    book = book or []
    names = {p.id: p for p in item.participants}
    present = [p for p in item.participants if p.attendance is Attendance.PRESENT]
    if table.kind is TableKind.ZVT:
        title = "Het plan"
        text = item.plan_of_approach or "Het plan is nog niet opgeschreven."
        reason = ""
    elif item.decision is None:
        title, text, reason = "Er is nog geen besluit", "", ""
    else:
        title, text = _DECISION_TEXT[item.decision.kind]
        reason = item.decision.motivation
    live = [a for a in item.agreements if a.status is not AgreementStatus.CANCELLED]
    lead = next(iter(case.active_case_leads()), None)
    evaluation = item.decision.evaluation_date if item.decision else None
    young = next((c.first_name for c in case.children for p in present
                  if p.child_id == c.id), "")
    plan = item.safety_plan
    weighed = [f"Wat gaat er goed: {plan.strengths}" if plan.strengths else "",
               f"Waar maken we ons zorgen over: {plan.worries}" if plan.worries else ""]
    voices = []
    for v in item.family_voices:
        person = names.get(v.participant_id)
        if person is None or v.stance is None:
            continue
        score = next((a.score for a in item.scaling_answers
                      if a.participant_id == v.participant_id), None)
        voices.append(Voice(name=person.name, view=v.view, score=score,
                            stance=labels.FAMILY_STANCE[v.stance.value], words=v.words))
    place = labels.LOCATION[meeting.location_kind.value]
    if meeting.location_kind is LocationKind.FAMILY_HOME:
        place = "bij jullie thuis"
    elif meeting.location_text:
        place = f"{place} ({meeting.location_text})"
    return FamilySummary(
        family_name=case.family.name, children=names_list([c.called(case.family) for c in case.children]),
        young_person=young, table_name=table.name,
        date=spoken_date(meeting.date) + (f" om {spoken_time(meeting.start)}"
                                          if meeting.start else ""),
        place=place,
        present=[f"{p.name}{' (' + _ROLE_WORD[p.role] + ')' if _ROLE_WORD.get(p.role) else ''}"
                 for p in present],
        organisations=_organisations(item, book, people_phone or {}),
        decision_title=title, decision_text=text.format(u="u"),
        decision_text_young=text.format(u="je ouders"), decision_reason=reason,
        weighed=[w for w in weighed if w], voices=voices,
        dissents=[f"{names[d.participant_id].name}: {d.reason}" for d in item.dissents
                  if d.participant_id in names],
        goals=[_promise(a.text, a.owner, a.due_date) for a in live
               if a.kind is AgreementKind.GOAL],
        conditions=[_promise(a.text, a.owner, a.due_date, a.consequence) for a in live
                    if a.kind is AgreementKind.CONDITION],
        arrangements=[_promise(a.text, a.owner, a.due_date) for a in live
                      if a.kind is AgreementKind.ARRANGEMENT],
        case_lead=f"{lead.person} ({lead.organisation})" if lead else "",
        case_lead_contact=lead.contact or "" if lead else "",
        next_moment=_next_moment(item, table, next_meeting, evaluation),
        complaints=[Complaint(organisation=o.name, route=o.complaints) for o in book
                    if o.complaints and any(p.organisation == o.name for p in item.participants)],
    )
