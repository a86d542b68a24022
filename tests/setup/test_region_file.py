"""The region file: round trip to a second laptop, idempotent re-import, refusals with the field
named as the administrator knows it, and nothing written when anything is wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import (
    directory_service,
    outbox_service,
    setup_service,
    table_service,
    vault_service,
)
from tafelapp.services.session import Session
from tafelapp.store import audit_repo
from tests.conftest import PASSPHRASE
from tests.setup.region import set_up_region


def _second_vault(tmp_path: Path) -> Session:
    return vault_service.create(tmp_path / "laptop-b.tafelapp", PASSPHRASE, actor="secretaris")


def _audit_count(session: Session) -> int:
    return len(audit_repo.all_records(session.conn))


def _snapshot(session: Session) -> Any:
    book = directory_service.directory(session)
    return (json.dumps([p.model_dump(mode="json") for p in book.people]),
            json.dumps([o.model_dump(mode="json") for o in book.organisations]),
            json.dumps([t.model_dump(mode="json") for t in table_service.list_tables(session)]),
            setup_service.region_name(session))


def test_round_trip_carries_the_whole_set_up_and_no_case_data(session: Session,
                                                              tmp_path: Path) -> None:
    set_up_region(session)
    outbox_service.update_region(session, base_url="https://zgw.example.org/documenten/api/v1",
                                 secret="geheim-" * 6)
    text = setup_service.export_region_json(session)
    assert "geheim-" not in text and '"secret"' not in text
    assert '"base_url": "https://zgw.example.org/documenten"' in text  # API root normalised
    other = _second_vault(tmp_path)
    try:
        result = setup_service.import_region(other, text.encode())
        assert len(result.added) == 4 + 5 + 1
        assert _snapshot(other) == _snapshot(session)
        table = table_service.list_tables(other)[0]
        assert table.default_chair_id and table.place == "Stadskantoor, zaal 3"
        assert [i.name for i in table.institutions] == ["Jeugdbescherming Proefland"]
    finally:
        other.close()


def test_importing_twice_changes_nothing_and_writes_no_audit(session: Session,
                                                             tmp_path: Path) -> None:
    set_up_region(session)
    data = setup_service.export_region_json(session).encode()
    other = _second_vault(tmp_path)
    try:
        setup_service.import_region(other, data)
        before, count = _snapshot(other), _audit_count(other)
        again = setup_service.import_region(other, data)
        assert not again.changed and again.unchanged == 10
        assert _snapshot(other) == before and _audit_count(other) == count
    finally:
        other.close()


def test_a_newer_file_updates_names_and_addresses_an_older_one_is_refused(
        session: Session, tmp_path: Path) -> None:
    made = set_up_region(session)
    first = setup_service.export_region_json(session).encode()
    other = _second_vault(tmp_path)
    try:
        setup_service.import_region(other, first)
        directory_service.save_person(session, **{**made["people"]["melder"].model_dump(),
                                                  "email": "ilse.jansen@vt.example.org"})
        newer = setup_service.export_region_json(session).encode()
        result = setup_service.import_region(other, newer)
        assert result.updated == [f"person:{made['people']['melder'].id}"]
        assert directory_service.get_person(other, made["people"]["melder"].id).email == \
            "ilse.jansen@vt.example.org"
        before = _snapshot(other)
        with pytest.raises(InvalidInput) as refused:
            setup_service.import_region(other, first)
        assert "ouder" in refused.value.problems[0].message
        assert _snapshot(other) == before
    finally:
        other.close()


@pytest.mark.parametrize(("change", "field", "words"), [
    (lambda d: d["people"][1].update(email="geen-adres"), "Persoon 2 (", "e-mailadres"),
    (lambda d: d["people"][0].update(name=""), "Persoon 1", "naam"),
    (lambda d: d["tables"][0].update(weekday=7), "Tafel 1 (JBT Proefstad), vaste dag", "6"),
    (lambda d: d["tables"][0].update(kind="XYZ"), "Tafel 1 (JBT Proefstad), soort", "keuze"),
    (lambda d: d["tables"][0].update(usual_start="25:99"), "vaste begintijd", "tijd"),
    (lambda d: d["organisations"][0].update(kind="BAKKER"), "Organisatie 1", "keuze"),
    (lambda d: d["people"][2].update(organisation_id="onbekend"), "Persoon 3", "organisatie"),
    (lambda d: d["tables"][0].update(default_chair_id="niemand"), "vaste voorzitter", "persoon"),
    (lambda d: d["people"][0].update(certificate_pem="-----BEGIN CERTIFICATE-----\nxx"),
     "certificaat", "certificaat"),
    (lambda d: d["people"].append(dict(d["people"][0])), "Persoon 6", "twee keer"),
    (lambda d: d.update(format="tafelapp.case"), "Bestand", "regiobestand"),
    (lambda d: d.update(extra=1), "Extra", "onbekend"),
])
def test_each_invalid_field_is_refused_by_name_and_nothing_is_written(
        session: Session, tmp_path: Path, change: Any, field: str, words: str) -> None:
    set_up_region(session)
    data = json.loads(setup_service.export_region_json(session))
    change(data)
    other = _second_vault(tmp_path)
    try:
        before, count = _snapshot(other), _audit_count(other)
        with pytest.raises(InvalidInput) as refused:
            setup_service.import_region(other, json.dumps(data).encode())
        problem = refused.value.problems[0]
        assert field.lower() in problem.field.lower(), problem
        assert words.lower() in (problem.field + problem.message).lower(), problem
        assert "." not in problem.field.replace("Mr. A.", "").replace("B. S", ""), problem
        assert _snapshot(other) == before and _audit_count(other) == count
    finally:
        other.close()


def test_not_json_and_a_byte_order_mark(session: Session, tmp_path: Path) -> None:
    set_up_region(session)
    other = _second_vault(tmp_path)
    try:
        with pytest.raises(InvalidInput) as refused:
            setup_service.import_region(other, b"\x00\x01 geen json")
        assert refused.value.problems[0].field == "Bestand"
        bom = b"\xef\xbb\xbf" + setup_service.export_region_json(session).encode()
        assert setup_service.import_region(other, bom).changed
    finally:
        other.close()
