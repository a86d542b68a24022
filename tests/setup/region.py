"""A small fictional region set up through the services (tables, organisations, people)."""

from __future__ import annotations

from typing import Any

from tafelapp.services import directory_service, setup_service
from tafelapp.services.session import Session


def set_up_region(session: Session) -> dict[str, Any]:
    """One JBT with a usual chair and secretary, four organisations and five people."""
    setup_service.set_region_name(session, "Regio Proefland")
    orgs = {
        "raad": directory_service.save_organisation(
            session, name="Raad voor de Kinderbescherming", kind="RVDK"),
        "gi": directory_service.save_organisation(
            session, name="Jeugdbescherming Proefland", kind="GI",
            target_groups=["alle doelgroepen"], complaints="klachten@jbp.example.org"),
        "vt": directory_service.save_organisation(session, name="Veilig Thuis Proefland",
                                                  kind="VEILIG_THUIS"),
        "gemeente": directory_service.save_organisation(session, name="Gemeente Proefstad",
                                                        kind="MUNICIPALITY"),
    }
    people = {
        "chair": directory_service.save_person(
            session, name="Mr. A. de Voorzitter", function="voorzitter JBT",
            organisation_id=orgs["gemeente"].id, email="voorzitter@proefstad.example.org",
            role="CHAIR"),
        "secretary": directory_service.save_person(
            session, name="B. Secretaris", organisation_id=orgs["gemeente"].id,
            email="secretaris@proefstad.example.org", role="SECRETARY"),
        "melder": directory_service.save_person(
            session, name="Ilse Jansen", function="aandachtsfunctionaris",
            organisation_id=orgs["vt"].id, email="ilse@vt.example.org"),
        "raad": directory_service.save_person(
            session, name="Karim Bakker", function="raadsonderzoeker",
            organisation_id=orgs["raad"].id, email="karim@rvdk.example.org"),
        "jb": directory_service.save_person(
            session, name="Femke de Wit", function="jeugdbeschermer",
            organisation_id=orgs["gi"].id, email="femke@jbp.example.org"),
    }
    table = setup_service.save_table(
        session, kind="JBT", name="JBT Proefstad", municipality="Proefstad",
        place="Stadskantoor, zaal 3", weekday=1, usual_start="09:30",
        default_chair_id=people["chair"].id, default_secretary_id=people["secretary"].id)
    return {"orgs": orgs, "people": people, "table": table}
