"""Export and import of a case: round trip, idempotency, and every kind of bad file writes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.exchange import exchange_json_schema
from tafelapp.domain.problems import InvalidInput
from tafelapp.services import case_service, exchange_service, meeting_service, vault_service
from tafelapp.services.session import Session
from tests.conftest import PASSPHRASE
from tests.services.test_services import _state

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "schema" / "case-exchange.v1.json"


@pytest.fixture
def exported(session: Session, demo: dict[str, str]) -> dict[str, Any]:
    return json.loads(exchange_service.export_case_json(session, demo["jbt_case"]))


@pytest.fixture
def other_vault(tmp_path: Path) -> Any:
    s = vault_service.create(tmp_path / "tweede.tafelapp", PASSPHRASE, actor="secretaris")
    yield s
    report = vault_service.check(s)
    assert report.ok, report
    s.close()


def _import(session: Session, data: dict[str, Any] | bytes) -> exchange_service.ImportResult:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return exchange_service.import_case(session, raw)


def test_round_trip_into_another_vault_and_idempotent(exported: dict[str, Any],
                                                      other_vault: Session) -> None:
    assert _import(other_vault, exported).outcome == "created"
    state = _state(other_vault)
    assert _import(other_vault, exported).outcome == "unchanged"
    assert _state(other_vault) == state  # no duplicate rows, no audit record
    case = case_service.get_case(other_vault, exported["case"]["id"])
    assert case.model_dump(mode="json") == exported["case"]
    meetings = meeting_service.meetings_for_case(other_vault, case.id)
    assert [m.model_dump(mode="json") for m in meetings] == exported["meetings"]
    assert len(meetings) == 2  # the first JBT and today's evaluation


def test_newer_version_of_the_case_updates_it(exported: dict[str, Any],
                                              other_vault: Session) -> None:
    _import(other_vault, exported)
    exported["meetings"][0]["agenda"][0]["safety_plan"]["worries"] = "Bijgewerkt door secretaris"
    assert _import(other_vault, exported).outcome == "updated"
    meeting = meeting_service.meetings_for_case(other_vault, exported["case"]["id"])[0]
    assert meeting.agenda[0].safety_plan.worries == "Bijgewerkt door secretaris"
    assert other_vault.conn.execute("SELECT count(*) FROM agenda_items").fetchone()[0] == 2


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value
    return apply


FUTURE = (dt.date.today() + dt.timedelta(days=30)).isoformat()
SCORE = "meetings.0.agenda.0.scaling_answers.0.score"


@pytest.mark.parametrize(("change", "field", "fragment"), [
    (_set("case.children.0.birth_date", 2015), "case.children.0.birth_date", "datum"),
    (_set("case.family.shoe_size", 44), "case.family.shoe_size", "onbekend veld"),
    (_set("case.children.0.birth_date", FUTURE), "case.children.0.birth_date", "toekomst"),
    (_set("case.referral.date", FUTURE), "case.referral.date", "toekomst"),
    (_set("case.children.0.birth_date", "2015-02-30"), "case.children.0.birth_date",
     "geen geldige datum"),
    (_set("meetings.0.agenda.0.safety_plan.worries", "x" * 10_000_000),
     "meetings.0.agenda.0.safety_plan.worries", "te lang"),
    (_set("case.family.name", "Jan\x00sen"), "case.family.name", "stuurteken"),
    (_set("meetings.0.agenda.0.purpose", "a\x1b[31mrood"), "meetings.0.agenda.0.purpose",
     "stuurteken"),
    (_set(SCORE, 11), SCORE, "hoogstens 10"),
    (_set(SCORE, 7.5), SCORE, "geheel getal"),
    (_set(SCORE, "7"), SCORE, "geheel getal"),
    (_set("meetings.0.agenda.0.decision.kind", "MAYBE"), "meetings.0.agenda.0.decision.kind",
     "onbekende keuze"),
    (_set("version", 2), "version", "onverwachte waarde"),
    (_set("meetings.0.agenda.0.scaling_answers.0.participant_id", "onbekend"),
     "meetings.0.agenda.0.scaling_answers.0.participant_id", "geen deelnemer"),
    (_set("case.children.0.birth_date", "1990-01-01"), "case.children.0.birth_date", "18"),
])
def test_bad_input_is_refused_with_field_and_nothing_is_written(
        exported: dict[str, Any], other_vault: Session,
        change: Callable[[dict[str, Any]], None], field: str, fragment: str) -> None:
    change(exported)
    before = _state(other_vault)
    with pytest.raises(InvalidInput) as info:
        _import(other_vault, exported)
    messages = {p.field: p.message for p in info.value.problems}
    assert field in messages, messages
    assert fragment in messages[field], messages[field]
    assert _state(other_vault) == before


@pytest.mark.parametrize(("raw", "fragment"), [
    (b"{not json", "geen geldige JSON"),
    (b"", "onvolledige JSON"),
    (b"[1, 2, 3]", "object"),
])
def test_malformed_files_are_refused(other_vault: Session, raw: bytes, fragment: str) -> None:
    before = _state(other_vault)
    with pytest.raises(InvalidInput) as info:
        _import(other_vault, raw)
    assert any(fragment in p.message for p in info.value.problems), info.value.problems
    assert _state(other_vault) == before


def test_truncated_file_is_refused(exported: dict[str, Any], other_vault: Session) -> None:
    raw = json.dumps(exported).encode()
    before = _state(other_vault)
    with pytest.raises(InvalidInput) as info:
        _import(other_vault, raw[: len(raw) // 2])
    assert "afgebroken" in info.value.problems[0].message
    assert _state(other_vault) == before


def test_every_problem_is_listed_not_only_the_first(exported: dict[str, Any],
                                                    other_vault: Session) -> None:
    _set(SCORE, 11)(exported)
    _set("case.family.shoe_size", 1)(exported)
    with pytest.raises(InvalidInput) as info:
        _import(other_vault, exported)
    assert {SCORE, "case.family.shoe_size"} <= {p.field for p in info.value.problems}


def test_committed_json_schema_matches_the_models() -> None:
    committed = json.loads(SCHEMA_FILE.read_text("utf-8"))
    assert committed == json.loads(json.dumps(exchange_json_schema())), (
        "docs/schema is out of date: run `python scripts/gen_schema.py`")
