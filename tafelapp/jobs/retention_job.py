"""The bewaartermijn check as a scheduled job: it looks, says what would go, and removes nothing
(the user sees the plan first; `tafelapp opschonen run` or the dialog removes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler

from tafelapp import events
from tafelapp.services import retention_service
from tafelapp.services.retention_service import Plan
from tafelapp.services.session import Session

CHECK_INTERVAL_HOURS = 24


def check_once(session: Session) -> Plan:
    """Compute today's plan; when something would go, publish `retention_due` (ids only)."""
    plan = retention_service.plan(session)
    if plan.to_remove:
        events.publish("retention_due", ids=[a.facts.case_id for a in plan.to_remove])
    return plan


def start_headless(session: Session, on_plan: Callable[[Plan], None],
                   interval_hours: float = CHECK_INTERVAL_HOURS) -> BackgroundScheduler:
    """Check at once and then every `interval_hours`, one run at a time, in a worker thread."""
    scheduler = BackgroundScheduler()
    scheduler.add_job(lambda: on_plan(check_once(session)), "interval", hours=interval_hours,
                      max_instances=1, coalesce=True, id="retention-check",
                      next_run_time=dt.datetime.now(dt.UTC))
    scheduler.start()
    return scheduler
