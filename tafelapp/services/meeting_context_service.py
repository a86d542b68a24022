"""Read use cases for meeting mode: everything one screen needs, in one call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tafelapp.domain.family_summary import FamilySummary, family_summary
from tafelapp.domain.followup import AgreementFollowUp
from tafelapp.domain.meeting import AgendaItem, Meeting, Participant
from tafelapp.domain.models import Case, Table
from tafelapp.domain.problems import Problem
from tafelapp.domain.rules.decision import allowed_decisions, decision_citation
from tafelapp.domain.rules.jbt import jbt_condition_problems
from tafelapp.domain.rules.voice import voices_expected
from tafelapp.domain.steps import MeetingStep, step_problems
from tafelapp.services import followup_service
from tafelapp.services.case_service import get_case
from tafelapp.services.directory_service import Directory, directory
from tafelapp.services.followup_service import EarlierAgreement
from tafelapp.services.meeting_service import locate_item, meetings_for_case
from tafelapp.services.session import Session
from tafelapp.services.table_service import get_table
from tafelapp.store import meeting_repo
from tafelapp.store.connection import Connection


@dataclass(frozen=True)
class ScorePoint:
    """One respondent's score at one meeting."""

    date: dt.date
    respondent: str
    role: str
    score: int


@dataclass(frozen=True)
class MeetingContext:
    """One agenda item with its meeting, case and table, what each step lacks, and score history."""

    meeting: Meeting
    item: AgendaItem
    case: Case
    table: Table
    steps: dict[MeetingStep, list[Problem]]
    not_jbt_reasons: list[Problem]
    allowed_decisions: dict[str, str | None]
    decision_citation: str | None
    score_history: list[ScorePoint]
    book: Directory = field(default_factory=lambda: Directory([], []))
    earlier: list[EarlierAgreement] = field(default_factory=list)  # to follow up, with status
    followups_here: list[AgreementFollowUp] = field(default_factory=list)

    def family_members(self) -> list[Participant]:
        """Whose own voice this discussion records: each parent and young person of 12+."""
        return voices_expected(self.item, self.case, self.meeting.date)

    def followed_up_here(self) -> list[tuple[EarlierAgreement, AgreementFollowUp]]:
        """The follow-ups recorded in this discussion, each with its afspraak (for the notulen)."""
        by_id = {e.agreement.id: e for e in self.earlier}
        return [(by_id[f.agreement_id], f) for f in self.followups_here
                if f.agreement_id in by_id]

    def people_choices(self) -> list[tuple[str, str, str]]:
        """(id, label, name) of the address book, for the pickers of meeting mode."""
        return [(p.id, self.book.label(p), p.name) for p in self.book.people]

    def owner_names(self) -> list[str]:
        """Who can own an agreement: this discussion's participants, then the address book."""
        names = ["Ouders", "Gezin", *(p.name for p in self.item.participants)]
        return names + [p.name for p in self.book.people if p.name not in names]

    @property
    def is_jbt_table(self) -> bool:
        """Whether this is a Jeugdbeschermingstafel (else a ZVT)."""
        return self.table.kind.value == "JBT"


def score_history(conn: Connection, case_id: str, before: dt.date) -> list[ScorePoint]:
    """Scores of earlier meetings of this case (oldest first), by respondent."""
    points = []
    for meeting in meeting_repo.meetings_for_case(conn, case_id):
        if meeting.date >= before:
            continue
        for item in meeting.agenda:
            names = {p.id: p for p in item.participants}
            for answer in item.scaling_answers:
                person = names.get(answer.participant_id)
                if person is not None:
                    points.append(ScorePoint(meeting.date, person.name, person.role.value,
                                             answer.score))
    return points


def previous_discussion(conn: Connection, case_id: str, meeting: Meeting
                        ) -> tuple[Meeting, AgendaItem] | None:
    """The latest earlier discussion of a case (before this meeting), if any."""
    earlier = [m for m in meeting_repo.meetings_for_case(conn, case_id)
               if m.id != meeting.id and (m.date, m.start or dt.time(0)) <= (
                   meeting.date, meeting.start or dt.time(23, 59))]
    if not earlier:
        return None
    latest = max(earlier, key=lambda m: (m.date, m.start or dt.time(0)))
    item = latest.item_for_case(case_id)
    return (latest, item) if item else None


def meeting_context(session: Session, item_id: str) -> MeetingContext:
    """Everything meeting mode shows for one agenda item, computed by the domain rules."""
    meeting, item = locate_item(session, item_id)
    case = get_case(session, item.case_id)
    table = get_table(session, meeting.table_id)
    route = case.referral.route if case.referral else None
    jbt = table.kind.value == "JBT"
    followups = followup_service.case_followups(session, case.id)  # one read for both lists
    return MeetingContext(
        meeting=meeting, item=item, case=case, table=table,
        steps=step_problems(meeting, item, case, table),
        not_jbt_reasons=jbt_condition_problems(item, route) if jbt else [],
        allowed_decisions={k.value: v for k, v in allowed_decisions(route).items()},
        decision_citation=decision_citation(item.decision, route) if item.decision else None,
        score_history=score_history(session.conn, case.id, meeting.date),
        book=directory(session),
        earlier=followup_service.earlier_agreements(session, case.id, meeting.date, followups),
        followups_here=[f for f in followups if f.agenda_item_id == item_id],
    )


def family_summary_for(session: Session, item_id: str) -> FamilySummary:
    """The Gezinsoverzicht of one agenda item: with the organisations' phone numbers and
    complaints routes from the address book, and the case's next planned meeting."""
    ctx = meeting_context(session, item_id)
    later = sorted((m for m in meetings_for_case(session, ctx.case.id)
                    if m.date > ctx.meeting.date), key=lambda m: m.date)
    phones = {p.name: p.phone for p in ctx.book.people if p.phone}
    return family_summary(ctx.meeting, ctx.item, ctx.case, ctx.table, ctx.book.organisations,
                          later[0] if later else None, phones)
