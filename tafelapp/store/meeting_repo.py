"""SQL for the meeting aggregate: meeting, agenda items and everything recorded per item."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from tafelapp.domain.meeting import (
    AgendaItem,
    Agreement,
    Decision,
    Meeting,
    Participant,
    ScalingAnswer,
)
from tafelapp.domain.retention import redacted_item, redacted_meeting
from tafelapp.domain.summaries import MeetingSummary
from tafelapp.store import minutes_repo, retention_repo
from tafelapp.store.connection import Connection
from tafelapp.store.errors import RecordLocked
from tafelapp.store.rows import (
    chunks,
    from_row,
    insert_many,
    placeholders,
    row_of,
    upsert,
)

_MEETING = ("id", "table_id", "date", "start", "end", "location_kind", "location_text", "chair",
            "secretary", "chair_id", "secretary_id")
_ITEM = ("id", "case_id", "position", "planned_start", "purpose", "opened_by_chair",
         "reported_to_secretary", "involvement", "safety_plan", "plan_of_approach", "next_moment",
         "family_voices", "dissents", "continuations", "next_moment_start", "next_moment_place")
_PARTICIPANT = ("id", "name", "role", "organisation", "attendance", "child_id", "email", "phone",
                "person_id", "guardian_id", "confirmed", "arrived", "left_at")
_ANSWER = ("id", "participant_id", "score", "question", "given")
_DECISION = ("kind", "motivation", "chair_disagrees", "institution_id", "parents_preference",
             "evaluation_date", "conditions", "extended_to_children", "decided_on", "decided_at")
_AGREEMENT = ("id", "text", "kind", "consequence", "owner", "due_date", "status", "done_on")


def _refuse_locked(conn: Connection, meeting_id: str, item_id: str,
                   new: AgendaItem | None, removal: bool = False) -> bool:
    """The guard of the signed record: an item whose notulen are signing or final may not change
    or disappear. True when the item is locked and unchanged (there is nothing to write).

    One transition is distinct and allowed: removal of its personal data after the bewaartermijn
    (`removal`, only from `remove_personal_data`): the case's tombstone must already be written
    and the new item must be exactly the redaction of the stored one, nothing else."""
    lock = minutes_repo.item_lock(conn, item_id)
    if lock is None:
        return False
    stored = get(conn, meeting_id)
    current = stored.item(item_id) if stored else None
    if removal and current is not None and new == redacted_item(current) and \
            retention_repo.is_removed(conn, current.case_id):
        return False
    if new is None or current != new:
        raise RecordLocked(meeting_id, item_id, lock.value)
    return True


def remove_personal_data(conn: Connection, meeting_id: str, item_id: str) -> None:
    """Bewaartermijn verstreken: the agenda item keeps only what the kengetallen count (through
    the guard above), and a meeting at the family's home loses the address once every case on
    it is removed. Inside the caller's transaction, after the tombstone."""
    stored = get(conn, meeting_id)
    item = stored.item(item_id) if stored else None
    if stored is None or item is None:
        return
    redacted = redacted_item(item)
    if not _refuse_locked(conn, meeting_id, item_id, redacted, removal=True):
        _write_item(conn, meeting_id, redacted)
    header = redacted_meeting(stored)
    if header != stored and all(retention_repo.is_removed(conn, i.case_id)
                                for i in stored.agenda):
        conn.execute("UPDATE meetings SET location_text = ? WHERE id = ?",
                     (header.location_text, meeting_id))


def save_item(conn: Connection, meeting_id: str, item: AgendaItem) -> None:
    """Insert or replace one agenda item with its participants, scores, decision and agreements.

    Refused (RecordLocked) when the item's notulen are signing or final and the item would change.
    """
    if _refuse_locked(conn, meeting_id, item.id, item):
        return
    _write_item(conn, meeting_id, item)


def _write_item(conn: Connection, meeting_id: str, item: AgendaItem) -> None:
    upsert(conn, "agenda_items", row_of(item, _ITEM, meeting_id=meeting_id))
    # Children first (answers point at participants), then re-insert in dependency order.
    for table in ("scaling_answers", "agreements", "decisions", "participants"):
        conn.execute(f"DELETE FROM {table} WHERE agenda_item_id = ?", (item.id,))
    insert_many(conn, "participants", [
        row_of(p, _PARTICIPANT, agenda_item_id=item.id, position=i)
        for i, p in enumerate(item.participants)])
    insert_many(conn, "scaling_answers", [
        row_of(a, _ANSWER, agenda_item_id=item.id, position=i)
        for i, a in enumerate(item.scaling_answers)])
    if item.decision is not None:
        upsert(conn, "decisions", row_of(item.decision, _DECISION, agenda_item_id=item.id),
               key="agenda_item_id")
    insert_many(conn, "agreements", [
        row_of(a, _AGREEMENT, agenda_item_id=item.id, position=i)
        for i, a in enumerate(item.agreements)])
    refresh_last_progress(conn, item.case_id)


def refresh_last_progress(conn: Connection, case_id: str) -> None:
    """Recompute the case's last progress: a meeting held, an agreement done, a decision taken.

    A meeting counts from its date on (local date): one still planned is not yet progress, and
    counts from the first save of its agenda item on or after that day — running the meeting in
    the app saves it.
    """
    conn.execute(
        "UPDATE cases SET last_progress = (SELECT max(d) FROM ("
        " SELECT m.date AS d FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id"
        "  WHERE a.case_id = :c AND m.date <= date('now', 'localtime')"
        " UNION ALL SELECT g.done_on FROM agreements g JOIN agenda_items a"
        "  ON a.id = g.agenda_item_id WHERE a.case_id = :c AND g.done_on IS NOT NULL"
        " UNION ALL SELECT x.decided_on FROM decisions x JOIN agenda_items a"
        "  ON a.id = x.agenda_item_id WHERE a.case_id = :c)) WHERE id = :c", {"c": case_id})


def save(conn: Connection, meeting: Meeting, only_case: str | None = None) -> None:
    """Insert or replace a meeting; with `only_case`, touch only that case's agenda item.

    Without `only_case` the agenda becomes exactly `meeting.agenda` (items not in it are deleted).
    """
    stored = get(conn, meeting.id)
    if stored is not None:
        header = meeting.model_copy(update={"agenda": []})
        for old in stored.agenda:
            kept = meeting.item(old.id)
            if kept is None and only_case is not None and old.case_id != only_case:
                continue  # another case's item, untouched by this save
            if header != stored.model_copy(update={"agenda": []}) or kept is None:
                _refuse_locked(conn, meeting.id, old.id, None)
    upsert(conn, "meetings", row_of(meeting, _MEETING))
    items = [i for i in meeting.agenda if only_case is None or i.case_id == only_case]
    if only_case is None:
        keep = [i.id for i in items]
        conn.execute(f"DELETE FROM agenda_items WHERE meeting_id = ? AND id NOT IN "
                     f"({placeholders(len(keep))})" if keep else
                     "DELETE FROM agenda_items WHERE meeting_id = ?", [meeting.id, *keep])
    for item in items:
        save_item(conn, meeting.id, item)
    if only_case is None:  # a changed date changes the progress of every case on the agenda
        for row in conn.execute("SELECT DISTINCT case_id FROM agenda_items WHERE meeting_id = ?",
                                (meeting.id,)).fetchall():
            refresh_last_progress(conn, row[0])


def _by_item(conn: Connection, table: str, item_ids: Sequence[str]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    if not item_ids:
        return groups
    order = "position" if table != "decisions" else "agenda_item_id"
    for row in conn.execute(f"SELECT * FROM {table} WHERE agenda_item_id IN "
                            f"({placeholders(len(item_ids))}) ORDER BY agenda_item_id, {order}",
                            list(item_ids)).fetchall():
        groups[row["agenda_item_id"]].append(row)
    return groups


def _load_items(conn: Connection, rows: list[Any]) -> dict[str, list[AgendaItem]]:
    """Agenda item rows as AgendaItems, grouped by meeting id, in agenda order."""
    by_meeting: dict[str, list[AgendaItem]] = defaultdict(list)
    for part in chunks(rows):
        ids = [r["id"] for r in part]
        participants = _by_item(conn, "participants", ids)
        answers = _by_item(conn, "scaling_answers", ids)
        decisions = _by_item(conn, "decisions", ids)
        agreements = _by_item(conn, "agreements", ids)
        drop = ("agenda_item_id", "position")
        for row in part:
            iid = row["id"]
            data = from_row(row, ["involvement", "safety_plan", "family_voices", "dissents",
                                  "continuations"],
                            drop=("meeting_id",))
            data["participants"] = [Participant.model_validate(from_row(r, drop=drop))
                                    for r in participants.get(iid, [])]
            data["scaling_answers"] = [ScalingAnswer.model_validate(from_row(r, drop=drop))
                                       for r in answers.get(iid, [])]
            dec = decisions.get(iid)
            data["decision"] = Decision.model_validate(
                from_row(dec[0], ["extended_to_children"], drop=drop)) if dec else None
            data["agreements"] = [Agreement.model_validate(from_row(r, drop=drop))
                                  for r in agreements.get(iid, [])]
            by_meeting[row["meeting_id"]].append(AgendaItem.model_validate(data))
    return by_meeting


def get_many(conn: Connection, meeting_ids: Sequence[str],
             only_case: str | None = None) -> dict[str, Meeting]:
    """Whole meetings by id; with `only_case`, each agenda holds only that case's item."""
    result: dict[str, Meeting] = {}
    for ids in chunks(list(meeting_ids)):
        meetings = conn.execute(f"SELECT * FROM meetings WHERE id IN ({placeholders(len(ids))})",
                                list(ids)).fetchall()
        case_filter = " AND case_id = ?" if only_case else ""
        params = [*ids, only_case] if only_case else list(ids)
        items = _load_items(conn, conn.execute(
            f"SELECT * FROM agenda_items WHERE meeting_id IN ({placeholders(len(ids))})"
            f"{case_filter} ORDER BY meeting_id, position", params).fetchall())
        for row in meetings:
            data = from_row(row)
            data["agenda"] = items.get(row["id"], [])
            result[row["id"]] = Meeting.model_validate(data)
    return result


def get(conn: Connection, meeting_id: str) -> Meeting | None:
    """One whole meeting by id."""
    return get_many(conn, [meeting_id]).get(meeting_id)


def meeting_id_of_item(conn: Connection, item_id: str) -> str | None:
    """The meeting an agenda item belongs to."""
    row = conn.execute("SELECT meeting_id FROM agenda_items WHERE id = ?", (item_id,)).fetchone()
    return str(row[0]) if row else None


def items_of_case(conn: Connection, case_id: str) -> list[tuple[str, str]]:
    """(meeting id, agenda item id) of every discussion of the case."""
    return [(str(r[0]), str(r[1])) for r in conn.execute(
        "SELECT meeting_id, id FROM agenda_items WHERE case_id = ?", (case_id,)).fetchall()]


def meetings_for_case(conn: Connection, case_id: str) -> list[Meeting]:
    """Every meeting that discussed the case, oldest first, each with only that case's item."""
    ids = [r[0] for r in conn.execute(
        "SELECT m.id FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id "
        "WHERE a.case_id = ? ORDER BY m.date, m.start", (case_id,)).fetchall()]
    meetings = get_many(conn, ids, only_case=case_id)
    return [meetings[i] for i in ids if i in meetings]


def list_summaries(conn: Connection, table_id: str | None = None,
                   since: str | None = None) -> list[MeetingSummary]:
    """The meeting list: one line per meeting, by date."""
    where, params = [], []
    if table_id:
        where.append("m.table_id = ?")
        params.append(table_id)
    if since:
        where.append("m.date >= ?")
        params.append(since)
    sql = ("SELECT m.id, m.table_id, t.name AS table_name, t.kind AS table_kind, m.date, m.start, "
           "m.location_kind, m.chair, "
           "(SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS cases "
           "FROM meetings m JOIN tables t ON t.id = m.table_id "
           + (f"WHERE {' AND '.join(where)} " if where else "")
           + "ORDER BY m.date, m.start")
    return [MeetingSummary.model_validate(dict(zip(r.keys(), r, strict=True)))
            for r in conn.execute(sql, params).fetchall()]


def meeting_label(conn: Connection, meeting_id: str) -> str:
    """`JBT Delft, 02-12-2026`: a meeting named in a message ('' when unknown)."""
    row = conn.execute("SELECT t.name, m.date FROM meetings m JOIN tables t ON t.id = m.table_id "
                       "WHERE m.id = ?", (meeting_id,)).fetchone()
    return f"{row[0]}, {dt.date.fromisoformat(row[1]):%d-%m-%Y}" if row else ""
