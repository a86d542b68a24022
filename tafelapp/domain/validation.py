"""Turn pydantic validation errors into Dutch problems, one per field, with the field's path."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from tafelapp.domain.problems import Problem

_MESSAGES: dict[str, str] = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn (geen decimalen)",
    "bool_type": "moet ja (true) of nee (false) zijn",
    "bool_parsing": "moet ja (true) of nee (false) zijn",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn",
    "model_type": "moet een object zijn",
    "dict_type": "moet een object zijn",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "date_parsing": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "date_from_datetime_parsing": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "date_from_datetime_inexact": "moet een datum zonder tijd zijn",
    "datetime_type": "moet een datum met tijd zijn",
    "datetime_parsing": "geen geldige datum en tijd",
    "datetime_from_date_parsing": "geen geldige datum en tijd",
    "time_type": "moet een tijd zijn (UU:MM)",
    "time_parsing": "geen geldige tijd (verwacht UU:MM)",
    "json_invalid": "het bestand is geen geldige JSON",
    "json_type": "het bestand is geen geldige JSON",
    "literal_error": "onverwachte waarde",
    "enum": "onbekende keuze",
}


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "less_than_equal":
        return f"mag hoogstens {ctx.get('le')} zijn"
    if kind == "greater_than_equal":
        return f"moet minstens {ctx.get('ge')} zijn"
    if kind == "string_too_long":
        return f"tekst is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if kind == "string_too_short":
        return "mag niet leeg zijn" if ctx.get("min_length") == 1 else \
            f"moet minstens {ctx.get('min_length')} tekens zijn"
    if kind == "too_long":
        return f"te veel items (hoogstens {ctx.get('max_length')})"
    if kind == "too_short":
        return f"te weinig items (minstens {ctx.get('min_length')})"
    if kind == "string_pattern_mismatch":
        return "heeft niet de juiste vorm"
    if kind == "enum":
        return f"onbekende keuze; kies uit {ctx.get('expected')}"
    if kind == "literal_error":
        return f"onverwachte waarde; verwacht {ctx.get('expected')}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "json_invalid":
        detail = str(ctx.get("error", ""))
        if "EOF" in detail:
            return "het bestand is afgebroken (onvolledige JSON)"
        return f"het bestand is geen geldige JSON ({detail})"
    return _MESSAGES.get(kind, error["msg"])


def problems_from_validation(exc: ValidationError, prefix: str = "") -> list[Problem]:
    """Every pydantic error as a Problem whose field is the dotted path (`case.children.0.birth_date`)."""
    problems = []
    for error in exc.errors(include_url=False, include_input=False):
        path = ".".join(str(part) for part in error["loc"])
        field = ".".join(part for part in (prefix, path) if part) or "(bestand)"
        problems.append(Problem(f"invalid.{error['type']}", field, _message(error)))
    return problems
