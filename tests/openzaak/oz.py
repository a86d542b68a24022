"""The Open Zaak of the tests: its URLs, an admin client for checks, kill and serve, extra apps."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import jwt

BASE = "http://127.0.0.1:8011"
RSIN = "002564440"
CLIENT, SECRET = "tafelapp", "lang-gedeeld-geheim-voor-tafelapp-0123"
ADMIN, ADMIN_SECRET = "oz-admin", "oz-admin-geheim-0123456789"
PSEUDONYM_SECRET = "regio-pseudoniemgeheim-voor-de-tests-0123456789"

NEW_APP = """
from vng_api_common.authorizations.models import Applicatie, Autorisatie
from vng_api_common.models import JWTSecret
from django.core.cache import caches
JWTSecret.objects.get_or_create(identifier={cid!r}, defaults=dict(secret={secret!r}))
app = Applicatie.objects.create(client_ids=[{cid!r}], label={cid!r}, heeft_alle_autorisaties=False)
for component, scopes, kind, url in {rights!r}:
    extra = {{kind: url}} if kind else {{}}
    if kind:
        extra["max_vertrouwelijkheidaanduiding"] = {most!r}
    Autorisatie.objects.create(applicatie=app, component=component, scopes=scopes, **extra)
for c in caches:
    caches[c].clear()
print("APP", {cid!r})
"""

OTHER_IOT = """
import datetime as dt
from openzaak.components.catalogi.models import Catalogus, InformatieObjectType
cat = Catalogus.objects.get(domein="TAFEL", rsin="002564440")
iot, _ = InformatieObjectType.objects.get_or_create(
    catalogus=cat, omschrijving="Andere stukken",
    defaults=dict(vertrouwelijkheidaanduiding="vertrouwelijk", informatieobjectcategorie="Overig",
                  datum_begin_geldigheid=dt.date(2024, 1, 1), concept=False))
print("IOT", f"http://127.0.0.1:8011/catalogi/api/v1/informatieobjecttypen/{iot.uuid}")
"""


def token(client_id: str, secret: str) -> str:
    """A ZGW JWT for one client."""
    return jwt.encode({"iss": client_id, "client_id": client_id, "iat": int(time.time()),
                       "user_id": "test", "user_representation": "test"}, secret,
                      algorithm="HS256")


class OpenZaak:
    """The running Open Zaak: what `configure` made, and the means to hurt it."""

    def __init__(self, work: Path, shared: Path) -> None:
        self.work = work
        self.shared = shared
        self.zaaktype = (work / "run" / "zaaktype_url.txt").read_text().strip()
        self.iot = (work / "run" / "iot_url.txt").read_text().strip()

    def region(self, client_id: str = CLIENT, secret: str = SECRET, **extra: Any) -> dict[str, Any]:
        """The region settings of a Tafelapp vault pointed at this Open Zaak."""
        return {"base_url": f"{BASE}/documenten", "client_id": client_id, "secret": secret,
                "rsin": RSIN, "informatieobjecttype": self.iot, "zaken_url": f"{BASE}/zaken",
                "zaaktypen": {"JBT": self.zaaktype}, "pseudonym_secret": PSEUDONYM_SECRET,
                "timeout_seconds": 60.0, **extra}

    def admin(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """One request as `oz-admin` (all rights): what is stored, for the checks."""
        headers = {"Authorization": f"Bearer {token(ADMIN, ADMIN_SECRET)}",
                   "Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
        url = url if url.startswith("http") else BASE + url
        return httpx.request(method, url, headers=headers, timeout=60, **kwargs)

    def zaken(self, identificatie: str) -> list[dict[str, Any]]:
        """Every zaak with this identificatie (as the admin sees them)."""
        reply = self.admin("GET", "/zaken/api/v1/zaken",
                           params={"identificatie": identificatie, "bronorganisatie": RSIN})
        assert reply.status_code == 200, reply.text
        return list(reply.json()["results"])

    def under(self, resource: str, zaak: str, **params: str) -> list[dict[str, Any]]:
        """The statussen, resultaten, rollen or zaakinformatieobjecten of one zaak."""
        reply = self.admin("GET", f"/zaken/api/v1/{resource}", params={"zaak": zaak, **params})
        assert reply.status_code == 200, reply.text
        body = reply.json()
        return list(body["results"] if isinstance(body, dict) else body)

    def wait_ready(self, timeout: float) -> None:
        """Until the catalogus answers through the API (not just the home page)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.admin("GET", self.zaaktype).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("Open Zaak antwoordt niet op de Catalogi API")
            time.sleep(1)

    def pid(self) -> int:
        """The web process (Django's runserver, --noreload)."""
        return int((self.work / "run" / "web.pid").read_text().strip())

    def running(self) -> bool:
        """The web process is alive."""
        try:
            os.kill(self.pid(), 0)
            return True
        except (OSError, ValueError):
            return False

    def kill(self) -> None:
        """SIGKILL the web process (what it was doing is lost mid-way) and wait for it to go."""
        pid = self.pid()
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except OSError:
                return
            time.sleep(0.1)

    def serve(self) -> None:
        """Start the web process again on the same data, and wait until it answers."""
        self._setup("serve", timeout=180)
        self.wait_ready(180)

    def _setup(self, step: str, stdin: str | None = None, timeout: float = 300) -> str:
        result = subprocess.run(["bash", str(self.shared / "setup.sh"), step], input=stdin,
                                capture_output=True, text=True, timeout=timeout,
                                env={**os.environ, "OZ": str(self.work)})
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        return result.stdout

    def shell(self, script: str) -> str:
        """Run a script in Open Zaak's Django shell (its models), returning what it printed."""
        return self._setup("shell", stdin=script)

    def other_iot(self) -> str:
        """A second published informatieobjecttype ('Andere stukken')."""
        out = self.shell(OTHER_IOT)
        return next(line.split()[1] for line in out.splitlines() if line.startswith("IOT "))

    def new_app(self, rights: list[tuple[str, list[str], str, str]],
                most: str = "vertrouwelijk") -> tuple[str, str]:
        """Another Applicatie with only these rights: (component, scopes, 'zaaktype' or
        'informatieobjecttype' or '', URL); returns its client id and secret."""
        cid = f"tafel-smal-{secrets.token_hex(4)}"
        secret = secrets.token_hex(24)
        self.shell(NEW_APP.format(cid=cid, secret=secret, rights=rights, most=most))
        return cid, secret
