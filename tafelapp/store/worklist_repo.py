"""SQL for the work list: the narrow case_watch table and the open dues inside today's horizon."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from tafelapp.domain.worklist import CaseWatch, Horizon, LeadState, OpenDue
from tafelapp.store.connection import Connection

_LEAD = {state.value: state for state in LeadState}


class _Dates(dict[str, dt.date]):
    """ISO text to date, parsed once per distinct value (thousands of rows share a few hundred)."""

    def __missing__(self, text: str) -> dt.date:
        value = self[text] = dt.date.fromisoformat(text)
        return value


def _rows(conn: Connection, sql: str, params: list[object]) -> list[tuple[Any, ...]]:
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: tens of thousands of rows
    return cursor.execute(sql, params).fetchall()  # type: ignore[no-any-return]


def _table_filter(table_id: str | None, params: list[object]) -> str:
    if table_id is None:
        return ""
    params.append(table_id)
    return " AND w.table_id = ?"


def watched_cases(conn: Connection, horizon: Horizon,
                  table_id: str | None = None) -> Iterator[CaseWatch]:
    """Open cases that may need attention for a reason without a due date (others are not read)."""
    dates = _Dates()
    params: list[object] = [horizon.lead_since_before.isoformat(),
                            horizon.quiet_before.isoformat()]
    sql = ("SELECT w.case_id, w.case_number, t.name, w.progress_on, w.lead, w.lead_since, "
           "w.disagreed_on FROM case_watch w JOIN tables t ON t.id = w.table_id "
           "WHERE w.status = 'OPEN' AND (w.lead = 'NONE' "
           "OR (w.lead = 'PENDING' AND w.lead_since < ?) OR w.progress_on < ? "
           "OR w.disagreed_on IS NOT NULL)" + _table_filter(table_id, params))
    for case_id, number, table, progress, lead, since, disagreed in _rows(conn, sql, params):
        yield CaseWatch(case_id, number, table, dates[progress], _LEAD[lead],
                        dates[since] if since else None, dates[disagreed] if disagreed else None)


def open_dues(conn: Connection, horizon: Horizon, table_id: str | None = None) -> Iterator[OpenDue]:
    """Open agreements and terms of open cases that are overdue or due within the horizon."""
    dates = _Dates()
    params: list[object] = [horizon.due_before.isoformat()]
    agreements = ("SELECT w.case_id, w.case_number, t.name, g.due_date, g.owner, 1, g.id "
                  "FROM agreements g JOIN agenda_items a ON a.id = g.agenda_item_id "
                  "JOIN case_watch w ON w.case_id = a.case_id JOIN tables t ON t.id = w.table_id "
                  "WHERE g.status = 'OPEN' AND g.due_date < ? AND w.status = 'OPEN' "
                  "AND NOT EXISTS (SELECT 1 FROM agreement_followups f "  # followed up: done
                  "WHERE f.agreement_id = g.id)"
                  + _table_filter(table_id, params))
    params.append(horizon.due_before.isoformat())
    terms = ("SELECT w.case_id, w.case_number, t.name, d.due_on, d.kind, 0, d.id "
             "FROM deadlines d JOIN case_watch w ON w.case_id = d.case_id "
             "JOIN tables t ON t.id = w.table_id "
             "WHERE d.done_on IS NULL AND d.due_on < ? AND w.status = 'OPEN'"
             + _table_filter(table_id, params))
    for case_id, number, table, due, what, agreement, ref in _rows(
            conn, f"{agreements} UNION ALL {terms}", params):
        yield OpenDue(case_id, number, table, dates[due], what, bool(agreement), ref)


def watch_mismatches(conn: Connection) -> list[str]:
    """Case numbers whose case_watch row differs from what the cases table says (should be none)."""
    rows = conn.execute(
        "SELECT case_number FROM (SELECT * FROM case_watch_source EXCEPT SELECT * FROM case_watch) "
        "UNION SELECT case_number FROM (SELECT * FROM case_watch EXCEPT "
        "SELECT * FROM case_watch_source) ORDER BY case_number").fetchall()
    return [r[0] for r in rows]
