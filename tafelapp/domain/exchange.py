"""The versioned JSON exchange format: one case with its meetings, as voorzitter and secretary hand it over."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from tafelapp.domain.meeting import Meeting
from tafelapp.domain.minutes import Minutes
from tafelapp.domain.models import Case, Model, Table
from tafelapp.domain.types import Id

MAX_PDF_BASE64 = 40 * 1024 * 1024


class ExchangedMinutes(Model):
    """Notulen as they travel: the record (status, signatures, pinned hash) and the PDF so far."""

    minutes: Minutes
    pdf_base64: str | None = Field(default=None, max_length=MAX_PDF_BASE64)

FORMAT_NAME = "tafelapp.case"
FORMAT_VERSION = 1


class CaseExchange(Model):
    """Version 1 of the exchange file: the table, the case, and the meetings that discussed it.

    Each meeting carries only the agenda item about this case, so no other family's data travels.
    """

    format: Literal["tafelapp.case"] = "tafelapp.case"
    version: Literal[1] = 1
    exported_at: dt.datetime
    table: Table
    case: Case
    meetings: list[Meeting] = Field(default_factory=list, max_length=500)
    minutes: list[ExchangedMinutes] = Field(default_factory=list, max_length=500)


PACKAGE_FORMAT = "tafelapp.signing-package"


class SigningPackage(Model):
    """Ondertekenpakket: one file for signing on another laptop — the partially (or fully) signed
    PDF, the canonical record it was rendered from (as a case exchange holding only that
    meeting), and the record's pinned hash (inside the notulen record)."""

    format: Literal["tafelapp.signing-package"] = "tafelapp.signing-package"
    version: Literal[1] = 1
    exported_at: dt.datetime
    minutes_id: Id
    exchange: CaseExchange


def exchange_json_schema() -> dict[str, object]:
    """The JSON Schema of the exchange format, committed under docs/schema/."""
    schema = CaseExchange.model_json_schema(mode="validation")
    schema["$id"] = "https://tafelapp.example/schema/case-exchange.v1.json"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
