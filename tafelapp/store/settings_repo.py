"""SQL for settings kept inside the vault (JSON values by key)."""

from __future__ import annotations

import json
from typing import Any

from tafelapp.store.connection import Connection


def get(conn: Connection, key: str) -> Any | None:
    """The stored value for a key, or None."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def put(conn: Connection, key: str, value: Any) -> None:
    """Store a JSON value under a key."""
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, json.dumps(value, ensure_ascii=False)))
