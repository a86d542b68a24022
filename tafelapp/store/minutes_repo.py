"""SQL for notulen (with their current PDF) and the signing identities."""

from __future__ import annotations

from typing import Any

from tafelapp.domain.minutes import Minutes, MinutesStatus, SigningIdentity
from tafelapp.store.connection import Connection
from tafelapp.store.rows import from_row, row_of, upsert

_MINUTES = ("id", "agenda_item_id", "meeting_id", "case_id", "kind", "rectifies", "number", "text",
            "status", "signing_order", "signatures", "document_sha256", "created_at",
            "finalised_at", "record_sha256")
_JSON = ("text", "signing_order", "signatures")
_ARCHIVE = ("archive_level", "archive_at", "archive_note")  # read by archive_info only


def save(conn: Connection, minutes: Minutes, document: bytes | None = None) -> None:
    """Insert or update notulen; `document` replaces the stored PDF when given."""
    row = row_of(minutes, _MINUTES)
    if document is not None:
        row["document"] = document
    upsert(conn, "minutes", row)


def _load(row: Any) -> Minutes:
    return Minutes.model_validate(from_row(row, _JSON, drop=("document", *_ARCHIVE)))


def get(conn: Connection, minutes_id: str) -> Minutes | None:
    """Notulen by id."""
    row = conn.execute("SELECT * FROM minutes WHERE id = ?", (minutes_id,)).fetchone()
    return _load(row) if row else None


def document(conn: Connection, minutes_id: str) -> bytes | None:
    """The stored PDF (draft render, or the signed document with its signatures so far)."""
    row = conn.execute("SELECT document FROM minutes WHERE id = ?", (minutes_id,)).fetchone()
    return bytes(row[0]) if row and row[0] is not None else None


def for_item(conn: Connection, item_id: str) -> list[Minutes]:
    """Notulen and rectificaties of one agenda item, oldest first."""
    rows = conn.execute("SELECT * FROM minutes WHERE agenda_item_id = ? ORDER BY created_at",
                        (item_id,)).fetchall()
    return [_load(r) for r in rows]


def item_lock(conn: Connection, item_id: str) -> MinutesStatus | None:
    """SIGNING or FINAL when the notulen of this agenda item are (being) signed, else None."""
    row = conn.execute("SELECT status FROM minutes WHERE agenda_item_id = ? AND kind = 'MINUTES' "
                       "AND status != ?", (item_id, MinutesStatus.DRAFT.value)).fetchone()
    return MinutesStatus(row[0]) if row else None


def count_for_case(conn: Connection, case_id: str) -> int:
    """How many documents (notulen and rectificaties) a case has, for numbering."""
    return int(conn.execute("SELECT count(*) FROM minutes WHERE case_id = ?",
                            (case_id,)).fetchone()[0])


def save_identity(conn: Connection, identity: SigningIdentity, certificate_der: bytes,
                  encrypted_key_der: bytes) -> None:
    """Store a signing identity; the key stays encrypted under its PIN inside the vault."""
    conn.execute("INSERT INTO signing_identities (id, owner_name, label, certificate, "
                 "certificate_der, encrypted_key_der, created_at, token) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (identity.id, identity.owner_name, identity.label,
                  identity.certificate.model_dump_json(), certificate_der, encrypted_key_der,
                  identity.created_at.isoformat(),
                  identity.token.model_dump_json() if identity.token else None))


def identities(conn: Connection) -> list[SigningIdentity]:
    """Every signing identity in the vault."""
    rows = conn.execute("SELECT id, owner_name, label, certificate, created_at, person_id, "
                        "link_confirmed_by, token FROM signing_identities ORDER BY owner_name"
                        ).fetchall()
    return [SigningIdentity.model_validate(from_row(r, ["certificate", "token"])) for r in rows]


def identity_material(conn: Connection, identity_id: str) -> tuple[bytes, bytes] | None:
    """(certificate DER, PIN-encrypted key DER) of an identity."""
    row = conn.execute("SELECT certificate_der, encrypted_key_der FROM signing_identities "
                       "WHERE id = ?", (identity_id,)).fetchone()
    return (bytes(row[0]), bytes(row[1])) if row else None


def link_identity(conn: Connection, identity_id: str, person_id: str | None,
                  confirmed_by: str | None) -> None:
    """Record which address-book person an identity belongs to, and who confirmed it."""
    conn.execute("UPDATE signing_identities SET person_id = ?, link_confirmed_by = ? WHERE id = ?",
                 (person_id, confirmed_by, identity_id))


def signed(conn: Connection) -> list[Minutes]:
    """Every notulen whose signing has started (SIGNING or FINAL), not the rectificaties."""
    rows = conn.execute("SELECT * FROM minutes WHERE kind = 'MINUTES' AND status != ? "
                        "ORDER BY created_at", (MinutesStatus.DRAFT.value,)).fetchall()
    return [_load(r) for r in rows]


def for_case(conn: Connection, case_id: str) -> list[Minutes]:
    """Every notulen and rectificatie of a case, oldest first."""
    rows = conn.execute("SELECT * FROM minutes WHERE case_id = ? ORDER BY created_at",
                        (case_id,)).fetchall()
    return [_load(r) for r in rows]


def delete_draft(conn: Connection, minutes_id: str) -> None:
    """Remove an unsigned concept (never signed notulen: the WHERE makes sure)."""
    conn.execute("DELETE FROM minutes WHERE id = ? AND status = ?",
                 (minutes_id, MinutesStatus.DRAFT.value))


def final(conn: Connection) -> list[Minutes]:
    """Every final notulen and rectificatie, oldest first (`tafelapp check` proves each)."""
    rows = conn.execute("SELECT * FROM minutes WHERE status = ? ORDER BY created_at",
                        (MinutesStatus.FINAL.value,)).fetchall()
    return [_load(r) for r in rows]


def remove_text_and_document(conn: Connection, minutes_id: str, empty_text: str) -> None:
    """Bewaartermijn: the notulen keep number, status, signatures, dates and hashes; their text
    and PDF go (the region holds the document). The trigger allows this only after the case's
    tombstone is written."""
    conn.execute("UPDATE minutes SET text = ?, document = NULL WHERE id = ?",
                 (empty_text, minutes_id))

def archive_info(conn: Connection, minutes_id: str) -> tuple[str | None, str | None, str | None]:
    """(level, when the newest archive timestamp was added, why it keeps a lower level)."""
    row = conn.execute("SELECT archive_level, archive_at, archive_note FROM minutes WHERE id = ?",
                       (minutes_id,)).fetchone()
    return (row[0], row[1], row[2]) if row else (None, None, None)


def save_archive_version(conn: Connection, minutes_id: str, document: bytes | None,
                         document_sha256: str | None, level: str, at: str | None,
                         note: str | None) -> None:
    """The archive upgrade or renewal of final notulen (document None: only the archive columns).

    The database's guard (trigger minutes_final_is_immutable, migration 0020) refuses it unless
    the stored signed document is a byte prefix of the new, longer one and nothing else changes.
    """
    if document is None:
        conn.execute("UPDATE minutes SET archive_level = ?, archive_note = ? WHERE id = ?",
                     (level, note, minutes_id))
        return
    conn.execute("UPDATE minutes SET document = ?, document_sha256 = ?, archive_level = ?, "
                 "archive_at = ?, archive_note = ? WHERE id = ?",
                 (document, document_sha256, level, at, note, minutes_id))


def archived(conn: Connection) -> list[tuple[str, str, str | None]]:
    """(id, number, archive_at) of every final notulen at level B-LTA whose document is still
    here (after the bewaartermijn the region holds it, and renews it)."""
    rows = conn.execute("SELECT id, number, archive_at FROM minutes WHERE status = 'FINAL' AND "
                        "archive_level = 'B-LTA' AND document IS NOT NULL "
                        "ORDER BY created_at").fetchall()
    return [(str(r[0]), str(r[1]), r[2]) for r in rows]
