"""Opvolging (`AgreementFollowUp`) of an afspraak after its meeting: nagekomen, deels, niet
nagekomen or vervallen, with the date, who said so and a note (`002`: afspraken worden bij de
volgende bespreking geëvalueerd)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from tafelapp.domain.models import Model
from tafelapp.domain.problems import Problem
from tafelapp.domain.types import Id, Name, Text, new_id


class FollowUpStatus(StrEnum):
    """How an afspraak turned out."""

    KEPT = "KEPT"
    PARTLY = "PARTLY"
    NOT_KEPT = "NOT_KEPT"
    LAPSED = "LAPSED"


FOLLOW_UP_NL = {"KEPT": "nagekomen", "PARTLY": "deels nagekomen", "NOT_KEPT": "niet nagekomen",
                "LAPSED": "vervallen"}


class AgreementFollowUp(Model):
    """One follow-up of an afspraak; the latest one counts (a correction is a newer one)."""

    id: Id = Field(default_factory=new_id)
    agreement_id: Id
    case_id: Id
    status: FollowUpStatus
    on: dt.date
    said_by: Name
    note: Text = ""
    agenda_item_id: Id | None = None  # recorded in this later discussion; None: from the werklijst
    recorded_at: dt.datetime


def followup_problems(followup: AgreementFollowUp, made_on: dt.date, today: dt.date,
                      later_meeting_on: dt.date | None) -> list[Problem]:
    """A follow-up comes after the meeting that made the afspraak, not in the future; one that is
    not simply 'nagekomen' says what happened; in a meeting, only a later one of the same case."""
    problems = []
    if followup.on > today:
        problems.append(Problem("followup.future", "on", "de datum ligt in de toekomst"))
    if followup.on < made_on:
        problems.append(Problem("followup.before_agreement", "on",
                                f"de datum ligt vóór de bespreking waarin de afspraak is gemaakt "
                                f"({made_on:%d-%m-%Y})"))
    if followup.status in (FollowUpStatus.PARTLY, FollowUpStatus.NOT_KEPT) and \
            not followup.note.strip():
        problems.append(Problem("followup.note_missing", "note",
                                f"zeg kort wat er is gebeurd (bij "
                                f"'{FOLLOW_UP_NL[followup.status.value]}')"))
    if later_meeting_on is not None and later_meeting_on <= made_on:
        problems.append(Problem("followup.not_later", "agenda_item_id",
                                "een afspraak wordt opgevolgd in een latere bespreking van "
                                "dezelfde casus"))
    return problems
