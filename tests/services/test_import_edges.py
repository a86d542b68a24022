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
