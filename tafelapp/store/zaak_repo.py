"""SQL for publishing cases as zaken: the facts of one case, the dirty cases, the confirmed parts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tafelapp.store.connection import Connection


@dataclass(frozen=True)
class CaseCourse:
    """The dated facts of one case's course, as the store keeps them."""

    discussed_on: dt.date | None
    decisions: list[tuple[str, dt.date]]  # (DecisionKind, decided_on), oldest first
    plan_on: dt.date | None
    progress_on: dt.date | None
    disagreed_on: dt.date | None
    open_agreements: list[tuple[str, dt.date]]
    open_terms: list[tuple[str, dt.date]]
    documents: list[tuple[str, str]]  # (minutes id, URL of the delivered document)


def _date(text: object) -> dt.date | None:
    return dt.date.fromisoformat(str(text)[:10]) if text else None


def course(conn: Connection, case_id: str, today: dt.date) -> CaseCourse:
    """Meetings held, decisions, plan of approach, open dues and delivered notulen of one case."""
    day = today.isoformat()
    discussed = conn.execute(
        "SELECT min(m.date) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE a.case_id = ? AND m.date <= ?", (case_id, day)).fetchone()[0]
    decisions = [(str(kind), dt.date.fromisoformat(on)) for kind, on in conn.execute(
        "SELECT x.kind, x.decided_on FROM decisions x JOIN agenda_items a "
        "ON a.id = x.agenda_item_id WHERE a.case_id = ? ORDER BY x.decided_on, a.id",
        (case_id,)).fetchall()]
    plan_on = conn.execute(
        "SELECT min(m.date) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE a.case_id = ? AND a.plan_of_approach <> '' AND m.date <= ?",
        (case_id, day)).fetchone()[0]
    watch = conn.execute("SELECT progress_on, disagreed_on FROM case_watch WHERE case_id = ?",
                         (case_id,)).fetchone()
    agreements = [(str(i), dt.date.fromisoformat(d)) for i, d in conn.execute(
        "SELECT g.id, g.due_date FROM agreements g JOIN agenda_items a "
        "ON a.id = g.agenda_item_id WHERE a.case_id = ? AND g.status = 'OPEN' "
        "AND g.due_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agreement_followups f "
        "WHERE f.agreement_id = g.id)", (case_id,)).fetchall()]
    terms = [(str(k), dt.date.fromisoformat(d)) for k, d in conn.execute(
        "SELECT kind, due_on FROM deadlines WHERE case_id = ? AND done_on IS NULL",
        (case_id,)).fetchall()]
    documents = [(str(m), str(u)) for m, u in conn.execute(
        "SELECT m.id, o.server_url FROM minutes m JOIN outbox o ON o.kind = 'minutes' "
        "AND o.ref_id = m.id WHERE m.case_id = ? AND o.state = 'delivered' "
        "AND o.server_url IS NOT NULL ORDER BY m.created_at, m.id", (case_id,)).fetchall()]
    return CaseCourse(_date(discussed), decisions, _date(plan_on),
                      _date(watch[0]) if watch else None, _date(watch[1]) if watch else None,
                      agreements, terms, documents)


def dirty_cases(conn: Connection, kinds: tuple[str, ...],
                limit: int = 1000) -> list[tuple[str, str]]:
    """Cases of these table kinds whose zaak may differ from the region's (id, case number);
    a case of a kind without a zaaktype stays marked until the region names one."""
    return [(str(i), str(n)) for i, n in conn.execute(
        "SELECT d.case_id, c.case_number FROM zaak_dirty d JOIN cases c ON c.id = d.case_id "
        f"JOIN tables t ON t.id = c.table_id WHERE t.kind IN ({', '.join('?' * len(kinds))}) "
        "LIMIT ?", (*kinds, limit)).fetchall()]


def forget_dirty(conn: Connection, case_ids: list[str]) -> None:
    """The cases were queued for publishing."""
    conn.executemany("DELETE FROM zaak_dirty WHERE case_id = ?", [(i,) for i in case_ids])


def parts(conn: Connection, case_id: str) -> dict[str, str]:
    """What the region confirmed it holds of this case's zaak (part -> URL)."""
    return {str(p): str(u) for p, u in conn.execute(
        "SELECT part, url FROM zaak_parts WHERE case_id = ?", (case_id,)).fetchall()}


def keep_parts(conn: Connection, case_id: str, confirmed: dict[str, str],
               dropped: list[str]) -> None:
    """Record newly confirmed parts; forget parts the region no longer holds (or that changed)."""
    conn.executemany("DELETE FROM zaak_parts WHERE case_id = ? AND part = ?",
                     [(case_id, p) for p in dropped])
    conn.executemany("INSERT INTO zaak_parts (case_id, part, url) VALUES (?, ?, ?) "
                     "ON CONFLICT(case_id, part) DO UPDATE SET url = excluded.url",
                     [(case_id, p, u) for p, u in confirmed.items()])


def local_cases(conn: Connection) -> tuple[set[str], set[str]]:
    """The id and the case number of every case this vault holds."""
    rows = conn.execute("SELECT id, case_number FROM cases").fetchall()
    return {str(r[0]) for r in rows}, {str(r[1]) for r in rows}
