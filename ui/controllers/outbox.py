"""Drains the outbox beside the UI: claim and record on the database worker, upload on its own."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import QObject, Signal

from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from ui.workers import DbExecutor

# tafelapp.sync (httpx, PyJWT) is imported when the first drain runs, not at start-up: the unlock
# window should appear without waiting for the HTTP stack.


NO_REGION = ("Er is nog geen regionale server ingesteld, dus er kan niets worden verzonden. De "
             "documenten blijven veilig in de outbox. Stel de server in via Instellingen → "
             "'Regio, tafels en adresboek…', stap 5 'Regionale server' (of met: tafelapp "
             "region set), en kies daarna opnieuw 'Nu verzenden'.")


def send_notice(configured: bool, due: int, cases: int = 0) -> str:
    """What 'Nu verzenden' says: no region yet, nothing waiting, or how many documents and
    cases (zaken at the region) go now."""
    if not configured:
        return NO_REGION
    if due == 0:
        return "Er wacht niets om te verzenden."
    documents = due - cases
    parts = [f"{n} {one if n == 1 else many}" for n, one, many in (
        (documents, "document", "documenten"), (cases, "casus", "casussen")) if n]
    return f"{' en '.join(parts)} {'wordt' if due == 1 else 'worden'} nu verzonden."


class OutboxController(QObject):
    """One item at a time: claim (db) → deliver (network thread) → record (db) → next."""

    status_changed = Signal(object)
    notice = Signal(str)  # what 'Nu verzenden' did, in Dutch

    def __init__(self, executor: DbExecutor) -> None:
        super().__init__()
        self.executor = executor
        self.network = DbExecutor()  # a second serial worker: uploads never hold up the vault
        self._running = False
        self._rng = random.Random()

    @property
    def running(self) -> bool:
        """True while a drain is in progress."""
        return self._running

    def send_now(self, include_rejected: bool = False) -> None:
        """'Nu verzenden' / 'Opnieuw proberen': make items due and drain."""
        if self.executor.session is None:
            return

        def due(s: Session) -> tuple[bool, int, int]:
            count = outbox_service.send_now(s, include_rejected)
            return (outbox_service.region_settings(s).configured, count,
                    outbox_service.queued_cases(s))

        def then(result: tuple[bool, int, int]) -> None:
            configured, count, cases = result
            self.notice.emit(send_notice(configured, count, min(cases, count)))
            if configured:
                self.drain()
        self.executor.submit(due, then)

    def drain(self) -> None:
        """Deliver everything that is due (ignored while a drain runs or the vault is locked)."""
        if self._running or self.executor.session is None:
            return
        self._running = True
        self._next()

    def _next(self) -> None:
        def claim(s: Session) -> tuple[Any, Any]:
            from tafelapp.sync.case_outbox import claim_case
            from tafelapp.sync.outbox import claim_due

            settings = outbox_service.region_settings(s)
            document = claim_due(s, s.now())  # documents first: a zaak then links them
            return document or claim_case(s), (settings, s.actor)
        self.executor.submit(claim, self._on_claimed, self._stop)

    def _on_claimed(self, claimed: tuple[Any, Any]) -> None:
        from tafelapp.sync.case_outbox import CaseClaim

        item, (settings, actor) = claimed
        if item is None:
            self._stop()
            return
        is_case = isinstance(item, CaseClaim)

        def upload() -> Any:
            from tafelapp.sync.case_outbox import publish_claim
            from tafelapp.sync.outbox import deliver
            from tafelapp.sync.zaken_client import ZakenClient
            from tafelapp.sync.zgw_client import ZgwClient

            if is_case:
                zaken = ZakenClient(settings, actor)
                try:
                    return publish_claim(item, zaken)
                finally:
                    zaken.close()
            client = ZgwClient(settings, actor)
            try:
                return deliver(item, client)
            finally:
                client.close()
        self.network.run(upload, lambda outcome: self._on_delivered(item, outcome), self._stop)

    def _on_delivered(self, item: Any, outcome: Any) -> None:
        from tafelapp.sync.case_outbox import CaseClaim, record_case
        from tafelapp.sync.outbox import record

        if isinstance(item, CaseClaim):
            self.executor.submit(lambda s: record_case(s, item, outcome, self._rng),
                                 self._on_recorded, self._stop)
            return
        self.executor.submit(lambda s: record(s, item, outcome, s.now(), self._rng),
                             self._on_recorded, self._stop)

    def _on_recorded(self, _result: object) -> None:
        self.refresh_status()
        self._next()

    def _stop(self, _error: object = None) -> None:
        self._running = False
        self.refresh_status()

    def renew_archive(self) -> None:
        """The scheduled renewal of archive timestamps (archive_service.renew_due), in the vault's
        worker; the outbox screen then says when it last ran."""
        if self.executor.session is None:
            return
        from tafelapp.services import archive_service

        self.executor.submit(archive_service.renew_due, lambda _s: self.refresh_status(),
                             lambda _e: None)

    def refresh_status(self) -> None:
        """Ask the vault for the counts shown in the status bar."""
        if self.executor.session is not None:
            self.executor.submit(outbox_service.status, self.status_changed.emit,
                                 lambda _e: None)

    def shutdown(self) -> None:
        """Stop the network worker."""
        self.network.shutdown()
