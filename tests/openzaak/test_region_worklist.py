"""The region werklijst on a ketenregisseur's vault that never saw the case, from the real
Open Zaak: the same lines as the chair's own werklijst, the last copy kept when a refresh fails."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tafelapp.services import (
    outbox_service,
    region_worklist_service,
    setup_service,
    vault_service,
    worklist_service,
)
from tafelapp.services.session import Session
from tafelapp.sync.region_fetch import RefreshFailed, refresh
from tafelapp.sync.zaken_client import ZakenClient
from tests.conftest import PASSPHRASE
from tests.openzaak import course
from tests.openzaak.faults import Faulty, Sent
from tests.openzaak.oz import OpenZaak


def lines(items: list[object], number: str) -> list[tuple[object, ...]]:
    return sorted((i.kind, i.due, i.working_days_left) for i in items  # type: ignore[attr-defined]
                  if i.case_number == number)  # type: ignore[attr-defined]


def test_the_ketenregisseur_sees_the_case_as_the_chair_does_without_ever_holding_it(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path) -> None:
    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)
    local = lines(worklist_service.work_list(session), number)
    assert local  # the demo case needs attention (an afspraak past its date, a term)
    regie = vault_service.create(vault_path.with_name("ketenregie.tafelapp"), PASSPHRASE, "kr")
    try:  # a vault with the region file and no table of her own cases
        setup_service.import_region(regie, setup_service.export_region_json(session).encode())
        outbox_service.update_region(regie, **alive.region())
        client = ZakenClient(outbox_service.region_settings(regie), "kr")
        fetched = refresh(regie, client)
        client.close()
        assert fetched.requests == 1 + (fetched.per_zaaktype[alive.zaaktype] - 1) // 100
        result = region_worklist_service.work_list(regie)
        assert lines(result.items, number) == local
        table = next(i.table_name for i in result.items if i.case_number == number)
        assert table.startswith("Jeugdbeschermingstafel Duinstede (demo)") and "Duinstede)" in table
        assert "zaken.lezen" in result.note and result.fetched_at is not None
        # on the chair's laptop the region list leaves her own case to her own werklijst
        client = ZakenClient(outbox_service.region_settings(session), "chair")
        refresh(session, client)
        client.close()
        mine = region_worklist_service.work_list(session)
        assert lines(mine.items, number) == [] and mine.own >= 1
        # a refresh that breaks off halfway keeps the last good copy, with the reason in Dutch
        before = region_worklist_service.copy(regie)

        def broken(sent: Sent, response: httpx.Response) -> httpx.Response | None:
            return httpx.Response(200, content=response.content[:200])
        faulty = ZakenClient(outbox_service.region_settings(regie), "kr",
                             transport=Faulty(answer=broken))
        with pytest.raises(RefreshFailed, match="brak af"):
            refresh(regie, faulty)
        faulty.close()
        assert region_worklist_service.copy(regie) == before
        error = ZakenClient(outbox_service.region_settings(regie), "kr", transport=Faulty(
            answer=lambda s, r: httpx.Response(500, json={"title": "fout"})))
        with pytest.raises(RefreshFailed, match="HTTP 500"):
            refresh(regie, error)
        error.close()
        assert lines(region_worklist_service.work_list(regie).items, number) == local
    finally:
        regie.close()
