"""A case prepared on two laptops (a case export read on the second) is one zaak at the region."""

from __future__ import annotations

from pathlib import Path

import httpx

from tafelapp.services import exchange_service, outbox_service, setup_service, vault_service
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tests.conftest import PASSPHRASE
from tests.openzaak import course
from tests.openzaak.faults import Faulty, Sent
from tests.openzaak.oz import OpenZaak
from tests.openzaak.test_zaak_course import STEPS, held


def test_the_case_published_from_a_second_laptop_is_the_same_zaak(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path) -> None:
    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)
    first = held(alive, number)
    data = exchange_service.export_case_json(session, demo["jbt_case"]).encode()
    other = vault_service.create(vault_path.with_name("tweede.tafelapp"), PASSPHRASE, "tweede")
    try:  # the region file (tables, people, their certificates, the server) and then the case
        setup_service.import_region(other, setup_service.export_region_json(session).encode())
        assert outbox_service.region_settings(other).zaaktypen == {"JBT": alive.zaaktype}
        exchange_service.import_case(other, data)
        outbox_service.update_region(other, **alive.region())
        outcomes = course.drain_all(other)
        # the notulen came along: found at the region ("al aanwezig"), not sent again
        assert (outcomes[0].kind, outcomes[0].message) == ("delivered", "al aanwezig")
        assert [o.kind for o in outcomes] == ["delivered", "delivered"], outcomes
        [item] = [i for i in outbox_repo.all_items(other.conn) if i.kind == "case"]
        assert item.server_url == first["zaak"]["url"]  # found, not made again
        now = held(alive, number)
        assert now["documenten"] == first["documenten"]
        assert [n for _, n in now["statussen"]] == STEPS[:3]
        assert now["rollen"] == first["rollen"]  # the same casusregisseur, the same pseudonym
        assert len(now["resultaten"]) == 1
    finally:
        other.close()


def own_number(session: Session, case_id: str, number: str) -> str:
    """The identificatie a case gets when its number is taken: the number and its id's start."""
    assert case_id and session is not None
    return f"{number}-{case_id[:8]}"


def test_a_case_number_another_table_uses_gets_its_own_zaak_not_the_other_one(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path) -> None:
    """Another region file's table gave out the same number: that zaak is left as it is, this
    case reaches the region as a zaak of its own (number and its id's start), once."""
    from tafelapp.services.demo_service import seed_demo

    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)
    before = held(alive, number)
    other = vault_service.create(vault_path.with_name("ander.tafelapp"), PASSPHRASE, "ander")
    try:
        second = seed_demo(other)  # another region file: its own tables, the same number
        course.unique_number(other, second["jbt_case"], number)
        outbox_service.update_region(other, **alive.region())
        [outcome] = course.drain_all(other)
        ident = own_number(other, second["jbt_case"], number)
        assert outcome.kind == "delivered", outcome
        assert f"als zaak {ident}" in (outcome.message or "") and number in outcome.message
        assert len(alive.zaken(number)) == 1 and held(alive, number) == before
        [mine] = alive.zaken(ident)
        assert mine["url"] == outcome.url != before["zaak"]["url"]
    finally:
        other.close()


def test_another_case_given_the_same_number_on_another_laptop_gets_its_own_zaak(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path) -> None:
    """Two laptops of the same table each number their own new case JBT-…-0001: the second
    must never be taken for the first one's zaak (its statuses and notulen on another family's
    zaak); the case's own id, a kenmerk, tells them apart, and the second gets a zaak of its
    own — found again on a retry, not made twice. Each laptop's region werklijst still shows
    the other laptop's case with the same number."""
    import datetime as dt

    from tafelapp.services import case_service, region_worklist_service
    from tafelapp.sync.region_fetch import refresh
    from tafelapp.sync.zaken_client import ZakenClient

    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)
    first = held(alive, number)
    other = vault_service.create(vault_path.with_name("derde.tafelapp"), PASSPHRASE, "derde")
    try:  # the same region file, so the same table; a case of its own with the same number
        setup_service.import_region(other, setup_service.export_region_json(session).encode())
        outbox_service.update_region(other, **alive.region())
        case = case_service.open_case(
            other, table_id=demo["jbt"], family={"name": "Ander gezin"},
            children=[{"first_name": "C", "last_name": "D", "birth_date": dt.date(2018, 5, 1)}],
            referral={"route": "VTH", "date": course.today(), "referrer_kind": "RVDK",
                      "referrer_organisation": "RvdK", "referrer_person": "R"},
            case_number=number)
        lost: set[str] = set()

        def lose(sent: Sent, _n: int) -> None:  # every create's first answer goes missing
            if sent.method == "POST" and sent.url not in lost:
                lost.add(sent.url)
                raise httpx.ReadTimeout("het antwoord ging verloren")
        transport = Faulty(after=lose)
        outcomes = course.drain_all(other, **transport.clients(other))
        ident = own_number(other, case.id, number)
        assert outcomes[-1].kind == "delivered", outcomes
        assert lost and any(f"als zaak {ident}" in (o.message or "") for o in outcomes)
        assert len(alive.zaken(number)) == 1
        now = held(alive, number)
        assert now["statussen"] == first["statussen"] and now["documenten"] == first["documenten"]
        # the answer to its create was lost: the retry found it under its own number
        [mine] = alive.zaken(ident)
        assert mine["url"] == next(i.server_url for i in outbox_repo.all_items(other.conn)
                                   if i.kind == "case")
        for vault, theirs in ((other, number), (session, ident)):
            client = ZakenClient(outbox_service.region_settings(vault), "x")
            refresh(vault, client, full=True)
            client.close()
            listed = region_worklist_service.work_list(vault)
            shown = {i.case_number for i in listed.items}
            assert theirs in shown, (theirs, shown)  # the other laptop's case: not hidden
            assert not ({number, ident} - {theirs}) & shown  # its own: on its own werklijst
    finally:
        other.close()
