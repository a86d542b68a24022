"""Turn pydantic validation errors into Dutch problems, and read files from outside safely."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from tafelapp.domain.problems import InvalidInput, Problem

M = TypeVar("M", bound=BaseModel)

MAX_DEPTH = 32
"""No file Tafelapp writes nests deeper than this; a deeper one is refused before it is read."""
MAX_FILE_BYTES = 50 * 1024 * 1024

_MESSAGES: dict[str, str] = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_parsing_size": "dit getal is te groot",
    "int_from_float": "moet een geheel getal zijn (geen decimalen)",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "finite_number": "moet een eindig getal zijn",
    "bool_type": "moet ja (true) of nee (false) zijn",
    "bool_parsing": "moet ja (true) of nee (false) zijn",
    "string_type": "moet tekst zijn",
    "string_unicode": "moet geldige tekst (UTF-8) zijn",
    "string_not_ascii": "mag alleen gewone letters en cijfers bevatten",
    "list_type": "moet een lijst zijn",
    "tuple_type": "moet een lijst zijn",
    "set_type": "moet een lijst zijn",
    "iterable_type": "moet een lijst zijn",
    "model_type": "moet een object zijn",
    "model_attributes_type": "moet een object zijn",
    "dict_type": "moet een object zijn",
    "mapping_type": "moet een object zijn",
    "dataclass_type": "moet een object zijn",
    "none_required": "moet leeg zijn",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "date_parsing": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "date_from_datetime_parsing": "geen geldige datum (verwacht JJJJ-MM-DD)",
    "date_from_datetime_inexact": "moet een datum zonder tijd zijn",
    "date_past": "moet een datum in het verleden zijn",
    "date_future": "moet een datum in de toekomst zijn",
    "datetime_type": "moet een datum met tijd zijn (JJJJ-MM-DDTUU:MM:SS+01:00)",
    "datetime_parsing": "geen geldige datum en tijd (verwacht JJJJ-MM-DDTUU:MM:SS+01:00)",
    "datetime_from_date_parsing": "geen geldige datum en tijd (verwacht JJJJ-MM-DDTUU:MM:SS+01:00)",
    "datetime_object_invalid": "geen geldige datum en tijd",
    "datetime_past": "moet in het verleden liggen",
    "datetime_future": "moet in de toekomst liggen",
    "timezone_naive": "moet zonder tijdzone zijn",
    "timezone_aware": "moet een tijdzone hebben (bijvoorbeeld +01:00 of Z)",
    "timezone_offset": "heeft een onverwachte tijdzone",
    "time_type": "moet een tijd zijn (UU:MM)",
    "time_parsing": "geen geldige tijd (verwacht UU:MM)",
    "time_delta_type": "moet een tijdsduur zijn",
    "time_delta_parsing": "geen geldige tijdsduur",
    "json_invalid": "het bestand is geen geldige JSON",
    "json_type": "het bestand is geen geldige JSON",
    "recursion_loop": "het bestand is te diep genest",
    "recursion_depth_exceeded": "het bestand is te diep genest",
    "literal_error": "onverwachte waarde",
    "enum": "onbekende keuze",
    "uuid_type": "moet een id zijn",
    "uuid_parsing": "geen geldige id",
    "url_type": "moet een adres zijn",
    "url_parsing": "geen geldig adres",
    "url_scheme": "gebruik een adres dat begint met https://",
    "bytes_type": "moet tekst zijn",
    "union_tag_invalid": "onbekende soort",
    "union_tag_not_found": "de soort ontbreekt",
    "frozen_field": "mag niet veranderd worden",
    "frozen_instance": "mag niet veranderd worden",
    "invalid_key": "ongeldige sleutel",
    "set_item_not_hashable": "ongeldige waarde in de lijst",
    "assertion_error": "ongeldige waarde",
}
FALLBACK = "ongeldige waarde"


def _ctx(error: ErrorDetails) -> dict[str, Any]:
    return dict(error.get("ctx") or {})


def _limit(kind: str, ctx: dict[str, Any]) -> str | None:
    limits = {"less_than_equal": ("mag hoogstens {} zijn", "le"),
              "less_than": ("moet kleiner zijn dan {}", "lt"),
              "greater_than_equal": ("moet minstens {} zijn", "ge"),
              "greater_than": ("moet groter zijn dan {}", "gt"),
              "multiple_of": ("moet een veelvoud van {} zijn", "multiple_of"),
              "string_too_long": ("tekst is te lang (hoogstens {} tekens)", "max_length"),
              "too_long": ("te veel items (hoogstens {})", "max_length"),
              "too_short": ("te weinig items (minstens {})", "min_length"),
              "bytes_too_long": ("te lang (hoogstens {} tekens)", "max_length"),
              "bytes_too_short": ("te kort (minstens {} tekens)", "min_length")}
    if kind not in limits:
        return None
    text, key = limits[kind]
    return text.format(ctx.get(key))


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = _ctx(error)
    limit = _limit(kind, ctx)
    if limit:
        return limit
    if kind == "string_too_short":
        return "mag niet leeg zijn" if ctx.get("min_length") == 1 else \
            f"moet minstens {ctx.get('min_length')} tekens zijn"
    if kind == "string_pattern_mismatch":
        return "heeft niet de juiste vorm (alleen letters, cijfers, - en _)" \
            if "A-Za-z0-9_-" in str(ctx.get("pattern", "")) else "heeft niet de juiste vorm"
    if kind == "enum":
        return f"onbekende keuze; kies uit {ctx.get('expected')}"
    if kind == "literal_error":
        return f"onverwachte waarde; verwacht {ctx.get('expected')}"
    if kind == "value_error":  # the domain's own validators raise Dutch sentences
        return str(ctx.get("error", FALLBACK))
    if kind == "json_invalid":
        detail = str(ctx.get("error", ""))
        if "EOF" in detail:
            return "het bestand is afgebroken (onvolledige JSON)"
        if "recursion" in detail:
            return f"het bestand is te diep genest (hoogstens {MAX_DEPTH} niveaus)"
        return "het bestand is geen geldige JSON"
    return _MESSAGES.get(kind, FALLBACK)


def problems_from_validation(exc: ValidationError, prefix: str = "") -> list[Problem]:
    """Every pydantic error as a Problem whose field is the dotted path (`case.children.0.birth_date`)
    and whose message is Dutch (never pydantic's English text)."""
    problems = []
    for error in exc.errors(include_url=False, include_input=False):
        path = ".".join(str(part) for part in error["loc"] if not _is_tag(part))
        field = ".".join(part for part in (prefix, path) if part) or "(bestand)"
        problems.append(Problem(f"invalid.{error['type']}", field, _message(error)))
    return problems


def _is_tag(part: object) -> bool:
    """pydantic's own location steps (`function-after[...]`, `lax-or-strict[...]`) say nothing."""
    return isinstance(part, str) and "[" in part


def depth(value: object) -> int:
    """How deeply lists and objects nest in parsed JSON (iteratively: no recursion to exhaust)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            stack.extend((child, level + 1) for child in
                         (item.values() if isinstance(item, dict) else item))
    return deepest


def _file_problem(code: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(code, "Bestand", message)])


def load_json(data: bytes, what: str = "JSON-bestand") -> object:
    """Parse a file from outside: UTF-8 (a byte-order mark is fine), JSON, at most `MAX_DEPTH`
    levels deep; every failure is a Dutch refusal at `Bestand`, never an exception of its own."""
    if len(data) > MAX_FILE_BYTES:
        raise _file_problem("file.too_large",
                            f"het bestand is groter dan {MAX_FILE_BYTES // 2**20} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_problem("file.not_utf8",
                            f"het {what} is geen leesbare tekst (verwacht UTF-8)") from None
    try:
        raw = json.loads(text)
    except RecursionError:
        raise _file_problem("file.too_deep", f"het {what} is te diep genest "
                            f"(hoogstens {MAX_DEPTH} niveaus)") from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise _file_problem("file.truncated", f"het {what} is afgebroken (onvolledige "
                                "JSON)") from None
        raise _file_problem("file.not_json", f"het {what} is geen geldige JSON (fout in "
                            f"regel {exc.lineno}, kolom {exc.colno})") from None
    except ValueError:  # e.g. an integer of more than 4300 digits
        raise _file_problem("file.not_json", f"het {what} is geen geldige JSON: een getal "
                            "is te groot") from None
    if depth(raw) > MAX_DEPTH:
        raise _file_problem("file.too_deep", f"het {what} is te diep genest "
                            f"(hoogstens {MAX_DEPTH} niveaus)")
    return raw


def validate_file(model: type[M], data: bytes, what: str = "bestand") -> M:
    """A whole file from outside as `model`; beyond the model's own checks no loose value
    passes (`true` for a number, a number for a time, "5" for a number), a moment (datum en
    tijd) says its time zone and a clock time does not; or every problem, in Dutch."""
    raw = load_json(data, what)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        record = model.model_validate_json(data)
    except ValidationError as exc:
        raise InvalidInput(problems_from_validation(exc)) from None
    problems = loose_problems(record, raw)
    if problems:
        raise InvalidInput(problems)
    return record


_ABSENT = object()


def _walk(value: object, raw: object, path: str) -> Iterator[tuple[str, object, object]]:
    """Each scalar of a record beside what the file wrote for it (`_ABSENT`: not written)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            written = raw.get(name, _ABSENT) if isinstance(raw, dict) else _ABSENT
            yield from _walk(getattr(value, name), written, f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            written = raw[index] if isinstance(raw, list) and index < len(raw) else _ABSENT
            yield from _walk(item, written, f"{path}.{index}")
    else:
        yield path, value, raw


def _loose(value: object, raw: object) -> str | None:
    """Why what the file wrote is not what the record now holds (None when it is)."""
    if raw is _ABSENT or raw is None:
        return None
    if isinstance(value, bool):
        return None if isinstance(raw, bool) else "moet true of false zijn (zonder aanhalingstekens)"
    if isinstance(value, int | float) and not isinstance(value, Enum):
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            return "moet een getal zijn (geen true/false en zonder aanhalingstekens)"
        return None
    if isinstance(value, dt.datetime):
        if not isinstance(raw, str):
            return "moet een datum met tijd als tekst zijn (JJJJ-MM-DDTUU:MM:SS+01:00)"
        return None if value.tzinfo else _MESSAGES["timezone_aware"]
    if isinstance(value, dt.date):
        return None if isinstance(raw, str) else "moet een datum als tekst zijn (JJJJ-MM-DD)"
    if isinstance(value, dt.time):
        if not isinstance(raw, str):
            return "moet een tijd als tekst zijn (UU:MM)"
        return None if value.tzinfo is None else "moet een tijd zonder tijdzone zijn (UU:MM)"
    return None


def loose_problems(record: BaseModel, raw: object) -> list[Problem]:
    """What lax validation let through but cannot be meant: `"weekday": true` (read as 1), a
    number for a time (seconds since midnight, in UTC), a moment without a time zone that
    cannot be compared with the ones Tafelapp writes."""
    problems = []
    for path, value, written in _walk(record, raw, ""):
        reason = _loose(value, written)
        if reason:
            problems.append(Problem("invalid.loose_value", path, reason))
    return problems
