"""The vault's content hash: every row of every table, in order, so any stored byte counts."""

from __future__ import annotations

import hashlib

from tafelapp.services.session import Session


def _statement(session: Session) -> str:
    """One SELECT that gives, per table, all its rows as SQL literals (`quote()`: text, numbers
    and blobs exactly) in rowid order, and the schema itself."""
    parts = ["SELECT 'schema', (SELECT group_concat(coalesce(sql, ''), char(10)) FROM "
             "(SELECT sql FROM sqlite_master ORDER BY type, name))"]
    tables = session.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name").fetchall()
    for name, sql in tables:
        columns = [row[1] for row in session.conn.execute(f'PRAGMA table_info("{name}")')]
        row = " || ',' || ".join(f'quote("{c}")' for c in columns)
        order = "" if "WITHOUT ROWID" in (sql or "").upper() else " ORDER BY rowid"
        parts.append(f"SELECT '{name}', (SELECT group_concat(r, char(10)) FROM "
                     f'(SELECT {row} AS r FROM "{name}"{order}))')
    return " UNION ALL ".join(parts)


_CACHE: dict[tuple[int, int], str] = {}


def vault_hash(session: Session) -> str:
    """SHA-256 over the schema and every row of every table."""
    version = session.conn.execute("PRAGMA schema_version").fetchone()[0]
    key = (id(session.conn), version)
    if key not in _CACHE:
        _CACHE[key] = _statement(session)
    digest = hashlib.sha256()
    for name, rows in session.conn.execute(_CACHE[key]):
        digest.update(f"\0{name}\0{rows or ''}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
