"""Gezinsoverzicht (`FamilySummary`): the meeting in plain language (B1) for the parents ("u",
"jullie") and for the young person of 12+ ("jij") (`004 §4`, `002`)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from tafelapp.domain import labels
from tafelapp.domain.contact import is_phone
from tafelapp.domain.directory import Organisation
from tafelapp.domain.enums import (
    AgreementKind,
    AgreementStatus,
    Attendance,
    DecisionKind,
    LocationKind,
    PartnerKind,
    ReferrerKind,
    Role,
    TableKind,
)
from tafelapp.domain.family_words import (
    PRESENT_WORD,
    ROLE_LINE,
    names_list,
    spoken_date,
    spoken_time,
)
from tafelapp.domain.meeting import AgendaItem, Meeting, Participant
from tafelapp.domain.models import Case, Table
from tafelapp.domain.record_words import is_recurring, place_words


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
    recurring: bool = False  # keeps happening ("elke week"): `due` is until when, no deadline


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
    case_lead_phone: str  # only a telephone number; "" when not known (a to-do, no e-mail here)
    case_lead_email: str
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
def _present(p: Participant) -> str:
    """'Anna Bos (ouder)', 'G. Visser (geeft hulp, Wijkteam)': who was there and what they do."""
    what = [w for w in (PRESENT_WORD.get(p.role, ""), p.organisation or "") if w]
    if p.role in (Role.PARENT, Role.CHILD):
        what = what[:1]
    return f"{p.name} ({', '.join(what)})" if what else p.name


def _complaints(item: AgendaItem, case: Case, book: list[Organisation]) -> list[Complaint]:
    """The complaints routes of the organisations at the table, and of the Raad (at a JBT it
    decides about its own investigation) and Veilig Thuis (when it reported the worries), as far
    as the set-up has them."""
    names = {p.organisation for p in item.participants if p.organisation}
    kinds = {PartnerKind.RVDK} if any(p.role is Role.RVDK for p in item.participants) else set()
    if item.decision is not None:
        kinds.add(PartnerKind.RVDK)
    if case.referral is not None and case.referral.referrer_kind is ReferrerKind.VEILIG_THUIS:
        names.add(case.referral.referrer_organisation)
        kinds.add(PartnerKind.VEILIG_THUIS)
    found = [o for o in book if o.complaints and o.name in names]
    for kind in kinds:
        if not any(o.kind is kind for o in found):  # by kind where the names differ
            found += [o for o in book if o.complaints and o.kind is kind][:1]
    return [Complaint(organisation=o.name, route=o.complaints) for o in found]


def _promise(text: str, owner: str, due: dt.date | None, consequence: str | None = None) \
        -> Promise:
    return Promise(text=text, owner=owner, due=spoken_date(due) if due else "",
                   consequence=consequence or "", recurring=is_recurring(text))


def _organisations(item: AgendaItem, book: list[Organisation],
                   people_phone: dict[str, str]) -> list[OrganisationLine]:
    lines: dict[str, OrganisationLine] = {}
    for p in item.participants:
        if p.role in (Role.PARENT, Role.CHILD, Role.CONFIDANT, Role.LAWYER) or not p.organisation:
            continue
        if p.organisation in lines:
            continue
        org = next((o for o in book if o.name == p.organisation), None)
        phone = next((n for n in (p.phone, people_phone.get(p.name), org.phone if org else "")
                      if is_phone(n)), "")
        lines[p.organisation] = OrganisationLine(
            name=p.organisation, does=ROLE_LINE.get(p.role, "denkt mee over de hulp."),
            contact=f"{p.name}{', telefoon ' + phone if phone else ''}")
    return list(lines.values())


def _next_moment(item: AgendaItem, table: Table, next_meeting: Meeting | None,
                 evaluation: dt.date | None) -> str:
    day: dt.date | None
    start: dt.time | None
    if item.next_moment is not None:  # planned in the Afsluiting step: what was said there,
        # the same moment as the calendar invitation (no time or place made up from defaults)
        day, start, where = item.next_moment, item.next_moment_start, item.next_moment_place or ""
    elif next_meeting is not None:
        day, start = next_meeting.date, next_meeting.start
        home = next_meeting.location_kind is LocationKind.FAMILY_HOME
        where = "bij jullie thuis" if home else (next_meeting.location_text or table.place or "")
    else:
        day, start, where = evaluation, None, ""
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
    place = ("bij jullie thuis" if meeting.location_kind is LocationKind.FAMILY_HOME
             else place_words(meeting, table))
    return FamilySummary(
        family_name=case.family.name, children=names_list([c.called(case.family) for c in case.children]),
        young_person=young, table_name=table.name,
        date=spoken_date(meeting.date) + (f" om {spoken_time(meeting.start)}"
                                          if meeting.start else ""),
        place=place,
        present=[_present(p) for p in present],
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
        case_lead_phone=lead.phone or "" if lead else "",
        case_lead_email=lead.email or "" if lead else "",
        next_moment=_next_moment(item, table, next_meeting, evaluation),
        complaints=_complaints(item, case, book),
    )
