"""Read every open zaak of the region's zaaktypen: Open Zaak has no 'changed since' filter, so a
refresh reads the open zaken only (`einddatum__isnull=true`), 100 a page, the pages in parallel.

All or nothing: a page that fails, breaks off or is not a zaak list stops the refresh with a
Dutch message, and the caller keeps its last good copy.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx

from tafelapp.collector import settle
from tafelapp.services import outbox_service, region_worklist_service
from tafelapp.services.session import Session
from tafelapp.settings import RegionSettings
from tafelapp.sync.outbox import auth_help, token_refused
from tafelapp.sync.zaken_client import ZakenClient
from tafelapp.sync.zgw_client import Reply

PAGE_SIZE = 100  # Open Zaak's fixed page size
PARALLEL_PAGES = 4
KEPT_FIELDS = ("url", "identificatie", "zaaktype", "startdatum", "einddatum",
               "uiterlijkeEinddatumAfdoening", "vertrouwelijkheidaanduiding", "kenmerken")


class RefreshFailed(Exception):
    """The refresh stopped; the message says why, in Dutch."""


@dataclass(frozen=True)
class Fetched:
    """Every open zaak of the zaaktypen (only the fields the werklijst reads) and the requests."""

    zaken: list[dict[str, Any]]
    requests: int
    per_zaaktype: dict[str, int]


def _page(client: ZakenClient, zaaktype: str, page: int) -> list[dict[str, Any]]:
    reply = client.request("GET", "/zaken", params={"zaaktype": zaaktype,
                                                     "einddatum__isnull": "true",
                                                     "page": str(page)})
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


def fetch_open_zaken(client: ZakenClient, zaaktypen: list[str],
                     progress: Callable[[int, int], None] | None = None) -> Fetched:
    """Every open zaak of these zaaktypen (the client sees only what its rights allow: a zaak
    above its maximum vertrouwelijkheid is left out by the server, not an error)."""
    found: dict[str, dict[str, Any]] = {}
    per_type: dict[str, int] = {}
    start = client.requests
    try:
        for zaaktype in zaaktypen:
            first = client.request("GET", "/zaken", params={"zaaktype": zaaktype,
                                                             "einddatum__isnull": "true"})
            body = _checked(first, 1)
            count = int(body.get("count") or 0)
            rows = body.get("results")
            if not isinstance(rows, list):
                raise RefreshFailed("de eerste pagina van de zaken is onvolledig; de vorige "
                                    "lijst blijft staan")
            pages = [[{k: z.get(k) for k in KEPT_FIELDS} for z in rows if isinstance(z, dict)]]
            total = max(1, math.ceil(count / PAGE_SIZE))
            with ThreadPoolExecutor(max_workers=PARALLEL_PAGES) as pool:
                for done, result in enumerate(pool.map(
                        lambda p, zt=zaaktype: _page(client, zt, p), range(2, total + 1)), 2):
                    pages.append(result)
                    settle()  # the pages read so far stay: out of the collector's sight
                    if progress:
                        progress(done, total)
            per_type[zaaktype] = count
            for page in pages:
                for zaak in page:
                    found[str(zaak["url"])] = zaak
    except httpx.TransportError as exc:
        raise RefreshFailed(f"de Zaken API is niet bereikbaar ({type(exc).__name__}); de vorige "
                            "lijst blijft staan") from None
    return Fetched(list(found.values()), client.requests - start, per_type)


def zaaktypen_to_read(settings: RegionSettings) -> list[str]:
    """The region's zaaktypen (RefreshFailed when no Zaken API or zaaktype is set)."""
    zaaktypen = [url for _, url in sorted(settings.zaaktypen.items()) if url]
    if not settings.zaken_url or not zaaktypen:
        raise RefreshFailed("de Zaken API van de regio is niet ingesteld: tafelapp region set "
                            "--zaken-url … --zaaktype JBT=…")
    return zaaktypen


def refresh(session: Session, client: ZakenClient,
            progress: Callable[[int, int], None] | None = None) -> Fetched:
    """Read the region's open zaken and keep them, encrypted in the vault, as the last good copy
    (a failed refresh raises RefreshFailed and leaves the copy as it was)."""
    fetched = fetch_open_zaken(client, zaaktypen_to_read(outbox_service.region_settings(session)),
                               progress)
    region_worklist_service.keep(session, fetched.zaken, fetched.per_zaaktype)
    return fetched
