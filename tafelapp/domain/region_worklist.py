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
    case_id: str = ""  # the case's own random id (kenmerk tafelapp:casus; '' on older zaken)


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
        agreements=tuple(agreements), terms=tuple(terms),
        case_id=marks.get("casus", [""])[0])


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def compact(case: RegionCase) -> list[Any]:
    """A RegionCase as a small JSON list (the vault keeps the parsed copy, not the raw zaken)."""
    return [case.url, case.case_number, case.table_id, case.zaaktype, _iso(case.started),
            _iso(case.progress_on), case.lead.value, _iso(case.lead_since), case.lead_kind,
            _iso(case.disagreed_on), [[r, d.isoformat()] for r, d in case.agreements],
            [[k, d.isoformat()] for k, d in case.terms], case.case_id]


class _Dates(dict[str, dt.date]):
    """ISO text to date, parsed once per distinct value."""

    def __missing__(self, text: str) -> dt.date:
        value = self[text] = dt.date.fromisoformat(text)
        return value


def region_worklist(rows: Iterable[list[Any]], table_names: dict[str, str], horizon: Horizon,
                    skip_urls: set[str] | None = None) -> list[WorkItem]:
    """The region's werklijst from the kept rows (`compact`) by the same rules as the local one;
    a case this laptop holds itself (its zaak's URL in `skip_urls`) is left to the local list, so no case shows
    twice. One pass, each distinct date parsed once (10,000 zaken in well under 300 ms)."""
    skip = skip_urls or set()
    dates = _Dates()
    watches: list[CaseWatch] = []
    dues: list[OpenDue] = []
    today, quiet, late = horizon.today, horizon.quiet_before, horizon.lead_since_before
    before = horizon.due_before
    for url, number, table_id, _zt, _start, progress, lead, since, _kind, disagreed, \
            agreements, terms, *_case_id in rows:  # a copy kept before the id: 12 items
        if url in skip:
            continue
        table = table_names.get(table_id) or f"tafel {table_id[:8]}"
        key = url or number
        progress_on = dates[progress] if progress else today
        since_on = dates[since] if since else None
        # the horizon the local store applies in SQL: only what may need attention is built
        if lead == "NONE" or disagreed or progress_on < quiet or (
                lead == "PENDING" and since_on is not None and since_on < late):
            watches.append(CaseWatch(key, number, table, progress_on, LeadState(lead), since_on,
                                     dates[disagreed] if disagreed else None))
        for ref, due in agreements:
            if dates[due] < before:
                dues.append(OpenDue(key, number, table, dates[due], "(niet gedeeld)", True, ref))
        for kind, due in terms:
            if dates[due] < before:
                dues.append(OpenDue(key, number, table, dates[due], kind, False, ""))
    return worklist(watches, dues, horizon)
