"""Who is named in an inzage and who is replaced by a label (the rules are in the README, *Inzage*)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tafelapp.domain.directory import name_key
from tafelapp.domain.enums import Role
from tafelapp.domain.pseudonyms import (
    ADDRESS,
    CONTACT,
    PersonalData,
    _clean,
    _surname_parts,
    known_spans,
    replace_spans,
)

FAMILY_ROLES = {Role.PARENT, Role.CHILD, Role.CONFIDANT}
"""Roles of private persons at the table: the family and the parents' vertrouwenspersoon (often
a friend or relative). Everyone else at a tafel takes part in a professional role."""


@dataclass
class Shield:
    """Replaces the other private persons of one case by their labels in every text of it, and
    keeps the requester's own name as written (their own name is their data)."""

    own: list[str]
    data: PersonalData = field(default_factory=PersonalData)
    labels: dict[str, str] = field(default_factory=dict)  # name_key -> label

    def label_of(self, name: str) -> str | None:
        """The label of another private person of the case, or None (the requester, a
        professional, or someone the case does not know)."""
        return self.labels.get(name_key(name))

    def is_own(self, name: str | None) -> bool:
        """Whether a written name is the requester's."""
        return bool(name) and any(name_key(str(name)) == name_key(o) for o in self.own)

    def text(self, value: str | None) -> str:
        """A free text with the other private persons replaced (and contact details of anyone)."""
        if not value:
            return ""
        return replace_spans(value, known_spans(value, self.data))

    def name(self, value: str) -> str:
        """A name field: the requester's as is, another private person's label, a
        professional's name unchanged (a name the case does not know is read as text)."""
        if self.is_own(value):
            return value
        return self.label_of(value) or self.text(value)


def _own_parts(names: list[str]) -> set[str]:
    return {p.lower() for n in names for p in re.split(r"[\s-]+", _clean(n)) if p}


def shield_for(own: list[str], others: list[tuple[str, str]], contacts: list[str],
               addresses: list[str]) -> Shield:
    """A shield for one case: `others` are (name, label) of the other private persons, `contacts`
    and `addresses` their phone numbers, e-mail and addresses (never the requester's)."""
    shield = Shield(own=own)
    data = shield.data
    keep = _own_parts(own)
    for name in own:  # the requester's own names stay as written (longest span wins overlaps)
        for variant in {name, _clean(name)}:
            if len(variant) > 1:
                data.terms[variant] = _clean(name)
    for name, label in others:
        shield.labels[name_key(name)] = label
        clean = _clean(name)
        pseudonym = f"[{label}]"
        for variant in {name, clean}:
            if len(variant) > 1:
                data.terms.setdefault(variant, pseudonym)
        parts = clean.split()
        if parts and len(parts[0]) >= 3 and not parts[0].endswith(".") and \
                parts[0].lower() not in keep:
            data.first_names.setdefault(parts[0], pseudonym)
        for part in _surname_parts(parts[1:]):
            if part.lower() not in keep:
                data.terms.setdefault(part, pseudonym)
    for value in contacts:
        if value and len(value) > 1:
            data.terms.setdefault(value, CONTACT)
    for value in addresses:
        if value and len(value) > 1:
            data.terms.setdefault(value, ADDRESS)
    return shield
