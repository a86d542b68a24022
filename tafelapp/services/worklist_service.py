"""Use case of the ketenregisseur: the work list across all tables of the vault."""

from __future__ import annotations

from tafelapp.domain.worklist import Horizon, WorkItem, worklist
from tafelapp.services.session import Session
from tafelapp.services.settings_service import get_settings
from tafelapp.services.table_service import get_table
from tafelapp.store import worklist_repo


def work_list(session: Session, table_id: str | None = None) -> list[WorkItem]:
    """What needs attention per case, and why, most urgent first; an unknown table is refused."""
    if table_id is not None:
        get_table(session, table_id)
    horizon = Horizon.of(session.today(), get_settings(session).stale_case_weeks)
    return worklist(worklist_repo.watched_cases(session.conn, horizon, table_id),
                    worklist_repo.open_dues(session.conn, horizon, table_id), horizon)
