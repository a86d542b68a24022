"""A refresh reads what changed, not every open zaak: the chair's laptop marks each zaak it changes
with the day (kenmerk `tafelapp-gewijzigd`), the ketenregisseur's refresh asks Open Zaak for the
zaken marked on the days since her last one, closed zaken included so they leave her list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import unquote

from tafelapp.services import outbox_service, region_worklist_service, setup_service, vault_service
from tafelapp.services.session import Session
from tafelapp.sync.region_fetch import refresh
from tafelapp.sync.zaken_client import ZakenClient
from tests.conftest import PASSPHRASE
from tests.openzaak import course
from tests.openzaak.faults import Faulty
from tests.openzaak.oz import OpenZaak


def _numbers(session: Session) -> set[str]:
    return {row[1] for row in region_worklist_service.copy(session).cases}


def test_a_refresh_reads_the_changed_zaken_and_a_closed_one_leaves_the_list(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path) -> None:
    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)
    regie = vault_service.create(vault_path.with_name("regie-wijzigingen.tafelapp"), PASSPHRASE,
                                 "kr")
    try:
        setup_service.import_region(regie, setup_service.export_region_json(session).encode())
        outbox_service.update_region(regie, **alive.region())
        client = ZakenClient(outbox_service.region_settings(regie), "kr")
        first = refresh(regie, client)
        assert first.full and number in _numbers(regie)
        open_before = region_worklist_service.copy(regie).zaken

        # nothing changed: one query per day of the window (and the further pages of a day on
        # which this Open Zaak holds more than a page of changed zaken: other test runs on the
        # same server mark theirs today too), the copy as it was
        watch = Faulty()
        watched = ZakenClient(outbox_service.region_settings(regie), "kr", transport=watch)
        quiet = refresh(regie, watched)
        days = region_worklist_service.read_plan(regie).days
        assert not quiet.full and quiet.days and len(days) <= 3
        assert all("kenmerk=tafelapp-gewijzigd" in s.url for s in watch.sent)
        firsts = [unquote(s.url) for s in watch.sent if "page=" not in s.url]
        assert len(firsts) == len(quiet.days)
        assert all(sum(f"tafelapp-gewijzigd:{day}" in u for u in firsts) == 1
                   for day in quiet.days)
        assert quiet.requests == len(watch.sent)
        assert number in _numbers(regie)

        # the chair closes the case: her laptop marks the zaak as changed today before the
        # eindstatus, and the ketenregisseur's next refresh takes it off the list
        course.close(session, demo)
        course.drain_all(session)
        held = alive.zaken(number)[0]
        marks = {k["bron"]: k["kenmerk"] for k in held["kenmerken"]}
        assert marks["tafelapp-gewijzigd"] == course.today().isoformat()
        assert held["einddatum"] is not None
        changed = refresh(regie, watched)
        assert not changed.full and number in {z["identificatie"] for z in changed.zaken}
        assert number not in _numbers(regie)
        assert region_worklist_service.copy(regie).zaken == open_before - 1
        assert "gewijzigde zaken" in changed.summary

        # the first refresh of a working day, or a changed region file, reads everything again
        later = regie.now() + region_worklist_service.FULL_READ_EVERY + dt.timedelta(minutes=1)
        regie.clock = lambda: later
        assert region_worklist_service.read_plan(regie).full
        watched.close()
        client.close()
    finally:
        regie.close()


def test_a_server_that_ignores_the_kenmerk_filter_gets_a_full_read(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path) -> None:
    import httpx

    outbox_service.update_region(session, **alive.region())
    course.start(session, demo)
    course.drain_all(session)
    client = ZakenClient(outbox_service.region_settings(session), "chair")
    refresh(session, client)
    client.close()

    def ignore_kenmerk(request: httpx.Request) -> httpx.Request:  # a server without the filter
        return httpx.Request(request.method, request.url.copy_remove_param("kenmerk"),
                             headers=request.headers)
    deaf = ZakenClient(outbox_service.region_settings(session), "chair",
                       transport=Faulty(rewrite=ignore_kenmerk))
    fetched = refresh(session, deaf)
    deaf.close()
    assert fetched.full and "filtert niet op kenmerk" in fetched.summary
