"""Who receives the notulen (and who not, why), the .eml drafts, the .ics, and `tafelapp verify`."""

from __future__ import annotations

import email
import os
import subprocess
import sys
from email.message import Message
from pathlib import Path
from typing import Any

from tafelapp.domain.enums import Attendance, Role
from tafelapp.domain.meeting import Participant
from tafelapp.domain.rules.recipients import recipients
from tafelapp.services import distribution_service, meeting_service, minutes_service
from tafelapp.services.session import Session
from tests import factories as f
from tests.conftest import PASSPHRASE
from tests.signing.test_minutes import setup, sign_both  # noqa: F401 (fixture)


def test_recipient_rule_leaves_out_confidant_children_under_16_and_absentees() -> None:
    young, older = f.child(age=15), f.child(age=16)
    case = f.case(f.table(), children=[young, older])
    item = f.complete_item(case).model_copy(update={"participants": [
        Participant(name="Ouder", role=Role.PARENT, email="ouder@example.org"),
        Participant(name="Vertrouwenspersoon", role=Role.CONFIDANT, email="v@example.org"),
        Participant(name="Kim (15)", role=Role.CHILD, child_id=young.id, email="k@example.org"),
        Participant(name="Sam (16)", role=Role.CHILD, child_id=older.id, email="s@example.org"),
        Participant(name="Afwezige JB", role=Role.JB, attendance=Attendance.EXCUSED,
                    email="jb@example.org"),
        Participant(name="Zonder adres", role=Role.RVDK)]})
    included, excluded = recipients(item, case, f.TODAY, {"RVDK": ["raad@example.org"]})
    assert [r.name for r in included] == ["Ouder", "Sam (16)", "raad@example.org"]
    reasons = {e.recipient.name: e.reason for e in excluded}
    assert reasons == {
        "Vertrouwenspersoon": "een vertrouwenspersoon ontvangt geen documenten",
        "Kim (15)": "kinderen onder de 16 jaar ontvangen geen documenten",
        "Afwezige JB": "was niet aanwezig", "Zonder adres": "geen e-mailadres bekend"}


def test_eml_drafts_carry_the_signed_pdf_and_ics_the_next_moment(
        session: Session, setup: dict[str, Any], tmp_path: Path) -> None:  # noqa: F811
    final = sign_both(session, setup)
    who = distribution_service.distribution(session, final.id)
    excluded = {e.recipient.name: e.reason for e in who.excluded}
    assert excluded["Noor van Dalen"] == "kinderen onder de 16 jaar ontvangen geen documenten"
    files = distribution_service.write_distribution(session, final.id, tmp_path / "uit")
    emls = [p for p in files if p.suffix == ".eml"]
    assert len(emls) == len(who.included) == 7
    meeting = meeting_service.get_meeting(session, setup["jbt_meeting"])
    case_number = emls[0].name.split(" ")[0]
    # one subfolder per meeting (date and table), a file per person named by case and person
    folder = tmp_path / "uit" / f"{meeting.date:%Y-%m-%d} {minutes_table(session, final.id)}"
    assert {p.parent for p in files} == {folder}
    assert sorted(p.name for p in emls) == sorted(f"{case_number} {r.name}.eml"
                                                  for r in who.included)
    message: Message = email.message_from_bytes(emls[0].read_bytes())
    assert message["X-Unsent"] == "1" and "(vertrouwelijk)" in message["Subject"]
    attachments = [part for part in message.walk() if part.get_filename()]
    assert [a.get_filename() for a in attachments] == [
        f"{final.number}.pdf", f"{final.number}-gezinsoverzicht.pdf"]
    assert attachments[0].get_payload(decode=True) == minutes_service.signed_document(
        session, final.id)
    ics = (folder / f"{case_number} volgende moment.ics").read_text()
    item = meeting_service.get_meeting(session, setup["jbt_meeting"]).agenda[0]
    assert item.next_moment is not None
    assert f"DTSTART:{item.next_moment:%Y%m%d}T140000" in ics  # the moment planned in Afsluiting
    assert "LOCATION:bij het gezin thuis" in ics
    assert "Evaluatie uitgesteld raadsonderzoek" in ics and "Dalen" not in ics
    assert all(os.stat(p).st_mode & 0o077 == 0 for p in files)


def minutes_table(session: Session, minutes_id: str) -> str:
    from tafelapp.services.meeting_context_service import meeting_context

    minutes = minutes_service.get_minutes(session, minutes_id)
    return meeting_context(session, minutes.agenda_item_id).table.name


def test_two_recipients_of_one_name_get_two_files_and_names_are_safe() -> None:
    from tafelapp.domain.rules.recipients import Recipient

    people = [Recipient("Jan de Vries", "JB", "a@example.org"),
              Recipient("Jan de Vries", "RVDK", "b@example.org"),
              Recipient("Jan de Vries", "RVDK", "c@example.org"),
              Recipient('A/B: de "raad"?', "OTHER", "d@example.org"),
              Recipient("raad@example.org", "RVDK", "raad@example.org")]
    assert distribution_service.recipient_file_names("2026-014", people) == [
        "2026-014 Jan de Vries", "2026-014 Jan de Vries (Raad voor de Kinderbescherming)",
        "2026-014 Jan de Vries (Raad voor de Kinderbescherming) 2", "2026-014 A-B- de -raad",
        "2026-014 raad@example.org"]


def test_cli_verify_prints_signers_and_exits_4_on_a_changed_byte(
        session: Session, setup: dict[str, Any], tmp_path: Path) -> None:  # noqa: F811
    final = sign_both(session, setup)
    good = tmp_path / "notulen.pdf"
    distribution_service.export_signed(session, final.id, good)
    env = {**os.environ, "TAFELAPP_PASSPHRASE_FILE": str(tmp_path / "none")}
    ok = subprocess.run([sys.executable, "-m", "tafelapp.cli", "verify", str(good)],
                        capture_output=True, text=True, env=env)
    assert ok.returncode == 5, ok.stdout + ok.stderr  # intact, but no known signers given
    assert "1. Voorzitter: " in ok.stdout and "2. Secretaris: " in ok.stdout
    assert "Oordeel: intact maar ondertekenaar onbekend." in ok.stdout
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x20
    bad = tmp_path / "gewijzigd.pdf"
    bad.write_bytes(bytes(data))
    broken = subprocess.run([sys.executable, "-m", "tafelapp.cli", "verify", str(bad)],
                            capture_output=True, text=True, env=env)
    assert broken.returncode in (2, 4), broken.stdout
    assert ("Oordeel: gewijzigd." in broken.stdout or "Niet te controleren" in broken.stdout)
    assert "Traceback" not in broken.stdout + broken.stderr


def test_cli_draft_and_sign_end_to_end(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text(PASSPHRASE)
    pin = tmp_path / "pin"
    pin.write_text("123456")
    env = {**os.environ, "TAFELAPP_VAULT": str(tmp_path / "k.tafelapp"),
           "TAFELAPP_PASSPHRASE_FILE": str(secret), "TAFELAPP_PIN_FILE": str(pin)}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tafelapp.cli", *args], env=env,
                              capture_output=True, text=True, timeout=120)
    assert cli("init", "--demo").returncode == 0
    import json
    meetings = json.loads(cli("list", "meetings", "--json").stdout)
    first = min(meetings, key=lambda m: m["date"])
    item_id = json.loads(cli("show", "meeting", first["id"], "--json").stdout)["agenda"][0]["id"]
    draft = cli("notulen", "draft", "--item", item_id, "-o", str(tmp_path / "concept.pdf"))
    assert draft.returncode == 0, draft.stderr
    minutes_id = draft.stdout.split("(")[1].split(")")[0]
    assert (tmp_path / "concept.pdf").read_bytes().startswith(b"%PDF")
    created = cli("identity", "create", "--name", "Mr. A. de Voorzitter (fictief)")
    assert created.returncode == 0, created.stderr
    identity = created.stdout.split()[1]
    wrong = cli("notulen", "sign", "--minutes", minutes_id, "--identity", identity, "--role",
                "SECRETARY")
    assert wrong.returncode == 2 and "Rol: nu tekent eerst de voorzitter" in wrong.stderr
    signed = cli("notulen", "sign", "--minutes", minutes_id, "--identity", identity, "--role",
                 "CHAIR")
    assert signed.returncode == 0 and "SIGNING" in signed.stdout, signed.stderr
