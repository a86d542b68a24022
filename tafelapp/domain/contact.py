"""How a person is reached: a phone number is a phone number, an e-mail address is not one."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

_PHONE_CHARS = re.compile(r"^\+?[0-9][0-9 ()./-]*$")
_SHORT_MUNICIPAL = re.compile(r"^14\s?0\d{2,3}$")  # 14 070: a municipality's short number
DISPLAY_SEPARATOR = " — "
"""What the address book's picker puts between a name and its function and organisation."""


def is_phone(text: str | None) -> bool:
    """Whether a text is a telephone number (06-12345678, +31 70 123 4567, 14 070), not an
    e-mail address, a website or a remark."""
    value = (text or "").strip()
    if not value or not _PHONE_CHARS.match(value):
        return False
    digits = sum(ch.isdigit() for ch in value)
    return 8 <= digits <= 15 or bool(_SHORT_MUNICIPAL.match(value))


def is_email(text: str | None) -> bool:
    """Whether a text is an e-mail address in the plain form name@domain.tld."""
    from tafelapp.domain.directory import _EMAIL  # the address book's one pattern

    return bool(text and _EMAIL.match(text.strip()))


def _phone(value: str) -> str:
    value = value.strip()
    if value and not is_phone(value):
        raise ValueError("geen telefoonnummer (voorbeeld: 06-12345678 of 070-1234567)")
    return value


def _email(value: str) -> str:
    value = value.strip()
    if value and not is_email(value):
        raise ValueError("geen geldig e-mailadres (voorbeeld: naam@organisatie.nl)")
    return value


Phone = Annotated[str, Field(max_length=40), AfterValidator(_phone)]
"""A telephone number (digits, spaces, +, -, brackets); an e-mail address is refused."""

EmailAddress = Annotated[str, Field(max_length=254), AfterValidator(_email)]
"""An e-mail address (name@domain.tld)."""


def split_contact(text: str | None) -> tuple[str | None, str | None, str | None]:
    """(phone, e-mail, other) of one written contact line such as older records hold."""
    value = (text or "").strip()
    if not value:
        return None, None, None
    if is_phone(value):
        return value, None, None
    if is_email(value):
        return None, value, None
    return None, None, value


def name_of_display(text: str) -> str:
    """The person's name from a picker's display text ("G. Visser — functie, organisatie")."""
    head = text.split(DISPLAY_SEPARATOR, 1)[0].strip()
    return head or text.strip()
