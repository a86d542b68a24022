"""Read what the region holds of one zaak (statussen, resultaat, notulen) and download a notulen.

Every part that cannot be read (no right, a 404, a broken answer) becomes a Dutch note on the
detail, never an exception: the ketenregisseur sees what there is and what she may not see.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from tafelapp.domain.region_detail import RegionDetail, RegionDocument
from tafelapp.domain.region_worklist import RegionCase
from tafelapp.sync.zaken_client import ZakenClient
from tafelapp.sync.zgw_client import Reply, ZgwClient


class DetailFailed(Exception):
    """The zaak itself could not be read; the message says why, in Dutch."""


def _items(reply: Reply) -> list[dict[str, Any]] | None:
    body = reply.body
    items = body.get("results") if isinstance(body, dict) else body
    if reply.status != 200 or not isinstance(items, list):
        return None
    return [i for i in items if isinstance(i, dict)]


def _names(client: ZakenClient, zaaktype: str, resource: str) -> dict[str, str]:
    found = _items(client.types_of(zaaktype, resource)) or []
    return {str(t.get("url")): str(t.get("omschrijving") or "") for t in found}


def _when(text: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None


def _refused(reply: Reply, what: str) -> str:
    if reply.status in (401, 403):
        return f"{what}: deze client mag dit niet lezen (HTTP {reply.status})"
    return f"{what}: niet te lezen (HTTP {reply.status})"


def read_detail(zaken: ZakenClient, documents: ZgwClient, case: RegionCase, table_name: str,
                table_kind: str, chair_organisation: str) -> RegionDetail:
    """The zaak's status history, resultaat, final term and notulen, as the region holds them."""
    notes: list[str] = []
    try:
        zaak = zaken.get(case.url)
        if zaak.status != 200 or not isinstance(zaak.body, dict):
            raise DetailFailed("de zaak is niet (meer) te lezen bij de regio "
                               f"(HTTP {zaak.status}): misschien is hij afgesloten of mag deze "
                               "client hem niet meer zien. Ververs de regiowerklijst.")
        statuses: list[tuple[dt.datetime, str]] = []
        reply = zaken.list_of("statussen", zaak=case.url)
        if (found := _items(reply)) is None:
            notes.append(_refused(reply, "De statusgeschiedenis"))
        else:
            names = _names(zaken, case.zaaktype, "statustypen")
            for s in found:
                if (when := _when(s.get("datumStatusGezet"))) is not None:
                    statuses.append((when, names.get(str(s.get("statustype")), "onbekende status")))
            statuses.sort()
        result = ""
        reply = zaken.list_of("resultaten", zaak=case.url)
        if (found := _items(reply)) is None:
            notes.append(_refused(reply, "Het besluit (resultaat)"))
        elif found:
            names = _names(zaken, case.zaaktype, "resultaattypen")
            result = names.get(str(found[-1].get("resultaattype")), "onbekend resultaat")
        docs: list[RegionDocument] = []
        reply = zaken.list_of("zaakinformatieobjecten", zaak=case.url)
        if (found := _items(reply)) is None:
            notes.append(_refused(reply, "De gekoppelde notulen"))
        for link in found or []:
            docs.append(_document(documents, str(link.get("informatieobject") or ""),
                                  str(link.get("titel") or "")))
        final = zaak.body.get("uiterlijkeEinddatumAfdoening")
    except httpx.TransportError as exc:
        raise DetailFailed(f"de regio is niet bereikbaar ({type(exc).__name__}); de regels "
                           "van de werklijst komen uit de laatste kopie") from None
    return RegionDetail(case, table_name, table_kind, chair_organisation, statuses, result,
                        dt.date.fromisoformat(final[:10]) if isinstance(final, str) and final
                        else None, docs, notes)


def _document(documents: ZgwClient, url: str, title: str) -> RegionDocument:
    reply = documents.request("GET", url)
    if reply.status != 200 or not isinstance(reply.body, dict):
        return RegionDocument(title or "notulen", url, readable=False, note=(
            "deze client mag dit document niet lezen (documenten.lezen ontbreekt voor dit "
            "soort document)" if reply.status in (401, 403, 404)
            else f"niet te lezen (HTTP {reply.status})"))
    body = reply.body
    return RegionDocument(str(body.get("titel") or title or "notulen"), url,
                          str(body.get("inhoud") or ""))


def download(documents: ZgwClient, document: RegionDocument) -> bytes:
    """The notulen's PDF (DetailFailed when it cannot be read or is no PDF)."""
    if not document.readable or not document.content_url:
        raise DetailFailed(f"'{document.title}' mag deze client niet lezen")
    try:
        status, content = documents.download(document.content_url)
    except httpx.TransportError as exc:
        raise DetailFailed(f"de regio is niet bereikbaar ({type(exc).__name__})") from None
    if status != 200:
        raise DetailFailed(f"'{document.title}' kon niet worden opgehaald (HTTP {status})")
    if not content.startswith(b"%PDF-"):
        raise DetailFailed(f"'{document.title}' is geen PDF; het is niet geopend")
    return content
