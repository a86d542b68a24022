"""SQL for the append-only, hash-chained audit log."""

from __future__ import annotations

import json

from tafelapp.domain.audit import GENESIS, AuditRecord, record_hash
from tafelapp.store.connection import Connection


def append(conn: Connection, at: str, actor: str, action: str, entity: str, entity_id: str,
           fields: list[str]) -> AuditRecord:
    """Add one record at the end of the chain (inside the caller's transaction)."""
    head_row = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    seq, prev = (int(head_row[0]) + 1, str(head_row[1])) if head_row else (1, GENESIS)
    fields_sorted = sorted(set(fields))
    digest = record_hash(seq, at, actor, action, entity, entity_id, fields_sorted, prev)
    conn.execute("INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, fields, "
                 "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (seq, at, actor, action, entity, entity_id, json.dumps(fields_sorted), prev,
                  digest))
    conn.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                 (seq, digest))
    return AuditRecord(seq, at, actor, action, entity, entity_id, tuple(fields_sorted), prev,
                       digest)


def all_records(conn: Connection) -> list[AuditRecord]:
    """Every record in order."""
    return [AuditRecord(r["seq"], r["at"], r["actor"], r["action"], r["entity"], r["entity_id"],
                        tuple(json.loads(r["fields"])), r["prev_hash"], r["hash"])
            for r in conn.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()]


def head(conn: Connection) -> tuple[int, str] | None:
    """The sequence number and hash of the last record, as remembered by the head row."""
    row = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None


def first_hash(conn: Connection) -> str | None:
    """The hash of the first record (names this vault's chain)."""
    row = conn.execute("SELECT hash FROM audit_log ORDER BY seq LIMIT 1").fetchone()
    return str(row[0]) if row else None
