"""A case's whole course published as one zaak in the real Open Zaak, exactly once."""

from __future__ import annotations

from typing import Any

import httpx

from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tests.openzaak import course
from tests.openzaak.faults import Faulty, Sent, creates
from tests.openzaak.oz import RSIN, OpenZaak

STEPS = ["Aangemeld", "Besproken aan tafel", "Besluit genomen", "Raadsonderzoek loopt",
         "Afgerond"]


def held(oz: OpenZaak, number: str) -> dict[str, Any]:
    """What Open Zaak holds of the case's zaak (as the admin sees it)."""
    [zaak] = oz.zaken(number)
    url = zaak["url"]
    types = {t["url"]: t["omschrijving"] for t in oz.admin(
        "GET", "/catalogi/api/v1/statustypen", params={"zaaktype": oz.zaaktype}).json()["results"]}
    results = {t["url"]: t["omschrijving"] for t in oz.admin(
        "GET", "/catalogi/api/v1/resultaattypen",
        params={"zaaktype": oz.zaaktype}).json()["results"]}
    return {"zaak": zaak,
            "statussen": sorted((s["datumStatusGezet"], types[s["statustype"]])
                                for s in oz.under("statussen", url)),
            "resultaten": [results[r["resultaattype"]] for r in oz.under("resultaten", url)],
            "rollen": [(r["omschrijving"], r["betrokkeneIdentificatie"]["anpIdentificatie"])
                       for r in oz.under("rollen", url)],
            "documenten": [z["informatieobject"] for z in oz.under("zaakinformatieobjecten", url)]}


def check_whole_course(oz: OpenZaak, session: Session, number: str) -> dict[str, Any]:
    """One zaak with the five statuses once each, one resultaat, one rol, one notulen link."""
    now = held(oz, number)
    assert [name for _, name in now["statussen"]] == STEPS, now["statussen"]
    assert now["resultaten"] == ["Raadsonderzoek"]
    assert len(now["rollen"]) == 1 and now["rollen"][0][0] == "Casusregisseur"
    minutes = [i for i in outbox_repo.all_items(session.conn) if i.kind == "minutes"]
    assert now["documenten"] == [minutes[0].server_url]
    zaak = now["zaak"]
    assert zaak["einddatum"] is not None and zaak["zaaktype"] == oz.zaaktype
    assert zaak["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    bronnen = {k["bron"] for k in zaak["kenmerken"]}
    assert {"tafelapp:tafel", "tafelapp:casusregie", "tafelapp:voortgang"} <= bronnen
    return now


def test_a_case_becomes_one_zaak_with_its_whole_course(alive: OpenZaak, session: Session,
                                                       demo: dict[str, str]) -> None:
    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    outcomes = course.drain_all(session)
    assert [o.kind for o in outcomes] == ["delivered", "delivered"], outcomes
    first = held(alive, number)
    assert [n for _, n in first["statussen"]] == STEPS[:3]
    assert first["resultaten"] == ["Uitgesteld raadsonderzoek"]
    assert first["zaak"]["startdatum"] == demo_referral(session, demo)
    assert first["zaak"]["uiterlijkeEinddatumAfdoening"] is not None
    assert len(first["documenten"]) == 1
    course.second_decision(session, demo)
    course.close(session, demo)
    again = course.drain_all(session)
    assert [o.kind for o in again] == ["delivered"], again
    check_whole_course(alive, session, number)
    # nothing changed: nothing is sent again
    assert course.drain_all(session) == []


def demo_referral(session: Session, demo: dict[str, str]) -> str:
    from tafelapp.services.case_service import get_case

    referral = get_case(session, demo["jbt_case"]).referral
    assert referral is not None
    return referral.date.isoformat()


def whole_course(oz: OpenZaak, session: Session, demo: dict[str, str], transport: Faulty,
                 rounds: int = 40) -> str:
    """The course through a faulty transport, in three drains, Open Zaak brought back whenever
    it was killed; returns the case number."""
    outbox_service.update_region(session, **oz.region())
    number = course.start(session, demo)
    clients = transport.clients(session)

    def revive() -> None:
        if not oz.running():
            oz.serve()
    for change in (None, course.second_decision, course.close):
        if change:
            change(session, demo)
        course.drain_all(session, rounds, revive, **clients)
    revive()
    kinds = {i.kind: i.state for i in outbox_repo.all_items(session.conn)}
    assert kinds == {"minutes": "delivered", "case": "delivered"}, \
        [(i.kind, i.state, i.last_error) for i in outbox_repo.all_items(session.conn)]
    return number


def one_document(oz: OpenZaak, session: Session) -> None:
    [item] = [i for i in outbox_repo.all_items(session.conn) if i.kind == "minutes"]
    found = oz.admin("GET", "/documenten/api/v1/enkelvoudiginformatieobjecten",
                     params={"identificatie": item.identificatie, "bronorganisatie": RSIN})
    assert found.json()["count"] == 1


def test_every_answer_lost_once_still_makes_one_of_everything(alive: OpenZaak, session: Session,
                                                              demo: dict[str, str]) -> None:
    lost: set[str] = set()

    def lose(sent: Sent, _n: int) -> None:
        key = f"{sent.url}|{sent.body[:300]!r}"
        if sent.method == "POST" and key not in lost:
            lost.add(key)
            raise httpx.ReadTimeout("het antwoord ging verloren")
    transport = Faulty(after=lose)
    number = whole_course(alive, session, demo, transport)
    check_whole_course(alive, session, number)
    one_document(alive, session)
    # every create's answer was lost, and after each a lookup found it: none was sent twice
    assert len(creates(transport)) == len(lost) >= 9


def test_killing_open_zaak_mid_way_makes_no_second_zaak_status_or_link(
        alive: OpenZaak, session: Session, demo: dict[str, str]) -> None:
    def kill(sent: Sent, n: int) -> None:
        # before the 3rd request (the zaak's lookup), and after Open Zaak stored a status but
        # before its answer arrived (killed while answering)
        if n == 3:
            alive.kill()
        if sent.method == "POST" and sent.url.endswith("/statussen") and not killed:
            killed.append(n)
            alive.kill()
            raise httpx.RemoteProtocolError("de server viel weg tijdens het antwoord")
    killed: list[int] = []
    transport = Faulty(before=lambda s, n: kill(s, n) if n == 3 else None,
                       after=lambda s, n: kill(s, n) if n != 3 else None)
    number = whole_course(alive, session, demo, transport)
    assert killed, "Open Zaak werd niet gestopt"
    check_whole_course(alive, session, number)
    one_document(alive, session)
