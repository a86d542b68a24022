"""The outbox makes signed notulen archive-grade (PAdES B-LTA) before their first upload, against
the reference regional server and a certomancer PKI on loopback: unreachable OCSP keeps them
queued with a Dutch reason; reachable, the B-LTA version goes, byte-identical to the local copy,
once, also when the server's answer is lost; a revoked certificate is never uploaded; notulen
signed with local identities keep their level and are uploaded with a note."""

from __future__ import annotations

import hashlib
from typing import Any

from regional.server import RegionalServer
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import (
    archive_service,
    meeting_service,
    minutes_service,
    outbox_service,
    setup_service,
)
from tafelapp.services.session import Session
from tafelapp.signing import pades
from tafelapp.signing.identities import certificate_pem
from tafelapp.store import minutes_repo, outbox_repo
from tests.sync.conftest import configure_region, signed_documents
from tests.sync.test_outbox import assert_exactly_once, server_copies


def _sign_with_ca(session: Session, demo: dict[str, str], pki: Any, chair: str = "chair") -> str:
    setup_service.add_trust_root(session, certificate_pem(pki.root_der))
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    minutes = minutes_service.draft_minutes(session, meeting.agenda[0].id)
    first = minutes_service.import_identity(session, pki.pkcs12(chair, "1357"), "1357")
    second = minutes_service.import_identity(session, pki.pkcs12("secretary", "2468"), "2468")
    minutes_service.sign_minutes(session, minutes.id, first.id, "1357", "CHAIR")
    done = minutes_service.sign_minutes(session, minutes.id, second.id, "2468", "SECRETARY")
    assert all(s.timestamped for s in done.signatures)
    return minutes.id


def test_unreachable_ocsp_waits_then_the_b_lta_version_goes_once(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    configure_region(session, server.url, tsa_url=ltv_pki.tsa_url, timeout_seconds=20.0)
    minutes_id = _sign_with_ca(session, demo, ltv_pki)
    signed = minutes_service.signed_document(session, minutes_id)
    ltv_pki.online = False  # the OCSP responder, the CRL and the TSA do not answer
    try:
        outcomes = drain_once(session)
    finally:
        ltv_pki.online = True
    assert [o.kind for o in outcomes] == ["retry"]
    [item] = outbox_repo.all_items(session.conn)
    assert item.state == "queued" and item.last_error is not None
    assert item.last_error.startswith("Archiefversie niet gemaakt: de intrekkingsgegevens")
    assert "later opnieuw geprobeerd" in item.last_error
    assert server.httpd.store.count() == 0  # nothing claiming more than it has left the laptop
    assert minutes_service.signed_document(session, minutes_id) == signed
    server.httpd.config.faults.drop_response_after_store = 1  # stored; the answer is lost
    outbox_service.send_now(session)
    assert [o.kind for o in drain_once(session)] == ["retry"]
    archived = minutes_service.signed_document(session, minutes_id)
    assert archived.startswith(signed) and len(archived) > len(signed)
    outbox_service.send_now(session)
    again = drain_once(session)
    assert [(o.kind, o.message) for o in again] == [("delivered", "al aanwezig")]
    assert_exactly_once(session, server)  # one document, byte-identical to the local copy
    [copy] = server_copies(server)[item.identificatie]
    assert copy == archived == minutes_service.signed_document(session, minutes_id)
    minutes = minutes_service.get_minutes(session, minutes_id)
    assert minutes.document_sha256 == hashlib.sha256(archived).hexdigest()
    report = pades.verify(copy, setup_service.trust_anchors(session))
    assert report.intact and report.known, report.verdict
    assert [(s.level, s.valid_when_signed) for s in report.signatures] == \
        [("B-LTA", True), ("B-LTA", True)]
    assert archive_service.level_of_minutes(session, minutes_id) == ("B-LTA", None)
    from tafelapp.services import vault_service
    assert vault_service.check(session).ok


def test_a_revoked_certificate_is_not_uploaded(session: Session, demo: dict[str, str],
                                               server: RegionalServer, ltv_pki: Any) -> None:
    configure_region(session, server.url, tsa_url=ltv_pki.tsa_url, timeout_seconds=20.0)
    minutes_id = _sign_with_ca(session, demo, ltv_pki, chair="revoked")
    signed = minutes_service.signed_document(session, minutes_id)
    assert [o.kind for o in drain_once(session)] == ["rejected"]
    [item] = outbox_repo.all_items(session.conn)
    assert item.state == "rejected" and item.last_error is not None
    assert "is ingetrokken" in item.last_error and "niet verzonden" in item.last_error
    assert server.httpd.store.count() == 0
    assert minutes_service.signed_document(session, minutes_id) == signed  # unchanged here


def test_local_identities_keep_their_level_and_are_uploaded_with_a_note(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    configure_region(session, server.url, tsa_url=ltv_pki.tsa_url, timeout_seconds=20.0)
    [minutes_id] = signed_documents(session, demo, 1)
    signed = minutes_service.signed_document(session, minutes_id)
    assert [o.kind for o in drain_once(session)] == ["delivered"]
    assert_exactly_once(session, server)
    assert minutes_service.signed_document(session, minutes_id) == signed
    level, note = archive_service.level_of_minutes(session, minutes_id)
    assert level == "B-T" and note is not None and "lokale identiteit" in note
    [(_item, history)] = outbox_service.items(session)
    assert [h[1] for h in history] == ["level", "delivered"]
    assert "lokale identiteit" in (history[0][3] or "")
    assert minutes_repo.archive_info(session.conn, minutes_id)[0] == "B-T"


def test_the_renewal_job_adds_an_archive_timestamp_within_the_margin_and_says_when(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any,
        capsys: Any) -> None:
    from tafelapp.cli.app import main
    from tafelapp.services import settings_service

    configure_region(session, server.url, tsa_url=ltv_pki.tsa_url, timeout_seconds=20.0)
    minutes_id = _sign_with_ca(session, demo, ltv_pki)
    outcomes = drain_once(session)
    assert [o.kind for o in outcomes] == ["delivered"], outcomes
    first = minutes_service.signed_document(session, minutes_id)
    assert archive_service.renew_due(session).renewed == []  # the TSA holds two more years
    status = archive_service.renewal_status(session)
    assert status.last_run and status.next_due and status.next_number
    assert "niets te vernieuwen" in status.sentence and "Volgende vernieuwing" in status.sentence
    settings_service.update_settings(session, archive_renew_margin_days=730)  # now within it
    renewed = archive_service.renew_due(session)
    number = minutes_service.get_minutes(session, minutes_id).number
    assert renewed.renewed == [number] and not renewed.problems
    second = minutes_service.signed_document(session, minutes_id)
    assert second.startswith(first) and len(second) > len(first)
    report = pades.verify(second, setup_service.trust_anchors(session))
    assert report.intact and len(report.archive_timestamps) == 2
    assert all(s.valid_when_signed for s in report.signatures)
    assert f"vernieuwd: {number}" in outbox_service.status(session).archive
    assert main(["archive", "status"], session=session) == 0
    assert "Laatst vernieuwd op" in capsys.readouterr().out
    # the region gets it as a new versie through the outbox (tests/sync/test_archive_renewal_upload)
    item = outbox_repo.item_of(session.conn, "minutes", minutes_id)
    assert item is not None and server_copies(server)[item.identificatie] == [first]
    renewal = outbox_repo.item_of(session.conn, "renewal", minutes_id)
    assert renewal is not None and renewal.state == "queued"
    path = session.path.parent / "notulen.pdf"
    path.write_bytes(second)
    assert main(["verify", str(path), "--trust", str(_pem(session, ltv_pki))]) == 0
    out = capsys.readouterr().out
    assert out.count("niveau: B-LTA (archiefwaardig") == 2
    assert "offline, met de ingesloten gegevens: geldig op het moment van ondertekenen" in out
    assert out.count("Archieftijdstempel Archieftijdstempel") == 2


def _pem(session: Session, pki: Any) -> Any:
    path = session.path.parent / "stam.pem"
    path.write_text(certificate_pem(pki.root_der))
    return path


def _sign_before_revocation(session: Session, demo: dict[str, str], pki: Any) -> str:
    """The chair's certificate is revoked after signing, before the first upload (the TSA, if
    any, answers as twelve hours before the test; the revocation is an hour before it)."""
    import datetime as dt

    pki.at(pki.started - dt.timedelta(hours=12))
    try:
        setup_service.add_trust_root(session, certificate_pem(pki.root_der))
        meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
        minutes = minutes_service.draft_minutes(session, meeting.agenda[0].id)
        first = minutes_service.import_identity(session, pki.pkcs12("revoked", "1357"), "1357")
        second = minutes_service.import_identity(session, pki.pkcs12("secretary", "2468"),
                                                 "2468")
        minutes_service.sign_minutes(session, minutes.id, first.id, "1357", "CHAIR")
        minutes_service.sign_minutes(session, minutes.id, second.id, "2468", "SECRETARY")
    finally:
        pki.at(None)
    return minutes.id


def test_revoked_after_signing_with_a_timestamp_is_uploaded_valid_at_signing_time(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    configure_region(session, server.url, tsa_url=ltv_pki.tsa_url, timeout_seconds=20.0)
    minutes_id = _sign_before_revocation(session, demo, ltv_pki)
    assert all(s.timestamped for s in minutes_service.get_minutes(session, minutes_id).signatures)
    assert [o.kind for o in drain_once(session)] == ["delivered"]
    assert_exactly_once(session, server)
    [item] = outbox_repo.all_items(session.conn)
    [copy] = server_copies(server)[item.identificatie]
    report = pades.verify(copy, setup_service.trust_anchors(session))
    assert report.intact, report.verdict
    assert [(s.level, s.valid_when_signed) for s in report.signatures] == \
        [("B-LTA", True), ("B-LTA", True)]
    lines = archive_service.signature_lines(session, minutes_id)
    assert "geldig op het moment van ondertekenen" in lines[0]


def test_revoked_after_signing_without_a_timestamp_stays_rejected_with_what_to_do(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    configure_region(session, server.url, timeout_seconds=20.0)  # no TSA when signing: B-B
    minutes_id = _sign_before_revocation(session, demo, ltv_pki)
    assert not any(s.timestamped for s in
                   minutes_service.get_minutes(session, minutes_id).signatures)
    signed = minutes_service.signed_document(session, minutes_id)
    configure_region(session, server.url, tsa_url=ltv_pki.tsa_url, timeout_seconds=20.0)
    assert [o.kind for o in drain_once(session)] == ["rejected"]
    [item] = outbox_repo.all_items(session.conn)
    assert item.state == "rejected" and item.last_error is not None
    assert item.last_error.startswith("Archiefversie niet gemaakt: het certificaat van")
    assert "geen tijdstempel" in item.last_error and "niet verzonden" in item.last_error
    assert "maak een rectificatie van deze notulen en onderteken die" in item.last_error
    assert server.httpd.store.count() == 0
    assert minutes_service.signed_document(session, minutes_id) == signed


def test_signed_without_a_timestamp_and_not_revoked_is_sent_as_b_b_with_a_note(
        session: Session, demo: dict[str, str], server: RegionalServer, ltv_pki: Any) -> None:
    import pytest

    configure_region(session, server.url, timeout_seconds=20.0)  # no TSA when signing
    with pytest.raises(AssertionError):  # the helper insists on timestamps
        _sign_with_ca(session, demo, ltv_pki)
    [item] = outbox_repo.all_items(session.conn)
    signed = minutes_service.signed_document(session, item.ref_id)
    lines = archive_service.signature_lines(session, item.ref_id)
    assert lines[-1].endswith("zonder tijdstempel bij de handtekening blijft het niveau B-B.")
    configure_region(session, server.url, tsa_url=ltv_pki.tsa_url, timeout_seconds=20.0)
    assert [o.kind for o in drain_once(session)] == ["delivered"]
    assert_exactly_once(session, server)  # the checked version, with validation data
    archived = minutes_service.signed_document(session, item.ref_id)
    assert archived.startswith(signed) and len(archived) > len(signed)
    level, note = archive_service.level_of_minutes(session, item.ref_id)
    assert level == "B-B" and note == archive_service.NO_SIGNATURE_TIMESTAMP_NOTE
    [(_item, history)] = outbox_service.items(session)
    assert [h[1] for h in history] == ["level", "delivered"]
    assert "niveau B-B" in (history[0][3] or "")
