"""SQL for the outbox: documents waiting to be delivered to the regional server."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tafelapp.store.connection import Connection


@dataclass(frozen=True)
class OutboxItem:
    """One document to deliver, with its fixed `identificatie` and delivery state."""

    id: str
    kind: str
    ref_id: str
    identificatie: str
    state: str
    attempts: int
    next_attempt_at: str
    last_error: str | None
    server_url: str | None
    created_at: str


def queue(conn: Connection, item_id: str, kind: str, ref_id: str, identificatie: str,
          now: dt.datetime) -> None:
    """Queue a document once (queuing the same document again changes nothing)."""
    conn.execute("INSERT INTO outbox (id, kind, ref_id, identificatie, state, attempts, "
                 "next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'queued', 0, ?, ?) "
                 "ON CONFLICT(kind, ref_id) DO NOTHING",
                 (item_id, kind, ref_id, identificatie, now.isoformat(), now.isoformat()))


def all_items(conn: Connection) -> list[OutboxItem]:
    """Every outbox item, oldest first."""
    rows = conn.execute("SELECT id, kind, ref_id, identificatie, state, attempts, "
                        "next_attempt_at, last_error, server_url, created_at FROM outbox "
                        "ORDER BY created_at").fetchall()
    return [OutboxItem(*tuple(r)) for r in rows]
