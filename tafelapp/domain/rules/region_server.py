"""The regional document store's settings: what a valid address, RSIN, confidentiality and
informatieobjecttype look like, and whether an address may carry the token and the notulen."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from tafelapp.domain.problems import Problem

API_ROOT = "/api/v1"  # the client appends it to the service base (…/documenten)
CONFIDENTIALITY = ("openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk",
                   "confidentieel", "geheim", "zeer_geheim")
MIN_SECRET_BYTES = 32
_IOT = re.compile(r"/informatieobjecttypen/[0-9A-Za-z-]+/?$")
_ZAAKTYPE = re.compile(r"/zaaktypen/[0-9A-Za-z-]+/?$")
TABLE_KINDS = ("JBT", "ZVT")


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: traffic that never leaves this computer."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_problem(url: str, field: str) -> Problem | None:
    """Why an address may not carry the token and the notulen (None when it may)."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return Problem("region.url_scheme", field, "gebruik een adres dat begint met https://")
    port = port_problem(url, field)
    if port:
        return port
    if parts.username or parts.password:
        return Problem("region.url_credentials", field,
                       "zet geen gebruikersnaam of wachtwoord in het adres")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        return Problem("region.url_plain_http", field,
                       "http:// zou het toegangsbewijs en de notulen onversleuteld versturen; "
                       "gebruik https:// (http:// alleen voor een server op deze computer)")
    return None


def port_problem(url: str, field: str) -> Problem | None:
    """A port in the address must be a number from 1 to 65535 (`https://host:8443/…`)."""
    try:
        port = urlsplit(url).port
    except ValueError:
        port = 0
    if port == 0:
        return Problem("region.url_port", field,
                       "het poortnummer in het adres moet een getal van 1 tot en met 65535 zijn")
    return None


def service_base(url: str) -> str:
    """The service base from either the base or the API root: `…/documenten/api/v1` is stored as
    `…/documenten`, to which the client adds the API root again."""
    url = url.strip().rstrip("/")
    return url[: -len(API_ROOT)] if url.endswith(API_ROOT) else url


def rsin_ok(rsin: str) -> bool:
    """Nine digits that pass the 11-proof (elfproef) of RSIN and BSN."""
    if not re.fullmatch(r"\d{9}", rsin):
        return False
    total = sum(int(d) * w for d, w in zip(rsin[:8], range(9, 1, -1), strict=True))
    return (total - int(rsin[8])) % 11 == 0


def settings_problems(base_url: str, rsin: str, informatieobjecttype: str, confidentiality: str,
                      secret: str, tsa_url: str = "") -> list[Problem]:
    """Every problem of the region settings, each at its field (empty values are 'not set')."""
    problems: list[Problem] = []
    found = url_problem(base_url, "base_url") if base_url else None  # the token travels here
    if found:
        problems.append(found)
    for value, field in ((informatieobjecttype, "informatieobjecttype"), (tsa_url, "tsa_url")):
        parts = urlsplit(value)
        if value and (parts.scheme not in ("https", "http") or not parts.hostname):
            problems.append(Problem("region.url_scheme", field,
                                    "verwacht een adres dat begint met https://"))
        elif value and (wrong_port := port_problem(value, field)):
            problems.append(wrong_port)
    if rsin and not rsin_ok(rsin):
        problems.append(Problem("region.rsin", "rsin",
                                "een RSIN heeft negen cijfers en voldoet aan de elfproef"))
    if informatieobjecttype and not _IOT.search(urlsplit(informatieobjecttype).path):
        problems.append(Problem("region.iot_shape", "informatieobjecttype",
                                "verwacht het adres van een informatieobjecttype uit de "
                                "Catalogi API (…/informatieobjecttypen/<uuid>)"))
    if confidentiality not in CONFIDENTIALITY:
        problems.append(Problem("region.confidentiality", "confidentiality",
                                "kies uit " + ", ".join(CONFIDENTIALITY)))
    if secret and len(secret.encode("utf-8")) < MIN_SECRET_BYTES:
        problems.append(Problem("region.secret_short", "secret",
                                f"het client-secret moet minstens {MIN_SECRET_BYTES} tekens "
                                "hebben (HS256)"))
    return problems


def zaken_problems(zaken_url: str, zaaktypen: dict[str, str], pseudonym_secret: str) -> list[Problem]:
    """Every problem of the Zaken API settings: its address, a zaaktype per table kind, and the
    secret the pseudonyms are made with (empty values are 'not set')."""
    problems: list[Problem] = []
    found = url_problem(zaken_url, "zaken_url") if zaken_url else None
    if found:
        problems.append(found)
    for kind, url in zaaktypen.items():
        if kind not in TABLE_KINDS:
            problems.append(Problem("region.zaaktype_kind", "zaaktypen",
                                    f"'{kind[:20]}' is geen soort tafel; kies JBT of ZVT "
                                    "(--zaaktype JBT=<URL>)"))
        elif not _ZAAKTYPE.search(urlsplit(url).path) or urlsplit(url).scheme not in (
                "https", "http"):
            problems.append(Problem("region.zaaktype_shape", "zaaktypen",
                                    f"verwacht voor {kind} het adres van een zaaktype uit de "
                                    "Catalogi API (…/catalogi/api/v1/zaaktypen/<uuid>)"))
    if pseudonym_secret and len(pseudonym_secret.encode("utf-8")) < MIN_SECRET_BYTES:
        problems.append(Problem("region.pseudonym_secret_short", "pseudonym_secret",
                                f"het pseudoniemgeheim moet minstens {MIN_SECRET_BYTES} tekens "
                                "hebben"))
    return problems
