"""Problems found by rules and validation: a code, the field concerned and a Dutch message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """ERROR blocks the action; WARNING is recorded and shown but does not block."""

    ERROR = "error"
    WARNING = "warning"


_PATH = re.compile(r"[a-z_][a-z_0-9]*(\.[a-z_0-9]+)*")
_FILE_KEYS = {"exported_at": "Exportdatum", "version": "Versie", "format": "Soort bestand",
              "exchange": "Casusgegevens", "pdf_base64": "PDF", "signatures": "Handtekeningen",
              "rsin": "RSIN", "base_url": "Adres van de server", "client_id": "Client-id",
              "informatieobjecttype": "Informatieobjecttype", "secret": "Client-secret",
              "confidentiality": "Vertrouwelijkheid", "tsa_url": "Tijdstempeldienst",
              "ca_bundle": "CA-bundel", "zaken_url": "Adres van de Zaken API",
              "zaaktypen": "Zaaktypen", "pseudonym_secret": "Pseudoniemgeheim"}
"""Keys of a file or a setting that the labels of records do not name."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: which field, what code, and a Dutch sentence for people."""

    code: str
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def render(self) -> str:
        """The line the CLI prints: where, in Dutch words, and what (`Kind 2, Geboortedatum: …`);
        never an internal path (`exchange.exported_at` is `Exportdatum`)."""
        from tafelapp.domain.labels import field_place

        place = field_place(self.field)
        if place.endswith(self.field) and _PATH.fullmatch(self.field):
            last = self.field.rsplit(".", 1)[-1]
            place = place[: len(place) - len(self.field)] + _FILE_KEYS.get(last, "Bestand")
        return f"{place}: {self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that block an action."""
    return [p for p in problems if p.severity is Severity.ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    """Only the problems that are shown but do not block."""
    return [p for p in problems if p.severity is Severity.WARNING]


class InvalidInput(Exception):
    """Raised when input breaks one or more rules; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.render() for p in problems))


_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    "\ufff9-\ufffb]")


def printable(text: str, json_escapes: bool = False) -> str:
    """Text from a file made safe to show: control characters (C0 and C1 but newline and tab,
    ESC among them), direction marks and overrides become `\\x1b`-style escapes, visibly
    (`\\u001b` with `json_escapes`, which keeps JSON text valid JSON)."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                            and not json_escapes else f"\\u{ord(m.group()):04x}", text)
