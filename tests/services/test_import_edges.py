"""Import edge cases found by outside probing: every one is refused with its field named (never
an IntegrityError), nothing is written, and UTF-8 with a byte-order mark is a valid file."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import exchange_service, meeting_service
from tafelapp.services.session import Session
from tafelapp.store import audit_repo
from tests.fuzz.vault_hash import vault_hash


def _first_item(data: dict[str, Any]) -> dict[str, Any]:
    return next(m for m in data["meetings"] if m["agenda"])["agenda"][0]


def _dup(key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        items = _first_item(data)[key]
        items.append(dict(items[0]))
    return change


def _dup_guardian(data: dict[str, Any]) -> None:
    guardians = data["case"]["family"]["guardians"]
    guardians.append(dict(guardians[0]))


def _dup_deadline(data: dict[str, Any]) -> None:
    data["case"]["deadlines"].append(dict(data["case"]["deadlines"][0]))


def _dup_item(data: dict[str, Any]) -> None:
    meeting = next(m for m in data["meetings"] if m["agenda"])
    meeting["agenda"].append(dict(meeting["agenda"][0]))


def _meeting_id_removed(data: dict[str, Any]) -> None:
    del next(m for m in data["meetings"] if m["agenda"])["id"]


@pytest.mark.parametrize(("change", "field"), [
    (_dup("participants"), "Deelnemer"), (_dup("agreements"), "Afspraak"),
    (_dup("scaling_answers"), "Schaalvraag"), (_dup_guardian, "Gezin, Ouder 3, Id"),
    (_dup_deadline, "Termijn"), (_dup_item, "Agendapunt 2"),
    (_meeting_id_removed, "Agendapunt 1"),
])
def test_a_broken_export_is_refused_by_field_and_writes_nothing(
        session: Session, demo: dict[str, str], change: Any, field: str) -> None:
    data = json.loads(exchange_service.export_case_json(session, demo["jbt_case"]))
    change(data)
    meetings = len(meeting_service.list_meetings(session))
    audit = len(audit_repo.all_records(session.conn))
    with pytest.raises(InvalidInput) as refused:
        exchange_service.import_case(session, json.dumps(data).encode())
    rendered = [p.render() for p in refused.value.problems]
    assert any(field in line for line in rendered), rendered
    assert not any("IntegrityError" in line for line in rendered)
    assert len(meeting_service.list_meetings(session)) == meetings
    assert len(audit_repo.all_records(session.conn)) == audit


def test_utf8_with_a_byte_order_mark_is_a_valid_file(session: Session,
                                                     demo: dict[str, str]) -> None:
    data = exchange_service.export_case_json(session, demo["jbt_case"]).encode("utf-8-sig")
    assert data.startswith(b"\xef\xbb\xbf")
    assert exchange_service.import_case(session, data).outcome == "unchanged"


def _meeting(data: dict[str, Any]) -> dict[str, Any]:
    return next(m for m in data["meetings"] if m["agenda"])


@pytest.mark.parametrize(("key", "value", "words"), [
    ("start", [1], "Bespreking 1, Begin: moet een tijd zijn"),
    ("end", {"uur": 11}, "Bespreking 1, Einde: moet een tijd zijn"),
    ("start", 36000, "Bespreking 1, Begin: moet een tijd als tekst zijn"),
    ("end", True, "Bespreking 1, Einde: moet een tijd"),
    ("start", "10:00+02:00", "Bespreking 1, Begin: moet een tijd zonder tijdzone zijn"),
    ("date", 20261120, "Bespreking 1, Datum: moet een datum"),
])
def test_a_meeting_time_of_the_wrong_kind_is_refused(session: Session, demo: dict[str, str],
                                                     key: str, value: Any, words: str) -> None:
    data = json.loads(exchange_service.export_case_json(session, demo["jbt_case"]))
    _meeting(data)[key] = value
    before = vault_hash(session)
    with pytest.raises(InvalidInput) as refused:
        exchange_service.import_case(session, json.dumps(data).encode())
    rendered = [p.render() for p in refused.value.problems]
    assert any(line.startswith(words) for line in rendered), rendered
    assert vault_hash(session) == before


def test_a_dropped_agenda_item_id_is_refused_by_its_field(session: Session,
                                                          demo: dict[str, str]) -> None:
    data = json.loads(exchange_service.export_case_json(session, demo["jbt_case"]))
    del _meeting(data)["agenda"][0]["id"]
    before = vault_hash(session)
    with pytest.raises(InvalidInput) as refused:
        exchange_service.import_case(session, json.dumps(data).encode())
    assert refused.value.problems[0].render().startswith("Bespreking 1, Agendapunt 1, Id: ")
    assert vault_hash(session) == before


def test_an_id_of_another_record_here_is_refused_by_the_store_in_words(
        session: Session, demo: dict[str, str]) -> None:
    """A participant that takes the id of a participant of another case: the rules cannot know
    every id in the vault, the store's constraint can; the whole file is rolled back."""
    other = meeting_service.get_meeting(session, demo["zvt_meeting"]).agenda[0].participants[0]
    data = json.loads(exchange_service.export_case_json(session, demo["jbt_case"]))
    item = _meeting(data)["agenda"][0]
    respondents = {a["participant_id"] for a in item["scaling_answers"]}
    loose = next(p for p in item["participants"] if p["id"] not in respondents)
    loose["id"] = other.id
    _meeting(data)["agenda"][0]["purpose"] = "Gewijzigd, zodat het bestand iets verandert."
    before = vault_hash(session)
    with pytest.raises(InvalidInput) as refused:
        exchange_service.import_case(session, json.dumps(data).encode())
    line = refused.value.problems[0].render()
    assert line.startswith("Deelnemers: een id in dit bestand hoort hier al bij"), line
    assert "IntegrityError" not in line and "UNIQUE" not in line
    assert vault_hash(session) == before
