"""The archive timestamp renewal as a scheduled job for headless use (the app uses ui/scheduling)."""

from __future__ import annotations

import datetime as dt

from apscheduler.schedulers.base import BaseScheduler

from tafelapp.services import archive_service
from tafelapp.services.session import Session

RENEW_INTERVAL_SECONDS = 6 * 3600


def add_renewal(scheduler: BaseScheduler, session: Session,
                interval_seconds: float = RENEW_INTERVAL_SECONDS) -> None:
    """Renew due archive timestamps at once and then every `interval_seconds`, one run at a time
    (on the same scheduler as the outbox drain, so never beside it on the vault)."""
    scheduler.add_job(archive_service.renew_due, "interval", args=[session],
                      seconds=interval_seconds, max_instances=1, coalesce=True,
                      id="archive-renewal", next_run_time=dt.datetime.now(dt.UTC))
