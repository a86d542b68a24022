"""SQL for inzage: every written name with where it appears, the requests, exports, rectificaties."""

from __future__ import annotations

from typing import Any

from tafelapp.domain.inzage import InzageRequest
from tafelapp.store.connection import Connection

# (case_id, case_number, name, what, detail): every place a case or its meetings write a name
_NAMES = """
SELECT c.id, c.case_number, json_extract(g.value, '$.name'), 'guardian',
       coalesce(json_extract(g.value, '$.relation'), '')
  FROM cases c, json_each(c.family, '$.guardians') g
UNION ALL
SELECT c.id, c.case_number, trim(ch.first_name || ' ' || ch.last_name), 'child', ''
  FROM children ch JOIN cases c ON c.id = ch.case_id WHERE ch.first_name != ''
UNION ALL
SELECT c.id, c.case_number, r.referrer_person, 'referrer', r.referrer_organisation
  FROM referrals r JOIN cases c ON c.id = r.case_id
UNION ALL
SELECT c.id, c.case_number, l.person, 'case_lead', l.organisation
  FROM case_leads l JOIN cases c ON c.id = l.case_id
UNION ALL
SELECT c.id, c.case_number, p.name, 'participant', p.role
  FROM participants p JOIN agenda_items a ON a.id = p.agenda_item_id
  JOIN cases c ON c.id = a.case_id
UNION ALL
SELECT c.id, c.case_number, m.chair, 'participant', 'CHAIR'
  FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id JOIN cases c ON c.id = a.case_id
UNION ALL
SELECT c.id, c.case_number, m.secretary, 'participant', 'SECRETARY'
  FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id JOIN cases c ON c.id = a.case_id
 WHERE m.secretary IS NOT NULL
"""


def name_occurrences(conn: Connection) -> list[tuple[str, str, str, str, str]]:
    """Every name a case, its referral, casusregie or meetings hold, with the case and what the
    name is there (guardian with relation, child, referrer, case lead, participant with role)."""
    return [(str(r[0]), str(r[1]), str(r[2] or ""), str(r[3]), str(r[4] or ""))
            for r in conn.execute(_NAMES).fetchall() if r[2]]


def save_request(conn: Connection, request: InzageRequest) -> None:
    """Store a new request (requests are never changed)."""
    conn.execute("INSERT INTO inzage_requests (id, person_key, person_name, received_on, note, "
                 "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (request.id, request.person_key, request.person_name,
                  request.received_on.isoformat(), request.note, request.created_at.isoformat(),
                  request.created_by))


def _request(row: Any) -> InzageRequest:
    return InzageRequest.model_validate({k: row[k] for k in row.keys()})


def get_request(conn: Connection, request_id: str) -> InzageRequest | None:
    """One request."""
    row = conn.execute("SELECT * FROM inzage_requests WHERE id = ?", (request_id,)).fetchone()
    return _request(row) if row else None


def requests(conn: Connection, person_key: str | None = None) -> list[InzageRequest]:
    """Every request (of one person), oldest first."""
    sql = "SELECT * FROM inzage_requests"
    rows = conn.execute(sql + " WHERE person_key = ? ORDER BY created_at", (person_key,)) \
        if person_key else conn.execute(sql + " ORDER BY created_at")
    return [_request(r) for r in rows.fetchall()]


def add_export(conn: Connection, request_id: str, at: str, actor: str, pdf_sha256: str,
               json_sha256: str) -> None:
    """Remember what was handed over for a request."""
    conn.execute("INSERT INTO inzage_exports (request_id, at, actor, pdf_sha256, json_sha256) "
                 "VALUES (?, ?, ?, ?, ?)", (request_id, at, actor, pdf_sha256, json_sha256))


def exports(conn: Connection, request_id: str) -> list[tuple[str, str, str, str]]:
    """(at, actor, pdf_sha256, json_sha256) of every hand-over of a request."""
    return [tuple(r) for r in conn.execute(
        "SELECT at, actor, pdf_sha256, json_sha256 FROM inzage_exports WHERE request_id = ? "
        "ORDER BY id", (request_id,)).fetchall()]


def link_rectification(conn: Connection, request_id: str, rectification_id: str,
                       original_id: str, at: str) -> None:
    """Record that a rectificatie was made at this request."""
    conn.execute("INSERT INTO inzage_rectifications (rectification_id, request_id, original_id, "
                 "created_at) VALUES (?, ?, ?, ?)", (rectification_id, request_id, original_id, at))


def rectifications(conn: Connection, request_ids: list[str]) -> list[tuple[str, str, str, str]]:
    """(request_id, rectification_id, original_id, created_at) made at these requests."""
    if not request_ids:
        return []
    marks = ", ".join("?" for _ in request_ids)
    return [tuple(r) for r in conn.execute(
        f"SELECT request_id, rectification_id, original_id, created_at FROM inzage_rectifications "
        f"WHERE request_id IN ({marks}) ORDER BY created_at", request_ids).fetchall()]


def request_of_rectification(conn: Connection, rectification_id: str) -> str | None:
    """The inzage request a rectificatie was made at, if any."""
    row = conn.execute("SELECT request_id FROM inzage_rectifications WHERE rectification_id = ?",
                       (rectification_id,)).fetchone()
    return str(row[0]) if row else None


def audit_for(conn: Connection, entity_ids: list[str]) -> list[tuple[str, str, str, str]]:
    """(at, actor, action, entity_id) of the audit records about these records."""
    if not entity_ids:
        return []
    marks = ", ".join("?" for _ in entity_ids)
    return [tuple(r) for r in conn.execute(
        f"SELECT at, actor, action, entity_id FROM audit_log WHERE entity_id IN ({marks}) "
        f"ORDER BY seq", entity_ids).fetchall()]
