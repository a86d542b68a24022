"""SQL for the quarterly figures: counts and date pairs per table, never names."""

from __future__ import annotations

import datetime as dt

from tafelapp.store.connection import Connection


def counts(conn: Connection, sql: str, params: list[object]) -> dict[str, int]:
    """`SELECT key, count(*) … GROUP BY key` as a dict."""
    return {str(r[0]): int(r[1]) for r in conn.execute(sql, params).fetchall()}


def inflow_by_route(conn: Connection, table_id: str, start: dt.date, end: dt.date) \
        -> dict[str, int]:
    """Referrals per route with a date in the period."""
    return counts(conn, "SELECT r.route, count(*) FROM referrals r JOIN cases c ON c.id = r.case_id "
                  "WHERE c.table_id = ? AND r.date BETWEEN ? AND ? GROUP BY r.route",
                  [table_id, start.isoformat(), end.isoformat()])


def decisions_by_type(conn: Connection, table_id: str, start: dt.date, end: dt.date) \
        -> dict[str, int]:
    """Decisions per kind taken in the period."""
    return counts(conn, "SELECT d.kind, count(*) FROM decisions d JOIN agenda_items a "
                  "ON a.id = d.agenda_item_id JOIN meetings m ON m.id = a.meeting_id "
                  "WHERE m.table_id = ? AND d.decided_on BETWEEN ? AND ? GROUP BY d.kind",
                  [table_id, start.isoformat(), end.isoformat()])


def referral_first_meeting(conn: Connection, table_id: str, start: dt.date, end: dt.date) \
        -> list[tuple[dt.date, dt.date]]:
    """(referral date, first meeting date) for cases whose first meeting is in the period."""
    rows = conn.execute(
        "SELECT r.date, min(m.date) AS first FROM referrals r JOIN cases c ON c.id = r.case_id "
        "JOIN agenda_items a ON a.case_id = c.id JOIN meetings m ON m.id = a.meeting_id "
        "WHERE c.table_id = ? GROUP BY c.id HAVING first BETWEEN ? AND ?",
        [table_id, start.isoformat(), end.isoformat()]).fetchall()
    return [(dt.date.fromisoformat(r[0]), dt.date.fromisoformat(r[1])) for r in rows]


def meeting_signed(conn: Connection, table_id: str, start: dt.date, end: dt.date) \
        -> list[tuple[dt.date, dt.date]]:
    """(meeting date, date the notulen became final) for notulen finalised in the period."""
    rows = conn.execute(
        "SELECT m.date, substr(n.finalised_at, 1, 10) FROM minutes n "
        "JOIN meetings m ON m.id = n.meeting_id WHERE m.table_id = ? AND n.kind = 'MINUTES' "
        "AND n.finalised_at IS NOT NULL AND substr(n.finalised_at, 1, 10) BETWEEN ? AND ?",
        [table_id, start.isoformat(), end.isoformat()]).fetchall()
    return [(dt.date.fromisoformat(r[0]), dt.date.fromisoformat(r[1])) for r in rows]


def agreements_due(conn: Connection, table_id: str, start: dt.date, end: dt.date) \
        -> tuple[int, int]:
    """(agreements due in the period, of which done on or before their date)."""
    row = conn.execute(
        "SELECT count(*), sum(g.status = 'DONE' AND g.done_on <= g.due_date) FROM agreements g "
        "JOIN agenda_items a ON a.id = g.agenda_item_id JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.table_id = ? AND g.due_date BETWEEN ? AND ? AND g.status != 'CANCELLED'",
        [table_id, start.isoformat(), end.isoformat()]).fetchone()
    return int(row[0] or 0), int(row[1] or 0)


def case_lead_changes(conn: Connection, table_id: str, start: dt.date, end: dt.date) -> int:
    """Case leads that started in the period and were not the first of their case."""
    row = conn.execute(
        "SELECT count(*) FROM case_leads l JOIN cases c ON c.id = l.case_id WHERE c.table_id = ? "
        "AND l.since BETWEEN ? AND ? AND l.position > 0",
        [table_id, start.isoformat(), end.isoformat()]).fetchone()
    return int(row[0] or 0)


def escalations_by_status(conn: Connection, table_id: str, start: dt.date, end: dt.date) \
        -> dict[str, int]:
    """Escalations started in the period, per current status."""
    return counts(conn, "SELECT e.status, count(*) FROM escalations e JOIN cases c "
                  "ON c.id = e.case_id WHERE c.table_id = ? AND e.created_on BETWEEN ? AND ? "
                  "GROUP BY e.status", [table_id, start.isoformat(), end.isoformat()])
