"""Use cases for tables (tafels): create one, list them."""

from __future__ import annotations

from typing import Any

from tafelapp.domain.enums import TableKind
from tafelapp.domain.models import CertifiedInstitution, Table
from tafelapp.services.session import Session, build, not_found
from tafelapp.store import table_repo


def create_table(session: Session, *, kind: TableKind | str, name: str, region: str,
                 municipality: str, institutions: list[dict[str, Any]] | None = None) -> Table:
    """Set up a JBT or ZVT with its region's certified institutions (GIs)."""
    table = build(Table, kind=kind, name=name, region=region, municipality=municipality,
                  institutions=[build(CertifiedInstitution, f"institutions.{i}", **gi)
                                for i, gi in enumerate(institutions or [])])
    with session.change("table.create", "table", table.id, after=table) as conn:
        table_repo.save(conn, table)
    return table


def list_tables(session: Session) -> list[Table]:
    """Every table in the vault."""
    return table_repo.list_all(session.conn)


def get_table(session: Session, table_id: str) -> Table:
    """One table; an unknown id is invalid input."""
    table = table_repo.get(session.conn, table_id)
    if table is None:
        raise not_found("table", "table_id", table_id)
    return table


def set_signing_order(session: Session, table_id: str, order: list[str]) -> Table:
    """Who signs the notulen of this table first (voorzitter or secretaris)."""
    before = get_table(session, table_id)
    after = build(Table, "table", **{**before.model_dump(), "signing_order": order})
    with session.change("table.signing_order", "table", table_id, before=before,
                        after=after) as conn:
        table_repo.save(conn, after)
    return after
