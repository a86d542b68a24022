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
from tafelapp.sync.region_fetch import RefreshFailed, fetch_open_zaken, refresh
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


OTHER_ZAAKTYPE = """
import datetime as dt
from dateutil.relativedelta import relativedelta
from openzaak.components.catalogi.models import Catalogus, ZaakType
from openzaak.components.zaken.models import Zaak, ZaakKenmerk
cat = Catalogus.objects.get(domein="TAFEL", rsin="002564440")
zt, _ = ZaakType.objects.get_or_create(catalogus=cat, identificatie="ZVT-CASUS-TEST", defaults=dict(
    zaaktype_omschrijving="ZVT (test)", vertrouwelijkheidaanduiding="vertrouwelijk", doel="x",
    aanleiding="x", indicatie_intern_of_extern="intern", handeling_initiator="x", onderwerp="x",
    handeling_behandelaar="x", doorlooptijd_behandeling=relativedelta(weeks=6),
    opschorting_en_aanhouding_mogelijk=False, verlenging_mogelijk=False,
    publicatie_indicatie=False, versiedatum=dt.date(2026, 1, 1),
    datum_begin_geldigheid=dt.date(2026, 1, 1), verantwoordelijke="x",
    referentieproces_naam="x", concept=False))
if not Zaak.objects.filter(_zaaktype=zt).exists():
    z = Zaak.objects.create(identificatie="ZVT-TEST-000001", bronorganisatie="002564440",
        verantwoordelijke_organisatie="002564440", _zaaktype=zt, startdatum=dt.date(2026, 9, 1),
        registratiedatum=dt.date(2026, 9, 1), vertrouwelijkheidaanduiding="vertrouwelijk")
    ZaakKenmerk.objects.bulk_create([ZaakKenmerk(zaak=z, bron=b, kenmerk=k) for b, k in (
        ("tafelapp:tafel", "f" * 32), ("tafelapp:casusregie", "NONE"))])
print("ZAAKTYPE", f"http://127.0.0.1:8011/catalogi/api/v1/zaaktypen/{zt.uuid}")
"""


def test_with_zaken_lezen_on_one_zaaktype_she_sees_only_that_table_kind(
        alive: OpenZaak, session: Session, demo: dict[str, str]) -> None:
    out = alive.shell(OTHER_ZAAKTYPE)
    zvt = next(line.split()[1] for line in out.splitlines() if line.startswith("ZAAKTYPE "))
    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)
    cid, secret = alive.new_app([("zrc", ["zaken.lezen"], "zaaktype", alive.zaaktype),
                                 ("ztc", ["catalogi.lezen"], "", "")])
    narrow = alive.region(cid, secret, zaaktypen={"JBT": alive.zaaktype, "ZVT": zvt})
    outbox_service.update_region(session, **narrow)
    client = ZakenClient(outbox_service.region_settings(session), "kr")
    fetched = refresh(session, client)
    client.close()
    assert fetched.per_zaaktype[zvt] == 0  # invisible, not an error
    assert number in {z["identificatie"] for z in fetched.zaken}
    wide = ZakenClient(outbox_service.region_settings(session).model_copy(
        update={"client_id": "oz-admin", "secret": "oz-admin-geheim-0123456789"}), "beheer")
    assert fetch_open_zaken(wide, [zvt]).per_zaaktype[zvt] >= 1  # it is there
    wide.close()
