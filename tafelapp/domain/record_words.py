"""What the notulen and the Gezinsoverzicht say in words: who the discussion is about, where it
was, how each child of 12+ was involved, how the casusregisseur is reached, which terms follow."""

from __future__ import annotations

import datetime as dt
import re

from tafelapp.domain import labels
from tafelapp.domain.calendar import age_on
from tafelapp.domain.deadlines import TERMS
from tafelapp.domain.enums import DeadlineKind, DecisionKind, InvolvementKind, LocationKind
from tafelapp.domain.meeting import AgendaItem, Decision, Meeting
from tafelapp.domain.models import Case, CaseLead, Child, Table
from tafelapp.domain.rules.involvement import INVOLVEMENT_AGE


def child_name(child: Child) -> str:
    """The child's first name, or 'ongeboren kind' (nobody names an unborn child)."""
    return child.first_name or "ongeboren kind"


def concerns(case: Case, on: dt.date) -> str:
    """'Betreft': every child with their age on the day ("Lotte Bos (13 jaar), ongeboren kind
    (verwacht 01-03-2027)")."""
    parts = []
    for child in case.children:
        name = f"{child.first_name} {child.last_name}".strip() if child.first_name else \
            child_name(child)
        if child.unborn or child.birth_date is None:
            expected = child.unborn_details.expected_date if child.unborn_details else None
            parts.append(f"{name} (verwacht {labels.nl_date(expected)})" if expected else name)
        else:
            parts.append(f"{name} ({age_on(child.birth_date, on)} jaar)")
    return ", ".join(parts)


def involvement_lines(item: AgendaItem, case: Case, on: dt.date) -> list[str]:
    """How each child of 12 or older was involved (`001 §2.1`), one line each."""
    recorded = {i.child_id: i for i in item.involvement}
    lines = []
    for child in case.children:
        if child.unborn or child.birth_date is None:
            continue
        age = age_on(child.birth_date, on)
        if age < INVOLVEMENT_AGE:
            continue
        found = recorded.get(child.id)
        if found is None:
            how = "niet vastgelegd"
        elif found.kind is InvolvementKind.NOT_INVOLVED:
            how = "niet betrokken" + (f" — {found.reason}" if found.reason else "")
        else:
            how = labels.INVOLVEMENT[found.kind.value]
        lines.append(f"{child_name(child)} ({age} jaar): {how}")
    return lines


def place_words(meeting: Meeting, table: Table) -> str:
    """Where the meeting was, as people say it: the address or room typed, never an internal
    label ("Stadskantoor, zaal 3"; "bij het gezin thuis"; "videogesprek")."""
    text = (meeting.location_text or "").strip()
    if meeting.location_kind is LocationKind.FAMILY_HOME:
        return "bij het gezin thuis"
    if meeting.location_kind is LocationKind.VIDEO:
        return f"videogesprek ({text})" if text else "videogesprek"
    return text or (table.place or "").strip() or (
        "op kantoor" if meeting.location_kind is LocationKind.OFFICE else "elders")


def lead_reach(lead: CaseLead) -> str:
    """How the casusregisseur is reached: 'telefoon …, e-mail …' (a phone only if it is one)."""
    parts = ([f"telefoon {lead.phone}"] if lead.phone else []) + (
        [f"e-mail {lead.email}"] if lead.email else []) + (
        [lead.contact_note] if lead.contact_note else [])
    return ", ".join(parts)


def terms_that_follow(decision: Decision | None) -> list[str]:
    """After a raadsonderzoek: the terms of the protocol that its steps start (each starts on its
    own event, so it has no date yet)."""
    if decision is None or decision.kind is not DecisionKind.INVESTIGATION:
        return []
    follow = [
        (DeadlineKind.GRANT_DECISION, "na het verzoek van de Raad om een verleningsbesluit"),
        (DeadlineKind.COUNTER_ARGUMENTS, "na de uitkomst van het onderzoek, als de gemeente "
                                         "het daar niet mee eens is"),
        (DeadlineKind.REREFERRAL_WINDOW, "na de afsluiting, voor de korte route terug"),
    ]
    lines = []
    for kind, after in follow:
        term = TERMS[kind]
        span = f"{term.working_days} werkdagen" if term.working_days else f"{term.months} maanden"
        lines.append(f"{term.label}: binnen {span} {after} ({term.source})")
    return lines


_RECURRING = re.compile(
    r"\b(wekelijks\w*|dagelijks\w*|maandelijks\w*|elke|iedere|ieder|om de)\s*"
    r"(week|dag|schooldag|maand|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"avond|ochtend|keer)?\b", re.IGNORECASE)


def is_recurring(text: str) -> bool:
    """Whether an agreement is something that keeps happening ("wekelijks", "elke week",
    "iedere schooldag"): its date is how long it runs, not a deadline."""
    return any(m.group(1).lower().startswith(("wekelijks", "dagelijks", "maandelijks"))
               or m.group(2) for m in _RECURRING.finditer(text))


def due_words(text: str, due: dt.date | None) -> str:
    """The date column of an agreement: 'uiterlijk 01-03-2027', or 'loopt tot en met 01-03-2027'
    for one that keeps happening."""
    if due is None:
        return ""
    return (f"loopt tot en met {labels.nl_date(due)}" if is_recurring(text)
            else f"uiterlijk {labels.nl_date(due)}")
