"""The outbox against any ZGW Documenten API named in the environment (Open Zaak, say); the same
round trip runs against the reference server so it is known to work when nobody sets them.

    ZGW_TEST_URL=https://openzaak.example/documenten/api/v1 ZGW_TEST_CLIENT_ID=… \\
    ZGW_TEST_SECRET=… ZGW_TEST_RSIN=… ZGW_TEST_IOT=https://…/informatieobjecttypen/… \\
    [ZGW_TEST_CA_BUNDLE=…] .venv/bin/python -m pytest tests/sync/test_zgw_live.py
"""

from __future__ import annotations

import os

import pytest

from regional.server import RegionalServer
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import minutes_service, outbox_service
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tafelapp.store.transaction import transaction
from tafelapp.sync.region_check import check_region, region_ready
from tafelapp.sync.zgw_client import ZgwClient
from tests.sync.conftest import CLIENT, IOT, RSIN, SECRET, signed_documents

LIVE = {"base_url": "ZGW_TEST_URL", "client_id": "ZGW_TEST_CLIENT_ID", "secret": "ZGW_TEST_SECRET",
        "rsin": "ZGW_TEST_RSIN", "informatieobjecttype": "ZGW_TEST_IOT"}


def round_trip(session: Session, demo: dict[str, str], region: dict[str, str]) -> None:
    """region test passes; one signed notulen arrives once, byte for byte; a lost answer and a
    resend leave one copy."""
    outbox_service.update_region(session, timeout_seconds=30.0, **region)
    settings = outbox_service.region_settings(session)
    steps = check_region(settings, "test")
    assert region_ready(steps), steps
    [minutes_id] = signed_documents(session, demo, 1)
    assert [o.kind for o in drain_once(session)] == ["delivered"]
    [item] = outbox_repo.all_items(session.conn)
    client = ZgwClient(settings, "test")
    try:
        found = client.find(item.identificatie)
        assert found.status == 200 and found.body["count"] == 1, found.text
        status, content = client.download(found.body["results"][0]["inhoud"])
        assert status == 200 and content == minutes_service.signed_document(session, minutes_id)
        with transaction(session.conn) as conn:  # as if the answer had been lost mid-upload
            outbox_repo.set_state(conn, item.id, "sending")
        [outcome] = drain_once(session)
        assert (outcome.kind, outcome.status, outcome.message) == ("delivered", 200,
                                                                   "al aanwezig")
        assert client.find(item.identificatie).body["count"] == 1
    finally:
        client.close()


@pytest.mark.skipif(not all(os.environ.get(v) for v in LIVE.values()),
                    reason="geen ZGW-server opgegeven (ZGW_TEST_URL, …)")
def test_round_trip_against_the_zgw_server_in_the_environment(session: Session,
                                                              demo: dict[str, str]) -> None:
    region = {key: os.environ[var] for key, var in LIVE.items()}
    if os.environ.get("ZGW_TEST_CA_BUNDLE"):
        region["ca_bundle"] = os.environ["ZGW_TEST_CA_BUNDLE"]
    round_trip(session, demo, region)


def test_the_same_round_trip_against_the_reference_server(session: Session, demo: dict[str, str],
                                                          server: RegionalServer) -> None:
    round_trip(session, demo, {"base_url": server.url + "/api/v1", "client_id": CLIENT,
                               "secret": SECRET, "rsin": RSIN, "informatieobjecttype": IOT})
