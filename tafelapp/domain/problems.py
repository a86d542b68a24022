"""Problems found by rules and validation: a code, the field concerned and a Dutch message."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """ERROR blocks the action; WARNING is recorded and shown but does not block."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: which field, what code, and a Dutch sentence for people."""

    code: str
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def render(self) -> str:
        """The line the CLI prints: where, in Dutch words, and what (`Kind 2, Geboortedatum: …`)."""
        from tafelapp.domain.labels import field_place

        return f"{field_place(self.field)}: {self.message}"


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
