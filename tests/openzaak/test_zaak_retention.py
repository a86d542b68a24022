"""In the real Open Zaak: the zaak carries the region's archive term (archiefnominatie,
archiefactiedatum), the outbox's real confirmation starts the laptop's bewaartermijn, and the
removal afterwards sends nothing to the region (its zaak stays as it was)."""

from __future__ import annotations

from tafelapp.domain.retention import Verdict
from tafelapp.services import outbox_service, retention_service
from tafelapp.services.session import Session
from tafelapp.store import retention_repo
from tests.openzaak import course
from tests.openzaak.oz import OpenZaak
from tests.retention.setup import TERM_WEEKS, later, region_terms


def test_archive_term_on_the_zaak_and_removal_after_the_real_confirmation(
        alive: OpenZaak, session: Session, demo: dict[str, str]) -> None:
    outbox_service.update_region(session, **alive.region())
    region_terms(session)
    number = course.start(session, demo)
    course.second_decision(session, demo)
    course.close(session, demo)
    outcomes = course.drain_all(session)
    assert {o.kind for o in outcomes} == {"delivered"}, outcomes
    closed = retention_repo.closed_on(session.conn, demo["jbt_case"])
    assert closed is not None
    [zaak] = alive.zaken(number)
    assert zaak["archiefnominatie"] == "vernietigen"
    assert zaak["archiefactiedatum"] == closed.replace(year=closed.year + 20).isoformat()
    assert zaak["einddatum"] is not None
    [found] = retention_service.plan(session).assessments
    assert found.verdict is Verdict.TERM_RUNNING  # confirmed by the region: the term runs
    later(session, TERM_WEEKS + 1)
    assert retention_service.remove_due(session).removed == [number]
    assert course.drain_all(session) == []  # nothing of the removal goes to the region
    [after] = alive.zaken(number)
    assert after == zaak
    [stone] = retention_service.tombstones(session)
    documents = stone["documents"]
    assert isinstance(documents, list)
    assert {"kind": "ZAAK", "identificatie": f"ZAAK-{number}",
            "server_url": zaak["url"]} in documents, documents
    [notulen] = [d for d in documents if d["kind"] == "MINUTES"]
    assert notulen["server_url"] and notulen["record_sha256"]
