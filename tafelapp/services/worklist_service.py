"""Use case of the ketenregisseur: the work list across all tables of the vault."""

from __future__ import annotations

from tafelapp.domain.worklist import WorkItem, worklist
from tafelapp.services.session import Session
from tafelapp.services.settings_service import get_settings
from tafelapp.store import worklist_repo


def work_list(session: Session, table_id: str | None = None) -> list[WorkItem]:
    """What needs attention per case, and why, most urgent first."""
    weeks = get_settings(session).stale_case_weeks
    today = session.today()
    return worklist(worklist_repo.case_facts(session.conn, today, weeks, table_id), today, weeks)
