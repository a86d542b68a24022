"""Pydantic errors become Dutch problems with paths; the audit chain detects any change."""

import dataclasses

import pytest
from pydantic import ValidationError

from tafelapp.domain.audit import GENESIS, AuditRecord, changed_fields, record_hash, verify_chain
from tafelapp.domain.meeting import SafetyPlan
from tafelapp.domain.models import Family
from tafelapp.domain.validation import problems_from_validation


def test_validation_messages_are_dutch_with_paths() -> None:
    with pytest.raises(ValidationError) as info:
        Family.model_validate({"name": "", "guardians": [{"name": "A", "shoe_size": 44}],
                               "address": "a\x07b"})
    problems = {p.field: p.message for p in problems_from_validation(info.value)}
    assert problems["name"] == "mag niet leeg zijn"
    assert problems["guardians.0.shoe_size"] == "onbekend veld"
    assert "stuurteken" in problems["address"]


def _chain(n: int) -> list[AuditRecord]:
    records, prev = [], GENESIS
    for seq in range(1, n + 1):
        digest = record_hash(seq, "t", "a", "act", "case", "id", ["x"], prev)
        records.append(AuditRecord(seq, "t", "a", "act", "case", "id", ("x",), prev, digest))
        prev = digest
    return records


def test_intact_chain_verifies() -> None:
    records = _chain(5)
    assert verify_chain(records, (5, records[-1].hash)) == []


def test_edit_delete_and_tail_loss_are_detected() -> None:
    records = _chain(5)
    head = (5, records[-1].hash)
    edited = [*records]
    edited[2] = dataclasses.replace(edited[2], actor="iemand anders")
    assert any("gewijzigd" in p for p in verify_chain(edited, head))
    deleted = records[:2] + records[3:]
    assert verify_chain(deleted, head)
    assert verify_chain(records[:-1], head)


def test_changed_fields_names_fields_not_values() -> None:
    before = SafetyPlan(worries="oud")
    after = SafetyPlan(worries="nieuw geheim", strengths="x")
    assert changed_fields(before, after) == ["strengths", "worries"]
