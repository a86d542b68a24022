"""A renewed archive timestamp reaches the real Open Zaak as versie 2 of the same
EnkelvoudigInformatieObject (lock → PATCH → unlock): refused with the missing rights named for
the `tafelapp` Applicatie (documenten.aanmaken + lezen only), done once with an Applicatie that
has documenten.bijwerken and documenten.lock, also after a run killed with the lock taken."""

from __future__ import annotations

import hashlib
import random
from typing import Any

from tafelapp.services import archive_service, minutes_service, outbox_service, settings_service
from tafelapp.services.session import Session
from tafelapp.signing import pades
from tafelapp.store import outbox_repo
from tafelapp.sync.outbox import claim_due, deliver, drain, record
from tafelapp.sync.region_check import check_region
from tafelapp.sync.zgw_client import ZgwClient
from tests.openzaak.oz import OpenZaak
from tests.sync.test_archive_outbox import _sign_with_ca


def _drain(session: Session) -> list[Any]:
    client = ZgwClient(outbox_service.region_settings(session), session.actor)
    try:
        return drain(session, client, rng=random.Random(3))
    finally:
        client.close()


def _once(session: Session) -> Any:
    """One outbox round by hand (claim, deliver, record) — the laptop then 'dies'."""
    claim = claim_due(session, session.now())
    assert claim is not None
    client = ZgwClient(outbox_service.region_settings(session), session.actor)
    try:
        outcome = deliver(claim, client)
    finally:
        client.close()
    record(session, claim, outcome, session.now(), random.Random(4))
    return outcome


def test_a_renewal_is_versie_2_of_the_same_document_at_open_zaak(
        alive: OpenZaak, session: Session, demo: dict[str, str], ltv_pki: Any) -> None:
    region = alive.region(tsa_url=ltv_pki.tsa_url, zaken_url="", zaaktypen={})
    outbox_service.update_region(session, **region)
    minutes_id = _sign_with_ca(session, demo, ltv_pki)
    assert [o.kind for o in _drain(session)] == ["delivered"]
    first = minutes_service.signed_document(session, minutes_id)
    item = outbox_repo.item_of(session.conn, "minutes", minutes_id)
    assert item is not None and item.server_url
    settings_service.update_settings(session, archive_renew_margin_days=730)
    assert archive_service.renew_due(session).renewed
    second = minutes_service.signed_document(session, minutes_id)
    assert second.startswith(first) and len(second) > len(first)

    # the Applicatie `tafelapp` of setup.sh: documenten.aanmaken + lezen only
    refused = _drain(session)
    assert [o.kind for o in refused] == ["rejected"], refused
    assert refused[0].status == 403
    assert "documenten.lock en documenten.bijwerken" in (refused[0].message or "")
    stored = alive.admin("GET", item.server_url).json()
    assert stored["versie"] == 1 and stored["locked"] is False
    steps = check_region(outbox_service.region_settings(session), "test",
                         known_document=item.server_url)
    update = next(s for s in steps if s.name.startswith("Recht om een nieuwe versie"))
    assert not update.ok and "documenten.bijwerken" in update.message
    assert "documenten.lock" in update.message

    # an Applicatie with the rights a renewal needs
    cid, secret = alive.new_app([("drc", ["documenten.aanmaken", "documenten.lezen",
                                          "documenten.bijwerken", "documenten.lock"],
                                  "informatieobjecttype", alive.iot)])
    outbox_service.update_region(session, **alive.region(
        cid, secret, tsa_url=ltv_pki.tsa_url, zaken_url="", zaaktypen={}))
    steps = check_region(outbox_service.region_settings(session), "test",
                         known_document=item.server_url)
    update = next(s for s in steps if s.name.startswith("Recht om een nieuwe versie"))
    assert update.ok, update.message
    outbox_service.send_now(session, include_rejected=True)
    locked = _once(session)  # the lock is taken and stored; the laptop is killed here
    assert locked.kind == "locked" and locked.lock
    assert alive.admin("GET", item.server_url).json()["locked"] is True
    done = _drain(session)  # the next run reuses the stored lock
    assert [o.kind for o in done] == ["delivered"], done
    assert done[0].message == "nieuwe archiefversie: versie 2 bij de regio"
    stored = alive.admin("GET", item.server_url).json()
    assert stored["versie"] == 2 and stored["locked"] is False
    assert stored["bestandsomvang"] == len(second)
    assert stored["integriteit"]["waarde"] == hashlib.sha256(second).hexdigest()
    content = alive.admin("GET", stored["inhoud"]).content
    assert content == second
    report = pades.verify(content)
    assert report.intact and len(report.archive_timestamps) == 2
    found = alive.admin("GET", "/documenten/api/v1/enkelvoudiginformatieobjecten",
                        params={"identificatie": item.identificatie,
                                "bronorganisatie": region["rsin"]}).json()
    assert found["count"] == 1  # the same document, no second one
    assert _drain(session) == []
