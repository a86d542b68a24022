"""Region settings are checked where they are set and where they are used; a refused token is
explained with the server's own code; a certificate problem stops retrying until fixed."""

from __future__ import annotations

from typing import Any

import pytest

from regional.server import RegionalServer
from tafelapp.domain.problems import InvalidInput
from tafelapp.domain.rules.region_server import rsin_ok
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.store import settings_repo
from tafelapp.sync.zgw_client import ZgwClient
from tests.sync.conftest import configure_region, signed_documents

GOOD = {"base_url": "https://documenten.regio.example.org", "client_id": "tafelapp",
        "secret": "s" * 40, "rsin": "002220647",
        "informatieobjecttype": "https://catalogi.regio.example.org/catalogi/api/v1/"
                                "informatieobjecttypen/6b7e4a2c-0000-4000-8000-000000000001"}


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"base_url": "http://documenten.regio.example.org"}, "base_url", "onversleuteld"),
    ({"base_url": "ftp://documenten.regio.example.org"}, "base_url", "https://"),
    ({"base_url": "file:///etc/passwd"}, "base_url", "https://"),
    ({"base_url": "https://wie:geheim@documenten.regio.example.org"}, "base_url", "wachtwoord"),
    ({"rsin": "123456789"}, "rsin", "elfproef"),
    ({"rsin": "12345678"}, "rsin", "negen cijfers"),
    ({"confidentiality": "geheimzinnig"}, "confidentiality", "zeer_geheim"),
    ({"informatieobjecttype": "https://catalogi.example.org/iets"}, "informatieobjecttype",
     "informatieobjecttypen"),
    ({"secret": "kort"}, "secret", "32"),
])
def test_each_wrong_region_setting_is_refused_at_its_field(session: Session, change: Any,
                                                           field: str, words: str) -> None:
    outbox_service.update_region(session, **GOOD)
    before = outbox_service.region_settings(session)
    with pytest.raises(InvalidInput) as refused:
        outbox_service.update_region(session, **change)
    problem = refused.value.problems[0]
    assert problem.field == field and words in problem.message, problem
    assert outbox_service.region_settings(session) == before


def test_the_api_root_is_accepted_and_loopback_may_use_http(session: Session) -> None:
    stored = outbox_service.update_region(
        session, **{**GOOD, "base_url": "https://documenten.regio.example.org/documenten/api/v1/"})
    assert stored.base_url == "https://documenten.regio.example.org/documenten"
    client = ZgwClient(stored, "test")  # requests go to the API root that was given
    assert str(client._http.base_url) == "https://documenten.regio.example.org/documenten/api/v1/"
    client.close()
    for url in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"):
        assert outbox_service.update_region(session, base_url=url).base_url == url
    assert rsin_ok("002220647") and not rsin_ok("002220648")


def test_an_address_that_slipped_past_the_check_is_refused_where_it_is_used(
        session: Session, demo: dict[str, str]) -> None:
    outbox_service.update_region(session, **GOOD)
    signed_documents(session, demo, 1)
    stored = outbox_service.region_settings(session).model_dump()
    stored["base_url"] = "http://documenten.regio.example.org"  # e.g. an older vault
    with session.change("test", "settings", "region", fields=["base_url"]) as conn:
        settings_repo.put(conn, "region", stored)
    assert drain_once(session) == []  # nothing leaves: the token would travel in clear


@pytest.mark.parametrize(("change", "code", "words"), [
    ({"secret": "een-ander-geheim-dat-lang-genoeg-is-voor-hs256"}, "invalid-jwt-signature",
     "client-secret klopt niet"),
    ({"client_id": "onbekende-client"}, "invalid-client-identifier", "client-id is bij de"),
])
def test_a_refused_token_is_explained_with_the_servers_code(
        session: Session, demo: dict[str, str], server: RegionalServer, change: Any, code: str,
        words: str) -> None:
    configure_region(session, server.url, **change)
    signed_documents(session, demo, 1)
    [outcome] = drain_once(session)
    assert outcome.kind == "rejected" and outcome.status == 403
    assert words in (outcome.message or "") and f"({code})" in (outcome.message or "")
    assert "Server:" in (outcome.message or "")


def test_a_rectificatie_is_dated_by_its_signatures_not_by_the_meeting(
        session: Session, demo: dict[str, str]) -> None:
    import datetime as dt

    from tafelapp.services import minutes_service
    from tafelapp.store import outbox_repo
    from tafelapp.sync.payload import document_body

    outbox_service.update_region(session, **GOOD)
    [original] = signed_documents(session, demo, 1)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=40)
    session.clock = lambda: later
    rect = minutes_service.create_rectification(session, original, "Correctie van de datum.")
    found = {i.owner_name: i for i in minutes_service.list_identities(session)}
    chair, secretary = found["Mr. A. de Voorzitter (fictief)"], found["B. Secretaris (fictief)"]
    minutes_service.sign_minutes(session, rect.id, chair.id, "123456", "CHAIR")
    minutes_service.sign_minutes(session, rect.id, secretary.id, "654321", "SECRETARY")
    item = next(i for i in outbox_repo.all_items(session.conn) if i.ref_id == rect.id)
    doc = outbox_service.document_for(session, item)
    assert doc.created == later.astimezone().date() == doc.signed_on
    body = document_body(outbox_service.region_settings(session), item.identificatie, doc.title,
                         doc.author, doc.created, doc.pdf, doc.filename, doc.signed_on, doc.pki)
    assert body["creatiedatum"] == body["integriteit"]["datum"] == later.astimezone().date(
        ).isoformat()
