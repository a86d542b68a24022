"""A case prepared on two laptops (a case export read on the second) is one zaak at the region."""

from __future__ import annotations

from pathlib import Path

from tafelapp.services import exchange_service, outbox_service, setup_service, vault_service
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tests.conftest import PASSPHRASE
from tests.openzaak import course
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


def test_a_case_number_another_table_uses_is_refused_not_overwritten(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path) -> None:
    from tafelapp.services.demo_service import seed_demo

    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)
    other = vault_service.create(vault_path.with_name("ander.tafelapp"), PASSPHRASE, "ander")
    try:
        second = seed_demo(other)  # another region file: its own tables, the same number
        course.unique_number(other, second["jbt_case"], number)
        outbox_service.update_region(other, **alive.region())
        [outcome] = course.drain_all(other)
        assert outcome.kind == "rejected" and "andere tafel" in (outcome.message or "")
        assert len(alive.zaken(number)) == 1
        assert [n for _, n in held(alive, number)["statussen"]] == STEPS[:3]
    finally:
        other.close()


def test_another_case_given_the_same_number_on_another_laptop_is_refused_not_mixed(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path) -> None:
    """Two laptops of the same table each number their own new case JBT-…-0001: the second
    must never be taken for the first one's zaak (its statuses and notulen on another family's
    zaak); the case's own id, a kenmerk, tells them apart."""
    import datetime as dt

    from tafelapp.services import case_service

    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)
    first = held(alive, number)
    other = vault_service.create(vault_path.with_name("derde.tafelapp"), PASSPHRASE, "derde")
    try:  # the same region file, so the same table; a case of its own with the same number
        setup_service.import_region(other, setup_service.export_region_json(session).encode())
        outbox_service.update_region(other, **alive.region())
        case_service.open_case(
            other, table_id=demo["jbt"], family={"name": "Ander gezin"},
            children=[{"first_name": "C", "last_name": "D", "birth_date": dt.date(2018, 5, 1)}],
            referral={"route": "VTH", "date": course.today(), "referrer_kind": "RVDK",
                      "referrer_organisation": "RvdK", "referrer_person": "R"},
            case_number=number)
        [outcome] = course.drain_all(other)
        assert outcome.kind == "rejected", outcome
        assert "andere casus van deze tafel" in (outcome.message or "")
        assert len(alive.zaken(number)) == 1
        now = held(alive, number)
        assert now["statussen"] == first["statussen"] and now["documenten"] == first["documenten"]
    finally:
        other.close()
