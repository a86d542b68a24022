"""SQL for the work list: single-table reads joined in memory, so 50,000 cases stay fast."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.worklist import CASE_LEAD_ACCEPT_WORKING_DAYS, CaseFacts
from tafelapp.store.connection import Connection

# A generous calendar window: the exact working-day check happens in the domain.
_SOON_CALENDAR_DAYS = 14


def case_facts(conn: Connection, today: dt.date, stale_weeks: int,
               table_id: str | None = None) -> list[CaseFacts]:
    """The facts of every open case that may need attention (others are never built)."""
    tables = {r[0]: r[1] for r in conn.execute("SELECT id, name FROM tables").fetchall()}
    where = "status = 'OPEN'" + (" AND table_id = ?" if table_id else "")
    params = [table_id] if table_id else []
    cutoff = (today - dt.timedelta(weeks=stale_weeks)).isoformat()
    meta: dict[str, tuple[str, str, str | None, str]] = {
        r[0]: (r[1], r[2], r[3], r[4]) for r in conn.execute(
            f"SELECT id, case_number, table_id, last_progress, opened_on FROM cases "
            f"WHERE {where}", params).fetchall()}
    facts: dict[str, CaseFacts] = {}

    def fact(case_id: str) -> CaseFacts | None:
        found = facts.get(case_id)
        if found is None:
            info = meta.get(case_id)
            if info is None:
                return None  # closed, or another table
            found = facts[case_id] = CaseFacts(case_id, info[0], tables.get(info[1], ""))
        return found

    soon = (today + dt.timedelta(days=_SOON_CALENDAR_DAYS)).isoformat()
    for case_id, due, owner in conn.execute(
            "SELECT a.case_id, g.due_date, g.owner FROM agreements g JOIN agenda_items a "
            "ON a.id = g.agenda_item_id WHERE g.status = 'OPEN' AND g.due_date <= ?",
            (soon,)).fetchall():
        if (f := fact(case_id)) is not None:
            f.open_agreements.append((dt.date.fromisoformat(due), owner))
    for case_id, due, kind in conn.execute(
            "SELECT case_id, due_on, kind FROM deadlines WHERE done_on IS NULL AND due_on <= ?",
            (soon,)).fetchall():
        if (f := fact(case_id)) is not None:
            f.open_deadlines.append((dt.date.fromisoformat(due), kind))
    accept_cutoff = (today - dt.timedelta(days=CASE_LEAD_ACCEPT_WORKING_DAYS)).isoformat()
    for case_id, since in conn.execute(
            "SELECT case_id, since FROM case_leads WHERE ended_on IS NULL AND accepted = 0 "
            "AND since <= ?", (accept_cutoff,)).fetchall():
        if (f := fact(case_id)) is not None:
            f.lead_accepted, f.lead_since = False, dt.date.fromisoformat(since)
    for (case_id,) in conn.execute(
            "SELECT id FROM cases WHERE status = 'OPEN' AND id NOT IN "
            "(SELECT case_id FROM case_leads WHERE ended_on IS NULL)").fetchall():
        if (f := fact(case_id)) is not None:
            f.has_lead = False
    for case_id, (_n, _t, last, opened) in meta.items():
        if (last or opened) < cutoff and (f := fact(case_id)) is not None:
            f.last_progress = dt.date.fromisoformat(last) if last else None
            f.opened_on = dt.date.fromisoformat(opened)
    for case_id, decided in conn.execute(
            "SELECT a.case_id, max(x.decided_on) FROM decisions x JOIN agenda_items a "
            "ON a.id = x.agenda_item_id WHERE x.chair_disagrees = 1 GROUP BY a.case_id"
            ).fetchall():
        if (f := fact(case_id)) is not None:
            f.disagreed_on = dt.date.fromisoformat(decided)
    return list(facts.values())
