"""Constrained scalar types shared by the models: ids, names, free text, scores."""

from __future__ import annotations

import re
import uuid
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

NAME_MAX = 200
SHORT_TEXT_MAX = 500
TEXT_MAX = 20_000

# C0 controls except tab, newline and carriage return; DEL; C1 controls; and the Unicode
# direction overrides that can disguise text in a printed record.
_FORBIDDEN_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORBIDDEN_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _no_controls_text(value: str) -> str:
    if _FORBIDDEN_IN_TEXT.search(value):
        raise ValueError("bevat een ongeldig stuurteken")
    return value


def _no_controls_line(value: str) -> str:
    if _FORBIDDEN_IN_LINE.search(value):
        raise ValueError("bevat een regeleinde of ongeldig stuurteken")
    return value


Id = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
]
"""A stable identifier; new ones are uuid4 hex strings, so two laptops never collide."""

Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX),
    AfterValidator(_no_controls_line),
]
"""A person's or organisation's name: one line, required."""

ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=SHORT_TEXT_MAX),
    AfterValidator(_no_controls_line),
]
"""A short single-line text (an organisation, a relation, a contact line)."""

Text = Annotated[
    str, StringConstraints(max_length=TEXT_MAX), AfterValidator(_no_controls_text)
]
"""Free text of a record (worries, motivation …); newlines allowed, control characters not."""

CaseNumber = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=40,
                      pattern=r"^[A-Z0-9][A-Z0-9-]*$"),
]
"""A human case number such as `JBT-2026-0007`."""

Score = Annotated[int, Field(strict=True, ge=0, le=10)]
"""A schaalvraag score: a whole number from 0 to 10; 7.5 or "7" are refused."""


def new_id() -> str:
    """A fresh identifier (uuid4 hex)."""
    return uuid.uuid4().hex
