"""SQL for escalations (with their signed dossier PDF) and signals."""

from __future__ import annotations

from tafelapp.domain.escalation import Escalation, Signal
from tafelapp.store.connection import Connection


def save(conn: Connection, escalation: Escalation, dossier: bytes | None = None) -> None:
    """Insert or update an escalation; `dossier` replaces the stored signed PDF when given."""
    conn.execute("INSERT INTO escalations (id, case_id, zaak_url, status, record, created_on) "
                 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                 "status = excluded.status, record = excluded.record",
                 (escalation.id, escalation.case_id,
                  escalation.region.zaak_url if escalation.region else None,
                  escalation.status.value,
                  escalation.model_dump_json(), escalation.created_on.isoformat()))
    if dossier is not None:
        conn.execute("UPDATE escalations SET dossier = ? WHERE id = ?", (dossier, escalation.id))


def get(conn: Connection, escalation_id: str) -> Escalation | None:
    """One escalation."""
    row = conn.execute("SELECT record FROM escalations WHERE id = ?", (escalation_id,)).fetchone()
    return Escalation.model_validate_json(row[0]) if row else None


def dossier(conn: Connection, escalation_id: str) -> bytes | None:
    """The signed dossier PDF, once made."""
    row = conn.execute("SELECT dossier FROM escalations WHERE id = ?", (escalation_id,)).fetchone()
    return bytes(row[0]) if row and row[0] is not None else None


def all_escalations(conn: Connection, status: str | None = None,
                    case_id: str | None = None,
                    zaak_url: str | None = None) -> list[Escalation]:
    """Escalations, oldest first, optionally by status, case or region zaak."""
    where, params = [], []
    if status:
        where.append("status = ?")
        params.append(status)
    if case_id:
        where.append("case_id = ?")
        params.append(case_id)
    if zaak_url:
        where.append("zaak_url = ?")
        params.append(zaak_url)
    sql = "SELECT record FROM escalations" + (f" WHERE {' AND '.join(where)}" if where else "")
    return [Escalation.model_validate_json(r[0])
            for r in conn.execute(sql + " ORDER BY created_on, id", params).fetchall()]


def save_signal(conn: Connection, signal: Signal) -> None:
    """Insert or update a signal."""
    conn.execute("INSERT INTO signals (id, table_id, record, recorded_on) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET record = excluded.record",
                 (signal.id, signal.table_id, signal.model_dump_json(),
                  signal.recorded_on.isoformat()))


def signals(conn: Connection, only_on_agenda: bool = False) -> list[Signal]:
    """Signals, oldest first."""
    found = [Signal.model_validate_json(r[0]) for r in conn.execute(
        "SELECT record FROM signals ORDER BY recorded_on, id").fetchall()]
    return [s for s in found if s.on_agenda] if only_on_agenda else found
