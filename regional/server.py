"""The reference regional server: create, look up, download and version documents; JWT; PAdES."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import ssl
import threading
import time
import uuid as uuidlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import jwt

from regional import versions
from regional.limits import CheckerLost, Limits, Slots, Verifier
from regional.limits import Faults as Faults  # re-exported: tests, benches and the demo use it
from regional.store import DocumentStore, Duplicate
from tafelapp.sync.spec import API_ROOT, problem_json, validate_request

MAX_IAT_AGE = 3600
MAX_IAT_FUTURE = 300
COLLECTION = f"{API_ROOT}/enkelvoudiginformatieobjecten"


MAX_BODY_BYTES = 64 * 1024 * 1024  # a notulen PDF, base64, is far smaller


@dataclass
class Config:
    """Who may send, which informatieobjecttypen exist, where the server says it lives."""

    clients: dict[str, str]
    informatieobjecttypen: set[str]
    public_url: str = ""
    faults: Faults = field(default_factory=Faults)
    verify_signatures: bool = True
    cannot_read: set[str] = field(default_factory=set)  # clients without documenten.lezen
    concept_types: set[str] = field(default_factory=set)  # informatieobjecttypen not published
    limits: Limits = field(default_factory=Limits)
    cannot_update: set[str] = field(default_factory=set)  # without documenten.lock/bijwerken
    force_unlock: set[str] = field(default_factory=set)  # with documenten.geforceerd-unlock


def _json_object(raw: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _content(body: dict[str, Any], raw: bytes) -> tuple[bytes, bytes, list[tuple[str, str]]]:
    """The decoded `inhoud`, the body to check against the spec, and what is wrong with the
    content. The spec only says 'a base64 string': a large one is decoded strictly here once and
    the rest of the body checked with a stand-in (the schema walk over a 270 KB string cost
    ~15 ms of interpreter time per upload)."""
    inhoud = body.get("inhoud")
    if not isinstance(inhoud, str) or len(inhoud) < 4096:
        try:
            return base64.b64decode(inhoud or ""), raw, []
        except (binascii.Error, TypeError, ValueError):
            return b"", raw, []  # the spec check names it
    try:
        content = base64.b64decode(inhoud, validate=True)
    except (binascii.Error, ValueError):
        return b"", raw, [("inhoud", "geen geldige base64 / not valid base64")]
    return content, json.dumps({**body, "inhoud": "JVBERg=="}).encode("utf-8"), []


class _Handler(BaseHTTPRequestHandler):
    server: RegionalHTTPServer
    client_id = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.config.limits.idle_seconds)  # idle keep-alive ends

    def _send(self, status: int, body: bytes, content_type: str = "application/json",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("API-version", "1.5.0")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _problem(self, status: int, title: str, code: str,
                 params: list[tuple[str, str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        self._send(status, problem_json(status, title, code, params or []),
                   "application/problem+json", headers)

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ").strip()
        config = self.server.config
        try:
            claims = jwt.decode(token, options={"verify_signature": False})
        except jwt.InvalidTokenError as exc:
            self._problem(403, f"Geen geldig toegangsbewijs (JWT): {exc}", "not_authenticated")
            return False
        self.client_id = str(claims.get("client_id") or claims.get("iss"))
        secret = config.clients.get(self.client_id)
        if secret is None:  # the codes Open Zaak answers with
            self._problem(403, "Client identifier bestaat niet", "invalid-client-identifier")
            return False
        try:
            claims = jwt.decode(token, secret, algorithms=["HS256"],
                                options={"verify_iat": False})
        except jwt.InvalidSignatureError:
            self._problem(403, "De JWT-signature is ongeldig", "invalid-jwt-signature")
            return False
        except jwt.InvalidTokenError as exc:
            self._problem(403, f"Geen geldig toegangsbewijs (JWT): {exc}", "not_authenticated")
            return False
        iat = claims.get("iat")
        now = time.time()
        if not isinstance(iat, (int, float)):
            self._problem(403, "Het toegangsbewijs mist 'iat'", "not_authenticated")
            return False
        if now - iat > MAX_IAT_AGE:
            self._problem(403, "Het toegangsbewijs is verlopen (iat te oud) / JWT expired",
                          "jwt-expired")
            return False
        if iat - now > MAX_IAT_FUTURE:
            self._problem(403, "Het toegangsbewijs is uitgegeven in de toekomst (iat) / JWT "
                          "issued in the future", "jwt-iat-in-future")
            return False
        return True

    def _url(self, uid: str) -> str:
        scheme = "https" if isinstance(self.connection, ssl.SSLSocket) else "http"
        base = self.server.config.public_url or f"{scheme}://{self.headers.get('Host', '')}"
        return f"{base}{COLLECTION}/{uid}"

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if not self._authorised():
            return
        if self.client_id in self.server.config.cannot_read:  # as Open Zaak answers
            self._problem(403, "U heeft geen toestemming om deze actie uit te voeren.",
                          "permission_denied")
            return
        store = self.server.store
        if parts.path == COLLECTION:
            query = dict(parse_qsl(parts.query))
            found = store.find(query.get("bronorganisatie"), query.get("identificatie"))
            self._send(200, json.dumps({"count": len(found), "next": None, "previous": None,
                                        "results": [versions.public(m) for m in found]}).encode())
            return
        if parts.path.startswith(COLLECTION + "/"):
            rest = parts.path[len(COLLECTION) + 1:]
            uid, _, tail = rest.partition("/")
            stored = store.get(uid)
            if stored is None:
                self._problem(404, "Niet gevonden", "not_found")
            elif tail == "download":
                self._send(200, stored[1], "application/octet-stream")
            else:
                self._send(200, json.dumps(versions.public(stored[0])).encode())
            return
        self._problem(404, "Niet gevonden", "not_found")

    def _length(self) -> int | None:
        """The declared body length; a missing, malformed, negative or too large one is
        answered (411 / 400 / 413) and the connection closed, so nothing is read or held."""
        declared = self.headers.get("Content-Length")
        if declared is None:
            self._problem(411, "Content-Length ontbreekt / length required", "length_required")
        elif not declared.strip().isdigit():
            self._problem(400, "Ongeldige Content-Length / invalid Content-Length",
                          "invalid_length")
        elif int(declared) > MAX_BODY_BYTES:
            self._problem(413, f"Te groot: hoogstens {MAX_BODY_BYTES // 2**20} MiB / payload too "
                               "large", "payload_too_large")
        else:
            return int(declared)
        self.close_connection = True
        return None

    def _type_problems(self, iot: object) -> list[tuple[str, str]]:
        config = self.server.config
        if iot not in config.informatieobjecttypen and iot not in config.concept_types:
            return [("informatieobjecttype", "onbekend informatieobjecttype (bad-url)")]
        if iot in config.concept_types:
            return [("informatieobjecttype", "het informatieobjecttype is een concept "
                                             "(not-published)")]
        return []

    def do_PATCH(self) -> None:
        if not urlsplit(self.path).path.startswith(COLLECTION + "/"):
            self.close_connection = True
            self._problem(404, "Niet gevonden", "not_found")
            return
        versions.dispatch(self, COLLECTION)

    def do_POST(self) -> None:
        if urlsplit(self.path).path.startswith(COLLECTION + "/"):
            versions.dispatch(self, COLLECTION)
            return
        if urlsplit(self.path).path != COLLECTION:
            self.close_connection = True
            self._problem(404, "Niet gevonden", "not_found")
            return
        # The token first: an unauthenticated client gets no memory and no thread for its body.
        if not self._authorised():
            self.close_connection = True
            return
        length = self._length()
        if length is None:
            return
        # At most `uploads` bodies in memory at once; the rest wait, then hear "later".
        if not self.server.uploads.take():
            self._discard(length)  # read, not kept: the client then hears the answer, no reset
            self._problem(503, "De server is bezet; probeer het over enkele seconden opnieuw / "
                          "server busy, retry later", "busy", headers={"Retry-After": "5"})
            return
        try:
            self._upload(length)
        finally:
            self.server.uploads.give()

    def _discard(self, length: int) -> None:
        """Read a body away in small pieces (an answer before the body would be a reset)."""
        while length > 0:
            chunk = self.rfile.read(min(length, 65536))
            if not chunk:
                self.close_connection = True
                return
            length -= len(chunk)

    def _upload(self, length: int) -> None:
        """Read, check and store one document (an upload slot is held)."""
        faults = self.server.config.faults
        if faults.take("cut_upload"):
            self.rfile.read(length // 2)
            self.close_connection = True
            self.connection.shutdown(2)
            return
        raw = self.rfile.read(length)
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            self._problem(400, "De inhoud is geen UTF-8 / body is not UTF-8", "invalid_encoding")
            return
        if faults.roll():
            self._problem(500, "Interne fout (gesimuleerd)", "error")
            return
        url = f"http://{self.headers.get('Host', 'localhost')}{self.path}"
        body = _json_object(raw)
        content, checked, problems = _content(body, raw)
        # Like a serializer, every field problem at once (the type's too).
        problems += validate_request("POST", url, dict(self.headers.items()), checked)
        problems += self._type_problems(body.get("informatieobjecttype"))
        if problems:
            self._problem(400, "Ongeldige invoer / invalid input", "invalid", problems)
            return
        integriteit = body.get("integriteit") or {}
        if integriteit.get("waarde") != hashlib.sha256(content).hexdigest():
            self._problem(400, "Integriteit klopt niet / checksum mismatch", "integriteit",
                          [("integriteit.waarde", "sha-256 komt niet overeen met de inhoud")])
            return
        if self.server.config.verify_signatures:
            try:
                intact, error = self.server.verifier.check(content)
            except CheckerLost:
                self._problem(500, "De controle van de handtekeningen brak af; probeer het later "
                              "opnieuw / signature check lost, retry later", "error")
                return
            if not intact:
                self._problem(400, "Het document is niet (geldig) ondertekend / the PDF is "
                              "unsigned or altered", "signature-invalid",
                              [("inhoud", error or "handtekening ongeldig")])
                return
        uid = str(uuidlib.uuid4())
        metadata = {k: v for k, v in body.items() if k != "inhoud"}
        metadata.update(url=self._url(uid), inhoud=self._url(uid) + "/download",
                        bestandsomvang=len(content), versie=1,
                        beginRegistratie=dt.datetime.now(dt.UTC).isoformat())
        try:
            self.server.store.add(uid, metadata, content)
        except Duplicate:
            self._problem(400, "Deze identificatie bestaat al / identificatie is not unique",
                          "identificatie-niet-uniek",
                          [("identificatie", "Deze identificatie bestaat al voor deze "
                                             "bronorganisatie")])
            return
        if faults.delay_seconds:
            time.sleep(faults.delay_seconds)
        if faults.take("drop_response_after_store"):
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self._send(201, json.dumps(metadata).encode(), headers={"Location": metadata["url"]})


class RegionalHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the store and the configuration."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: DocumentStore, config: Config) -> None:
        limits = config.limits
        self.request_queue_size = limits.backlog  # a burst waits in the queue, is not reset
        super().__init__(address, _Handler)
        self.store = store
        self.config = config
        self.uploads = Slots(limits.uploads, limits.upload_wait_seconds)
        self.connections = threading.BoundedSemaphore(limits.connections)
        self.verifier = Verifier(limits.verify_workers)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve at most `connections` at once: the next one waits until one ends."""
        while not self.connections.acquire(timeout=0.5):
            if getattr(self, "_BaseServer__shutdown_request", False):
                self.shutdown_request(request)
                return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.connections.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release()

    def server_close(self) -> None:
        super().server_close()
        self.verifier.close()


class RegionalServer:
    """Start and stop the server in a background thread (tests, the demo, the soak)."""

    def __init__(self, store: DocumentStore, config: Config, host: str = "127.0.0.1",
                 port: int = 0, tls: ssl.SSLContext | None = None) -> None:
        self.httpd = RegionalHTTPServer((host, port), store, config)
        self.scheme = "https" if tls else "http"
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL (without the API root)."""
        host, port = self.httpd.server_address[:2]
        return f"{self.scheme}://{host!s}:{port}"

    def start(self) -> RegionalServer:
        """Serve in a daemon thread."""
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True,
                                        name="regional-server")
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        self.httpd.shutdown()
        self.httpd.server_close()
