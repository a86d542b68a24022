"""The desktop app's outbox drain (database worker, network worker) publishes the case too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tafelapp.services import outbox_service, vault_service
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tests.conftest import PASSPHRASE
from tests.openzaak import course
from tests.openzaak.oz import OpenZaak
from tests.openzaak.test_zaak_course import STEPS, held
from ui.controllers.outbox import OutboxController
from ui.workers import DbExecutor


def test_the_app_drain_delivers_the_notulen_and_publishes_the_zaak(alive: OpenZaak, qtbot: Any,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "app.tafelapp"
    prepared = vault_service.create(path, PASSPHRASE, "app")
    demo = seed_demo(prepared)
    outbox_service.update_region(prepared, **alive.region())
    number = course.start(prepared, demo)
    prepared.close()
    executor = DbExecutor()
    opened: list[Session] = []
    executor.run(lambda: vault_service.unlock(path, PASSPHRASE, "app"), opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    executor.session = opened[0]
    controller = OutboxController(executor)
    try:
        controller.drain()
        qtbot.waitUntil(lambda: not controller.running, timeout=180_000)
        statuses: list[Any] = []
        executor.submit(outbox_service.status, statuses.append)
        qtbot.waitUntil(lambda: bool(statuses), timeout=30_000)
        assert statuses[0].delivered == 2 and statuses[0].waiting == 0, statuses[0]
        assert [n for _, n in held(alive, number)["statussen"]] == STEPS[:3]
        assert len(held(alive, number)["documenten"]) == 1
    finally:
        controller.shutdown()
        executor.shutdown()
