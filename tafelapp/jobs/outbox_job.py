"""The outbox drain as a scheduled job for headless use (the desktop app uses the Qt adapter)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler

from tafelapp.jobs.archive_job import add_renewal
from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.sync.case_outbox import drain_cases, zaken_client
from tafelapp.sync.outbox import Outcome, drain
from tafelapp.sync.zaken_client import ZakenClient
from tafelapp.sync.zgw_client import ZgwClient

DRAIN_INTERVAL_SECONDS = 30


def drain_once(session: Session, rng: random.Random | None = None,
               client: ZgwClient | None = None,
               zaken: ZakenClient | None = None) -> list[Outcome]:
    """Deliver every document that is due now, then publish every changed case as its zaak
    (documents first, so a notulen delivered now is linked to its zaak in the same run)."""
    own, own_zaken = client is None, zaken is None
    client = client or ZgwClient(outbox_service.region_settings(session), session.actor)
    zaken = zaken or zaken_client(session)
    try:
        outcomes = drain(session, client, rng=rng)
        return outcomes + (drain_cases(session, zaken, rng=rng) if zaken else [])
    finally:
        if own:
            client.close()
        if own_zaken and zaken is not None:
            zaken.close()


def start_headless(session: Session, interval_seconds: float = DRAIN_INTERVAL_SECONDS,
                   on_outcomes: Callable[[list[Outcome]], None] | None = None) \
        -> BackgroundScheduler:
    """Drain at once and then every `interval_seconds`, one run at a time, in a worker thread."""
    from apscheduler.executors.pool import ThreadPoolExecutor

    # one worker: the drain and the archive renewal share the vault's connection, never at once
    scheduler = BackgroundScheduler(executors={"default": ThreadPoolExecutor(max_workers=1)})

    def job() -> None:
        outcomes = drain_once(session)
        if on_outcomes and outcomes:
            on_outcomes(outcomes)

    scheduler.add_job(job, "interval", seconds=interval_seconds, max_instances=1,
                      coalesce=True, id="outbox-drain",
                      next_run_time=dt.datetime.now(dt.UTC))  # the first run at once
    add_renewal(scheduler, session)
    scheduler.start()
    return scheduler
