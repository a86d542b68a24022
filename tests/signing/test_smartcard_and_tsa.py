"""Smartcards through PKCS#11 (a SoftHSM2 token, a certificate of a test CA made with
certomancer) and RFC 3161 timestamps from a local timestamp authority on loopback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import meeting_service, minutes_service, outbox_service
from tafelapp.services.session import Session
from tests.signing.pki import (
    KEY_LABEL,
    TOKEN_LABEL,
    TOKEN_PIN,
    PkiFixture,
)


@pytest.fixture
def module(softhsm: str) -> str:
    return softhsm


def _notulen(session: Session, demo: dict[str, str]) -> Any:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    return meeting, minutes_service.draft_minutes(session, meeting.agenda[0].id)


def test_the_chair_signs_with_a_smartcard_and_the_ca_makes_it_known(
        session: Session, demo: dict[str, str], pki: PkiFixture, module: str) -> None:
    meeting, minutes = _notulen(session, demo)
    with pytest.raises(InvalidInput) as wrong:
        minutes_service.register_token_identity(session, module, TOKEN_LABEL, KEY_LABEL, "1111")
    assert wrong.value.problems[0].message == "de pincode van de smartcard is onjuist"
    card = minutes_service.register_token_identity(session, module, TOKEN_LABEL, KEY_LABEL,
                                                   TOKEN_PIN)
    assert card.token is not None and card.owner_name == meeting.chair
    assert not card.certificate.local  # issued by a CA, not a local pilot identity
    with pytest.raises(InvalidInput) as wrong_pin:
        minutes_service.sign_minutes(session, minutes.id, card.id, "999999", "CHAIR")
    assert wrong_pin.value.problems[0].field == "pin"
    assert minutes_service.get_minutes(session, minutes.id).signatures == []
    signed = minutes_service.sign_minutes(session, minutes.id, card.id, TOKEN_PIN, "CHAIR")
    assert signed.signatures[0].certificate_name == meeting.chair
    pdf = minutes_service.signed_document(session, minutes.id)
    unknown = minutes_service.verify_pdf(pdf)
    assert unknown.intact and not unknown.known
    known = minutes_service.verify_pdf(pdf, {pki.root_der: "Test-CA"})
    assert known.signatures[0].trusted and known.signatures[0].verdict.startswith(
        "intact, ondertekend door een bekende ondertekenaar")
    # The functional administrator trusts the root in the vault (`tafelapp setup trust`).
    from tafelapp.services import setup_service
    from tafelapp.signing.identities import certificate_pem

    with pytest.raises(InvalidInput):
        setup_service.add_trust_root(session, "geen certificaat")
    assert setup_service.add_trust_root(session, certificate_pem(pki.root_der)) == \
        "Test Stamcertificaat"
    in_vault = minutes_service.verify_pdf(pdf, setup_service.trust_anchors(session))
    assert in_vault.signatures[0].trusted


def test_offline_signing_works_and_says_so_online_it_is_timestamped(
        session: Session, demo: dict[str, str], pki: PkiFixture) -> None:
    meeting, minutes = _notulen(session, demo)
    chair = minutes_service.create_local_identity(session, meeting.chair, "123456")
    assert meeting.secretary is not None
    secretary = minutes_service.create_local_identity(session, meeting.secretary, "654321")
    outbox_service.update_region(session, tsa_url="http://127.0.0.1:9/geen-tsa")  # nobody there
    offline = minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
    assert offline.signatures[0].timestamped is False
    outbox_service.update_region(session, tsa_url=pki.tsa_url)
    online = minutes_service.sign_minutes(session, minutes.id, secretary.id, "654321",
                                          "SECRETARY")
    assert online.signatures[1].timestamped is True
    report = minutes_service.verify_pdf(minutes_service.signed_document(session, minutes.id))
    assert report.intact and report.signatures[0].timestamp is None
    stamp = report.signatures[1].timestamp
    assert stamp is not None and abs(stamp - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_the_command_line_registers_a_card(tmp_path: Path, pki: PkiFixture, module: str) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import PASSPHRASE

    (tmp_path / "pw").write_text(PASSPHRASE)
    (tmp_path / "pin").write_text(TOKEN_PIN)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")},
           "TAFELAPP_PASSPHRASE_FILE": str(tmp_path / "pw"),
           "TAFELAPP_VAULT": str(tmp_path / "k.tafelapp")}
    assert subprocess.run([sys.executable, "-m", "tafelapp.cli", "init"], env=env,
                          capture_output=True).returncode == 0
    env["TAFELAPP_PIN_FILE"] = str(tmp_path / "pin")
    made = subprocess.run([sys.executable, "-m", "tafelapp.cli", "identity", "token",
                           "--module", module, "--token", TOKEN_LABEL, "--key", KEY_LABEL],
                          env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert "Mr. A. de Voorzitter (fictief)" in made.stdout
