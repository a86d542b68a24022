"""Map pydantic models to rows and back: scalars to columns, nested records to JSON text."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel

from tafelapp.store.connection import Connection

T = TypeVar("T")


def to_db(value: Any) -> Any:
    """One value as SQLite stores it."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (dt.date, dt.time, dt.datetime)):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump_json()
    if isinstance(value, list):
        return json.dumps([v.model_dump(mode="json") if isinstance(v, BaseModel) else v
                           for v in value], ensure_ascii=False)
    raise TypeError(f"cannot store {type(value).__name__}")


def row_of(model: BaseModel, columns: Sequence[str], **extra: Any) -> dict[str, Any]:
    """The columns of a row taken from a model's fields, plus extra columns (parent id, position)."""
    row = {name: to_db(getattr(model, name)) for name in columns if name not in extra}
    row.update({k: to_db(v) for k, v in extra.items()})
    return row


def from_row(row: Any, json_columns: Iterable[str] = (), drop: Iterable[str] = ()) -> dict[str, Any]:
    """A row as a dict ready for `Model.model_validate`, JSON columns decoded."""
    data = {key: row[key] for key in row.keys() if key not in set(drop)}
    for key in json_columns:
        if data.get(key) is not None:
            data[key] = json.loads(data[key])
    return data


def _quoted(name: str) -> str:
    return f'"{name}"'


def upsert(conn: Connection, table: str, row: dict[str, Any], key: str = "id") -> None:
    """Insert the row, or update every column of the row with the same key."""
    cols = list(row)
    updates = ", ".join(f"{_quoted(c)} = excluded.{_quoted(c)}" for c in cols if c != key)
    sql = (f"INSERT INTO {table} ({', '.join(map(_quoted, cols))}) "
           f"VALUES ({', '.join('?' for _ in cols)}) "
           f"ON CONFLICT({key}) DO UPDATE SET {updates}")
    conn.execute(sql, [row[c] for c in cols])


def insert_many(conn: Connection, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows that all have the same columns."""
    if not rows:
        return
    cols = list(rows[0])
    sql = (f"INSERT INTO {table} ({', '.join(map(_quoted, cols))}) "
           f"VALUES ({', '.join('?' for _ in cols)})")
    conn.executemany(sql, [[r[c] for c in cols] for r in rows])


def replace_children(conn: Connection, table: str, parent_column: str, parent_id: str,
                     rows: Sequence[dict[str, Any]]) -> None:
    """Make the child rows of one parent exactly `rows` (within the caller's transaction)."""
    conn.execute(f"DELETE FROM {table} WHERE {parent_column} = ?", (parent_id,))
    insert_many(conn, table, rows)


def chunks(ids: Sequence[T], size: int = 500) -> Iterable[Sequence[T]]:
    """Split ids (or rows) so one `IN (...)` never passes SQLite's variable limit."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def placeholders(count: int) -> str:
    """`?, ?, …` for an IN list."""
    return ", ".join("?" for _ in range(count))
