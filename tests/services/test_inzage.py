"""Inzage (AVG art. 15) of the demo's people, read back from the PDF with pdftotext: every record
that names them is there, the other family's data is not, other family members are labels."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import textstat

from tafelapp.domain.directory import name_key
from tafelapp.domain.minutes import MinutesKind, MinutesStatus
from tafelapp.domain.problems import InvalidInput
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import (
    distribution_service,
    identity_service,
    inzage_service,
    meeting_service,
    minutes_service,
    outbox_service,
    vault_service,
)
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tafelapp.store import audit_repo, inzage_repo, minutes_repo
from tests.conftest import PASSPHRASE, assert_vault_intact
from ui.demo_region import DEMO_CLIENT, DEMO_INFORMATIEOBJECTTYPE, DEMO_SECRET, DemoRegion

ROOT = Path(__file__).resolve().parents[2]
SANNE = "Sanne van Dalen (fictief)"


def pdf_text(path: Path) -> str:
    """The PDF's text as one line of words (pdftotext, line breaks and hyphens undone)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"\s+", " ", out)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The demo with the first meeting's notulen signed, its e-mails made and delivered to a
    reference regional server on loopback."""
    folder = tmp_path_factory.mktemp("inzage")
    session = vault_service.create(folder / "kluis.tafelapp", PASSPHRASE, actor="FG Duinstede")
    ids = seed_demo(session)
    item = meeting_service.get_meeting(session, ids["jbt_meeting"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    chair = identity_service.create_local_identity(session, "Mr. A. de Voorzitter (fictief)",
                                                   "123456")
    sec = identity_service.create_local_identity(session, "B. Secretaris (fictief)", "654321")
    minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
    minutes_service.sign_minutes(session, minutes.id, sec.id, "654321", "SECRETARY")
    distribution_service.write_distribution(session, minutes.id, folder / "verzending")
    server = DemoRegion(folder / "regio.sqlite3")
    try:
        url = server.start()
        outbox_service.update_region(session, base_url=url, client_id=DEMO_CLIENT,
                                     secret=DEMO_SECRET, rsin="002220647",
                                     informatieobjecttype=DEMO_INFORMATIEOBJECTTYPE)
        list(drain_once(session))
    finally:
        server.stop()
    yield {"session": session, "ids": ids, "minutes": minutes.id, "item": item.id,
           "folder": folder, "chair": chair.id, "sec": sec.id}
    assert_vault_intact(session)
    session.close()


def _export(world: dict[str, Any], who: str, name: str) -> tuple[Any, str, dict[str, Any]]:
    session: Session = world["session"]
    out = world["folder"] / name
    out.mkdir()
    request = inzage_service.start_request(session, who, note="identiteit gezien (paspoort)")
    result = inzage_service.export(session, request.id, out)
    return result, pdf_text(result.pdf), json.loads(result.json.read_text("utf-8"))


@pytest.fixture(scope="module")
def sanne(world: dict[str, Any]) -> tuple[Any, str, dict[str, Any]]:
    return _export(world, "sanne van dalen", "sanne")


def test_the_picker_knows_each_person_once_with_every_case_and_role(
        world: dict[str, Any]) -> None:
    found = inzage_service.find_people(world["session"], "dalen")
    assert [c.name for c in found] == ["Daan van Dalen", "Noor van Dalen", SANNE]
    femke = inzage_service.find_people(world["session"], "femke")
    assert len(femke) == 1 and "casusregisseur" in femke[0].label and \
        "jeugdbeschermer" in femke[0].label  # one person, two roles in one case
    by_case = inzage_service.find_people(world["session"], "ZVT-2026")
    assert {c.name for c in by_case} >= {"Anita Ramdin (fictief)", "Jayden Ramdin"}


def test_a_parents_export_holds_every_record_that_names_her(
        world: dict[str, Any], sanne: tuple[Any, str, dict[str, Any]]) -> None:
    result, text, _ = sanne
    session: Session = world["session"]
    assert result.cases == 1 and "Dossier JBT-2026-0001" in text
    assert "Wat wij over u bewaren" in text and SANNE in text
    assert "06-00000001" in text and "Voorbeeldlaan 1" in text and "Gezag: ja" in text
    for meeting_id in (world["ids"]["jbt_meeting"], world["ids"]["jbt_evaluation"]):
        meeting = meeting_service.get_meeting(session, meeting_id)
        assert f"Bespreking op {meeting.date:%d-%m-%Y}" in text
        for a in meeting.agenda[0].agreements:  # every agreement, its text as the parent reads it
            assert flat(a.text).replace("Daan", "[kind 2]") in text, a.text
    for words in ("Ik wil dat het rustig wordt, en ik wil het zelf proberen met hulp.",
                  "uitgesteld raadsonderzoek", "Ouders delen de zorgen en willen meewerken.",
                  "Femke de Wit (fictief), Jeugdbescherming West",  # casusregie
                  "Verzoek tot onderzoek (VTO) op", "Ilse Jansen (fictief)",
                  "Karim Bakker (fictief)", "Wat moet er nu gebeuren?", "De grootste zorg:"):
        assert words in text, words
    number = minutes_repo.get(session.conn, world["minutes"]).number  # type: ignore[union-attr]
    assert f"Verslag {number}: vastgesteld" in text
    assert "Getekend door: Mr. A. de Voorzitter (fictief) (voorzitter" in text
    recipients = text.split("Wie krijgt dit verslag:")[1].split("De e-mails")[0]
    assert SANNE in recipients and "ouder A (ouder)" in recipients and \
        "Femke de Wit (fictief) (jeugdbeschermer)" in recipients
    assert "De e-mails met het verslag zijn klaargezet op" in text
    assert "Naar de regio: afgeleverd bij de regio op" in text
    assert "Wie werkte in dit dossier?" in text and "verslag ondertekend" in text


def test_another_familys_data_is_not_in_it(sanne: tuple[Any, str, dict[str, Any]]) -> None:
    _, text, data = sanne
    raw = json.dumps(data, ensure_ascii=False)
    for other in ("ZVT-2026-0001", "Ramdin", "Jayden", "Anita", "Zorg- en Veiligheidstafel",
                  "P. Verhoef", "L. Smit", "06-00000003"):
        assert other not in text and other not in raw, other


def test_other_family_members_are_labels_and_their_words_are_left_out(
        sanne: tuple[Any, str, dict[str, Any]]) -> None:
    _, text, data = sanne
    raw = json.dumps(data, ensure_ascii=False)
    for private in ("Noor", "Daan", "Mehmet", "Yilmaz",
                    "niet weer dezelfde mensen",  # the father's own words
                    "stoppen met schreeuwen",  # Noor's own words
                    "Het valt mee"):  # the father's view
        assert private not in text and private not in raw, private
    assert "[kind 1]" in text and "[kind 2]" in text and "ouder A (vader)" in text
    assert "Ook 2 andere mensen uit het gezin zeiden wat ze ervan vonden" in text
    scores = text.split("Cijfers voor de veiligheid")[1].split("Wat u zelf zei")[0]
    assert "Sanne van Dalen (fictief) (u): 6 van de 10" in scores
    assert "ouder" not in scores.replace("(u)", "")  # the father's score is his
    assert data["pseudonymised"] == ["kind 1", "kind 2", "ouder A"]


def test_the_json_follows_its_committed_schema(sanne: tuple[Any, str, dict[str, Any]]) -> None:
    _, _, data = sanne
    committed = json.loads((ROOT / "docs/schema/inzage.v1.json").read_text("utf-8"))
    assert committed == inzage_service.schema(), "python scripts/gen_schema.py"
    jsonschema.validate(data, committed)
    assert data["format"] == "tafelapp-inzage" and data["version"] == 1
    broken = {**data, "cases": [{**data["cases"][0], "standing": "BUURMAN"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, committed)


def test_request_and_export_are_audited_without_values(
        world: dict[str, Any], sanne: tuple[Any, str, dict[str, Any]]) -> None:
    result, _, data = sanne
    session: Session = world["session"]
    records = [r for r in audit_repo.all_records(session.conn)
               if r.entity_id == data["request_id"]]
    assert [r.action for r in records] == ["inzage.request", "inzage.export"]
    assert records[0].fields == ("note", "person", "received_on")
    assert records[1].fields == ("json", "pdf") and records[1].actor == "FG Duinstede"
    assert not any("Sanne" in " ".join(r.fields) for r in records)
    stored = inzage_repo.exports(session.conn, data["request_id"])
    assert stored == [(stored[0][0], "FG Duinstede", result.pdf_sha256, result.json_sha256)]
    assert os.stat(result.pdf).st_mode & 0o777 == 0o600
    assert vault_service.verify_audit(session)[1] == []


def test_a_correction_is_a_rectificatie_linked_to_the_request(world: dict[str, Any]) -> None:
    session: Session = world["session"]
    original = minutes_repo.get(session.conn, world["minutes"])
    assert original is not None and original.status is MinutesStatus.FINAL
    before = minutes_repo.document(session.conn, original.id)
    request = inzage_service.start_request(session, SANNE)
    rect = inzage_service.rectify(session, request.id, original.id,
                                  "Moeder was om 09:30 aanwezig, niet om 09:45.")
    assert rect.kind is MinutesKind.RECTIFICATION and rect.rectifies == original.id
    assert inzage_repo.request_of_rectification(session.conn, rect.id) == request.id
    assert minutes_repo.document(session.conn, original.id) == before  # the original stays
    minutes_service.sign_minutes(session, rect.id, world["chair"], "123456", "CHAIR")
    minutes_service.sign_minutes(session, rect.id, world["sec"], "654321", "SECRETARY")
    out = world["folder"] / "na-correctie"
    out.mkdir()
    text = pdf_text(inzage_service.export(session, request.id, out).pdf)
    assert f"Correctie {rect.number} op verslag {original.number}" in text
    assert "Moeder was om 09:30 aanwezig, niet om 09:45." in text
    actions = [r.action for r in audit_repo.all_records(session.conn)
               if r.entity_id == request.id]
    assert actions == ["inzage.request", "inzage.rectify", "inzage.export"]


def test_a_rectificatie_is_refused_for_another_familys_notulen_and_for_a_draft(
        world: dict[str, Any]) -> None:
    session: Session = world["session"]
    anita = inzage_service.start_request(session, "Anita Ramdin")
    with pytest.raises(InvalidInput) as refused:
        inzage_service.rectify(session, anita.id, world["minutes"], "Iets anders.")
    assert "gaan niet over een dossier waarin Anita Ramdin (fictief) staat" in str(refused.value)
    evaluation = meeting_service.get_meeting(session, world["ids"]["jbt_evaluation"])
    draft = minutes_service.draft_minutes(session, evaluation.agenda[0].id)
    sanne = inzage_service.start_request(session, SANNE)
    with pytest.raises(InvalidInput) as refused:
        inzage_service.rectify(session, sanne.id, draft.id, "Verbetering.")
    assert "alleen vastgestelde notulen krijgen een rectificatie" in str(refused.value)
    assert inzage_repo.rectifications(session.conn, [anita.id, sanne.id]) == []


def test_bad_input_gets_dutch_messages_and_stores_nothing(world: dict[str, Any]) -> None:
    session: Session = world["session"]
    count = len(inzage_service.requests(session))
    with pytest.raises(InvalidInput) as refused:
        inzage_service.start_request(session, "Piet Onbekend")
    assert refused.value.problems[0].render() == \
        "Persoon: niemand met de naam ‘Piet Onbekend’ staat in deze kluis"
    with pytest.raises(InvalidInput) as refused:
        inzage_service.start_request(session, "van Dalen")
    assert refused.value.problems[0].render().startswith("Persoon: ‘van Dalen’ past bij 3 ")
    assert len(inzage_service.requests(session)) == count
    request = inzage_service.start_request(session, SANNE)
    with pytest.raises(InvalidInput) as refused:
        inzage_service.export(session, request.id, world["folder"] / "bestaat-niet")
    assert refused.value.problems[0].render() == \
        "Map: de map ‘bestaat-niet’ bestaat niet; kies een bestaande map"
    locked = world["folder"] / "alleen-lezen"
    locked.mkdir()
    locked.chmod(0o500)
    target = locked if os.geteuid() != 0 else Path("/sys/kernel")  # root may write anywhere
    with pytest.raises(InvalidInput) as refused:
        inzage_service.export(session, request.id, target)
    message = refused.value.problems[0].render()
    assert message.startswith("Map: ") and "schrijven" in message and "Traceback" not in message
    assert list(locked.iterdir()) == []
    assert inzage_repo.exports(session.conn, request.id) == []
    with pytest.raises(InvalidInput) as refused:
        inzage_service.export(session, "geen-verzoek", world["folder"])
    assert refused.value.problems[0].render() == \
        "Verzoek: er is geen inzageverzoek met nummer ‘geen-verzoek’"


def test_a_professionals_export_holds_their_part_not_the_familys(
        world: dict[str, Any]) -> None:
    _, text, data = _export(world, "Femke de Wit", "femke")
    assert "Dossier JBT-2026-0001" in text and "jeugdbeschermer" in text
    assert "De JB zoekt met oma uit of [kind 2] daar kan logeren bij spanning." in text
    assert "Femke de Wit (fictief), Jeugdbescherming West" in text  # her casusregie
    for family in ("Sanne", "Noor", "Daan", "Mehmet", "Voorbeeldlaan", "06-00000001",
                   "Er zijn in drie maanden", "Ik wil dat het rustig wordt", "ZVT-2026-0001"):
        assert family not in text and family not in json.dumps(data), family
    assert data["cases"][0]["standing"] == "PROFESSIONAL"


def test_a_young_persons_export_labels_the_parents(world: dict[str, Any]) -> None:
    _, text, _ = _export(world, "Noor van Dalen", "noor")
    assert "Ik wil dat papa en mama stoppen met schreeuwen." in text  # her own words
    for private in ("Sanne", "Mehmet", "Yilmaz", "06-00000001", "Daan"):
        assert private not in text, private
    assert "ouder A (moeder)" in text and "ouder B (vader)" in text


def test_the_inzage_reads_at_b1(sanne: tuple[Any, str, dict[str, Any]]) -> None:
    _, text, _ = sanne
    body = text.split("Wie werkte in dit dossier?")[0]  # the log is a list of dates and names
    textstat.set_lang("nl")
    score = textstat.flesch_reading_ease(body)
    print(f"Flesch-Douma {score:.1f}")
    assert score >= 65, score


def test_the_key_of_a_person_is_their_name_as_compared_everywhere() -> None:
    assert name_key("Mr. A. de Voorzitter (fictief)") == name_key("A. de Voorzitter")
