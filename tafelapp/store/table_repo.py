"""SQL for tables (tafels) and their regional configuration."""

from __future__ import annotations

from tafelapp.domain.models import Table
from tafelapp.store.connection import Connection
from tafelapp.store.rows import from_row, row_of, upsert

_COLUMNS = ("id", "kind", "name", "region", "municipality", "institutions", "signing_order",
            "place", "weekday", "usual_start", "default_chair_id", "default_secretary_id")


def save(conn: Connection, table: Table) -> None:
    """Insert or update one table."""
    upsert(conn, "tables", row_of(table, _COLUMNS))


def get(conn: Connection, table_id: str) -> Table | None:
    """One table by id."""
    row = conn.execute("SELECT * FROM tables WHERE id = ?", (table_id,)).fetchone()
    return Table.model_validate(from_row(row, ["institutions", "signing_order"])) if row else None


def list_all(conn: Connection) -> list[Table]:
    """Every table, by kind and name."""
    rows = conn.execute("SELECT * FROM tables ORDER BY kind, name").fetchall()
    return [Table.model_validate(from_row(r, ["institutions", "signing_order"])) for r in rows]
