"""SQL for the bewaartermijn: facts of closed cases, holds, postponements, tombstones, removal."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from tafelapp.domain.retention import CaseFacts
from tafelapp.store.connection import Connection

# One pass over the closed cases that still hold personal data. closed_on: the audited close
# (else the last progress, else the opening); confirmed_on: the last delivery the region
# confirmed of one of the case's documents (its notulen, escalations and its zaak).
_FACTS = """
WITH closed_cases AS (
    SELECT id FROM cases c WHERE status = 'CLOSED'
        AND NOT EXISTS (SELECT 1 FROM case_removals r WHERE r.case_id = c.id)),
closed AS (
    SELECT entity_id AS case_id, max(at) AS at FROM audit_log
    WHERE action = 'case.close' AND entity = 'case' GROUP BY entity_id),
docs AS (
    SELECT m.case_id, m.status, o.id AS outbox_id, o.state FROM minutes m
        JOIN closed_cases k ON k.id = m.case_id
        LEFT JOIN outbox o ON o.kind = 'minutes' AND o.ref_id = m.id
        WHERE m.status != 'DRAFT'
    UNION ALL
    -- a new archive version of notulen on its way to the region: the PDF must stay until sent
    SELECT m.case_id, m.status, o.id, o.state FROM minutes m
        JOIN closed_cases k ON k.id = m.case_id
        JOIN outbox o ON o.kind = 'renewal' AND o.ref_id = m.id
    UNION ALL
    SELECT e.case_id, e.status, o.id, o.state FROM escalations e
        JOIN closed_cases k ON k.id = e.case_id
        LEFT JOIN outbox o ON o.kind = 'escalation' AND o.ref_id = e.id
        WHERE e.dossier IS NOT NULL OR o.id IS NOT NULL
    UNION ALL
    SELECT o.ref_id, 'ZAAK', o.id, o.state FROM outbox o
        JOIN closed_cases k ON k.id = o.ref_id WHERE o.kind = 'case'),
doc_state AS (
    SELECT d.case_id,
           sum(d.state IS NULL OR d.state != 'delivered' OR d.status = 'SIGNING') AS unconfirmed,
           max((SELECT max(a.at) FROM outbox_attempts a WHERE a.outbox_id = d.outbox_id
                AND a.outcome = 'delivered')) AS confirmed_at
    FROM docs d GROUP BY d.case_id)
SELECT c.id, c.case_number, c.opened_on,
       coalesce(substr(cl.at, 1, 10), c.last_progress, c.opened_on) AS closed_on,
       substr(ds.confirmed_at, 1, 10), coalesce(ds.unconfirmed, 0)
           + (CASE WHEN :zaken AND EXISTS (SELECT 1 FROM zaak_dirty z WHERE z.case_id = c.id)
              THEN 1 ELSE 0 END),
       (SELECT count(*) FROM escalations e WHERE e.case_id = c.id AND e.status != 'CLOSED'),
       h.until, h.reason, p.until, p.reason
FROM closed_cases k JOIN cases c ON c.id = k.id
    LEFT JOIN closed cl ON cl.case_id = c.id
    LEFT JOIN doc_state ds ON ds.case_id = c.id
    LEFT JOIN retention_holds h ON h.case_id = c.id
    LEFT JOIN retention_postponements p ON p.case_id = c.id
WHERE 1
"""


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def closed_case_facts(conn: Connection, zaken_configured: bool,
                      case_id: str | None = None) -> Iterator[CaseFacts]:
    """The retention facts of every closed case not yet removed (or of one)."""
    sql = _FACTS + (" AND c.id = :case" if case_id else "") + " ORDER BY c.case_number"
    cursor = conn.cursor()
    cursor.row_factory = None
    for row in cursor.execute(sql, {"zaken": int(zaken_configured), "case": case_id}):
        (cid, number, opened, closed, confirmed, unconfirmed, escalations, hold_until,
         hold_reason, post_until, post_reason) = row
        yield CaseFacts(cid, number, dt.date.fromisoformat(opened), dt.date.fromisoformat(closed),
                        _date(confirmed), int(unconfirmed or 0), int(escalations or 0),
                        _date(hold_until), hold_reason or "", _date(post_until),
                        post_reason or "")


def set_hold(conn: Connection, case_id: str, until: dt.date, reason: str, by: str,
             at: dt.datetime) -> None:
    """Bewaren tot …: keep the case until `until` (replaces an earlier hold)."""
    conn.execute("INSERT INTO retention_holds (case_id, until, reason, set_by, set_at) "
                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET until = "
                 "excluded.until, reason = excluded.reason, set_by = excluded.set_by, "
                 "set_at = excluded.set_at",
                 (case_id, until.isoformat(), reason, by, at.isoformat()))


def end_hold(conn: Connection, case_id: str) -> None:
    """Lift a legal hold."""
    conn.execute("DELETE FROM retention_holds WHERE case_id = ?", (case_id,))


def was_postponed(conn: Connection, case_id: str) -> bool:
    """Whether a clean-up of this case was postponed before (it may be, once)."""
    return conn.execute("SELECT 1 FROM retention_postponements WHERE case_id = ?",
                        (case_id,)).fetchone() is not None


def postpone(conn: Connection, case_id: str, until: dt.date, reason: str, by: str,
             at: dt.datetime) -> None:
    """Postpone the clean-up once (a second insert fails on the primary key)."""
    conn.execute("INSERT INTO retention_postponements (case_id, until, reason, set_by, set_at) "
                 "VALUES (?, ?, ?, ?, ?)", (case_id, until.isoformat(), reason, by,
                                            at.isoformat()))


def documents_at_region(conn: Connection, case_id: str) -> list[dict[str, Any]]:
    """Where each of the case's documents is held at the region, with its hashes."""
    rows = conn.execute(
        "SELECT m.number, m.kind, m.status, m.finalised_at, m.document_sha256, m.record_sha256, "
        "o.identificatie, o.server_url FROM minutes m LEFT JOIN outbox o "
        "ON o.kind = 'minutes' AND o.ref_id = m.id WHERE m.case_id = ? AND m.status = 'FINAL' "
        "ORDER BY m.created_at", (case_id,)).fetchall()
    docs = [{"number": r[0], "kind": r[1], "status": r[2], "finalised_at": r[3],
             "document_sha256": r[4], "record_sha256": r[5], "identificatie": r[6],
             "server_url": r[7]} for r in rows]
    zaak = conn.execute("SELECT identificatie, server_url FROM outbox WHERE kind = 'case' AND "
                        "ref_id = ?", (case_id,)).fetchone()
    if zaak:
        docs.append({"kind": "ZAAK", "identificatie": zaak[0], "server_url": zaak[1]})
    for row in conn.execute("SELECT o.identificatie, o.server_url FROM escalations e JOIN outbox "
                            "o ON o.kind = 'escalation' AND o.ref_id = e.id WHERE e.case_id = ?",
                            (case_id,)).fetchall():
        docs.append({"kind": "ESCALATION", "identificatie": row[0], "server_url": row[1]})
    return docs


def write_tombstone(conn: Connection, facts: CaseFacts, at: dt.datetime, by: str,
                    term_days: int, documents: list[dict[str, Any]]) -> None:
    """The minimal record that stays: number, dates, where the documents are, their hashes."""
    conn.execute("INSERT INTO case_removals (case_id, case_number, opened_on, closed_on, "
                 "confirmed_on, removed_at, removed_by, term_days, documents) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (facts.case_id, facts.case_number, facts.opened_on.isoformat(),
                  facts.closed_on.isoformat(),
                  (facts.confirmed_on or facts.closed_on).isoformat(), at.isoformat(), by,
                  term_days, json.dumps(documents, sort_keys=True)))


def remove_case_rows(conn: Connection, case_id: str, case_number: str) -> None:
    """The case's own personal data (family, children, melder, casusregie, notes) goes; the
    route, dates and kinds stay for the kengetallen. Only after the tombstone is written."""
    if not is_removed(conn, case_id):
        raise RuntimeError("the tombstone comes first")
    conn.execute("UPDATE cases SET family_name = '', family = '{}', search_key = ? WHERE id = ?",
                 (case_number.lower(), case_id))
    conn.execute("DELETE FROM children WHERE case_id = ?", (case_id,))
    conn.execute("UPDATE referrals SET referrer_person = '', summary = NULL WHERE case_id = ?",
                 (case_id,))
    conn.execute("UPDATE case_leads SET person = '', contact_note = NULL, person_id = NULL, "
                 "phone = NULL, email = NULL WHERE case_id = ?", (case_id,))
    conn.execute("UPDATE deadlines SET note = NULL WHERE case_id = ?", (case_id,))
    conn.execute("UPDATE agreement_followups SET said_by = '', note = '' WHERE case_id = ?",
                 (case_id,))
    conn.execute("DELETE FROM retention_holds WHERE case_id = ?", (case_id,))
    conn.execute("DELETE FROM retention_postponements WHERE case_id = ?", (case_id,))
    # the region holds the zaak as it was: nothing of the removal is published
    conn.execute("DELETE FROM zaak_dirty WHERE case_id = ?", (case_id,))


def remove_escalation_text(conn: Connection, escalation_id: str, record: str) -> None:
    """A finished escalation keeps status and dates; its texts and dossier PDF go."""
    conn.execute("UPDATE escalations SET record = ?, dossier = NULL WHERE id = ?",
                 (record, escalation_id))


def is_removed(conn: Connection, case_id: str) -> bool:
    """Whether the case's personal data was removed (a tombstone exists)."""
    return conn.execute("SELECT 1 FROM case_removals WHERE case_id = ?",
                        (case_id,)).fetchone() is not None


def tombstones(conn: Connection) -> list[dict[str, Any]]:
    """Every tombstone, by case number."""
    rows = conn.execute("SELECT case_id, case_number, opened_on, closed_on, confirmed_on, "
                        "removed_at, removed_by, term_days, documents FROM case_removals "
                        "ORDER BY case_number").fetchall()
    return [{**dict(zip(r.keys(), r, strict=True)), "documents": json.loads(r["documents"])}
            for r in rows]


def removed_ids(conn: Connection) -> set[str]:
    """Ids of every case whose personal data was removed."""
    return {str(r[0]) for r in conn.execute("SELECT case_id FROM case_removals").fetchall()}


def closed_on(conn: Connection, case_id: str) -> dt.date | None:
    """The day the case was closed (its last audited close), None while it is open."""
    row = conn.execute("SELECT status, last_progress, opened_on FROM cases WHERE id = ?",
                       (case_id,)).fetchone()
    if row is None or row[0] != "CLOSED":
        return None  # open: the audit log is not read
    closed = conn.execute("SELECT max(at) FROM audit_log WHERE action = 'case.close' AND "
                          "entity = 'case' AND entity_id = ?", (case_id,)).fetchone()[0]
    return dt.date.fromisoformat(str(closed or row[1] or row[2])[:10])
