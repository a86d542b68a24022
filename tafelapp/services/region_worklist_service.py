"""Use cases of the ketenregisseur for the region: the last copy of the region's open zaken (kept
encrypted in the vault) and the region werklijst decided by the same rules as the local one."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from tafelapp.collector import paused
from tafelapp.domain.region_detail import expand
from tafelapp.domain.region_worklist import (
    RegionCase,
    compact,
    region_case,
    region_worklist,
)
from tafelapp.domain.worklist import Horizon, WorkItem
from tafelapp.services.outbox_service import region_settings
from tafelapp.services.session import Session
from tafelapp.services.settings_service import get_settings
from tafelapp.store import directory_repo, settings_repo, table_repo, zaak_repo
from tafelapp.store.transaction import transaction

_KEY = "region_worklist"
CHUNK = 250  # cases per JSON text of the kept copy
FULL_READ_EVERY = dt.timedelta(hours=20)  # the first refresh of a working day reads everything
MAX_CHANGE_DAYS = 31  # a copy older than this is read again in full
CLOCK_MARGIN = dt.timedelta(days=1)  # laptops' clocks and day boundaries: a day either side


@dataclass(frozen=True)
class ReadPlan:
    """What the next refresh reads: every open zaak (no days), or the zaken Tafelapp marked as
    changed on these days; `reason` says why a full read is due."""

    days: tuple[dt.date, ...] = ()
    reason: str = ""

    @property
    def full(self) -> bool:
        """Every open zaak is read."""
        return not self.days


@dataclass(frozen=True)
class RegionCopy:
    """The last good copy of the region's open cases (parsed from the zaken) and when it was read."""

    fetched_at: dt.datetime | None
    cases: list[list[Any]] = field(default_factory=list)  # domain.region_worklist.compact rows
    zaken: int = 0  # open zaken read (with and without Tafelapp's kenmerken)
    per_zaaktype: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RegionWorklist:
    """The region's lines, what they were decided from, and what the screen must say."""

    items: list[WorkItem]
    fetched_at: dt.datetime | None
    zaken: int  # open zaken in the copy
    without_facts: int  # zaken without Tafelapp's kenmerken (made by others): not on the list
    own: int  # cases this laptop holds itself: on the local list, not here
    note: str
    tables: dict[str, TableLine] = field(default_factory=dict)  # by the line's table_name
    table_names: tuple[str, ...] = ()  # the lines' tables, sorted (the screen's filter)
    cases: int = 0  # distinct cases on the lines (counted here, off the screen's thread)


@dataclass(frozen=True)
class TableLine:
    """What a region line says of its table: its kind and the responsible chair's organisation."""

    kind: str
    chair_organisation: str


@dataclass(frozen=True)
class RegionLine:
    """One case of the copy with its table's names, to open what the region holds of it."""

    case: RegionCase
    table_name: str
    table: TableLine


VISIBILITY_NOTE = ("U ziet alleen de zaken die deze client mag lezen: de zaaktypen waarop de regio "
                   "zaken.lezen gaf, tot de hoogste vertrouwelijkheid van de client. Andere zaken "
                   "zijn onzichtbaar, ook als ze bestaan.")


def copy(session: Session) -> RegionCopy:
    """The last good copy (empty, without a time, before the first refresh)."""
    stored = settings_repo.get(session.conn, _KEY)
    if not isinstance(stored, dict) or "fetched_at" not in stored:
        return RegionCopy(None)
    cases = list(stored.get("cases") or [])  # a copy kept before the chunks
    for chunk in stored.get("chunks") or []:
        cases.extend(json.loads(chunk))
    return RegionCopy(dt.datetime.fromisoformat(str(stored["fetched_at"])), cases,
                      int(stored.get("zaken") or 0), dict(stored.get("per_zaaktype") or {}))


def _source(session: Session) -> str:
    """Where a copy was read from: another Zaken API, client or zaaktype means a full read."""
    settings = region_settings(session)
    return json.dumps([settings.zaken_url, settings.client_id, sorted(settings.zaaktypen.items())])


def read_plan(session: Session, full: bool = False) -> ReadPlan:
    """A full read the first time, once a working day, after the region settings changed, for a
    copy over a month old or when asked (`full`); else the days since the last refresh, with a
    day's margin either side for laptops' clocks."""
    stored = settings_repo.get(session.conn, _KEY)
    now = session.now()
    if full:
        return ReadPlan(reason="alles opnieuw gelezen, zoals gevraagd")
    if not isinstance(stored, dict) or not stored.get("full_at"):
        return ReadPlan(reason="eerste keer: alle open zaken gelezen")
    if stored.get("source") != _source(session):
        return ReadPlan(reason="de regio-instellingen zijn gewijzigd: alle open zaken gelezen")
    if now - dt.datetime.fromisoformat(str(stored["full_at"])) > FULL_READ_EVERY:
        return ReadPlan(reason="eerste verversing van de dag: alle open zaken gelezen")
    first = (dt.datetime.fromisoformat(str(stored["fetched_at"])) - CLOCK_MARGIN).astimezone()
    last = (now + CLOCK_MARGIN).astimezone()
    days = tuple(first.date() + dt.timedelta(days=n)
                 for n in range((last.date() - first.date()).days + 1))
    if len(days) > MAX_CHANGE_DAYS:
        return ReadPlan(reason="de kopie is ouder dan een maand: alle open zaken gelezen")
    return ReadPlan(days)


def store(session: Session, zaken: list[dict[str, Any]], full: bool,
          per_zaaktype: dict[str, int]) -> RegionCopy:
    """Keep what a refresh read: a full read replaces the copy, changed zaken are merged in."""
    return keep(session, zaken, per_zaaktype) if full else merge(session, zaken)


def keep(session: Session, zaken: list[dict[str, Any]], per_zaaktype: dict[str, int]
         ) -> RegionCopy:
    """Replace the copy with a complete, good read, parsed once here (one transaction: never half
    a list); zaken without Tafelapp's kenmerken are counted, not kept. Returns the copy kept (the
    same as `copy` reads back), so the werklijst after a refresh need not read it again."""
    with paused():
        cases = [compact(c) for z in zaken if (c := region_case(z)) is not None]
    now = session.now()
    return _put(session, {"full_at": now.isoformat(), "source": _source(session)}, now, cases,
                len(zaken), per_zaaktype)


def merge(session: Session, changed: list[dict[str, Any]]) -> RegionCopy:
    """Merge the zaken changed since the last refresh into the copy: a changed open zaak takes
    its line's place (or is added), a closed one leaves the copy (one transaction)."""
    stored = settings_repo.get(session.conn, _KEY)
    if not isinstance(stored, dict) or not stored.get("full_at"):
        raise ValueError("merge needs a copy of a full read")
    current = copy(session)
    with paused():
        by_url = {row[0]: row for row in current.cases}
        counts = dict(current.per_zaaktype)
        for zaak in changed:
            url, zaaktype = str(zaak.get("url")), str(zaak.get("zaaktype"))
            was_open = by_url.pop(url, None) is not None
            case = region_case(zaak)
            if case is not None:
                by_url[url] = compact(case)
            counts[zaaktype] = counts.get(zaaktype, 0) + (case is not None) - was_open
        cases = list(by_url.values())
    others = current.zaken - len(current.cases)  # open zaken without Tafelapp's facts
    return _put(session, {"full_at": stored["full_at"], "source": stored.get("source")},
                session.now(), cases, len(cases) + others, counts)


def _put(session: Session, marks: dict[str, Any], fetched_at: dt.datetime,
         cases: list[list[Any]], zaken: int, per_zaaktype: dict[str, int]) -> RegionCopy:
    with transaction(session.conn) as conn:
        settings_repo.put(conn, _KEY, {**marks, "fetched_at": fetched_at.isoformat(),
                                       "chunks": _chunks(cases), "zaken": zaken,
                                       "per_zaaktype": per_zaaktype})
    return RegionCopy(fetched_at, cases, zaken, dict(per_zaaktype))


def _chunks(cases: list[list[Any]]) -> list[str]:
    """The copy as JSON texts of CHUNK cases each: one json call over 10,000 cases holds the
    interpreter lock for 120–370 ms (measured), which the desktop screen felt as a stall; in
    chunks the lock is free between them."""
    return [json.dumps(cases[i:i + CHUNK], separators=(",", ":"))
            for i in range(0, len(cases), CHUNK)]


def work_list(session: Session, kept: RegionCopy | None = None) -> RegionWorklist:
    """The region werklijst from the last copy (`kept`: the one `keep` just returned, not read
    again); a case this laptop holds is left to the local werklijst, so the two lists never show
    a case twice."""
    with paused():  # tens of thousands of lines without a cycle, kept until the next refresh
        return _work_list(session, kept or copy(session))


def _work_list(session: Session, current: RegionCopy) -> RegionWorklist:
    ids, numbers = zaak_repo.local_cases(session.conn)
    # this laptop's own cases, by the case's id (two laptops may give out the same number to
    # two cases: the other one stays on this list); a zaak without the id by its number
    own = {row[0] for row in current.cases
           if (row[12] in ids if len(row) > 12 and row[12] else row[1] in numbers)}
    names, tables = _tables(session)
    horizon = Horizon.of(session.today(), get_settings(session).stale_case_weeks)
    when = (current.fetched_at.astimezone().strftime("%d-%m-%Y %H:%M") if current.fetched_at
            else "nog nooit")
    items = region_worklist(current.cases, names, horizon, own)
    return RegionWorklist(items, current.fetched_at, current.zaken, current.zaken - len(current.cases),
                          len(own),
                          f"Regio laatst ververst: {when}. {VISIBILITY_NOTE}", tables,
                          tuple(sorted({i.table_name for i in items})),
                          len({i.case_id for i in items}))


def _tables(session: Session) -> tuple[dict[str, str], dict[str, TableLine]]:
    """Each table's line name ('name (municipality)') by id, and its kind and chair's
    organisation by that name (from the region file's tables and address book)."""
    names: dict[str, str] = {}
    lines: dict[str, TableLine] = {}
    for t in table_repo.list_all(session.conn):
        name = names[t.id] = f"{t.name} ({t.municipality})"
        chair = directory_repo.person(session.conn, t.default_chair_id or "") \
            if t.default_chair_id else None
        org = directory_repo.organisation(session.conn, chair.organisation_id or "") \
            if chair and chair.organisation_id else None
        lines[name] = TableLine(t.kind.value, org.name if org else "")
    return names, lines


def line(session: Session, key: str) -> RegionLine | None:
    """The case of a region line (by the zaak's URL or the case number) from the last copy;
    None when the copy no longer holds it."""
    for row in copy(session).cases:
        if key in (row[0], row[1]):
            case = expand(row)
            names, tables = _tables(session)
            name = names.get(case.table_id) or f"tafel {case.table_id[:8]}"
            kind = next((k for k, url in _zaaktypen(session).items() if url == case.zaaktype), "")
            found = tables.get(name, TableLine(kind, ""))
            return RegionLine(case, name, TableLine(found.kind or kind, found.chair_organisation))
    return None


def _zaaktypen(session: Session) -> dict[str, str]:
    return dict(region_settings(session).zaaktypen)
