"""The audit chain: how a record is hashed, which fields changed, and how the chain is verified."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditRecord:
    """One audit line: who did what to which entity, and which fields (never their values)."""

    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    fields: tuple[str, ...]
    prev_hash: str
    hash: str


def record_hash(seq: int, at: str, actor: str, action: str, entity: str, entity_id: str,
                fields: list[str] | tuple[str, ...], prev_hash: str) -> str:
    """SHA-256 over the canonical JSON of a record and the hash before it."""
    payload = json.dumps([seq, at, actor, action, entity, entity_id, list(fields), prev_hash],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def verify_chain(records: list[AuditRecord], head: tuple[int, str] | None) -> list[str]:
    """Every break in the chain, in Dutch; empty when no record was edited, inserted or deleted."""
    found: list[str] = []
    prev = GENESIS
    expected_seq = 1
    for rec in records:
        if rec.seq != expected_seq:
            found.append(f"record {expected_seq} ontbreekt (gevonden: {rec.seq})")
            expected_seq = rec.seq
        if rec.prev_hash != prev:
            found.append(f"record {rec.seq}: verwijst niet naar het record ervoor")
        if record_hash(rec.seq, rec.at, rec.actor, rec.action, rec.entity, rec.entity_id,
                       rec.fields, rec.prev_hash) != rec.hash:
            found.append(f"record {rec.seq}: inhoud is gewijzigd")
        prev = rec.hash
        expected_seq += 1
    last = (records[-1].seq, records[-1].hash) if records else None
    if head != last:
        found.append("het laatste record klopt niet met de kop van het logboek: "
                     "records aan het eind zijn verwijderd of toegevoegd")
    return found


def _flatten(value: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, sub in value.items():
            _flatten(sub, f"{prefix}.{key}" if prefix else str(key), out)
    else:
        out[prefix] = value


def changed_fields(before: BaseModel | None, after: BaseModel | None) -> list[str]:
    """Dotted names of the fields that differ (lists count as one field); values are not kept."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    if before is not None:
        _flatten(before.model_dump(mode="json"), "", old)
    if after is not None:
        _flatten(after.model_dump(mode="json"), "", new)
    return sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
