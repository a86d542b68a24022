"""Durable storage of received documents: SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from typing import Any, Protocol

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    uuid TEXT PRIMARY KEY,
    bronorganisatie TEXT NOT NULL,
    identificatie TEXT NOT NULL,
    metadata TEXT NOT NULL,
    content BLOB NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (bronorganisatie, identificatie)
)
"""


class Duplicate(Exception):
    """A document with this identificatie already exists for this bronorganisatie."""


class DocumentStore(Protocol):
    """What the server needs of its storage."""

    def add(self, uuid: str, metadata: dict[str, Any], content: bytes) -> None: ...
    def find(self, bronorganisatie: str | None, identificatie: str | None) \
        -> list[dict[str, Any]]: ...
    def get(self, uuid: str) -> tuple[dict[str, Any], bytes] | None: ...
    def update(self, uuid: str, metadata: dict[str, Any], content: bytes) -> None: ...
    def count(self) -> int: ...


class SqliteStore:
    """SQLite in WAL mode with synchronous=FULL: a 201 is only sent for a committed document."""

    def __init__(self, path: str) -> None:
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")
        self._conn.execute(_SCHEMA)

    def add(self, uuid: str, metadata: dict[str, Any], content: bytes) -> None:
        with self._lock:
            try:
                self._conn.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                    (uuid, metadata["bronorganisatie"], metadata["identificatie"],
                     json.dumps(metadata), content, dt.datetime.now(dt.UTC).isoformat()))
            except sqlite3.IntegrityError:
                raise Duplicate() from None

    def find(self, bronorganisatie: str | None, identificatie: str | None) -> list[dict[str, Any]]:
        where, params = [], []
        if bronorganisatie:
            where.append("bronorganisatie = ?")
            params.append(bronorganisatie)
        if identificatie:
            where.append("identificatie = ?")
            params.append(identificatie)
        sql = "SELECT metadata FROM documents" + (f" WHERE {' AND '.join(where)}" if where else "")
        with self._lock:
            return [json.loads(r[0]) for r in self._conn.execute(sql, params).fetchall()]

    def get(self, uuid: str) -> tuple[dict[str, Any], bytes] | None:
        with self._lock:
            row = self._conn.execute("SELECT metadata, content FROM documents WHERE uuid = ?",
                                     (uuid,)).fetchone()
        return (json.loads(row[0]), bytes(row[1])) if row else None

    def update(self, uuid: str, metadata: dict[str, Any], content: bytes) -> None:
        """Replace a document's metadata and content (a new versie, a lock taken or given)."""
        with self._lock:
            self._conn.execute("UPDATE documents SET metadata = ?, content = ? WHERE uuid = ?",
                               (json.dumps(metadata), content, uuid))

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])


class PostgresStore:
    """The same table in PostgreSQL (psycopg 3), for a region that runs the server for real."""

    def __init__(self, url: str) -> None:
        import psycopg

        self._lock = threading.Lock()
        self._conn = psycopg.connect(url, autocommit=True)
        self._conn.execute(_SCHEMA.replace("BLOB", "BYTEA"))

    def add(self, uuid: str, metadata: dict[str, Any], content: bytes) -> None:
        import psycopg

        with self._lock:
            try:
                self._conn.execute(
                    "INSERT INTO documents VALUES (%s, %s, %s, %s, %s, %s)",
                    (uuid, metadata["bronorganisatie"], metadata["identificatie"],
                     json.dumps(metadata), content, dt.datetime.now(dt.UTC).isoformat()))
            except psycopg.errors.UniqueViolation:
                raise Duplicate() from None

    def find(self, bronorganisatie: str | None, identificatie: str | None) -> list[dict[str, Any]]:
        sql = ("SELECT metadata FROM documents WHERE (%s::text IS NULL OR bronorganisatie = %s) "
               "AND (%s::text IS NULL OR identificatie = %s)")
        with self._lock:
            rows = self._conn.execute(sql, (bronorganisatie, bronorganisatie, identificatie,
                                            identificatie)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def get(self, uuid: str) -> tuple[dict[str, Any], bytes] | None:
        with self._lock:
            row = self._conn.execute("SELECT metadata, content FROM documents WHERE uuid = %s",
                                     (uuid,)).fetchone()
        return (json.loads(row[0]), bytes(row[1])) if row else None

    def update(self, uuid: str, metadata: dict[str, Any], content: bytes) -> None:
        """Replace a document's metadata and content (a new versie, a lock taken or given)."""
        with self._lock:
            self._conn.execute("UPDATE documents SET metadata = %s, content = %s WHERE uuid = %s",
                               (json.dumps(metadata), content, uuid))

    def count(self) -> int:
        with self._lock:
            row = self._conn.execute("SELECT count(*) FROM documents").fetchone()
        return int(row[0]) if row else 0


def open_store(url: str) -> DocumentStore:
    """`postgresql://…` opens PostgreSQL; anything else is a SQLite file path."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresStore(url)
    return SqliteStore(url)
