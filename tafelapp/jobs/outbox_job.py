"""The outbox drain as a scheduled job for headless use (the desktop app uses the Qt adapter)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler

from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.sync.outbox import Outcome, drain
from tafelapp.sync.zgw_client import ZgwClient

DRAIN_INTERVAL_SECONDS = 30


def drain_once(session: Session, rng: random.Random | None = None,
               client: ZgwClient | None = None) -> list[Outcome]:
    """Deliver everything that is due now, with the region settings from the vault."""
    own = client is None
    client = client or ZgwClient(outbox_service.region_settings(session), session.actor)
    try:
        return drain(session, client, rng=rng)
    finally:
        if own:
            client.close()


def start_headless(session: Session, interval_seconds: float = DRAIN_INTERVAL_SECONDS,
                   on_outcomes: Callable[[list[Outcome]], None] | None = None) \
        -> BackgroundScheduler:
    """Drain at once and then every `interval_seconds`, one run at a time, in a worker thread."""
    scheduler = BackgroundScheduler()

    def job() -> None:
        outcomes = drain_once(session)
        if on_outcomes and outcomes:
            on_outcomes(outcomes)

    scheduler.add_job(job, "interval", seconds=interval_seconds, max_instances=1,
                      coalesce=True, id="outbox-drain",
                      next_run_time=dt.datetime.now(dt.UTC))  # the first run at once
    scheduler.start()
    return scheduler
