"""Bewaartermijn (`RetentionTerms`): how long a laptop keeps a closed case, and what goes after it.

The region sets a local term (lokale bewaartermijn): after a case is closed and the region has
confirmed every document, its personal data stays on a laptop only that long. The region's
archive term (archieftermijn, from its selectielijst) per kind of record travels with the upload.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import Field

from tafelapp.domain.enums import LocationKind
from tafelapp.domain.escalation import Escalation
from tafelapp.domain.meeting import AgendaItem, Decision, Meeting
from tafelapp.domain.minutes import MinutesText
from tafelapp.domain.models import Model

REMOVED = "verwijderd"
"""What a required name becomes once the personal data is removed."""
POSTPONE_MAX = dt.timedelta(weeks=26)
"""How far one postponement may push a clean-up."""


class RecordKind(StrEnum):
    """The kinds of record the region's selectielijst gives an archive term."""

    MINUTES = "notulen"
    RECTIFICATION = "rectificatie"
    ESCALATION = "opschaling"
    CASE = "zaak"


class ArchiveTerm(Model):
    """Archieftermijn: what the region does with a kind of record, and after how many years."""

    nominatie: Literal["blijvend_bewaren", "vernietigen"] = "vernietigen"
    years: int | None = Field(default=None, ge=1, le=200)


class RetentionTerms(Model):
    """The region's terms; no local term means this laptop removes nothing by itself."""

    local_weeks: int | None = Field(default=None, ge=1, le=520)
    archive: dict[RecordKind, ArchiveTerm] = Field(default_factory=dict, max_length=10)

    def archive_date(self, kind: RecordKind, closed_on: dt.date) -> dt.date | None:
        """Archiefactiedatum: the day the region may destroy the record (None: kept for good)."""
        term = self.archive.get(kind)
        if term is None or term.nominatie == "blijvend_bewaren" or term.years is None:
            return None
        try:
            return closed_on.replace(year=closed_on.year + term.years)
        except ValueError:  # 29 February
            return closed_on.replace(year=closed_on.year + term.years, day=28)


def zaak_archive(terms: RetentionTerms, closed_on: dt.date | None) -> tuple[tuple[str, str], ...]:
    """What the Zaken API's zaak carries of the region's term for a zaak: `archiefnominatie`
    once a term is set, and `archiefactiedatum` once the case is closed and will be destroyed."""
    term = terms.archive.get(RecordKind.CASE)
    if term is None:
        return ()
    when = terms.archive_date(RecordKind.CASE, closed_on) if closed_on else None
    return (("archiefnominatie", term.nominatie),
            *((("archiefactiedatum", when.isoformat()),) if when else ()))


ARCHIVE_NL = {"blijvend_bewaren": "blijvend bewaren", "vernietigen": "vernietigen"}


def archive_text(terms: RetentionTerms, kind: RecordKind, closed_on: dt.date | None) -> str:
    """The archive term in words, for the notulen screen: 'vernietigen na 20 jaar (…)'."""
    term = terms.archive.get(kind)
    if term is None:
        return "archieftermijn: niet ingesteld door de regio"
    if term.nominatie == "blijvend_bewaren":
        return "archieftermijn: blijvend bewaren bij de regio"
    when = terms.archive_date(kind, closed_on) if closed_on else None
    return (f"archieftermijn: vernietigen na {term.years} jaar"
            + (f" (op of na {when:%d-%m-%Y})" if when else " na het sluiten van de casus"))


class Verdict(StrEnum):
    """What the retention check says about one closed case."""

    REMOVE = "REMOVE"
    TERM_RUNNING = "TERM_RUNNING"
    NOT_CONFIRMED = "NOT_CONFIRMED"
    ESCALATION = "ESCALATION"
    HOLD = "HOLD"
    POSTPONED = "POSTPONED"


VERDICT_NL = {
    Verdict.REMOVE: "gaat weg: de termijn is voorbij en de regio heeft alles bevestigd",
    Verdict.TERM_RUNNING: "blijft: de lokale bewaartermijn loopt nog",
    Verdict.NOT_CONFIRMED: "blijft: de regio heeft nog niet elk document bevestigd",
    Verdict.ESCALATION: "blijft: er loopt een opschaling",
    Verdict.HOLD: "blijft: bewaren tot",
    Verdict.POSTPONED: "blijft: uitgesteld tot",
}


@dataclass(frozen=True)
class CaseFacts:
    """What the retention rule reads about one closed case (no personal data)."""

    case_id: str
    case_number: str
    opened_on: dt.date
    closed_on: dt.date
    confirmed_on: dt.date | None  # the last confirmation by the region (None: nothing to send)
    unconfirmed: int  # documents (or the zaak) the region has not confirmed
    open_escalations: int
    hold_until: dt.date | None = None
    hold_reason: str = ""
    postponed_until: dt.date | None = None
    postpone_reason: str = ""


@dataclass(frozen=True)
class Assessment:
    """One closed case: its verdict, from when the term runs, and the day it may go."""

    facts: CaseFacts
    verdict: Verdict
    due_on: dt.date

    @property
    def reason(self) -> str:
        """The verdict in Dutch (with its date for a hold or a postponement)."""
        text = VERDICT_NL[self.verdict]
        if self.verdict is Verdict.HOLD and self.facts.hold_until:
            return f"{text} {self.facts.hold_until:%d-%m-%Y} ({self.facts.hold_reason})"
        if self.verdict is Verdict.POSTPONED and self.facts.postponed_until:
            return f"{text} {self.facts.postponed_until:%d-%m-%Y} ({self.facts.postpone_reason})"
        if self.verdict is Verdict.TERM_RUNNING:
            return f"{text} (tot {self.due_on:%d-%m-%Y})"
        return text


def assess(facts: CaseFacts, local_weeks: int, today: dt.date) -> Assessment:
    """The rule: never before the region confirmed every document; a running escalation or a
    legal hold keeps the case; a postponement keeps it until its date; then the term counts from
    the later of closing and the last confirmation."""
    start = max(facts.closed_on, facts.confirmed_on or facts.closed_on)
    due = start + dt.timedelta(weeks=local_weeks)
    if facts.unconfirmed:
        verdict = Verdict.NOT_CONFIRMED
    elif facts.open_escalations:
        verdict = Verdict.ESCALATION
    elif facts.hold_until and facts.hold_until >= today:
        verdict = Verdict.HOLD
    elif today < due:
        verdict = Verdict.TERM_RUNNING
    elif facts.postponed_until and facts.postponed_until >= today:
        verdict = Verdict.POSTPONED
    else:
        verdict = Verdict.REMOVE
    return Assessment(facts, verdict, due)


def redacted_item(item: AgendaItem) -> AgendaItem:
    """An agenda item without personal data: who took part, their words and scores, the plan's
    texts and names go; the decision's kind and dates and each agreement's kind, dates and status
    stay (the kengetallen count them)."""
    decision = item.decision
    kept_decision = None if decision is None else Decision(
        kind=decision.kind, chair_disagrees=decision.chair_disagrees,
        institution_id=decision.institution_id, evaluation_date=decision.evaluation_date,
        decided_on=decision.decided_on, decided_at=decision.decided_at)
    agreements = [a.model_copy(update={"text": "", "consequence": None, "owner": REMOVED})
                  for a in item.agreements]
    return AgendaItem(id=item.id, case_id=item.case_id, position=item.position,
                      planned_start=item.planned_start, opened_by_chair=item.opened_by_chair,
                      reported_to_secretary=item.reported_to_secretary, decision=kept_decision,
                      agreements=agreements, next_moment=item.next_moment)


def redacted_meeting(meeting: Meeting) -> Meeting:
    """A meeting header without the family's address (a meeting at the family's home)."""
    if meeting.location_kind is not LocationKind.FAMILY_HOME:
        return meeting
    return meeting.model_copy(update={"location_text": None})


def redacted_minutes_text() -> MinutesText:
    """Notulen text once removed: empty (the PDF is held by the region)."""
    return MinutesText()


def redacted_escalation(escalation: Escalation) -> Escalation:
    """A finished escalation without its texts and names (status and dates stay)."""
    return escalation.model_copy(update={
        "stuck": "", "partners": [], "attempts": [], "question": "", "decision": "",
        "follow_up": [], "depseudonymise_reason": None})
