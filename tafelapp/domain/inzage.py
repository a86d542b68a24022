"""Inzage (`Inzage`, AVG art. 15): the request of one person and what the vault holds about them."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field

from tafelapp.domain.models import Model
from tafelapp.domain.types import Id, Name, ShortText, Text, new_id

FORMAT: Literal["tafelapp-inzage"] = "tafelapp-inzage"
VERSION: Literal[1] = 1


class Standing(StrEnum):
    """How a person appears in a case: as family (ouder, jeugdige) or in a professional role."""

    FAMILY = "FAMILY"
    PROFESSIONAL = "PROFESSIONAL"


class Appearance(Model):
    """One place a person is named: which case, as what (`ouder (moeder)`, `melder`…)."""

    case_id: Id
    case_number: ShortText
    standing: Standing
    as_what: ShortText


class Candidate(Model):
    """A person who can ask for inzage: one written name (compared by `name_key`) and every case
    and role it appears in, so the same parent at two tables is one person to pick."""

    key: ShortText
    name: Name
    appearances: list[Appearance] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """What the picker shows: `Sanne van Dalen — ouder (moeder) in JBT-2026-0001`."""
        seen: dict[str, list[str]] = {}
        for a in self.appearances:
            seen.setdefault(a.as_what, [])
            if a.case_number not in seen[a.as_what]:
                seen[a.as_what].append(a.case_number)
        parts = [f"{what} in {', '.join(cases)}" for what, cases in seen.items()]
        return f"{self.name} — {'; '.join(parts)}" if parts else self.name


class InzageRequest(Model):
    """Inzageverzoek: who asked, when it was received, and a note (how the identity was checked)."""

    id: Id = Field(default_factory=new_id)
    person_key: ShortText
    person_name: Name
    received_on: dt.date
    note: ShortText = ""
    created_at: dt.datetime
    created_by: ShortText


class PersonLine(Model):
    """Someone else in a record: a professional by name, role and organisation, or a family
    member by a label only (`ouder B`, `kind 1`)."""

    name: ShortText
    role: ShortText
    organisation: ShortText | None = None
    attendance: ShortText | None = None
    pseudonymised: bool = False


class OwnDetails(Model):
    """What the case holds about the requester themselves (shown in full)."""

    name: ShortText
    as_what: ShortText
    phone: ShortText | None = None
    email: ShortText | None = None
    address: ShortText | None = None
    birth_date: dt.date | None = None
    has_custody: bool | None = None


class AgreementLine(Model):
    """Afspraak, doel of voorwaarde of a discussion."""

    kind: ShortText
    text: Text
    owner: ShortText
    consequence: Text | None = None
    due_date: dt.date | None = None
    status: ShortText


class VoiceLine(Model):
    """The requester's own voice at the table (stem van het gezin): view, stance, own words."""

    view: Text = ""
    stance: ShortText | None = None
    own_words: Text = ""
    not_asked_reason: Text | None = None


class ScoreLine(Model):
    """A schaalvraag answer: by whom (a label for other family members), the score."""

    by: ShortText
    score: int


class DistributionLine(Model):
    """Who receives the notulen by the rule of who may receive documents, and when drafts were
    made for them (from the audit log)."""

    recipient: ShortText
    role: ShortText
    pseudonymised: bool = False


class RegionLine(Model):
    """A document or the case's zaak sent to the region: what, its state, when."""

    what: ShortText
    state: ShortText
    queued_at: dt.datetime
    delivered_at: dt.datetime | None = None
    attempts: int = 0


class MinutesLine(Model):
    """Notulen or a rectificatie: number, status, who signed when, where it went."""

    id: Id
    number: ShortText
    kind: Literal["notulen", "rectificatie"]
    status: ShortText
    finalised_at: dt.datetime | None = None
    signed_by: list[ShortText] = Field(default_factory=list)
    rectifies: ShortText | None = None
    correction: Text | None = None
    recipients: list[DistributionLine] = Field(default_factory=list)
    drafts_made_at: list[dt.datetime] = Field(default_factory=list)
    region: list[RegionLine] = Field(default_factory=list)


class MeetingRecord(Model):
    """One discussion of the case at a meeting, as it concerns the requester."""

    date: dt.date
    table: ShortText
    place: ShortText
    chair: ShortText
    secretary: ShortText | None = None
    you_as: ShortText | None = None
    your_attendance: ShortText | None = None
    participants: list[PersonLine] = Field(default_factory=list)
    strengths: Text = ""
    worries: Text = ""
    must_happen_now: Text = ""
    danger_statement: Text = ""
    family_view: Text = ""
    scores: list[ScoreLine] = Field(default_factory=list)
    your_voice: VoiceLine | None = None
    others_voices_left_out: int = 0
    decision: ShortText | None = None
    decision_motivation: Text = ""
    evaluation_date: dt.date | None = None
    dissents: list[Text] = Field(default_factory=list)
    agreements: list[AgreementLine] = Field(default_factory=list)
    next_moment: dt.date | None = None
    minutes: list[MinutesLine] = Field(default_factory=list)


class LogLine(Model):
    """An entry of the audit log about the case or its meetings: when, who, what (no values)."""

    at: dt.datetime
    actor: ShortText
    action: ShortText
    times: int = 1


class CaseRecord(Model):
    """One case that names the requester."""

    case_number: ShortText
    table: ShortText
    status: ShortText
    opened_on: dt.date
    standing: Standing
    you: OwnDetails
    family: list[PersonLine] = Field(default_factory=list)
    referral: ShortText | None = None
    referral_summary: Text = ""
    case_leads: list[PersonLine] = Field(default_factory=list)
    meetings: list[MeetingRecord] = Field(default_factory=list)
    region: list[RegionLine] = Field(default_factory=list)
    log: list[LogLine] = Field(default_factory=list)


class RectificationLine(Model):
    """A rectificatie made at this person's request (any of their requests)."""

    request_id: Id
    rectification_number: ShortText
    original_number: ShortText
    created_at: dt.datetime
    status: ShortText


class InzageExport(Model):
    """Everything this vault holds that names one person (the JSON handed over)."""

    format: Literal["tafelapp-inzage"] = FORMAT
    version: Literal[1] = VERSION
    request_id: Id
    person: Name
    received_on: dt.date
    made_at: dt.datetime
    made_by: ShortText
    cases: list[CaseRecord] = Field(default_factory=list)
    address_book: list[ShortText] = Field(default_factory=list)
    requests: list[ShortText] = Field(default_factory=list)
    rectifications: list[RectificationLine] = Field(default_factory=list)
    pseudonymised: list[ShortText] = Field(default_factory=list)
