"""HTTP client for the Documenten API: a JWT made at send time, TLS verified, lookups by
identificatie, and lock → PATCH → unlock for a new version of a document."""

from __future__ import annotations

import datetime as dt
import json
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import jwt

from tafelapp.settings import RegionSettings
from tafelapp.sync.spec import API_ROOT


@dataclass(frozen=True)
class Reply:
    """What the server said: status, JSON body (if any), and the raw text for messages."""

    status: int
    body: Any
    text: str

    @property
    def code(self) -> str:
        """The problem body's `code` (ZGW `Fout`), or '' when there is none."""
        return str(self.body.get("code") or "") if isinstance(self.body, dict) else ""


class ZgwClient:
    """One region's document store."""

    def __init__(self, settings: RegionSettings, actor: str,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
                 transport: httpx.BaseTransport | None = None, base_url: str | None = None) -> None:
        self.settings = settings
        self.actor = actor
        self.clock = clock
        self.requests = 0  # how many requests this client sent (benchmarks, request counts)
        # Certificates are always verified; a region with its own CA gives its bundle.
        verify: Any = (ssl.create_default_context(cafile=settings.ca_bundle)
                       if settings.ca_bundle else True)
        self._http = httpx.Client(
            base_url=(base_url or settings.base_url).rstrip("/") + API_ROOT, verify=verify,
            timeout=httpx.Timeout(settings.timeout_seconds, connect=5.0), transport=transport)

    def token(self) -> str:
        """A fresh JWT (HS256) with the ZGW claims; made for each request, never cached."""
        claims = {"iss": self.settings.client_id, "client_id": self.settings.client_id,
                  "iat": int(self.clock().timestamp()), "user_id": self.actor,
                  "user_representation": self.actor}
        return jwt.encode(claims, self.settings.secret, algorithm="HS256")

    def headers(self) -> dict[str, str]:
        """The headers of every request."""
        return {"Authorization": f"Bearer {self.token()}", "Accept-Crs": "EPSG:4326",
                "Content-Type": "application/json"}

    def request(self, method: str, path: str, body: dict[str, Any] | None = None,
                params: dict[str, str] | None = None) -> Reply:
        """Send one request (exceptions from httpx propagate: the caller classifies them)."""
        content = json.dumps(body).encode("utf-8") if body is not None else None
        self.requests += 1
        response = self._http.request(method, path, content=content, params=params,
                                      headers=self.headers())
        try:
            parsed = response.json()
        except ValueError:
            parsed = None
        return Reply(response.status_code, parsed, response.text[:2000])

    def create(self, body: dict[str, Any]) -> Reply:
        """`POST /enkelvoudiginformatieobjecten`."""
        return self.request("POST", "/enkelvoudiginformatieobjecten", body)

    def find(self, identificatie: str) -> Reply:
        """`GET /enkelvoudiginformatieobjecten?identificatie=…&bronorganisatie=…`."""
        return self.request("GET", "/enkelvoudiginformatieobjecten",
                            params={"identificatie": identificatie,
                                    "bronorganisatie": self.settings.rsin})

    def download(self, url: str) -> tuple[int, bytes]:
        """The content of a document (`…/download`), by the URL the server gave."""
        response = self._http.get(url, headers=self.headers())
        return response.status_code, response.content

    def get(self, url: str) -> Reply:
        """`GET {url}`: one document's metadata (versie, bestandsomvang, integriteit, locked)."""
        return self.request("GET", url)

    def lock(self, url: str) -> Reply:
        """`POST {url}/lock`: the answer's `lock` is needed to change and to unlock it."""
        return self.request("POST", url.rstrip("/") + "/lock", {})

    def update(self, url: str, body: dict[str, Any]) -> Reply:
        """`PATCH {url}` with the `lock` in the body: a new version of the same document."""
        return self.request("PATCH", url, body)

    def unlock(self, url: str, lock: str | None) -> Reply:
        """`POST {url}/unlock`; without a lock id only with `documenten.geforceerd-unlock`."""
        return self.request("POST", url.rstrip("/") + "/unlock",
                            {"lock": lock} if lock else {})

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()
