"""Sync fixtures: a reference regional server on loopback and a vault with signed notulen queued."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from regional.server import Config, Faults, RegionalServer
from regional.store import SqliteStore
from tafelapp.services import meeting_service, minutes_service, outbox_service
from tafelapp.services.session import Session

CLIENT, SECRET = "tafelapp-duinstede", "gedeeld-geheim-voor-de-test-van-de-regio"
IOT = "http://catalogi.invalid/api/v1/informatieobjecttypen/notulen"
RSIN = "002220647"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RegionalServer]:
    store = SqliteStore(str(tmp_path / "regional.sqlite3"))
    srv = RegionalServer(store, Config({CLIENT: SECRET}, {IOT}, faults=Faults())).start()
    yield srv
    srv.stop()


def configure_region(session: Session, url: str, **changes: Any) -> None:
    outbox_service.update_region(session, **{
        "base_url": url, "client_id": CLIENT, "secret": SECRET, "rsin": RSIN,
        "informatieobjecttype": IOT, "timeout_seconds": 5.0, **changes})


def signed_documents(session: Session, demo: dict[str, str], count: int) -> list[str]:
    """Final notulen plus (count - 1) rectificaties, all signed and queued; returns their ids."""
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    chair = minutes_service.create_local_identity(session, "Mr. A. de Voorzitter (fictief)",
                                                  "123456")
    sec = minutes_service.create_local_identity(session, "B. Secretaris (fictief)", "654321")
    ids = []
    for n in range(count):
        target = minutes if n == 0 else minutes_service.create_rectification(
            session, minutes.id, f"Correctie nummer {n} op {dt.date.today():%d-%m-%Y}.")
        minutes_service.sign_minutes(session, target.id, chair.id, "123456", "CHAIR")
        minutes_service.sign_minutes(session, target.id, sec.id, "654321", "SECRETARY")
        ids.append(target.id)
    return ids
