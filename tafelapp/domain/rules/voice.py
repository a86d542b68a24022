"""The family's own voice, professional dissent, and attendance as it happened (`004`, `001`)."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.calendar import age_on
from tafelapp.domain.enums import FamilyStance, Role
from tafelapp.domain.meeting import AgendaItem, Participant
from tafelapp.domain.models import Case
from tafelapp.domain.problems import Problem, Severity
from tafelapp.domain.rules.involvement import INVOLVEMENT_AGE

FAMILY_ROLES = (Role.PARENT, Role.CHILD)


def voices_expected(item: AgendaItem, case: Case, on: dt.date) -> list[Participant]:
    """Each parent / gezaghebbende and each young person of 12 or older at this discussion."""
    expected = []
    for p in item.participants:
        if p.role is Role.PARENT:
            expected.append(p)
        elif p.role is Role.CHILD and p.child_id:
            child = case.child(p.child_id)
            if child and child.birth_date and age_on(child.birth_date, on) >= INVOLVEMENT_AGE:
                expected.append(p)
    return expected


def voice_problems(item: AgendaItem, case: Case, on: dt.date) -> list[Problem]:
    """Before the decision: how each of them sees the zorgen and whether they agree (or why they
    were not asked). A dissent belongs to a professional and says why."""
    problems: list[Problem] = []
    known = {p.id: p for p in item.participants}
    for index, voice in enumerate(item.family_voices):
        who = known.get(voice.participant_id)
        if who is None or who.role not in FAMILY_ROLES:
            problems.append(Problem("decision.voice_unknown",
                                    f"family_voices.{index}.participant_id",
                                    "dit is geen ouder of jeugdige van deze bespreking"))
        if voice.stance is FamilyStance.NOT_ASKED and not (voice.not_asked_reason or "").strip():
            problems.append(Problem("decision.voice_reason_missing",
                                    f"family_voices.{index}.not_asked_reason",
                                    f"zeg waarom {who.name if who else 'deze persoon'} niet is "
                                    "gevraagd"))
    heard = {v.participant_id for v in item.family_voices if v.stance is not None}
    for person in voices_expected(item, case, on):
        if person.id not in heard:
            problems.append(Problem("decision.voice_missing", "family_voices",
                                    f"de stem van {person.name} is nog niet vastgelegd: hoe ziet "
                                    "die de zorgen, en eens met het besluit? (of: niet gevraagd, "
                                    "met de reden)", Severity.WARNING))
    for index, dissent in enumerate(item.dissents):
        who = known.get(dissent.participant_id)
        if who is None or who.role in FAMILY_ROLES:
            problems.append(Problem("decision.dissent_not_professional",
                                    f"dissents.{index}.participant_id",
                                    "een afwijkend standpunt is van een professional aan tafel; "
                                    "wat het gezin vindt staat bij 'Stem van het gezin'"))
    return problems


def attendance_problems(item: AgendaItem) -> list[Problem]:
    """'Vanaf' before 'tot'; a score of someone not at the table says how it was given."""
    problems: list[Problem] = []
    for index, p in enumerate(item.participants):
        if p.arrived and p.left_at and p.left_at <= p.arrived:
            problems.append(Problem("participant.times", f"participants.{index}.left_at",
                                    f"{p.name}: 'tot' ligt niet na 'vanaf'"))
    known = {p.id: p for p in item.participants}
    for index, answer in enumerate(item.scaling_answers):
        who = known.get(answer.participant_id)
        if who is not None and not who.takes_part and answer.given is None:
            problems.append(Problem("scaling.given_missing", f"scaling_answers.{index}.given",
                                    f"{who.name} was niet aan tafel: geef aan hoe de score is "
                                    "gegeven (schriftelijk of telefonisch)", Severity.WARNING))
    return problems


def present_at_decision(item: AgendaItem) -> list[Participant]:
    """Who was at the table when the decision was taken (everyone present when no time is known)."""
    moment = item.decision.decided_at if item.decision else None
    return [p for p in item.participants if p.present_at(moment)]


def continuation_problems(item: AgendaItem, meeting_date: dt.date) -> list[Problem]:
    """A geschorste discussion continues on a later day, each continuation after the one before;
    its decision is taken on one of the days it sat (the terms count from that day)."""
    problems: list[Problem] = []
    before = meeting_date
    for index, part in enumerate(item.continuations):
        if part.on <= before:
            problems.append(Problem("closing.continuation_not_later",
                                    f"continuations.{index}.on",
                                    f"een voortzetting valt na {before:%d-%m-%Y}"))
        before = max(before, part.on)
    days = [meeting_date, *(c.on for c in item.continuations)]
    if item.continuations and item.decision and item.decision.decided_on not in days:
        problems.append(Problem("decision.not_on_a_meeting_day", "decision.decided_on",
                                "het besluit valt op een dag waarop de bespreking zat: "
                                + " of ".join(f"{d:%d-%m-%Y}" for d in days)))
    return problems
