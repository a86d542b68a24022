"""The vault's content hash: every row of every table, in order, so any stored byte counts."""

from __future__ import annotations

import hashlib

from tafelapp.services.session import Session


def vault_hash(session: Session) -> str:
    """SHA-256 over each table's name and rows (ordered by rowid, or by every column)."""
    digest = hashlib.sha256()
    tables = session.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name").fetchall()
    for name, sql in tables:
        order = "1" if "WITHOUT ROWID" in (sql or "").upper() else "rowid"
        digest.update(name.encode())
        for row in session.conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()
