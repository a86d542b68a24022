"""SQL for the follow-up log of afspraken (append-only; the latest per afspraak counts)."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.followup import AgreementFollowUp
from tafelapp.store import minutes_repo
from tafelapp.store.connection import Connection
from tafelapp.store.errors import RecordLocked

_COLUMNS = ("id", "agreement_id", "case_id", "status", "on_date", "said_by", "note",
            "agenda_item_id", "recorded_at")


def add(conn: Connection, followup: AgreementFollowUp) -> None:
    """Append a follow-up. One recorded in a later discussion becomes part of that discussion's
    record, so it is refused once that discussion's notulen are signing or final."""
    if followup.agenda_item_id is not None:
        lock = minutes_repo.item_lock(conn, followup.agenda_item_id)
        if lock is not None:
            row = conn.execute("SELECT meeting_id FROM agenda_items WHERE id = ?",
                               (followup.agenda_item_id,)).fetchone()
            raise RecordLocked(str(row[0]) if row else "", followup.agenda_item_id, lock.value)
    conn.execute(f"INSERT INTO agreement_followups ({', '.join(_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(_COLUMNS))})",
                 (followup.id, followup.agreement_id, followup.case_id, followup.status.value,
                  followup.on.isoformat(), followup.said_by, followup.note,
                  followup.agenda_item_id, followup.recorded_at.isoformat()))


def for_case(conn: Connection, case_id: str) -> list[AgreementFollowUp]:
    """Every follow-up of the case, oldest first."""
    rows = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM agreement_followups "
                        "WHERE case_id = ? ORDER BY recorded_at, rowid", (case_id,)).fetchall()
    return [AgreementFollowUp(id=r[0], agreement_id=r[1], case_id=r[2], status=r[3],
                              on=dt.date.fromisoformat(r[4]), said_by=r[5], note=r[6],
                              agenda_item_id=r[7], recorded_at=dt.datetime.fromisoformat(r[8]))
            for r in rows]


def latest(followups: list[AgreementFollowUp]) -> dict[str, AgreementFollowUp]:
    """The follow-up that counts, per afspraak."""
    found: dict[str, AgreementFollowUp] = {}
    for followup in followups:  # oldest first: the last one wins
        found[followup.agreement_id] = followup
    return found


def agreement_origin(conn: Connection, agreement_id: str) -> tuple[str, dt.date] | None:
    """The case of an afspraak and the date of the meeting that made it."""
    row = conn.execute("SELECT a.case_id, m.date FROM agreements g JOIN agenda_items a ON "
                       "a.id = g.agenda_item_id JOIN meetings m ON m.id = a.meeting_id "
                       "WHERE g.id = ?", (agreement_id,)).fetchone()
    return (str(row[0]), dt.date.fromisoformat(str(row[1]))) if row else None
