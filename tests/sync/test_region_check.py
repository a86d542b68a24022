"""`tafelapp region test` against the reference server: each wrong setting named, nothing stored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from regional.server import Config, RegionalServer
from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.sync.region_check import Step, check_region, region_ready
from tests.conftest import PASSPHRASE
from tests.sync.conftest import CLIENT, IOT, RSIN, SECRET, configure_region


def _run(session: Session) -> dict[str, Step]:
    return {s.name: s for s in check_region(outbox_service.region_settings(session), "test")}


def test_a_good_region_passes_every_step_and_stores_nothing(session: Session,
                                                            server: RegionalServer) -> None:
    configure_region(session, server.url)
    steps = check_region(outbox_service.region_settings(session), "test")
    assert [s.name for s in steps] == [
        "Adres van de Documenten API", "Toegangsbewijs (client-id en secret)",
        "Recht om te lezen (documenten.lezen)", "Recht om te maken (documenten.aanmaken)",
        "Informatieobjecttype",
        "Recht om een nieuwe versie te maken (documenten.bijwerken, documenten.lock)"], steps
    assert not steps[-1].proven  # no delivered document to try it with yet
    assert region_ready(steps), steps
    assert server.httpd.store.find(None, None) == []


def test_a_wrong_secret_is_named_and_stops_there(session: Session,
                                                 server: RegionalServer) -> None:
    configure_region(session, server.url, secret="een ander geheim dat ook lang genoeg is!")
    steps = _run(session)
    token = steps["Toegangsbewijs (client-id en secret)"]
    assert not token.ok and "client-secret klopt niet" in token.message
    assert "invalid-jwt-signature" in token.message
    assert "Informatieobjecttype" not in steps


def test_an_unknown_client_id_is_named(session: Session, server: RegionalServer) -> None:
    configure_region(session, server.url, client_id="onbekend")
    token = _run(session)["Toegangsbewijs (client-id en secret)"]
    assert not token.ok and "client-id is bij de regionale server niet bekend" in token.message


def test_missing_read_right_is_named_but_create_is_still_checked(
        session: Session, server: RegionalServer) -> None:
    server.httpd.config.cannot_read.add(CLIENT)
    configure_region(session, server.url)
    steps = _run(session)
    assert not steps["Recht om te lezen (documenten.lezen)"].ok
    assert steps["Recht om te maken (documenten.aanmaken)"].ok
    assert steps["Informatieobjecttype"].ok
    assert not region_ready(list(steps.values()))


def test_an_unpublished_and_an_unknown_type_are_told_apart(session: Session,
                                                           server: RegionalServer) -> None:
    concept = IOT.replace("notulen", "concept")
    server.httpd.config.concept_types.add(concept)
    configure_region(session, server.url, informatieobjecttype=concept)
    step = _run(session)["Informatieobjecttype"]
    assert not step.ok and "nog niet gepubliceerd" in step.message
    configure_region(session, server.url, informatieobjecttype=IOT.replace("notulen", "x"))
    step = _run(session)["Informatieobjecttype"]
    assert not step.ok and "niet herkend" in step.message


def test_a_wrong_path_and_a_server_that_is_down(session: Session, server: RegionalServer) -> None:
    configure_region(session, server.url + "/iets-anders")
    step = _run(session)["Adres van de Documenten API"]
    assert not step.ok and "antwoordt niet als een Documenten API" in step.message
    port = server.httpd.server_address[1]
    server.stop()
    configure_region(session, f"http://127.0.0.1:{port}")
    step = _run(session)["Verbinding"]
    assert not step.ok and "niet bereikbaar" in step.message


def test_the_command_exits_nonzero_and_says_what_is_wrong(tmp_path: Path) -> None:
    from regional.store import SqliteStore

    srv = RegionalServer(SqliteStore(str(tmp_path / "r.sqlite3")),
                         Config({CLIENT: SECRET}, {IOT}, cannot_read={CLIENT})).start()
    (tmp_path / "pw").write_text(PASSPHRASE)
    (tmp_path / "secret").write_text(SECRET)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")},
           "TAFELAPP_VAULT": str(tmp_path / "k.tafelapp"),
           "TAFELAPP_PASSPHRASE_FILE": str(tmp_path / "pw")}

    def cli(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tafelapp.cli", *args],
                              env={**env, **extra}, text=True, capture_output=True, timeout=120)

    try:
        assert cli("init").returncode == 0
        assert cli("region", "set", "--base-url", srv.url + "/api/v1", "--client-id", CLIENT,
                   "--rsin", RSIN, "--informatieobjecttype", IOT,
                   TAFELAPP_REGION_SECRET_FILE=str(tmp_path / "secret")).returncode == 0
        result = cli("region", "test")
        assert result.returncode == 1, result.stderr
        assert "✗ Recht om te lezen (documenten.lezen)" in result.stdout
        assert "✓ Informatieobjecttype" in result.stdout
        assert "nog niet goed ingesteld" in result.stdout
        srv.httpd.config.cannot_read.clear()
        result = cli("region", "test")
        assert result.returncode == 0 and "goed ingesteld" in result.stdout, result.stdout
    finally:
        srv.stop()


def test_the_right_to_make_a_new_version_is_named_with_the_fix(
        session: Session, demo: dict[str, str], server: RegionalServer) -> None:
    from tafelapp.jobs.outbox_job import drain_once
    from tafelapp.store import outbox_repo
    from tests.sync.conftest import signed_documents

    configure_region(session, server.url)
    signed_documents(session, demo, 1)
    assert [o.kind for o in drain_once(session)] == ["delivered"]
    [item] = outbox_repo.all_items(session.conn)
    name = "Recht om een nieuwe versie te maken (documenten.bijwerken, documenten.lock)"
    settings = outbox_service.region_settings(session)
    good = {s.name: s for s in check_region(settings, "t", known_document=item.server_url)}
    assert good[name].ok and good[name].proven, good[name]
    server.httpd.config.cannot_update.add(CLIENT)
    steps = check_region(settings, "t", known_document=item.server_url)
    step = {s.name: s for s in steps}[name]
    assert not step.ok and not region_ready(steps)
    assert step.message.startswith("ontbreekt: documenten.bijwerken en documenten.lock.")
    assert "Vraag de regio om documenten.bijwerken en documenten.lock toe te kennen" in \
        step.message
    meta = server.httpd.store.find(None, item.identificatie)
    assert [m["versie"] for m in meta] == [1] and "_lock" not in meta[0]  # nothing changed
