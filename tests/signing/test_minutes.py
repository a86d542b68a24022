"""Notulen: draft as PDF/A, sign twice (PAdES), final and read-only, rectify, verify; every failure."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.minutes import MinutesStatus
from tafelapp.services import meeting_service, minutes_service, table_service
from tafelapp.services.session import Session
from tafelapp.store import minutes_repo, outbox_repo
from tests.conftest import PASSPHRASE
from tests.services.test_services import _refused as refused
from tests.signing.certs import pkcs12_file

CHAIR = "Mr. A. de Voorzitter (fictief)"
SECRETARY = "B. Secretaris (fictief)"
NOW = dt.datetime.now(dt.UTC)


def pdftext(data: bytes, tmp: Path, layout: bool = True) -> str:
    path = tmp / "doc.pdf"
    path.write_bytes(data)
    tool = shutil.which("pdftotext")
    assert tool, "poppler-utils is installed by scripts/dev.py test"
    return subprocess.run([tool, *(["-layout"] if layout else []), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture
def setup(session: Session, demo: dict[str, str]) -> dict[str, Any]:
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    chair = minutes_service.create_local_identity(session, CHAIR, "123456")
    secretary = minutes_service.create_local_identity(session, SECRETARY, "654321")
    return {"item": item, "minutes": minutes, "chair": chair, "secretary": secretary, **demo}


def sign_both(session: Session, s: dict[str, Any]) -> Any:
    minutes_service.sign_minutes(session, s["minutes"].id, s["chair"].id, "123456", "CHAIR")
    return minutes_service.sign_minutes(session, s["minutes"].id, s["secretary"].id, "654321",
                                        "SECRETARY")


def test_draft_is_pdfa_with_header_on_every_page(session: Session, setup: dict[str, Any],
                                                 tmp_path: Path) -> None:
    minutes_service.update_text(session, setup["minutes"].id,
                                discussion="Ouders vertellen dat het thuis rustiger is. " * 60)
    pdf = minutes_service.render_draft(session, setup["minutes"].id)
    text = pdftext(pdf, tmp_path)
    pages = text.split("\f")[:-1]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "Vertrouwelijk" in page and "JBT-2026-0001" in page
        assert f"Pagina {number} van {len(pages)}" in page
    for expected in ("Uitgesteld raadsonderzoek", "Jeugdbescherming West", "Wat zijn de zorgen?",
                     "Ouders werken mee aan de gezinsbehandeling", "Als een voorwaarde niet",
                     "evaluatie uitgesteld raadsonderzoek", "Ouders vertellen dat het thuis"):
        assert expected in " ".join(pdftext(pdf, tmp_path, layout=False).split()), expected
    meeting = meeting_service.get_meeting(session, setup["jbt_meeting"])
    assert meeting.date.strftime("%d-%m-%Y") in text
    info = subprocess.run(["pdfinfo", "-meta", str(tmp_path / "doc.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert 'pdfaid:part="2"' in info or "<pdfaid:part>2" in info
    fonts = subprocess.run(["pdffonts", str(tmp_path / "doc.pdf")], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)


def test_sign_chair_then_secretary_final_verified_and_queued(session: Session,
                                                             setup: dict[str, Any]) -> None:
    first = minutes_service.sign_minutes(session, setup["minutes"].id, setup["chair"].id,
                                         "123456", "CHAIR")
    assert first.status is MinutesStatus.SIGNING
    after_chair = minutes_service.signed_document(session, first.id)
    final = minutes_service.sign_minutes(session, first.id, setup["secretary"].id, "654321",
                                         "SECRETARY")
    assert final.status is MinutesStatus.FINAL and final.finalised_at is not None
    pdf = minutes_service.signed_document(session, final.id)
    assert pdf.startswith(after_chair)  # an incremental update: the first revision is untouched
    report = minutes_service.verify_pdf(pdf)
    assert report.intact
    assert [s.field for s in report.signatures] == ["Voorzitter", "Secretaris"]
    assert all(s.intact and s.valid for s in report.signatures)
    assert "lokale identiteit" in report.signatures[0].signer
    assert final.document_sha256 == hashlib.sha256(pdf).hexdigest()
    [queued] = outbox_repo.all_items(session.conn)
    assert (queued.state, queued.ref_id) == ("queued", final.id)
    assert queued.identificatie == f"TAFEL-{final.id}"


def test_changed_byte_breaks_verification(session: Session, setup: dict[str, Any]) -> None:
    final = sign_both(session, setup)
    pdf = bytearray(minutes_service.signed_document(session, final.id))
    pdf[len(pdf) // 3] ^= 0x01
    report = minutes_service.verify_pdf(bytes(pdf))
    assert not report.intact
    assert not minutes_service.verify_pdf(b"%PDF-1.7 geen echte pdf").intact


def test_final_record_is_read_only_and_the_database_agrees(session: Session,
                                                           setup: dict[str, Any]) -> None:
    final = sign_both(session, setup)
    refused(session, lambda: meeting_service.update_safety_plan(
        session, setup["item"].id, worries="later gewijzigd"), "record.final")
    refused(session, lambda: meeting_service.take_decision(
        session, setup["item"].id, kind="INVESTIGATION", motivation="x"), "record.final")
    refused(session, lambda: minutes_service.update_text(session, final.id, discussion="x"),
            "minutes.not_draft")
    with pytest.raises(Exception, match="immutable"):
        session.conn.execute("UPDATE minutes SET number = 'x' WHERE id = ?", (final.id,))


def test_text_is_frozen_after_the_first_signature_until_withdrawn(session: Session,
                                                                  setup: dict[str, Any]) -> None:
    minutes_service.sign_minutes(session, setup["minutes"].id, setup["chair"].id, "123456",
                                 "CHAIR")
    refused(session, lambda: minutes_service.update_text(session, setup["minutes"].id,
                                                         discussion="x"), "minutes.not_draft")
    refused(session, lambda: meeting_service.update_safety_plan(
        session, setup["item"].id, worries="x"), "record.signing")
    withdrawn = minutes_service.withdraw_signing(session, setup["minutes"].id)
    assert withdrawn.status is MinutesStatus.DRAFT and withdrawn.signatures == []
    meeting_service.update_safety_plan(session, setup["item"].id, worries="verbeterd")


def test_signing_order_and_configurable_per_table(session: Session, setup: dict[str, Any]) \
        -> None:
    err = refused(session, lambda: minutes_service.sign_minutes(
        session, setup["minutes"].id, setup["secretary"].id, "654321", "SECRETARY"),
        "signing.order")
    assert "eerst de voorzitter" in err.problems[0].message
    table_service.set_signing_order(session, setup["jbt"], ["SECRETARY", "CHAIR"])
    other = meeting_service.get_meeting(session, setup["jbt_evaluation"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, other.id)
    assert [r.value for r in minutes.signing_order] == ["SECRETARY", "CHAIR"]


def test_wrong_pin(session: Session, setup: dict[str, Any]) -> None:
    err = refused(session, lambda: minutes_service.sign_minutes(
        session, setup["minutes"].id, setup["chair"].id, "000000", "CHAIR"), "signing.wrong_pin")
    assert err.problems[0].message == "de pincode is onjuist"


@pytest.mark.parametrize(("start", "end", "signing", "code"), [
    (NOW - dt.timedelta(days=400), NOW - dt.timedelta(days=1), True, "signing.cert_expired"),
    (NOW + dt.timedelta(days=2), NOW + dt.timedelta(days=400), True,
     "signing.cert_not_yet_valid"),
    (NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=400), False,
     "signing.cert_no_signing_usage"),
])
def test_unusable_certificates_are_refused(session: Session, setup: dict[str, Any],
                                           start: dt.datetime, end: dt.datetime, signing: bool,
                                           code: str) -> None:
    identity = minutes_service.import_identity(
        session, pkcs12_file(CHAIR, "geheim1", start, end, signing), "geheim1")
    refused(session, lambda: minutes_service.sign_minutes(
        session, setup["minutes"].id, identity.id, "geheim1", "CHAIR"), code)


def test_pkcs12_import_with_wrong_pin_and_a_valid_one_signs(session: Session,
                                                            setup: dict[str, Any]) -> None:
    data = pkcs12_file(CHAIR, "geheim1", NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=9))
    refused(session, lambda: minutes_service.import_identity(session, data, "fout"),
            "identity.wrong_pin")
    identity = minutes_service.import_identity(session, data, "geheim1")
    assert not identity.certificate.local
    signed = minutes_service.sign_minutes(session, setup["minutes"].id, identity.id, "geheim1",
                                          "CHAIR")
    assert signed.signatures[0].local_identity is False


def test_signer_must_be_the_chair_of_this_meeting(session: Session, setup: dict[str, Any]) \
        -> None:
    stranger = minutes_service.create_local_identity(session, "Iemand Anders", "111111")
    err = refused(session, lambda: minutes_service.sign_minutes(
        session, setup["minutes"].id, stranger.id, "111111", "CHAIR"), "signing.not_holder")
    assert CHAIR in err.problems[0].message


def test_incomplete_record_lists_what_is_missing(session: Session, setup: dict[str, Any]) -> None:
    evaluation = meeting_service.get_meeting(session, setup["jbt_evaluation"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, evaluation.id)
    err = refused(session, lambda: minutes_service.sign_minutes(
        session, minutes.id, setup["chair"].id, "123456", "CHAIR"), "signing.record_incomplete")
    messages = " ".join(p.message for p in err.problems)
    assert "er is nog geen besluit" in messages and "schaalvragen" in messages


def test_disk_full_leaves_the_first_signature_intact(session: Session, setup: dict[str, Any]) \
        -> None:
    minutes_service.sign_minutes(session, setup["minutes"].id, setup["chair"].id, "123456",
                                 "CHAIR")
    pages = session.conn.execute("PRAGMA page_count").fetchone()[0]
    session.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own 'disk is full'
    try:
        err = refused(session, lambda: minutes_service.sign_minutes(
            session, setup["minutes"].id, setup["secretary"].id, "654321", "SECRETARY"),
            "storage.full")
        assert "schijf is vol" in err.problems[0].message
    finally:
        session.conn.execute("PRAGMA max_page_count = 1073741823")
    minutes = minutes_service.get_minutes(session, setup["minutes"].id)
    assert minutes.status is MinutesStatus.SIGNING
    report = minutes_service.verify_pdf(minutes_service.signed_document(session, minutes.id))
    assert report.intact and len(report.signatures) == 1


def test_failure_inside_the_final_transaction_rolls_back(session: Session, setup: dict[str, Any],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    minutes_service.sign_minutes(session, setup["minutes"].id, setup["chair"].id, "123456",
                                 "CHAIR")

    def broken(*_args: object) -> None:
        raise RuntimeError("stroom weg")
    monkeypatch.setattr(outbox_repo, "queue", broken)
    with pytest.raises(RuntimeError):
        minutes_service.sign_minutes(session, setup["minutes"].id, setup["secretary"].id,
                                     "654321", "SECRETARY")
    minutes = minutes_service.get_minutes(session, setup["minutes"].id)
    assert minutes.status is MinutesStatus.SIGNING and len(minutes.signatures) == 1
    assert len(minutes_service.verify_pdf(
        minutes_service.signed_document(session, minutes.id)).signatures) == 1


def test_crash_between_the_two_signatures(tmp_path: Path) -> None:
    """A process that signed as chair is killed; reopened, the secretary can finish."""
    vault = tmp_path / "crash.tafelapp"
    script = f"""
import os
from pathlib import Path
from tafelapp.services import vault_service, meeting_service, minutes_service
from tafelapp.services.demo_service import seed_demo
s = vault_service.create(Path({str(vault)!r}), {PASSPHRASE!r}, actor="t")
ids = seed_demo(s)
item = meeting_service.get_meeting(s, ids["jbt_meeting"]).agenda[0]
m = minutes_service.draft_minutes(s, item.id)
chair = minutes_service.create_local_identity(s, {CHAIR!r}, "123456")
minutes_service.create_local_identity(s, {SECRETARY!r}, "654321")
minutes_service.sign_minutes(s, m.id, chair.id, "123456", "CHAIR")
print(m.id, flush=True)
os._exit(137)  # no close, no checkpoint: as if the laptop lost power
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert result.returncode == 137, result.stderr
    minutes_id = result.stdout.strip()
    from tafelapp.services import vault_service
    s = vault_service.unlock(vault, PASSPHRASE, actor="t")
    try:
        minutes = minutes_service.get_minutes(s, minutes_id)
        assert minutes.status is MinutesStatus.SIGNING
        secretary = next(i for i in minutes_service.list_identities(s)
                         if i.owner_name == SECRETARY)
        final = minutes_service.sign_minutes(s, minutes_id, secretary.id, "654321", "SECRETARY")
        assert final.status is MinutesStatus.FINAL
        assert minutes_service.verify_pdf(minutes_service.signed_document(s, minutes_id)).intact
        assert vault_service.check(s).ok
    finally:
        s.close()


def test_rectification_is_separate_and_the_original_never_changes(
        session: Session, setup: dict[str, Any], tmp_path: Path) -> None:
    final = sign_both(session, setup)
    original_pdf = minutes_service.signed_document(session, final.id)
    refused(session, lambda: minutes_service.create_rectification(session, final.id, " "),
            "rectification.empty")
    rect = minutes_service.create_rectification(session, final.id,
                                                "De evaluatiedatum is 20-02-2027.")
    assert rect.rectifies == final.id and rect.number.startswith(final.number)
    minutes_service.sign_minutes(session, rect.id, setup["chair"].id, "123456", "CHAIR")
    done = minutes_service.sign_minutes(session, rect.id, setup["secretary"].id, "654321",
                                        "SECRETARY")
    assert done.status is MinutesStatus.FINAL
    text = pdftext(minutes_service.signed_document(session, rect.id), tmp_path)
    assert "Rectificatie" in text and final.number in text and "20-02-2027" in text
    assert minutes_service.signed_document(session, final.id) == original_pdf
    assert minutes_repo.get(session.conn, final.id) == final
    assert len(outbox_repo.all_items(session.conn)) == 2
