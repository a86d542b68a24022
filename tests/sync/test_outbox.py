"""The outbox against the reference server on loopback: exactly once, byte-identical, signed."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from regional.server import Config, Faults, RegionalServer
from regional.store import SqliteStore
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import minutes_service, outbox_service
from tafelapp.services.session import Session
from tafelapp.signing import pades
from tafelapp.store import outbox_repo
from tafelapp.sync.outbox import MAX_DELAY, backoff_seconds, claim_due, deliver
from tafelapp.sync.spec import validate_request
from tafelapp.sync.zgw_client import ZgwClient
from tests.conftest import PASSPHRASE
from tests.sync.conftest import CLIENT, IOT, SECRET, configure_region, signed_documents

ROOT = Path(__file__).resolve().parents[2]


def server_copies(srv: RegionalServer) -> dict[str, list[bytes]]:
    """identificatie -> every stored copy's bytes (more than one would be a duplicate)."""
    found: dict[str, list[bytes]] = {}
    for meta in srv.httpd.store.find(None, None):
        uid = meta["url"].rsplit("/", 1)[1]
        stored = srv.httpd.store.get(uid)
        assert stored is not None
        found.setdefault(meta["identificatie"], []).append(stored[1])
    return found


def assert_exactly_once(session: Session, srv: RegionalServer) -> None:
    """Every queued document is on the server once, byte-identical, validly signed."""
    copies = server_copies(srv)
    items = outbox_repo.all_items(session.conn)
    assert items
    for item in items:
        assert item.state == "delivered", (item.state, item.last_error)
        assert len(copies[item.identificatie]) == 1
        local = minutes_service.signed_document(session, item.ref_id)
        assert copies[item.identificatie][0] == local
        assert pades.verify(copies[item.identificatie][0]).intact
        assert item.server_url and item.server_url.endswith(
            next(m["url"] for m in srv.httpd.store.find(None, item.identificatie)).rsplit(
                "/", 1)[1])
    assert len(copies) == len(items)


def test_every_request_the_client_builds_conforms_to_the_spec(session: Session,
                                                              demo: dict[str, str],
                                                              server: RegionalServer) -> None:
    configure_region(session, server.url)
    signed_documents(session, demo, 1)
    claim = claim_due(session, session.now())
    assert claim is not None
    client = ZgwClient(outbox_service.region_settings(session), "secretaris")
    body = json.dumps(claim.body).encode()
    url = f"{server.url}/api/v1/enkelvoudiginformatieobjecten"
    assert validate_request("POST", url, client.headers(), body) == []
    lookup = f"{url}?identificatie={claim.identificatie}&bronorganisatie=002220647"
    assert validate_request("GET", lookup, client.headers(), None) == []
    broken = {**claim.body, "taal": "nederlands"}
    del broken["titel"]
    problems = validate_request("POST", url, client.headers(), json.dumps(broken).encode())
    assert {name for name, _ in problems} >= {"taal", "titel"}


def test_delivered_once_byte_identical_and_signed(session: Session, demo: dict[str, str],
                                                  server: RegionalServer) -> None:
    configure_region(session, server.url)
    signed_documents(session, demo, 2)
    outcomes = drain_once(session)
    assert [o.kind for o in outcomes] == ["delivered", "delivered"]
    assert_exactly_once(session, server)
    assert drain_once(session) == []  # nothing left to do
    status = outbox_service.status(session)
    assert (status.waiting, status.delivered, status.rejected) == (0, 2, 0)
    # The download endpoint returns the same bytes.
    item = outbox_repo.all_items(session.conn)[0]
    client = ZgwClient(outbox_service.region_settings(session), "x")
    reply = httpx.get(f"{item.server_url}/download",
                      headers={"Authorization": f"Bearer {client.token()}"})
    assert reply.content == minutes_service.signed_document(session, item.ref_id)


def test_server_down_for_a_while_then_up(session: Session, demo: dict[str, str],
                                         tmp_path: Path) -> None:
    store = SqliteStore(str(tmp_path / "r.sqlite3"))
    first = RegionalServer(store, Config({CLIENT: SECRET}, {IOT})).start()
    port = first.httpd.server_address[1]
    configure_region(session, first.url)
    first.stop()  # the region is down
    signed_documents(session, demo, 2)
    outcomes = drain_once(session)
    assert [o.kind for o in outcomes] == ["retry", "retry"]
    [item, _] = outbox_repo.all_items(session.conn)
    assert item.state == "queued" and item.attempts == 1 and "netwerkfout" in (item.last_error or "")
    again = RegionalServer(store, Config({CLIENT: SECRET}, {IOT}), port=port).start()
    try:
        assert drain_once(session) == []  # not due yet: backoff
        outbox_service.send_now(session)  # 'Nu verzenden' / the network came back
        assert [o.kind for o in drain_once(session)] == ["delivered", "delivered"]
        assert_exactly_once(session, again)
    finally:
        again.stop()


@pytest.mark.parametrize("fault", ["fail_rate", "delay", "cut_upload", "drop_after_store"])
def test_faults_end_with_every_document_on_the_server_exactly_once(
        session: Session, demo: dict[str, str], server: RegionalServer, fault: str) -> None:
    configure_region(session, server.url, timeout_seconds=0.6)
    signed_documents(session, demo, 2)
    faults: Faults = server.httpd.config.faults
    if fault == "fail_rate":
        faults.fail_rate = 1.0
    elif fault == "delay":
        faults.delay_seconds = 1.5  # stored, but the answer comes after the client gave up
    elif fault == "cut_upload":
        faults.cut_upload = 2
    else:
        faults.drop_response_after_store = 2
    first = drain_once(session)
    assert [o.kind for o in first] == ["retry", "retry"], first
    faults.fail_rate, faults.delay_seconds = 0.0, 0.0
    for _ in range(3):
        outbox_service.send_now(session)
        drain_once(session)
    assert_exactly_once(session, server)
    histories = [h for _, h in outbox_service.items(session)]
    assert all(h[0][1] == "retry" and h[-1][1] == "delivered" for h in histories)


def test_a_4xx_that_will_not_improve_is_rejected_with_the_reason(
        session: Session, demo: dict[str, str], server: RegionalServer) -> None:
    configure_region(session, server.url,
                     informatieobjecttype="http://catalogi.invalid/api/v1/informatieobjecttypen/x")
    signed_documents(session, demo, 1)
    [outcome] = drain_once(session)
    assert outcome.kind == "rejected" and outcome.status == 400
    [item] = outbox_repo.all_items(session.conn)
    assert item.state == "rejected"
    assert "Geweigerd door de regionale server" in (item.last_error or "")
    assert "Rejected by the regional server" in (item.last_error or "")
    assert "informatieobjecttype" in (item.last_error or "")
    outbox_service.send_now(session)
    assert drain_once(session) == []  # no automatic retries of a rejected document
    assert outbox_service.status(session).rejected == 1
    configure_region(session, server.url)  # corrected; the user presses 'Opnieuw proberen'
    outbox_service.send_now(session, include_rejected=True)
    assert [o.kind for o in drain_once(session)] == ["delivered"]
    assert_exactly_once(session, server)


def test_a_wrong_laptop_clock_is_named(session: Session, demo: dict[str, str],
                                       server: RegionalServer) -> None:
    configure_region(session, server.url)
    signed_documents(session, demo, 1)
    skewed = ZgwClient(outbox_service.region_settings(session), "x",
                       clock=lambda: dt.datetime.now(dt.UTC) - dt.timedelta(hours=3))
    [outcome] = drain_once(session, client=skewed)
    assert outcome.kind == "clock"
    [item] = outbox_repo.all_items(session.conn)
    assert item.state == "queued" and "klok van deze laptop" in (item.last_error or "")
    assert outbox_service.status(session).clock_warning
    outbox_service.send_now(session)
    assert [o.kind for o in drain_once(session)] == ["delivered"]


def test_the_server_refuses_unsigned_altered_and_duplicate_documents(
        session: Session, demo: dict[str, str], server: RegionalServer) -> None:
    configure_region(session, server.url)
    signed_documents(session, demo, 1)
    claim = claim_due(session, session.now())
    assert claim is not None
    client = ZgwClient(outbox_service.region_settings(session), "x")
    import base64
    import hashlib
    pdf = base64.b64decode(claim.body["inhoud"])
    altered = bytearray(pdf)
    altered[len(altered) // 2] ^= 1
    for content in (b"%PDF-1.7\n% niet ondertekend\n", bytes(altered)):
        body = {**claim.body, "identificatie": "TAFEL-test-" + str(len(content)),
                "inhoud": base64.b64encode(content).decode(),
                "integriteit": {**claim.body["integriteit"],
                                "waarde": hashlib.sha256(content).hexdigest()}}
        reply = client.create(body)
        assert reply.status == 400 and reply.body["code"] == "signature-invalid"
    assert client.create(claim.body).status == 201
    duplicate = client.create(claim.body)
    assert duplicate.status == 400 and duplicate.body["code"] == "identificatie-niet-uniek"
    assert duplicate.body["invalidParams"][0]["name"] == "identificatie"
    wrong_secret = ZgwClient(outbox_service.region_settings(session).model_copy(
        update={"secret": "fout-fout-fout-fout-fout-fout-fout-fout"}), "x")
    assert wrong_secret.find(claim.identificatie).status == 403


def test_backoff_is_exponential_with_jitter_and_capped() -> None:
    rng = random.Random(1)
    delays = [backoff_seconds(n, rng) for n in range(1, 15)]
    assert 5 <= delays[0] <= 10 and 10 <= delays[1] <= 20
    assert all(d <= MAX_DELAY for d in delays) and max(delays) > MAX_DELAY / 2


def test_no_personal_data_in_logs(session: Session, demo: dict[str, str],
                                  server: RegionalServer, caplog: pytest.LogCaptureFixture) -> None:
    configure_region(session, server.url)
    signed_documents(session, demo, 1)
    with caplog.at_level(logging.DEBUG):
        drain_once(session)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "delivered" in text
    for word in ("Dalen", "Noor", "Yilmaz", "Voorzitter", "Secretaris", SECRET):
        assert word not in text


def test_sigkill_mid_upload_then_restart(tmp_path: Path, demo_vault_with_queue: dict[str, Any]) \
        -> None:
    vault, store_path = demo_vault_with_queue["vault"], tmp_path / "r.sqlite3"
    store = SqliteStore(str(store_path))
    srv = RegionalServer(store, Config({CLIENT: SECRET}, {IOT},
                                       faults=Faults(delay_seconds=3.0))).start()
    try:
        from tafelapp.services import vault_service
        s = vault_service.unlock(vault, PASSPHRASE, actor="t")
        configure_region(s, srv.url, timeout_seconds=30.0)
        s.close()
        script = ("from pathlib import Path\nfrom tafelapp.services import vault_service\n"
                  "from tafelapp.jobs.outbox_job import drain_once\n"
                  f"s = vault_service.unlock(Path({str(vault)!r}), {PASSPHRASE!r}, actor='t')\n"
                  "print('DRAINING', flush=True)\ndrain_once(s)\n")
        child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert child.stdout is not None and child.stdout.readline().strip() == "DRAINING"
        deadline = time.monotonic() + 20
        while store.count() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)  # the server has stored it and is still 'answering'
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        srv.httpd.config.faults.delay_seconds = 0.0
        s = vault_service.unlock(vault, PASSPHRASE, actor="t")
        try:
            [item] = outbox_repo.all_items(s.conn)
            assert item.state == "sending"  # interrupted: it is not known whether it arrived
            outcomes = drain_once(s)
            assert [o.kind for o in outcomes] == ["delivered"]
            assert outcomes[0].message == "al aanwezig"  # found by identificatie, not re-sent
            assert_exactly_once(s, srv)
            assert vault_service.check(s).ok
        finally:
            s.close()
    finally:
        srv.stop()


@pytest.fixture
def demo_vault_with_queue(tmp_path: Path) -> dict[str, Any]:
    from tafelapp.services import vault_service
    from tafelapp.services.demo_service import seed_demo
    vault = tmp_path / "k.tafelapp"
    s = vault_service.create(vault, PASSPHRASE, actor="t")
    signed_documents(s, seed_demo(s), 1)
    s.close()
    return {"vault": vault}


def test_without_the_read_right_a_lost_answer_is_unconfirmed_not_rejected(
        session: Session, demo: dict[str, str], server: RegionalServer) -> None:
    config: Config = server.httpd.config
    config.cannot_read.add(CLIENT)  # the region granted documenten.aanmaken only
    configure_region(session, server.url)
    signed_documents(session, demo, 1)
    config.faults.drop_response_after_store = 1  # stored, but the answer never arrives
    assert [o.kind for o in drain_once(session)] == ["retry"]
    outbox_service.send_now(session)
    [outcome] = drain_once(session)
    assert outcome.kind == "unconfirmed", outcome
    [item] = outbox_repo.all_items(session.conn)
    assert item.state == "unconfirmed"
    assert "niet bevestigd" in (item.last_error or "") and "documenten.lezen" in (
        item.last_error or "")
    assert outbox_service.status(session).unconfirmed == 1
    assert outbox_service.status(session).rejected == 0
    outbox_service.send_now(session)
    assert drain_once(session) == []  # not retried by itself: the region has to answer
    assert len(server_copies(server)[item.identificatie]) == 1
    config.cannot_read.clear()  # the region grants documenten.lezen; 'Opnieuw proberen'
    outbox_service.send_now(session, include_rejected=True)
    [outcome] = drain_once(session)
    assert (outcome.kind, outcome.status) == ("delivered", 200)  # confirmed by the lookup
    assert_exactly_once(session, server)


def test_a_delivery_confirmed_by_lookup_is_recorded_with_the_lookups_status(
        session: Session, demo: dict[str, str], server: RegionalServer) -> None:
    configure_region(session, server.url)
    signed_documents(session, demo, 1)
    claim = claim_due(session, session.now())
    assert claim is not None
    settings = outbox_service.region_settings(session)
    client = ZgwClient(settings, "test")
    assert client.create(claim.body).status == 201  # another laptop uploaded the same version
    outcome = deliver(claim, client)  # this one has no doubt, sends, and hears "exists"
    assert (outcome.kind, outcome.status, outcome.message) == ("delivered", 200, "al aanwezig")
