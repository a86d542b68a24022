"""Read models for lists: one line per case or meeting, with stable keys for `--json`."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel


class CaseSummary(BaseModel):
    """One line of the case list."""

    id: str
    case_number: str
    table_id: str
    table_name: str
    table_kind: str
    family_name: str
    status: str
    opened_on: dt.date
    children: int
    route: str | None
    next_due: dt.date | None
    search_text: str = ""


class MeetingSummary(BaseModel):
    """One line of the meeting list."""

    id: str
    table_id: str
    table_name: str
    table_kind: str
    date: dt.date
    start: dt.time | None
    location_kind: str
    chair: str
    cases: int
