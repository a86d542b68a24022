"""Opschaling (`Escalation`) to the bestuurlijke stuurgroep (`SteeringGroup`), and signalen (`003`)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, model_validator

from tafelapp.domain.models import Model
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


class RegionSubject(Model):
    """The case of an escalation started from a region werklijst line (a case this vault does
    not hold): only what the region holds — codes, dates, pseudonyms; no names exist there."""

    zaak_url: ShortText = Field(min_length=1)
    case_number: ShortText = Field(min_length=1)
    table_name: Name
    table_kind: ShortText = ""
    chair_organisation: ShortText = ""
    facts: list[ShortText] = Field(default_factory=list, max_length=80)


class Escalation(Model):
    """A stuck procedural matter of a case, brought to the stuurgroep by the ketenregisseur."""

    id: Id = Field(default_factory=new_id)
    case_id: Id | None = None  # a case of this vault, or:
    region: RegionSubject | None = None  # a case only the region holds (exactly one of the two)
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

    @model_validator(mode="after")
    def _one_subject(self) -> Escalation:
        if (self.case_id is None) == (self.region is None):
            raise ValueError("een opschaling gaat over een casus van deze kluis of over een "
                             "zaak van de regio, precies een van beide")
        if self.region is not None and not self.pseudonymised:
            raise ValueError("de regio kent geen namen: deze opschaling blijft gepseudonimiseerd")
        return self


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
