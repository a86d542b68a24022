"""Regiowerklijst (`region work list`): the werklijst's facts read back from the region's zaken.

A zaak's kenmerken (`tafelapp:…`, written by `domain.zaak.kenmerken`) become the same CaseWatch and
OpenDue the local werklijst reads from the vault, so the same rules decide the same lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tafelapp.domain.worklist import CaseWatch, Horizon, LeadState, OpenDue, WorkItem, worklist
from tafelapp.domain.zaak import BRON


@dataclass(frozen=True)
class RegionCase:
    """What the region holds of one open case, in the werklijst's terms (no personal data)."""

    url: str
    case_number: str
    table_id: str
    zaaktype: str
    started: dt.date | None
    progress_on: dt.date | None
    lead: LeadState
    lead_since: dt.date | None
    lead_kind: str
    disagreed_on: dt.date | None
    agreements: tuple[tuple[str, dt.date], ...]
    terms: tuple[tuple[str, dt.date], ...]


def _date(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def region_case(zaak: dict[str, Any]) -> RegionCase | None:
    """One zaak of the list as a RegionCase; None when it carries none of our kenmerken (a zaak
    another application made, or one without its fields) or is closed."""
    if zaak.get("einddatum") or not isinstance(zaak.get("kenmerken"), list):
        return None
    marks: dict[str, list[str]] = {}
    for k in zaak["kenmerken"]:
        if isinstance(k, dict) and str(k.get("bron", "")).startswith(f"{BRON}:"):
            marks.setdefault(str(k["bron"])[len(BRON) + 1:], []).append(str(k.get("kenmerk", "")))
    if "tafel" not in marks or "casusregie" not in marks:
        return None
    lead_text = marks["casusregie"][0].split()
    lead = LeadState(lead_text[0]) if lead_text and lead_text[0] in LeadState.__members__ \
        else LeadState.NONE
    agreements, terms = [], []
    for text in marks.get("afspraak", []):
        day, _, ref = text.partition(" ")
        if (due := _date(day)) is not None:
            agreements.append((ref, due))
    for text in marks.get("termijn", []):
        day, _, kind = text.partition(" ")
        if (due := _date(day)) is not None:
            terms.append((kind, due))
    return RegionCase(
        url=str(zaak.get("url", "")), case_number=str(zaak.get("identificatie", "")),
        table_id=marks["tafel"][0], zaaktype=str(zaak.get("zaaktype", "")),
        started=_date(zaak.get("startdatum")),
        progress_on=_date(marks.get("voortgang", [""])[0]) or _date(zaak.get("startdatum")),
        lead=lead, lead_since=_date(lead_text[1]) if len(lead_text) > 1 else None,
        lead_kind=lead_text[2] if len(lead_text) > 2 else "",
        disagreed_on=_date(marks.get("oneens", [""])[0]),
        agreements=tuple(agreements), terms=tuple(terms))


def region_worklist(cases: Iterable[RegionCase], table_names: dict[str, str],
                    horizon: Horizon, skip_numbers: set[str] | None = None) -> list[WorkItem]:
    """The region's werklijst by the same rules as the local one; a case this laptop holds
    itself (`skip_numbers`) is left to the local list, so no case shows twice."""
    skip = skip_numbers or set()
    watches: list[CaseWatch] = []
    dues: list[OpenDue] = []
    for case in cases:
        if case.case_number in skip:
            continue
        table = table_names.get(case.table_id, f"tafel {case.table_id[:8]}")
        key = case.url or case.case_number
        watches.append(CaseWatch(key, case.case_number, table,
                                 case.progress_on or horizon.today, case.lead, case.lead_since,
                                 case.disagreed_on))
        dues += [OpenDue(key, case.case_number, table, due, "(niet gedeeld)", True, ref)
                 for ref, due in case.agreements]
        dues += [OpenDue(key, case.case_number, table, due, kind, False, "")
                 for kind, due in case.terms]
    return worklist(watches, dues, horizon)
