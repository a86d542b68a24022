"""Opschaling (`Escalation`) to the bestuurlijke stuurgroep (`SteeringGroup`), and signalen (`003`)."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import Field

from tafelapp.domain.models import Case, Model
from tafelapp.domain.problems import Problem
from tafelapp.domain.types import Id, Name, ShortText, Text, new_id


class EscalationStatus(StrEnum):
    """concept → ingediend → besproken → besluit → afgerond."""

    CONCEPT = "CONCEPT"
    SUBMITTED = "SUBMITTED"
    DISCUSSED = "DISCUSSED"
    DECIDED = "DECIDED"
    CLOSED = "CLOSED"


STATUS_NL = {EscalationStatus.CONCEPT: "concept", EscalationStatus.SUBMITTED: "ingediend",
             EscalationStatus.DISCUSSED: "besproken", EscalationStatus.DECIDED: "besluit",
             EscalationStatus.CLOSED: "afgerond"}
NEXT_STATUS = {EscalationStatus.CONCEPT: EscalationStatus.SUBMITTED,
               EscalationStatus.SUBMITTED: EscalationStatus.DISCUSSED,
               EscalationStatus.DISCUSSED: EscalationStatus.DECIDED,
               EscalationStatus.DECIDED: EscalationStatus.CLOSED}


class Urgency(StrEnum):
    """How fast the stuurgroep must act."""

    NORMAL = "NORMAL"
    HIGH = "HIGH"
    URGENT = "URGENT"


URGENCY_NL = {Urgency.NORMAL: "normaal", Urgency.HIGH: "hoog", Urgency.URGENT: "spoed"}


class Attempt(Model):
    """Something tried to get the case unstuck, with its date."""

    on: dt.date
    description: Text


class Escalation(Model):
    """A stuck procedural matter of a case, brought to the stuurgroep by the ketenregisseur."""

    id: Id = Field(default_factory=new_id)
    case_id: Id
    stuck: Text
    partners: list[Name] = Field(default_factory=list, max_length=20)
    attempts: list[Attempt] = Field(default_factory=list, max_length=50)
    question: Text
    urgency: Urgency = Urgency.NORMAL
    status: EscalationStatus = EscalationStatus.CONCEPT
    decision: Text = ""
    follow_up: list[Text] = Field(default_factory=list, max_length=50)
    pseudonymised: bool = True
    depseudonymise_reason: Text | None = None
    created_on: dt.date
    submitted_on: dt.date | None = None
    decided_on: dt.date | None = None
    closed_on: dt.date | None = None


class Signal(Model):
    """Signaal of a ZVT: a neighbourhood problem or a gap in chain cooperation (`003`)."""

    id: Id = Field(default_factory=new_id)
    table_id: Id
    theme: ShortText
    description: Text
    meeting_id: Id | None = None
    partners: list[Name] = Field(default_factory=list, max_length=20)
    recorded_on: dt.date
    on_agenda: bool = True


def transition_problems(escalation: Escalation, to: EscalationStatus) -> list[Problem]:
    """Why the escalation cannot move to `to` now (statuses only move forward, one at a time)."""
    problems: list[Problem] = []
    following = NEXT_STATUS.get(escalation.status)
    if following is not to:
        problems.append(Problem("escalation.order", "status",
                                f"van '{STATUS_NL[escalation.status]}' gaat het naar "
                                f"'{STATUS_NL[following]}'" if following is not None else
                                "deze opschaling is afgerond"))
    if to is EscalationStatus.SUBMITTED:
        if not escalation.stuck.strip():
            problems.append(Problem("escalation.stuck_missing", "stuck", "wat zit er vast?"))
        if not escalation.question.strip():
            problems.append(Problem("escalation.question_missing", "question",
                                    "de vraag aan de stuurgroep ontbreekt"))
        if not escalation.partners:
            problems.append(Problem("escalation.partners_missing", "partners",
                                    "noem de betrokken partners"))
        if not escalation.attempts:
            problems.append(Problem("escalation.attempts_missing", "attempts",
                                    "wat is er al geprobeerd (met datum)?"))
    if to is EscalationStatus.DECIDED and not escalation.decision.strip():
        problems.append(Problem("escalation.decision_missing", "decision",
                                "leg het besluit van de stuurgroep vast"))
    if not escalation.pseudonymised and not (escalation.depseudonymise_reason or "").strip():
        problems.append(Problem("escalation.reason_missing", "depseudonymise_reason",
                                "geef de reden om namen mee te sturen"))
    return problems


def _clean(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def initials(name: str) -> str:
    """`Sanne van Dalen` -> `S.v.D.` (the pseudonym used in a dossier)."""
    return "".join(f"{part[0]}." for part in re.split(r"[\s-]+", _clean(name)) if part)


def _name_terms(name: str, terms: dict[str, str]) -> None:
    """A person's full name, and their first and last name on their own, to initials."""
    clean = _clean(name)
    terms.setdefault(name, initials(clean))
    terms.setdefault(clean, initials(clean))
    parts = clean.split()
    if len(parts) >= 2:
        if len(parts[0]) >= 3 and parts[0][0].isupper():
            terms.setdefault(parts[0], initials(parts[0]))
        rest = " ".join(parts[1:])
        terms.setdefault(rest, initials(rest))
        if len(parts[-1]) >= 3:
            terms.setdefault(parts[-1], initials(parts[-1]))


def personal_terms(case: Case, extra_names: list[str]) -> dict[str, str]:
    """Every personal value of the case mapped to what the stuurgroep sees instead."""
    terms: dict[str, str] = {}
    family = case.family
    terms[family.name] = f"gezin {initials(family.name)}"
    for part in re.split(r"[\s-]+", family.name):
        if len(part) >= 3 and part[0].isupper() and part.lower() != "fictief":
            terms.setdefault(part, initials(part))
    for guardian in family.guardians:
        _name_terms(guardian.name, terms)
        for value in (guardian.phone, guardian.email):
            if value:
                terms[value] = "[contactgegeven]"
    for value in (family.address, family.postcode):  # the city is the table's, not personal
        if value:
            terms[value] = "[adres]"
    for child in case.children:
        _name_terms(f"{child.first_name} {child.last_name}", terms)
        terms[child.first_name] = initials(child.first_name)
        terms[child.last_name] = initials(child.last_name)
        if child.birth_date:
            terms[child.birth_date.strftime("%d-%m-%Y")] = "[geboortedatum]"
            terms[child.birth_date.isoformat()] = "[geboortedatum]"
    for name in extra_names:
        _name_terms(name, terms)
    return {k: v for k, v in terms.items() if k and len(k) > 1}


_BSN = re.compile(r"\b\d{9}\b")


def pseudonymise(text: str, terms: dict[str, str]) -> str:
    """Replace personal values (longest first, whole words) and anything shaped like a BSN."""
    result = text
    for value in sorted(terms, key=len, reverse=True):
        result = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", terms[value], result,
                        flags=re.IGNORECASE)
    return _BSN.sub("[BSN]", result)
