"""`tafelapp check` proves every final notulen from its PDF with the same guard that takes notulen
in from outside: notulen marked final that their PDF does not prove final are named (exit 1)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from typing import Any

import pytest

from tafelapp.services import meeting_service, minutes_service
from tafelapp.services.session import Session
from tafelapp.sync.check import run_check
from tests.conftest import PASSPHRASE
from tests.sync.forgery import _self_made, _sign


@pytest.fixture
def chair_signed(session: Session, demo: dict[str, str]) -> dict[str, Any]:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    minutes = minutes_service.draft_minutes(session, meeting.agenda[0].id)
    chair = minutes_service.create_local_identity(session, meeting.chair, "123456")
    secretary = minutes_service.create_local_identity(session, meeting.secretary or "", "654321")
    minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
    return {"minutes": minutes, "meeting": meeting, "secretary": secretary}


def _mark_final(session: Session, minutes_id: str, pdf: bytes | None = None) -> None:
    """What an edit behind the services' back does (the trigger guards only rows already final)."""
    if pdf is not None:
        session.conn.execute("UPDATE minutes SET document = ?, document_sha256 = ? WHERE id = ?",
                             (pdf, hashlib.sha256(pdf).hexdigest(), minutes_id))
    session.conn.execute("UPDATE minutes SET status = 'FINAL', finalised_at = ? WHERE id = ?",
                         (session.now().isoformat(), minutes_id))


def test_genuinely_final_notulen_are_proven(session: Session,
                                            chair_signed: dict[str, Any]) -> None:
    minutes_service.sign_minutes(session, chair_signed["minutes"].id,
                                 chair_signed["secretary"].id, "654321", "SECRETARY")
    result = run_check(session, offline=True)
    assert result.unproven == [] and result.ok


def test_notulen_marked_final_with_one_signature_are_named(session: Session,
                                                          chair_signed: dict[str, Any]) -> None:
    _mark_final(session, chair_signed["minutes"].id)
    [found] = run_check(session, offline=True).unproven
    assert chair_signed["minutes"].number in found
    assert "de handtekening van de secretaris ontbreekt" in found


def test_a_self_made_secretary_signature_is_named_on_the_command_line(
        session: Session, chair_signed: dict[str, Any]) -> None:
    minutes_id = chair_signed["minutes"].id
    secretary = chair_signed["meeting"].secretary
    pdf = minutes_service.signed_document(session, minutes_id)
    _mark_final(session, minutes_id, _sign(pdf, _self_made("Mallory Aanvaller"), "Secretaris",
                                           secretary))
    pw = session.path.with_suffix(".pw")
    pw.write_text(PASSPHRASE)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")},
           "TAFELAPP_VAULT": str(session.path), "TAFELAPP_PASSPHRASE_FILE": str(pw)}
    result = subprocess.run([sys.executable, "-m", "tafelapp.cli", "check", "--offline"],
                            env=env, text=True, capture_output=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("Vastgestelde notulen"))
    assert "KLOPT NIET" in line and chair_signed["minutes"].number in line
    assert f"certificaat dat niet bij {secretary} hoort" in line
    assert "ER IS EEN PROBLEEM MET DE KLUIS." in result.stdout
