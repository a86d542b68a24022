"""From an empty vault to the distribution by KEY EVENTS ONLY (tests/ui/keyboard_walk.py: no
setText, no mouse, every key to where Qt sends it), then the record read back through the
services and the PDFs in the verzendmap read back as text: the children with the unborn one and
its checklist, each participant's role, the casusregisseur's fields, the notulen and the
Gezinsoverzicht as the family gets them."""

from __future__ import annotations

import datetime as dt
import email
import os
import subprocess
import sys
from collections.abc import Callable
from email.message import Message
from pathlib import Path

import pytest

from tafelapp.domain.minutes import MinutesStatus
from tafelapp.services import case_service, meeting_service, minutes_service
from tests.ui.conftest import App
from tests.ui.keyboard import Keyboard
from tests.ui.keyboard_walk import MOTHER, walk
from tests.ui.newcomer import chair_certificate


def _pdf_text(data: bytes, tmp: Path) -> str:
    path = tmp / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def _attachments(message: Message) -> dict[str, bytes]:
    found = {}
    for part in message.walk():
        name = part.get_filename()
        payload = part.get_payload(decode=True)
        if name and isinstance(payload, bytes):
            found[name] = payload
    return found


WALK = "test_the_whole_path_by_keyboard_only_from_an_empty_vault_to_the_verzendmap"


def test_the_keyboard_walk_in_a_process_of_its_own() -> None:
    """The walk drives focus and modal dialogs for minutes; after eighty other UI tests in one
    process (their windows, dialogs and timers gone but not always destroyed) it is not
    reliable, so it runs as a person's session does: in a fresh process."""
    env = {**os.environ, "TAFELAPP_WALK_CHILD": "1"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          f"{__file__}::{WALK}"], env=env, capture_output=True, text=True,
                         timeout=900)
    assert run.returncode == 0, run.stdout[-6000:]


@pytest.mark.skipif(os.environ.get("TAFELAPP_WALK_CHILD") != "1",
                    reason="runs in a process of its own (the test above)")
def test_the_whole_path_by_keyboard_only_from_an_empty_vault_to_the_verzendmap(
        make_app: Callable[..., App], tmp_path: Path, no_demo: None) -> None:
    p12 = chair_certificate(tmp_path)
    app = make_app(tmp_path / "nieuw.tafelapp")
    app.window.activateWindow()
    kb = Keyboard(home=app.window)
    folder = tmp_path / "verzending"
    try:
        walk(kb, app.window, folder, p12)
    except Exception as exc:  # say where the keyboard was and what the screen said
        said = app.window.minutes_view.message.text()
        raise AssertionError("\n".join([*kb.log[-12:], f"melding: {said}"])) from exc
    app.settle()

    assert kb.mouse_actions == 0
    assert kb.repeated() == {}, kb.repeated()

    # The aanmelding: Noor and the unborn child without a name, with its checklist.
    (row,) = app.call(case_service.list_cases)
    case = app.call(lambda s: case_service.get_case(s, row.id))
    assert [(c.first_name, c.unborn) for c in case.children] == [("Noor", False), ("", True)]
    unborn = case.children[1]
    assert unborn.unborn_details is not None and unborn.unborn_details.pregnancy_certain
    answers = [a.answer for a in unborn.unborn_details.checklist if a.answer]
    assert answers == ["Zorgen over geweld in huis, ook na de geboorte.",
                       "Verloskundige ziet moeder elke maand."]
    assert case.referral is not None and case.referral.referrer_person == "Ilse Jansen (fictief)"

    # The meeting: at the family's home today; each participant with the role they have.
    (listed,) = app.call(meeting_service.list_meetings)
    meeting = app.call(lambda s: meeting_service.get_meeting(s, listed.id))
    assert meeting.date == dt.date.today()
    assert meeting.location_text == "Voorbeeldlaan 1, Duinstede"
    item = meeting.agenda[0]
    roles = {p.name: p.role.value for p in item.participants}
    assert roles == {
        "Mr. A. de Voorzitter (fictief)": "CHAIR", "B. Secretaris (fictief)": "SECRETARY",
        MOTHER: "PARENT", "Mehmet Yilmaz (fictief)": "PARENT", "Noor van Dalen": "CHILD",
        "Ilse Jansen (fictief)": "REFERRER", "Karim Bakker (fictief)": "RVDK",
        "Femke de Wit (fictief)": "JB"}, roles
    case = app.call(lambda s: case_service.get_case(s, row.id))
    (lead,) = case.active_case_leads()
    assert (lead.person, lead.organisation, lead.phone, lead.email) == (
        "Femke de Wit (fictief)", "Jeugdbescherming West", "06-00000009",
        "femke.dewit@example.org")
    assert lead.person_id and lead.accepted and lead.accepted_on == meeting.date
    assert [a.owner for a in item.agreements] == ["Ouders", "Ouders", "Femke de Wit (fictief)"]
    assert item.agreements[2].due_date == meeting.date + dt.timedelta(days=7)

    # Signed by both; what the verzendmap holds for the mother, read back as text.
    (minutes,) = app.call(lambda s: minutes_service.minutes_for_item(s, item.id))
    assert minutes.status is MinutesStatus.FINAL
    assert [s.role.value for s in minutes.signatures] == ["CHAIR", "SECRETARY"]
    drafts = {p.name: email.message_from_bytes(p.read_bytes()) for p in folder.rglob("*.eml")}
    assert len(drafts) == 7, sorted(drafts)
    mother = next(m for n, m in drafts.items() if "Sanne" in n)
    files = _attachments(mother)
    notulen = _pdf_text(next(v for k, v in files.items() if "gezinsoverzicht" not in k), tmp_path)
    family = _pdf_text(next(v for k, v in files.items() if "gezinsoverzicht" in k), tmp_path)
    for words in ("Betreft Noor van Dalen (13 jaar), ongeboren kind", "uitgesteld raadsonderzoek",
                  "Femke de Wit", "06-00000009", "Karim Bakker", "Raad voor de"):
        assert words in notulen, words
    assert "g.visser" not in family and "femke.dewit@example.org" not in family.split(
        "telefoon")[-1][:40]
    for words in ("Femke de Wit", "06-00000009"):
        assert words in family, words
