"""Notulen (`Minutes`): the signed record of one case's discussion, its signatures and rectificaties."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from enum import StrEnum
from typing import Any

from pydantic import Field

from tafelapp.domain.meeting import AgendaItem, Meeting
from tafelapp.domain.models import Model
from tafelapp.domain.types import Id, ShortText, Text, new_id


class MinutesStatus(StrEnum):
    """Concept → in ondertekening → vastgesteld (final: the record is read-only from then on)."""

    DRAFT = "DRAFT"
    SIGNING = "SIGNING"
    FINAL = "FINAL"


class MinutesKind(StrEnum):
    """Notulen, or a rectificatie that corrects final notulen without changing them."""

    MINUTES = "MINUTES"
    RECTIFICATION = "RECTIFICATION"


class SignerRole(StrEnum):
    """Who signs (ondertekening): the voorzitter and the secretaris of the meeting."""

    CHAIR = "CHAIR"
    SECRETARY = "SECRETARY"


class MinutesText(Model):
    """The free-text parts the secretary edits; everything else comes from the record."""

    introduction: Text = ""
    discussion: Text = ""
    closing_remarks: Text = ""
    correction: Text = ""


class MinutesSignature(Model):
    """One PAdES signature on the document: who, in which role, when, with which certificate."""

    role: SignerRole
    signer_name: ShortText
    identity_id: Id
    signed_at: dt.datetime
    certificate_subject: ShortText
    certificate_fingerprint: ShortText
    local_identity: bool
    certificate_name: ShortText | None = None
    timestamped: bool = False


class Minutes(Model):
    """Notulen of one agenda item (or a rectificatie of earlier notulen)."""

    id: Id = Field(default_factory=new_id)
    agenda_item_id: Id
    meeting_id: Id
    case_id: Id
    kind: MinutesKind = MinutesKind.MINUTES
    rectifies: Id | None = None
    number: ShortText
    text: MinutesText = Field(default_factory=MinutesText)
    status: MinutesStatus = MinutesStatus.DRAFT
    signing_order: list[SignerRole] = Field(
        default_factory=lambda: [SignerRole.CHAIR, SignerRole.SECRETARY], min_length=1,
        max_length=2)
    signatures: list[MinutesSignature] = Field(default_factory=list, max_length=2)
    document_sha256: ShortText | None = None
    record_sha256: ShortText | None = None
    created_at: dt.datetime
    finalised_at: dt.datetime | None = None

    @property
    def next_role(self) -> SignerRole | None:
        """The role whose signature comes next, or None when all have signed."""
        done = {s.role for s in self.signatures}
        return next((r for r in self.signing_order if r not in done), None)


# Fields added to the record after records were first pinned; left empty they are left out, so
# a record signed by an earlier version keeps its pin (tests/domain/test_record_pin_stable.py).
_ADDED = {"item": ("family_voices", "dissents", "continuations", "next_moment_start",
                   "next_moment_place"), "participants": ("arrived", "left_at"),
          "scaling_answers": ("given",), "decision": ("decided_at",)}


def _without_empty_additions(item: dict[str, Any]) -> dict[str, Any]:
    def strip(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
        return {k: v for k, v in record.items() if not (k in keys and v in (None, [], ""))}
    item = strip(item, _ADDED["item"])
    for part in ("participants", "scaling_answers"):
        item[part] = [strip(r, _ADDED[part]) for r in item[part]]
    if item.get("decision"):
        item["decision"] = strip(item["decision"], _ADDED["decision"])
    return item


def record_sha256(meeting: Meeting, item: AgendaItem, text: MinutesText) -> str:
    """The pin of a signed record: SHA-256 of the canonical JSON of what the notulen show and
    what signing freezes (the meeting's header, the agenda item, the secretary's text)."""
    canonical = json.dumps({"meeting": meeting.model_dump(mode="json", exclude={"agenda"}),
                            "item": _without_empty_additions(item.model_dump(mode="json")),
                            "text": text.model_dump(mode="json")},
                           sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class CertificateInfo(Model):
    """What the rules need to know of a signing certificate (read from X.509 by the signing layer)."""

    subject: ShortText
    common_name: ShortText
    not_before: dt.datetime
    not_after: dt.datetime
    can_sign: bool
    fingerprint: ShortText
    local: bool


class TokenRef(Model):
    """Where a smartcard's (PKCS#11) key lives: the module, the token's label, the key's label."""

    module: ShortText
    token_label: ShortText
    key_label: ShortText


class SigningIdentity(Model):
    """A user's signing identity: a certificate and its PIN-protected private key (kept in the vault)."""

    id: Id = Field(default_factory=new_id)
    owner_name: ShortText
    label: ShortText
    certificate: CertificateInfo
    created_at: dt.datetime
    person_id: Id | None = None
    link_confirmed_by: ShortText | None = None
    token: TokenRef | None = None
