"""The set-up wizard's check of one page on 'Volgende': the same rules as saving, no store."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tafelapp.domain.problems import InvalidInput, Problem, Severity
from tafelapp.domain.region import REGION_FORMAT, entry_label, reference_problems
from tafelapp.domain.rules.organisations import complaints_route_problems
from tafelapp.services import settings_service, setup_service
from tafelapp.services.session import Session
from tafelapp.settings import AppSettings

PAGE_OF = {"region": 0, "organisations": 1, "people": 2, "tables": 3, "server": 4}
"""Which wizard page shows a part of the region file."""


def page_of(field: str) -> int:
    """The page of a problem's field as `entry_label` names it ('Persoon 2 (…), e-mailadres')."""
    first = field.split(" ")[0].split(",")[0]
    return {"Organisatie": 1, "Persoon": 2, "Personen": 2, "Tafel": 3, "Tafels": 3,
            "Regionale": 4}.get(first, 0)


def wizard_problems(raw: dict[str, Any], now: dt.datetime | None = None) -> list[Problem]:
    """Every problem of what the wizard holds, each named as the administrator knows it
    ('Organisatie 1 (Veilig Thuis), klachtenregeling'); errors block saving, warnings do not.

    References are checked within the wizard's own rows (it shows the whole address book).
    """
    moment = now or dt.datetime.now(dt.UTC)
    if not str(raw.get("region", "")).strip():
        return [Problem("region.name_missing", "Naam van de regio",
                        "vul de naam van de regio in")]
    data = {"format": REGION_FORMAT, "version": 1, "exported_at": moment.isoformat(), **raw}
    try:
        region = setup_service.parse_region(json.dumps(data, default=str).encode(), moment)
    except InvalidInput as exc:
        return exc.problems
    problems = reference_problems(region, set(), set(), set())
    problems += complaints_route_problems(region.organisations)
    return [Problem(p.code, entry_label(data, p.field), p.message, p.severity) for p in problems]


def page_problems(raw: dict[str, Any], page: int, now: dt.datetime | None = None,
                  region_only: bool = False) -> list[Problem]:
    """The problems shown on one wizard page (for 'Volgende'); an empty Personen or Tafels page
    is said once (a newcomer pressing Enter went past both and saw nothing) but not refused:
    the people can come later, and a ketenregisseur without a table of her own has none."""
    found = [p for p in wizard_problems(raw, now) if page_of(p.field) == page]
    if page == PAGE_OF["people"] and not raw.get("people"):
        found.append(Problem("people.none", "Personen", "nog niemand ingevuld: voeg met Ctrl+N "
                             "minstens de voorzitter en de secretaris van uw tafel toe",
                             Severity.WARNING))
    if page == PAGE_OF["tables"] and not raw.get("tables") and not region_only:
        found.append(Problem("tables.none", "Tafels", "nog geen tafel: zonder tafel kunt u geen "
                             "casus aanmelden; voeg er met Ctrl+N een toe (of kies op stap 1 "
                             "'ketenregisseur zonder eigen tafel')", Severity.WARNING))
    return found


def save(session: Session, raw: dict[str, Any], secret: str | None, removed: list[str],
         region_only: bool) -> AppSettings:
    """'Opslaan' of the wizard: the set-up, and whether this is a ketenregisseur's laptop
    without a table of her own (the app then opens on the regiowerklijst)."""
    setup_service.save_wizard(session, raw, secret, removed)
    return settings_service.update_settings(session, region_only=region_only)
