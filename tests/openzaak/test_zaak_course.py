"""A case's whole course published as one zaak in the real Open Zaak, exactly once."""

from __future__ import annotations

from typing import Any

from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tests.openzaak import course
from tests.openzaak.oz import OpenZaak

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
