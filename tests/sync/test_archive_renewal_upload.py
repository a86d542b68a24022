"""A renewed archive timestamp reaches the reference regional server as a new versie of the same
document (lock → PATCH → unlock through the outbox), exactly once: a lost PATCH answer, a run
killed with the lock taken, a lock nobody knows, a client without the right."""

from __future__ import annotations

from typing import Any

from regional.server import RegionalServer
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import archive_service, minutes_service, outbox_service, settings_service
from tafelapp.services.session import Session
from tafelapp.signing import pades
from tafelapp.store import outbox_repo
from tafelapp.sync.outbox import claim_due
from tafelapp.sync.zgw_client import ZgwClient
from tests.sync.conftest import CLIENT, configure_region
from tests.sync.test_archive_outbox import _sign_with_ca
from tests.sync.test_outbox import server_copies


def _delivered_then_renewed(session: Session, server: RegionalServer, demo: dict[str, str],
                            ltv_pki: Any) -> tuple[str, bytes, bytes, str]:
    configure_region(session, server.url, tsa_url=ltv_pki.tsa_url, timeout_seconds=20.0)
    minutes_id = _sign_with_ca(session, demo, ltv_pki)
    assert [o.kind for o in drain_once(session)] == ["delivered"]
    first = minutes_service.signed_document(session, minutes_id)
    settings_service.update_settings(session, archive_renew_margin_days=730)
    assert archive_service.renew_due(session).renewed
    second = minutes_service.signed_document(session, minutes_id)
    assert second.startswith(first) and len(second) > len(first)
    item = outbox_repo.item_of(session.conn, "minutes", minutes_id)
    assert item is not None
    return minutes_id, first, second, item.identificatie


def _region(server: RegionalServer, identificatie: str) -> tuple[dict[str, Any], bytes]:
    [meta] = server.httpd.store.find(None, identificatie)
    stored = server.httpd.store.get(meta["url"].rsplit("/", 1)[1])
    assert stored is not None
    return stored


def test_a_renewal_reaches_the_region_as_versie_2_of_the_same_document(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    minutes_id, first, second, ident = _delivered_then_renewed(session, server, demo, ltv_pki)
    assert server_copies(server)[ident] == [first]  # queued, not yet sent
    renewal = outbox_repo.item_of(session.conn, "renewal", minutes_id)
    assert renewal is not None and renewal.state == "queued"
    outcomes = drain_once(session)
    assert [o.kind for o in outcomes] == ["locked", "delivered"], outcomes
    assert outcomes[1].message == "nieuwe archiefversie: versie 2 bij de regio"
    assert server_copies(server)[ident] == [second]  # the same document, one copy
    meta, content = _region(server, ident)
    assert meta["versie"] == 2 and meta["bestandsomvang"] == len(second)
    assert "_lock" not in meta  # unlocked
    report = pades.verify(content)
    assert report.intact and len(report.archive_timestamps) == 2
    [(_i, history)] = [(i, h) for i, h in outbox_service.items(session) if i.kind == "renewal"]
    assert [h[1] for h in history] == ["locked", "delivered"]
    assert history[0][3] == "Vergrendeld bij de regio voor de nieuwe archiefversie."
    assert drain_once(session) == []  # nothing left: no third version


def test_a_lost_patch_answer_and_a_killed_run_never_make_a_second_version(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    _minutes_id, _first, second, ident = _delivered_then_renewed(session, server, demo, ltv_pki)
    # round 1 takes the lock; the laptop is killed before round 2 (the lock is stored)
    claim = claim_due(session, session.now())
    assert claim is not None and claim.renewal is not None
    import random

    from tafelapp.sync.outbox import deliver, record
    client = ZgwClient(outbox_service.region_settings(session), session.actor)
    try:
        outcome = deliver(claim, client)
        assert outcome.kind == "locked"
        record(session, claim, outcome, session.now(), random.Random(1))
    finally:
        client.close()
    assert _region(server, ident)[0]["_lock"] == outcome.lock
    # the next run reuses that lock; the PATCH is stored but its answer is lost
    server.httpd.config.faults.drop_response_after_update = 1
    outcomes = drain_once(session)
    assert [o.kind for o in outcomes] == ["retry"], outcomes
    meta, content = _region(server, ident)
    assert meta["versie"] == 2 and content == second and meta["_lock"] == outcome.lock
    outbox_service.send_now(session)
    again = drain_once(session)  # sees versie 2 is there, only unlocks
    assert [(o.kind, o.message) for o in again] == [
        ("delivered", "versie 2 bij de regio (al aanwezig)")]
    meta, content = _region(server, ident)
    assert meta["versie"] == 2 and "_lock" not in meta and content == second
    assert server_copies(server)[ident] == [second]


def test_a_lock_nobody_knows_is_forced_open_where_allowed_else_explained(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    _minutes_id, first, second, ident = _delivered_then_renewed(session, server, demo, ltv_pki)
    meta, content = _region(server, ident)
    uid = meta["url"].rsplit("/", 1)[1]
    server.httpd.store.update(uid, {**meta, "_lock": "lost-answer"}, content)  # lock answer lost
    assert [o.kind for o in drain_once(session)] == ["rejected"]
    [renewal] = [i for i in outbox_repo.all_items(session.conn) if i.kind == "renewal"]
    assert renewal.state == "rejected" and renewal.last_error is not None
    assert "vergrendeld" in renewal.last_error and "geforceerd-unlock" in renewal.last_error
    assert server_copies(server)[ident] == [first]
    server.httpd.config.force_unlock.add(CLIENT)
    outbox_service.send_now(session, include_rejected=True)
    assert [o.kind for o in drain_once(session)] == ["locked", "delivered"]
    assert server_copies(server)[ident] == [second]


def test_without_the_right_to_update_the_outbox_names_it(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    _minutes_id, first, _second, ident = _delivered_then_renewed(session, server, demo, ltv_pki)
    server.httpd.config.cannot_update.add(CLIENT)
    assert [o.kind for o in drain_once(session)] == ["rejected"]
    [renewal] = [i for i in outbox_repo.all_items(session.conn) if i.kind == "renewal"]
    assert renewal.last_error is not None
    assert "documenten.lock en documenten.bijwerken" in renewal.last_error
    assert server_copies(server)[ident] == [first]


def test_the_server_refuses_a_version_that_drops_the_signed_bytes(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    import base64
    import hashlib

    _minutes_id, first, second, ident = _delivered_then_renewed(session, server, demo, ltv_pki)
    meta, _content = _region(server, ident)
    client = ZgwClient(outbox_service.region_settings(session), session.actor)
    try:
        lock = client.lock(meta["url"]).body["lock"]
        forged = second[:len(first) - 200] + second[len(first):]  # the signed part is cut
        reply = client.update(meta["url"], {
            "inhoud": base64.b64encode(forged).decode(), "lock": lock,
            "integriteit": {"algoritme": "sha_256", "waarde": hashlib.sha256(forged).hexdigest(),
                            "datum": "2026-12-03"}})
        assert reply.status == 400 and reply.code == "signature-invalid", reply.text
        assert client.unlock(meta["url"], lock).status == 204
    finally:
        client.close()
    assert server_copies(server)[ident] == [first]
    assert _region(server, ident)[0]["versie"] == 1


def test_a_renewal_landing_while_the_previous_one_is_sent_goes_after_it(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    import random

    from tafelapp.sync.outbox import deliver, record

    minutes_id, _first, second, ident = _delivered_then_renewed(session, server, demo, ltv_pki)
    client = ZgwClient(outbox_service.region_settings(session), session.actor)
    try:
        for expected in ("locked", "delivered"):
            claim = claim_due(session, session.now())
            assert claim is not None and claim.renewal is not None
            if expected == "delivered":  # the job renews again while this one is on its way
                assert archive_service.renew_due(session).renewed
            outcome = deliver(claim, client)
            assert outcome.kind == expected
            record(session, claim, outcome, session.now(), random.Random(2))
    finally:
        client.close()
    assert server_copies(server)[ident] == [second]  # versie 2: what was claimed
    third = minutes_service.signed_document(session, minutes_id)
    assert third.startswith(second) and len(third) > len(second)
    renewal = outbox_repo.item_of(session.conn, "renewal", minutes_id)
    assert renewal is not None and renewal.state == "queued"  # the newest goes next
    assert [o.kind for o in drain_once(session)] == ["locked", "delivered"]
    meta, content = _region(server, ident)
    assert meta["versie"] == 3 and content == third
