"""The work list read through case_watch and the due horizon equals the slow path over every row."""

from __future__ import annotations

import datetime as dt

import pytest

from bench.werklijst import fill
from tafelapp.domain.worklist import CaseWatch, Horizon, LeadState, OpenDue, WorkItem, worklist
from tafelapp.services import settings_service, worklist_service
from tafelapp.services.session import Session

D = dt.date.fromisoformat


def slow_work_list(session: Session, horizon: Horizon) -> list[WorkItem]:
    """Every open case and every open agreement and term, one plain query per case."""
    conn = session.conn
    cases, dues = [], []
    for case_id, number, table, opened, last in conn.execute(
            "SELECT c.id, c.case_number, t.name, c.opened_on, c.last_progress FROM cases c "
            "JOIN tables t ON t.id = c.table_id WHERE c.status = 'OPEN'").fetchall():
        leads = conn.execute("SELECT since, accepted FROM case_leads WHERE case_id = ? "
                             "AND ended_on IS NULL", (case_id,)).fetchall()
        pending = sorted(since for since, accepted in leads if not accepted)
        lead = (LeadState.NONE if not leads else LeadState.PENDING if pending
                else LeadState.ACCEPTED)
        disagreed = conn.execute(
            "SELECT max(x.decided_on) FROM decisions x JOIN agenda_items a "
            "ON a.id = x.agenda_item_id WHERE a.case_id = ? AND x.chair_disagrees = 1",
            (case_id,)).fetchone()[0]
        cases.append(CaseWatch(case_id, number, table, D(last or opened), lead,
                               D(pending[0]) if pending else None,
                               D(disagreed) if disagreed else None))
        followed = {r[0] for r in conn.execute("SELECT agreement_id FROM agreement_followups "
                                               "WHERE case_id = ?", (case_id,)).fetchall()}
        for due, owner, ref in conn.execute(
                "SELECT g.due_date, g.owner, g.id FROM agreements g JOIN agenda_items a "
                "ON a.id = g.agenda_item_id WHERE a.case_id = ? AND g.status = 'OPEN' "
                "AND g.due_date IS NOT NULL", (case_id,)).fetchall():
            if ref not in followed:
                dues.append(OpenDue(case_id, number, table, D(due), owner, True, ref))
        for due, kind, ref in conn.execute("SELECT due_on, kind, id FROM deadlines WHERE "
                                           "case_id = ? AND done_on IS NULL",
                                           (case_id,)).fetchall():
            dues.append(OpenDue(case_id, number, table, D(due), kind, False, ref))
    return worklist(cases, dues, horizon)


def test_fast_path_equals_slow_path_on_many_days(session: Session,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    start = dt.date(2026, 12, 21)  # Christmas and New Year in the window
    monkeypatch.setattr(session, "today", lambda: start)
    fill(session, 600, start)
    for days, weeks in ((0, 6), (1, 2), (4, 6), (12, 10), (40, 6), (130, 3)):
        today = start + dt.timedelta(days=days)
        monkeypatch.setattr(session, "today", lambda today=today: today)
        settings_service.update_settings(session, stale_case_weeks=weeks)
        fast = worklist_service.work_list(session)
        slow = slow_work_list(session, Horizon.of(today, weeks))
        assert len(fast) > 50
        assert sorted(fast) == sorted(slow), (today, weeks)
        assert [i.sort_key for i in fast] == sorted(i.sort_key for i in fast)
