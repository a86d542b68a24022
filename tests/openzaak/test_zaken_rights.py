"""Narrowed rights against the real Open Zaak: what `region test` proves, what it cannot, and
'afgeleverd, niet bevestigd' when the region holds something this client may not read."""

from __future__ import annotations

from pathlib import Path

import httpx

from tafelapp.services import outbox_service, vault_service, zaak_service
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tafelapp.sync.region_check import UPDATE_STEP, check_region
from tafelapp.sync.zaken_check import ZakenStep, check_zaken
from tests.conftest import PASSPHRASE
from tests.openzaak import course
from tests.openzaak.faults import Faulty, Sent
from tests.openzaak.oz import OpenZaak

ZAKEN_ALL = ["zaken.lezen", "zaken.aanmaken", "zaken.bijwerken", "zaken.statussen.toevoegen"]


def docs(oz: OpenZaak, read_iot: str | None = None) -> list[tuple[str, list[str], str, str]]:
    """documenten.aanmaken on Notulen; documenten.lezen on `read_iot` (Notulen by default)."""
    read = read_iot or oz.iot
    rights = [("drc", ["documenten.aanmaken"], "informatieobjecttype", oz.iot),
              ("drc", ["documenten.lezen"], "informatieobjecttype", read)]
    return rights


def by_name(steps: list[ZakenStep]) -> dict[str, ZakenStep]:
    return {s.name: s for s in steps}


def test_region_test_proves_every_zaken_right_once_there_is_a_zaak(
        alive: OpenZaak, session: Session, demo: dict[str, str]) -> None:
    outbox_service.update_region(session, **alive.region())
    settings = outbox_service.region_settings(session)
    before = check_zaken(settings, "test")
    assert all(s.ok for s in before), before
    unproven = sorted(s.name for s in before if not s.proven)
    assert unproven == ["JBT: Statussen zetten (zaken.statussen.toevoegen)",
                        "JBT: Zaken bijwerken (zaken.bijwerken)",
                        "JBT: Zaken lezen (zaken.lezen)"]
    course.start(session, demo)
    course.drain_all(session)
    after = check_zaken(settings, "test", zaak_service.open_published_zaken(session))
    assert all(s.ok and s.proven for s in after), after
    steps = check_region(settings, "test",
                         known_document=outbox_service.a_delivered_document(session))
    *others, update = steps
    assert all(s.ok and s.proven for s in others), others
    # setup.sh's Applicatie `tafelapp` has documenten.aanmaken + lezen only: a renewed archive
    # version (lock → PATCH → unlock) would be refused, and the region test says so
    assert update.name == UPDATE_STEP and not update.ok and update.proven
    assert update.message.startswith("ontbreekt: documenten.bijwerken en documenten.lock.")


def test_without_zaken_bijwerken_the_notulen_link_is_refused_with_the_fix(
        alive: OpenZaak, session: Session, demo: dict[str, str]) -> None:
    # Open Zaak lets zaken.aanmaken set statuses, a resultaat and rollen too; linking a document
    # (zaakinformatieobject) and changing the zaak need zaken.bijwerken
    cid, secret = alive.new_app([
        ("zrc", ["zaken.lezen", "zaken.aanmaken", "zaken.statussen.toevoegen"], "zaaktype",
         alive.zaaktype), ("ztc", ["catalogi.lezen"], "", ""), *docs(alive)])
    outbox_service.update_region(session, **alive.region(cid, secret))
    number = course.start(session, demo)
    outcomes = course.drain_all(session)
    assert [o.kind for o in outcomes] == ["delivered", "rejected"], outcomes
    assert "'zaken.bijwerken'" in (outcomes[1].message or "")
    assert "regio moet" in (outcomes[1].message or "")
    [zaak] = alive.zaken(number)
    assert len(alive.under("statussen", zaak["url"])) == 3
    assert alive.under("zaakinformatieobjecten", zaak["url"]) == []
    steps = by_name(check_zaken(outbox_service.region_settings(session), "test",
                                zaak_service.open_published_zaken(session)))
    update = steps["JBT: Zaken bijwerken (zaken.bijwerken)"]
    assert not update.ok and "toe te kennen" in update.message
    assert steps["JBT: Statussen zetten (zaken.statussen.toevoegen)"].ok
    # once the region grants it, a retry completes the zaak without a second status
    outbox_service.update_region(session, **alive.region())
    course.drain_all(session)
    assert len(alive.under("statussen", zaak["url"])) == 3
    assert len(alive.under("zaakinformatieobjecten", zaak["url"])) == 1


def test_without_catalogi_lezen_region_test_says_so(alive: OpenZaak, session: Session) -> None:
    cid, secret = alive.new_app([("zrc", ZAKEN_ALL, "zaaktype", alive.zaaktype), *docs(alive)])
    outbox_service.update_region(session, **alive.region(cid, secret))
    steps = check_zaken(outbox_service.region_settings(session), "test")
    assert [(s.ok, "catalogi.lezen" in s.message) for s in steps][-1] == (False, True), steps


def test_a_lost_answer_without_documenten_lezen_on_the_type_is_unconfirmed_not_rejected(
        alive: OpenZaak, session: Session, demo: dict[str, str]) -> None:
    other = alive.other_iot()
    cid, secret = alive.new_app([*docs(alive, read_iot=other),
                                 ("zrc", ZAKEN_ALL, "zaaktype", alive.zaaktype),
                                 ("ztc", ["catalogi.lezen"], "", "")])
    outbox_service.update_region(session, **alive.region(cid, secret))
    lost: list[str] = []

    def lose(sent: Sent, _n: int) -> None:
        if sent.method == "POST" and "enkelvoudiginformatieobjecten" in sent.url and not lost:
            lost.append(sent.url)
            raise httpx.ReadTimeout("het antwoord ging verloren")
    transport = Faulty(after=lose)
    course.start(session, demo)
    course.drain_all(session, **transport.clients(session))
    [minutes] = [i for i in outbox_repo.all_items(session.conn) if i.kind == "minutes"]
    assert lost and minutes.state == "unconfirmed", (minutes.state, minutes.last_error)
    assert "niet bevestigd" in (minutes.last_error or "")
    # 'Opnieuw proberen' keeps it unconfirmed (never rejected, never a second copy)
    outbox_service.send_now(session, include_rejected=True)
    course.drain_all(session, **transport.clients(session))
    [minutes] = [i for i in outbox_repo.all_items(session.conn) if i.kind == "minutes"]
    assert minutes.state == "unconfirmed"
    found = alive.admin("GET", "/documenten/api/v1/enkelvoudiginformatieobjecten",
                        params={"identificatie": minutes.identificatie, "bronorganisatie":
                                "002564440"}).json()
    assert found["count"] == 1


def test_without_zaken_lezen_nothing_is_created_blind(alive: OpenZaak, session: Session,
                                                     demo: dict[str, str]) -> None:
    cid, secret = alive.new_app([("zrc", ["zaken.aanmaken", "zaken.bijwerken"], "zaaktype",
                                  alive.zaaktype), ("ztc", ["catalogi.lezen"], "", ""),
                                 *docs(alive)])
    outbox_service.update_region(session, **alive.region(cid, secret))
    number = course.start(session, demo)
    outcomes = course.drain_all(session)
    assert outcomes[-1].kind == "rejected" and "'zaken.lezen'" in (outcomes[-1].message or "")
    assert alive.zaken(number) == []


def test_a_zaak_the_client_may_not_see_is_unconfirmed_never_rejected(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path) -> None:
    # the zaak exists (published by a laptop with full rights); this laptop's client may read
    # the zaaktype only up to 'intern', so the zaak is invisible to it
    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)
    cid, secret = alive.new_app([("zrc", ZAKEN_ALL, "zaaktype", alive.zaaktype),
                                 ("ztc", ["catalogi.lezen"], "", ""), *docs(alive)], most="intern")
    other = vault_service.create(vault_path.with_name("tweede.tafelapp"), PASSPHRASE, "tweede")
    try:
        second = seed_demo(other)
        outbox_service.update_region(other, **alive.region(cid, secret, confidentiality="intern"))
        course.unique_number(other, second["jbt_case"], number)
        outcomes = course.drain_all(other)
        assert [o.kind for o in outcomes] == ["unconfirmed"], outcomes
        assert "niet bevestigd" in (outcomes[0].message or "")
        assert len(alive.zaken(number)) == 1
    finally:
        other.close()
