"""The records of a tafel: tables, cases, families, children, referrals and case leads."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tafelapp.domain.contact import EmailAddress, Phone, name_of_display, split_contact
from tafelapp.domain.enums import (
    CaseStatus,
    DeadlineKind,
    PartnerKind,
    ReferrerKind,
    Route,
    TableKind,
    UnbornChecklistItem,
)
from tafelapp.domain.types import NAME_MAX, CaseNumber, Id, Name, ShortText, Text, new_id

_MOTHER = {"moeder", "zwangere", "aanstaande moeder", "biologische moeder"}


class Model(BaseModel):
    """Base of every record: unknown fields are refused, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class CertifiedInstitution(Model):
    """Gecertificeerde instelling (GI) of a region with its target groups (`001 §1.4.1`)."""

    id: Id = Field(default_factory=new_id)
    name: Name
    target_groups: list[ShortText] = Field(default_factory=list, max_length=20)


def _default_signing_order() -> list[Literal["CHAIR", "SECRETARY"]]:
    return ["CHAIR", "SECRETARY"]


class Table(Model):
    """Tafel: one JBT or ZVT with its regional configuration."""

    id: Id = Field(default_factory=new_id)
    kind: TableKind
    name: Name
    region: Name
    municipality: Name
    institutions: list[CertifiedInstitution] = Field(default_factory=list, max_length=20)
    signing_order: list[Literal["CHAIR", "SECRETARY"]] = Field(
        default_factory=_default_signing_order, min_length=1, max_length=2)
    place: ShortText | None = None
    weekday: int | None = Field(default=None, ge=0, le=6)
    usual_start: dt.time | None = None
    default_chair_id: Id | None = None
    default_secretary_id: Id | None = None


class Guardian(Model):
    """A parent or carer (ouder/verzorger) of the family."""

    id: Id = Field(default_factory=new_id)
    name: Name
    relation: ShortText = ""
    has_custody: bool | None = None
    phone: ShortText | None = None
    email: ShortText | None = None
    address: ShortText | None = None


class Family(Model):
    """Gezin: the household a case is about."""

    name: Name
    address: ShortText | None = None
    postcode: ShortText | None = None
    city: ShortText | None = None
    guardians: list[Guardian] = Field(default_factory=list, max_length=12)


class ChecklistAnswer(Model):
    """One answer on the unborn-child checklist (`001 §2.2 b`); unknown must say why (§2.2 c)."""

    item: UnbornChecklistItem
    known: bool = True
    answer: Text | None = None
    unknown_reason: Text | None = None


class UnbornDetails(Model):
    """Ongeboren kind: expected date, the bodemeis (`001 §2.2 d`) and the checklist."""

    expected_date: dt.date
    pregnancy_certain: bool
    whereabouts_known: bool
    other_household: bool = False
    checklist: list[ChecklistAnswer] = Field(default_factory=list, max_length=20)


class Child(Model):
    """Jeugdige: a child of the case, born (with birth date) or unborn (with details).

    An unborn child needs no first name (nobody names it yet); a born child does
    (`rules.referral.child_problems`).
    """

    id: Id = Field(default_factory=new_id)
    first_name: Annotated[ShortText, Field(max_length=NAME_MAX)] = ""
    last_name: Name
    birth_date: dt.date | None = None
    unborn: bool = False
    unborn_details: UnbornDetails | None = None

    def called(self, family: Family | None = None) -> str:
        """How texts name the child: the first name, or 'ongeboren kind van <moeder>'."""
        if self.first_name:
            return self.first_name
        guardians = family.guardians if family is not None else []
        mother = next((g for g in guardians if g.relation.strip().lower() in _MOTHER), None)
        carer = mother or next(iter(guardians), None)
        if carer is not None:
            return f"ongeboren kind van {carer.name}"
        return f"ongeboren kind van gezin {family.name}" if family else "ongeboren kind"


class ReferralCriteria(Model):
    """The criteria of a request (`001 §2.1`): threat to development and at least one of three."""

    development_threatened: bool = False
    care_not_accepted: bool = False
    care_not_effective: bool = False
    perspective_unclear: bool = False


class ReferralPreconditions(Model):
    """What the melder did before filing (`001 §2.1.2 b, c`)."""

    safety_plan_made: bool = False
    help_in_place: bool = False
    choices_discussed: bool = False
    registered_in_vir: bool = False


class Referral(Model):
    """Aanmelding: how a case came to the table, by whom and when."""

    route: Route
    date: dt.date
    referrer_kind: ReferrerKind
    referrer_organisation: Name
    referrer_person: Name
    criteria: ReferralCriteria = Field(default_factory=ReferralCriteria)
    preconditions: ReferralPreconditions = Field(default_factory=ReferralPreconditions)
    summary: Text | None = None


class CaseLead(Model):
    """Casusregie: which partner and person guard the plan of this family, since when.

    The casusregisseur is kept as fields (the address book's person, name, phone, e-mail), never
    as the picker's display text; `contact_note` keeps an older record's contact line that was
    neither a phone number nor an e-mail address.
    """

    id: Id = Field(default_factory=new_id)
    organisation: Name
    organisation_kind: PartnerKind
    person: Name
    person_id: Id | None = None
    phone: Phone | None = None
    email: EmailAddress | None = None
    contact_note: ShortText | None = None
    since: dt.date
    accepted: bool = False
    accepted_on: dt.date | None = None
    ended_on: dt.date | None = None

    @model_validator(mode="before")
    @classmethod
    def _older_form(cls, data: Any) -> Any:
        """Records (and exports) from before 0017: the display text as the name, one contact."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if isinstance(data.get("person"), str):
            data["person"] = name_of_display(data["person"])
        if "contact" in data:
            phone, email, note = split_contact(data.pop("contact"))
            data.setdefault("phone", phone)
            data.setdefault("email", email)
            data.setdefault("contact_note", note)
        for key in ("phone", "email", "contact_note"):
            if isinstance(data.get(key), str) and not data[key].strip():
                data[key] = None
        return data

    @property
    def active(self) -> bool:
        """A case lead is active until it has an end date."""
        return self.ended_on is None


class Deadline(Model):
    """Termijn: a due date started by an event, with its source in the protocol."""

    id: Id = Field(default_factory=new_id)
    kind: DeadlineKind
    started_on: dt.date
    due_on: dt.date
    source: ShortText
    done_on: dt.date | None = None
    note: ShortText | None = None


class Case(Model):
    """Casus: one family's matter at one table, with its children, referral, regie and terms."""

    id: Id = Field(default_factory=new_id)
    table_id: Id
    case_number: CaseNumber
    status: CaseStatus = CaseStatus.OPEN
    opened_on: dt.date
    family: Family
    children: list[Child] = Field(min_length=1, max_length=20)
    referral: Referral | None = None
    case_leads: list[CaseLead] = Field(default_factory=list, max_length=50)
    deadlines: list[Deadline] = Field(default_factory=list, max_length=200)

    def child(self, child_id: str) -> Child | None:
        """The child with this id, if it belongs to the case."""
        return next((c for c in self.children if c.id == child_id), None)

    def active_case_leads(self) -> list[CaseLead]:
        """Case leads that have not ended."""
        return [lead for lead in self.case_leads if lead.active]
