"""Adresboek (`Directory`): the region's organisations and people, so no name is typed twice."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, Field

from tafelapp.domain.enums import PartnerKind, Role
from tafelapp.domain.models import Model
from tafelapp.domain.types import Id, Name, ShortText, new_id

_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]{2,}$")


def _email(value: str) -> str:
    value = value.strip()
    if value and not _EMAIL.match(value):
        raise ValueError("geen geldig e-mailadres (voorbeeld: naam@organisatie.nl)")
    return value


Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
"""An e-mail address in the plain form name@domain.tld (empty means: not known)."""


class Organisation(Model):
    """Organisatie in the address book: Raad, GI, Veilig Thuis, wijkteam, gemeente, politie …"""

    id: Id = Field(default_factory=new_id)
    name: Name
    kind: PartnerKind
    target_groups: list[ShortText] = Field(default_factory=list, max_length=20)
    phone: ShortText = ""
    email: Email = ""
    complaints: ShortText = ""


class Person(Model):
    """Persoon in the address book: a professional the region works with, and where they sit."""

    id: Id = Field(default_factory=new_id)
    name: Name
    function: ShortText = ""
    organisation_id: Id | None = None
    email: Email = ""
    phone: ShortText = ""
    role: Role | None = None
    table_ids: list[Id] = Field(default_factory=list, max_length=50)
    certificate_pem: str | None = Field(default=None, max_length=20_000)


_ROLE_BY_KIND = {PartnerKind.RVDK: Role.RVDK, PartnerKind.GI: Role.JB,
                 PartnerKind.POLICE: Role.POLICE, PartnerKind.SCHOOL: Role.SCHOOL,
                 PartnerKind.CARE_PROVIDER: Role.CARE_PROVIDER,
                 PartnerKind.VEILIG_THUIS: Role.REFERRER}


def usual_role(person: Person, organisation: Organisation | None) -> Role:
    """The role a person usually has at the table: as set, else from their organisation."""
    if person.role is not None:
        return person.role
    if organisation is not None:
        return _ROLE_BY_KIND.get(organisation.kind, Role.OTHER_PROFESSIONAL)
    return Role.OTHER_PROFESSIONAL


def name_key(name: str) -> str:
    """How two spellings of one name are compared: case, accents, titles and initials' dots aside.

    "Mr. A. de Voorzitter" and "A. de Voorzitter" give the same key; "A. de Vries" does not.
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\(.*?\)", " ", text)
    words = [w.strip(".,") for w in text.replace(".", ". ").split()]
    titles = {"mr", "dr", "drs", "ir", "ing", "prof", "mevr", "dhr", "mw", "bc", "msc", "ma"}
    return " ".join(w for w in words if w and w not in titles)


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two written names plainly denote the same person (see `name_key`)."""
    return bool(a and b) and name_key(str(a)) == name_key(str(b))


def search_people(people: list[Person], organisations: dict[str, Organisation], text: str,
                  limit: int = 20) -> list[Person]:
    """Type-ahead: people whose name, function or organisation contains every typed word."""
    words = [w for w in name_key(text).split() if w]
    found = []
    for person in people:
        org = organisations.get(person.organisation_id or "")
        hay = name_key(f"{person.name} {person.function} {org.name if org else ''}")
        if all(w in hay for w in words):
            found.append(person)
        if len(found) >= limit:
            break
    return found
