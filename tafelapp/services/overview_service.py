"""Read use cases for the overview and agenda screens: each screen's data in one call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tafelapp.domain.enums import CaseStatus
from tafelapp.domain.meeting import Meeting
from tafelapp.domain.models import Table
from tafelapp.domain.summaries import CaseSummary, MeetingSummary
from tafelapp.services import case_service, meeting_service, table_service
from tafelapp.services.session import Session
from tafelapp.store import meeting_repo

RECENT_DAYS = 120  # notulen are finished days or weeks later; keep those meetings in reach


@dataclass(frozen=True)
class Overview:
    """The tables, the meetings from four months ago onwards, and every case."""

    tables: list[Table]
    meetings: list[MeetingSummary]
    cases: list[CaseSummary]


def overview(session: Session) -> Overview:
    """What the overview screen shows."""
    since = session.today() - dt.timedelta(days=RECENT_DAYS)
    return Overview(table_service.list_tables(session),
                    meeting_service.list_meetings(session, since=since),
                    case_service.list_cases(session))


@dataclass(frozen=True)
class Agenda:
    """A meeting with its table, the case numbers on it, and the open cases that can be added."""

    meeting: Meeting
    table: Table
    case_numbers: dict[str, str]
    candidates: list[CaseSummary]


def agenda(session: Session, meeting_id: str) -> Agenda:
    """What the agenda screen shows."""
    meeting = meeting_service.get_meeting(session, meeting_id)
    table = table_service.get_table(session, meeting.table_id)
    cases = case_service.list_cases(session, table_id=table.id)
    numbers = {c.id: f"{c.case_number} — gezin {c.family_name}" for c in cases}
    on_agenda = {i.case_id for i in meeting.agenda}
    candidates = [c for c in cases if c.id not in on_agenda and c.status == CaseStatus.OPEN.value]
    return Agenda(meeting, table, numbers, candidates)


def latest_discussion(session: Session, case_id: str) -> tuple[str, str] | None:
    """(meeting id, agenda item id) of the most recent meeting that has this case on its agenda."""
    meetings = meeting_repo.meetings_for_case(session.conn, case_id)
    if not meetings:
        return None
    last = meetings[-1]
    return last.id, last.agenda[0].id
