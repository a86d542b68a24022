"""Read the region's zaken: Open Zaak has no 'changed since' filter, so a full read takes every
open zaak (`einddatum__isnull=true`), 100 a page, the pages in parallel, and a refresh in between
takes only the zaken Tafelapp marked as changed on the days since the last one (the
`CHANGED_BRON` kenmerk, filtered with `kenmerk=`), closed ones included so they leave the list.

All or nothing: a page that fails, breaks off or is not a zaak list stops the refresh with a
Dutch message, and the caller keeps its last good copy. A server that ignores the kenmerk filter
(it answers zaken without that day's mark) gets a full read instead.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx

from tafelapp.collector import settle
from tafelapp.domain.zaak import CHANGED_BRON
from tafelapp.services import outbox_service, region_worklist_service
from tafelapp.services.region_worklist_service import ReadPlan
from tafelapp.services.session import Session
from tafelapp.settings import RegionSettings
from tafelapp.sync.outbox import auth_help, token_refused
from tafelapp.sync.zaken_client import ZakenClient
from tafelapp.sync.zgw_client import Reply

PAGE_SIZE = 100  # Open Zaak's fixed page size
PARALLEL_PAGES = 4
KEPT_FIELDS = ("url", "identificatie", "zaaktype", "startdatum", "einddatum",
               "uiterlijkeEinddatumAfdoening", "vertrouwelijkheidaanduiding", "kenmerken")
OPEN = {"einddatum__isnull": "true"}


class RefreshFailed(Exception):
    """The refresh stopped; the message says why, in Dutch."""


class FilterIgnored(Exception):
    """The server answered zaken the kenmerk filter should have left out."""


@dataclass(frozen=True)
class Fetched:
    """What a read brought (only the fields the werklijst reads) and the requests it took: every
    open zaak of the zaaktypen (`full`), or the zaken changed on `plan.days`, closed ones too."""

    zaken: list[dict[str, Any]]
    requests: int
    per_zaaktype: dict[str, int]
    full: bool = True
    note: str = ""  # why a full read was done
    days: tuple[dt.date, ...] = ()  # the days whose changes were read (not `full`)

    @property
    def summary(self) -> str:
        """What was read, in Dutch (the screen's and the CLI's line after a refresh)."""
        if self.full:
            return (f"{len(self.zaken)} open zaken gelezen in {self.requests} verzoeken"
                    + (f" ({self.note})." if self.note else "."))
        span = f"{self.days[0]:%d-%m} t/m {self.days[-1]:%d-%m}" if self.days else ""
        return (f"{len(self.zaken)} gewijzigde zaken gelezen in {self.requests} verzoeken "
                f"(gewijzigd {span}); alle open zaken worden eens per dag gelezen.")


def _page(client: ZakenClient, params: dict[str, str], page: int) -> list[dict[str, Any]]:
    reply = client.request("GET", "/zaken", params={**params, "page": str(page)})
    body = _checked(reply, page)
    results = body.get("results")
    if not isinstance(results, list) or not all(isinstance(z, dict) and "url" in z
                                                for z in results):
        raise RefreshFailed(f"pagina {page} van de zaken is onvolledig (geen zakenlijst); de "
                            "vorige lijst blijft staan")
    return [{k: z.get(k) for k in KEPT_FIELDS} for z in results]


def _checked(reply: Reply, page: int) -> dict[str, Any]:
    if reply.status == 200 and isinstance(reply.body, dict):
        return reply.body
    if token_refused(reply) or reply.status in (401, 403):
        raise RefreshFailed("de Zaken API weigert het lezen van zaken: de regio moet "
                            f"zaken.lezen toekennen op het zaaktype. — {auth_help(reply)}")
    if reply.status == 200:
        raise RefreshFailed(f"pagina {page} van de zaken brak af (geen geldige JSON); de vorige "
                            "lijst blijft staan")
    raise RefreshFailed(f"de Zaken API gaf HTTP {reply.status} op pagina {page}; de vorige "
                        "lijst blijft staan")


def _read(client: ZakenClient, params: dict[str, str], found: dict[str, dict[str, Any]],
          progress: Callable[[int, int], None] | None) -> int:
    """Every page of one list query into `found` (by URL); returns the list's count."""
    body = _checked(client.request("GET", "/zaken", params=params), 1)
    count = int(body.get("count") or 0)
    rows = body.get("results")
    if not isinstance(rows, list):
        raise RefreshFailed("de eerste pagina van de zaken is onvolledig; de vorige "
                            "lijst blijft staan")
    pages = [[{k: z.get(k) for k in KEPT_FIELDS} for z in rows if isinstance(z, dict)]]
    total = max(1, math.ceil(count / PAGE_SIZE))
    with ThreadPoolExecutor(max_workers=PARALLEL_PAGES) as pool:
        for done, result in enumerate(pool.map(lambda p: _page(client, params, p),
                                               range(2, total + 1)), 2):
            pages.append(result)
            settle()  # the pages read so far stay: out of the collector's sight
            if progress:
                progress(done, total)
    for page in pages:
        for zaak in page:
            found[str(zaak["url"])] = zaak
    return count


def fetch_open_zaken(client: ZakenClient, zaaktypen: list[str],
                     progress: Callable[[int, int], None] | None = None) -> Fetched:
    """Every open zaak of these zaaktypen (the client sees only what its rights allow: a zaak
    above its maximum vertrouwelijkheid is left out by the server, not an error)."""
    found: dict[str, dict[str, Any]] = {}
    per_type: dict[str, int] = {}
    start = client.requests
    try:
        for zaaktype in zaaktypen:
            per_type[zaaktype] = _read(client, {"zaaktype": zaaktype, **OPEN}, found, progress)
    except httpx.TransportError as exc:
        raise RefreshFailed(f"de Zaken API is niet bereikbaar ({type(exc).__name__}); de vorige "
                            "lijst blijft staan") from None
    return Fetched(list(found.values()), client.requests - start, per_type)


def fetch_changed_zaken(client: ZakenClient, zaaktypen: list[str], plan: ReadPlan,
                        progress: Callable[[int, int], None] | None = None) -> Fetched:
    """The zaken of these zaaktypen that Tafelapp marked as changed on one of the plan's days,
    open and closed (FilterIgnored when the server answers a zaak without that day's mark)."""
    found: dict[str, dict[str, Any]] = {}
    start = client.requests
    try:
        for zaaktype in zaaktypen:
            for day in plan.days:
                mark = day.isoformat()
                batch: dict[str, dict[str, Any]] = {}
                _read(client, {"zaaktype": zaaktype, "kenmerk": f"{CHANGED_BRON}:{mark}"},
                      batch, progress)
                if any(not _marked(z, mark) for z in batch.values()):
                    raise FilterIgnored(zaaktype)
                found.update(batch)
    except httpx.TransportError as exc:
        raise RefreshFailed(f"de Zaken API is niet bereikbaar ({type(exc).__name__}); de vorige "
                            "lijst blijft staan") from None
    return Fetched(list(found.values()), client.requests - start, {}, full=False, days=plan.days)


def _marked(zaak: dict[str, Any], day: str) -> bool:
    return any(isinstance(k, dict) and k.get("bron") == CHANGED_BRON and k.get("kenmerk") == day
               for k in zaak.get("kenmerken") or [])


def read(client: ZakenClient, zaaktypen: list[str], plan: ReadPlan,
         progress: Callable[[int, int], None] | None = None) -> Fetched:
    """What the plan asks: a full read, or the changed zaken (a full read after all when the
    server does not filter on kenmerken)."""
    if plan.full:
        fetched = fetch_open_zaken(client, zaaktypen, progress)
        return Fetched(fetched.zaken, fetched.requests, fetched.per_zaaktype, True, plan.reason)
    asked = client.requests
    try:
        return fetch_changed_zaken(client, zaaktypen, plan, progress)
    except FilterIgnored:
        fetched = fetch_open_zaken(client, zaaktypen, progress)
        return Fetched(fetched.zaken, client.requests - asked, fetched.per_zaaktype, True,
                       "de Zaken API filtert niet op kenmerk: alle open zaken zijn gelezen")


def zaaktypen_to_read(settings: RegionSettings) -> list[str]:
    """The region's zaaktypen (RefreshFailed when no Zaken API or zaaktype is set)."""
    zaaktypen = [url for _, url in sorted(settings.zaaktypen.items()) if url]
    if not settings.zaken_url or not zaaktypen:
        raise RefreshFailed("de Zaken API van de regio is niet ingesteld: tafelapp region set "
                            "--zaken-url … --zaaktype JBT=…")
    return zaaktypen


def refresh(session: Session, client: ZakenClient,
            progress: Callable[[int, int], None] | None = None, full: bool = False) -> Fetched:
    """Read what changed at the region (or every open zaak: `full`, or when the copy asks for
    it) and keep it, encrypted in the vault, as the last good copy (a failed refresh raises
    RefreshFailed and leaves the copy as it was)."""
    settings = outbox_service.region_settings(session)
    plan = region_worklist_service.read_plan(session, full)
    fetched = read(client, zaaktypen_to_read(settings), plan, progress)
    region_worklist_service.store(session, fetched.zaken, fetched.full, fetched.per_zaaktype)
    return fetched
