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


def queue_case(conn: Connection, case_id: str, identificatie: str, now: dt.datetime) -> None:
    """Queue a case's zaak for publishing, or put a published one back in the queue (due now); an
    item waiting out a backoff keeps its time, one being sent stays 'sending'."""
    at = now.isoformat()
    conn.execute("INSERT INTO outbox (id, kind, ref_id, identificatie, state, attempts, "
                 "next_attempt_at, created_at) VALUES (?, 'case', ?, ?, 'queued', 0, ?, ?) "
                 "ON CONFLICT(kind, ref_id) DO UPDATE SET "
                 "state = CASE WHEN state = 'sending' THEN 'sending' ELSE 'queued' END, "
                 "next_attempt_at = CASE WHEN state IN ('queued', 'sending') "
                 "THEN next_attempt_at ELSE excluded.next_attempt_at END",
                 (f"out-case-{case_id}", case_id, identificatie, at, at))


def queue_renewal(conn: Connection, minutes_id: str, identificatie: str,
                  now: dt.datetime) -> None:
    """Queue (or queue again, due now) the new archive version of delivered notulen: one item
    per notulen (kind 'renewal'), which always sends the newest local version."""
    at = now.isoformat()
    conn.execute("INSERT INTO outbox (id, kind, ref_id, identificatie, state, attempts, "
                 "next_attempt_at, created_at) VALUES (?, 'renewal', ?, ?, 'queued', 0, ?, ?) "
                 "ON CONFLICT(kind, ref_id) DO UPDATE SET state = 'queued', attempts = 0, "
                 "next_attempt_at = excluded.next_attempt_at, last_error = NULL",
                 (f"out-renewal-{minutes_id}", minutes_id, f"{identificatie}/archief", at, at))


def item_of(conn: Connection, kind: str, ref_id: str) -> OutboxItem | None:
    """The outbox item of one kind for one record, if any."""
    row = conn.execute("SELECT id, kind, ref_id, identificatie, state, attempts, "
                       "next_attempt_at, last_error, server_url, created_at FROM outbox "
                       "WHERE kind = ? AND ref_id = ?", (kind, ref_id)).fetchone()
    return OutboxItem(*tuple(row)) if row else None


def all_items(conn: Connection) -> list[OutboxItem]:
    """Every outbox item, oldest first."""
    rows = conn.execute("SELECT id, kind, ref_id, identificatie, state, attempts, "
                        "next_attempt_at, last_error, server_url, created_at FROM outbox "
                        "ORDER BY created_at").fetchall()
    return [OutboxItem(*tuple(r)) for r in rows]


def next_due(conn: Connection, now: dt.datetime,
             kinds: tuple[str, ...] = ("minutes", "escalation", "renewal")) -> OutboxItem | None:
    """The earliest queued (or interrupted 'sending') item of these kinds whose time has come."""
    row = conn.execute("SELECT id, kind, ref_id, identificatie, state, attempts, next_attempt_at, "
                       "last_error, server_url, created_at FROM outbox "
                       "WHERE state IN ('queued', 'sending') AND next_attempt_at <= ? "
                       f"AND kind IN ({', '.join('?' * len(kinds))}) "
                       "ORDER BY next_attempt_at LIMIT 1", (now.isoformat(), *kinds)).fetchone()
    return OutboxItem(*tuple(row)) if row else None


def set_state(conn: Connection, item_id: str, state: str, *, attempts: int | None = None,
              next_attempt_at: dt.datetime | None = None, last_error: str | None = None,
              server_url: str | None = None) -> None:
    """Change an item's delivery state (and what goes with it)."""
    sets: list[str] = ["state = ?"]
    params: list[object] = [state]
    for column, value in (("attempts", attempts), ("next_attempt_at", next_attempt_at),
                          ("last_error", last_error), ("server_url", server_url)):
        if value is not None:
            sets.append(f"{column} = ?")
            params.append(value.isoformat() if isinstance(value, dt.datetime) else value)
    if state == "delivered":
        sets.append("last_error = NULL")
    conn.execute(f"UPDATE outbox SET {', '.join(sets)} WHERE id = ?", [*params, item_id])


def log_attempt(conn: Connection, item_id: str, at: dt.datetime, outcome: str,
                http_status: int | None, message: str | None) -> None:
    """Add a line to an item's history."""
    conn.execute("INSERT INTO outbox_attempts (outbox_id, at, outcome, http_status, message) "
                 "VALUES (?, ?, ?, ?, ?)", (item_id, at.isoformat(), outcome, http_status, message))


def history(conn: Connection, item_id: str) -> list[tuple[str, str, int | None, str | None]]:
    """(at, outcome, http status, message) of every attempt, oldest first."""
    return [tuple(r) for r in conn.execute(
        "SELECT at, outcome, http_status, message FROM outbox_attempts WHERE outbox_id = ? "
        "ORDER BY id", (item_id,)).fetchall()]


def make_due_now(conn: Connection, now: dt.datetime, include_rejected: bool = False) -> int:
    """'Nu verzenden' (and 'Opnieuw proberen' for rejected and unconfirmed items): try at once
    (an unconfirmed item is looked up first, so it is never sent twice)."""
    states = ("('queued', 'sending', 'rejected', 'unconfirmed')" if include_rejected
              else "('queued', 'sending')")
    cursor = conn.execute(f"UPDATE outbox SET state = CASE WHEN state IN ('rejected', "
                          f"'unconfirmed') THEN 'queued' ELSE state END, next_attempt_at = ? "
                          f"WHERE state IN {states}",
                          (now.isoformat(),))
    return int(cursor.rowcount)


def counts(conn: Connection) -> dict[str, int]:
    """How many items are in each state."""
    return {str(r[0]): int(r[1]) for r in conn.execute(
        "SELECT state, count(*) FROM outbox GROUP BY state").fetchall()}


def count_of(conn: Connection, kind: str, state: str) -> int:
    """How many items of one kind are in one state."""
    row = conn.execute("SELECT count(*) FROM outbox WHERE kind = ? AND state = ?",
                       (kind, state)).fetchone()
    return int(row[0])


def last_delivery(conn: Connection) -> str | None:
    """When the last document was delivered."""
    row = conn.execute("SELECT max(at) FROM outbox_attempts WHERE outcome = 'delivered'"
                       ).fetchone()
    return str(row[0]) if row and row[0] else None


def requeue_rejected(conn: Connection, marker: str, now: str, kind: str | None = None) -> int:
    """Put rejected items (of one kind) whose last error starts with `marker` back in the queue,
    due now."""
    cur = conn.execute("UPDATE outbox SET state = 'queued', next_attempt_at = ? "
                       "WHERE state = 'rejected' AND last_error LIKE ? AND kind = coalesce(?, kind)",
                       (now, f"{marker}%", kind))
    return int(cur.rowcount)
