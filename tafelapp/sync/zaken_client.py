"""HTTP client for the Zaken API and the Catalogi API it points to (JWT made at send time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx

from tafelapp.domain.zaak import pseudonym
from tafelapp.settings import RegionSettings
from tafelapp.sync.zgw_client import Reply, ZgwClient


def catalogi_root(zaaktype_url: str) -> str:
    """`…/catalogi/api/v1/` from a zaaktype's URL (`…/catalogi/api/v1/zaaktypen/<uuid>`)."""
    path = urlsplit(zaaktype_url).path
    cut = path.find("/zaaktypen/")
    return zaaktype_url[: len(zaaktype_url) - len(path) + cut] + "/" if cut >= 0 else ""


class ZakenClient(ZgwClient):
    """One region's Zaken API; the actor in the token is a pseudonym, never a name."""

    def __init__(self, settings: RegionSettings, actor: str,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
                 transport: httpx.BaseTransport | None = None) -> None:
        super().__init__(settings, pseudonym(settings.pseudonym_secret or settings.secret,
                                             "actor", actor),
                         clock, transport, base_url=settings.zaken_url)
        self._types: dict[tuple[str, str], Reply] = {}

    def headers(self) -> dict[str, str]:
        """The Zaken API also wants the coordinate system of what is sent (`Content-Crs`)."""
        return {**super().headers(), "Content-Crs": "EPSG:4326"}

    def find_zaak(self, identificatie: str) -> Reply:
        """`GET /zaken?identificatie=…&bronorganisatie=…`."""
        return self.request("GET", "/zaken", params={"identificatie": identificatie,
                                                      "bronorganisatie": self.settings.rsin})

    def list_of(self, resource: str, **params: str) -> Reply:
        """`GET /<resource>?zaak=…` (statussen, resultaten, rollen, zaakinformatieobjecten)."""
        return self.request("GET", f"/{resource}", params=params)

    def create(self, body: dict[str, Any], resource: str = "zaken") -> Reply:
        """`POST /<resource>`."""
        return self.request("POST", f"/{resource}", body)

    def patch(self, url: str, body: dict[str, Any]) -> Reply:
        """`PATCH <url>` (idempotent: sets what it names)."""
        return self.request("PATCH", url, body)

    def delete(self, url: str) -> Reply:
        """`DELETE <url>`."""
        return self.request("DELETE", url)

    def types_of(self, zaaktype: str, resource: str) -> Reply:
        """The statustypen, roltypen or resultaattypen of a zaaktype (asked once per client)."""
        key = (zaaktype, resource)
        if key not in self._types:
            reply = self.request("GET", catalogi_root(zaaktype) + resource,
                                 params={"zaaktype": zaaktype})
            if reply.status != 200:
                return reply
            self._types[key] = reply
        return self._types[key]

    def get(self, url: str) -> Reply:
        """`GET <url>` (a zaaktype, a zaak)."""
        return self.request("GET", url)
