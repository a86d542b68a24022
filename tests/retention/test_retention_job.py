"""The scheduled check says what would go and removes nothing."""

from __future__ import annotations

import threading

from tafelapp import events
from tafelapp.jobs.retention_job import start_headless
from tafelapp.services import case_service, retention_service
from tafelapp.services.retention_service import Plan
from tafelapp.services.session import Session
from tests.retention.setup import TERM_WEEKS, closed_case, later


def test_the_job_checks_at_once_and_removes_nothing(session: Session) -> None:
    ids = closed_case(session)
    later(session, TERM_WEEKS + 1)
    seen: list[Plan] = []
    published: list[dict[str, object]] = []
    done = threading.Event()
    stop = events.subscribe("retention_due", lambda _t, p: published.append(p))

    def on_plan(plan: Plan) -> None:
        seen.append(plan)
        done.set()
    scheduler = start_headless(session, on_plan, interval_hours=24)
    try:
        assert done.wait(20)
    finally:
        scheduler.shutdown(wait=True)
        stop()
    assert [a.facts.case_id for a in seen[0].to_remove] == [ids["jbt_case"]]
    assert published == [{"ids": [ids["jbt_case"]]}]
    assert case_service.get_case(session, ids["jbt_case"]).children  # nothing removed
    assert retention_service.tombstones(session) == []
