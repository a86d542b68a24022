"""The reference regional server checks the token before it reads a body, caps the body, and
answers a missing, malformed, negative or too large length, or a non-UTF-8 body, at once with a
problem body (411 / 400 / 413) instead of hanging, dropping or logging a traceback."""

from __future__ import annotations

import json
import socket
import time
from urllib.parse import urlsplit

import jwt
import pytest

from regional.server import COLLECTION, MAX_BODY_BYTES, RegionalServer
from tests.sync.conftest import CLIENT, SECRET


def _token() -> str:
    return jwt.encode({"iss": CLIENT, "client_id": CLIENT, "iat": int(time.time()),
                       "user_id": "t", "user_representation": "t"}, SECRET, algorithm="HS256")


def _raw(server: RegionalServer, head: str, body: bytes = b"") -> tuple[int, dict[str, object],
                                                                         float]:
    parts = urlsplit(server.url)
    started = time.monotonic()
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(head.encode() + b"\r\n" + body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    payload = answer.split(b"\r\n\r\n", 1)[1]
    return status, json.loads(payload or b"{}"), time.monotonic() - started


def _head(length: str | None, token: str | None = None) -> str:
    lines = [f"POST {COLLECTION} HTTP/1.1",
             "Host: 127.0.0.1", "Content-Type: application/json", "Connection: close"]
    if token:
        lines.append(f"Authorization: Bearer {token}")
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(("length", "token", "status", "code"), [
    (str(200 * 2**20), None, 403, "not_authenticated"),  # 200 MB, no token: no body is read
    ("-1", "ok", 400, "invalid_length"),
    ("twaalf", "ok", 400, "invalid_length"),
    (None, "ok", 411, "length_required"),
    (str(MAX_BODY_BYTES + 1), "ok", 413, "payload_too_large"),
])
def test_bad_lengths_are_answered_at_once(server: RegionalServer, length: str | None,
                                          token: str | None, status: int, code: str) -> None:
    got, body, seconds = _raw(server, _head(length, _token() if token else None))
    assert (got, body.get("code")) == (status, code)
    assert body.get("status") == status and seconds < 3
    assert server.httpd.store.count() == 0


def test_a_body_that_is_not_utf8_gets_a_problem_body(server: RegionalServer) -> None:
    data = b"\xff\xfe\x00 geen utf-8 \xc3"
    got, body, _ = _raw(server, _head(str(len(data)), _token()), data)
    assert (got, body.get("code")) == (400, "invalid_encoding")


def _upload(inhoud: str, **changes: object) -> bytes:
    body = {"identificatie": "LIMIT-1", "bronorganisatie": "002220647",
            "creatiedatum": "2026-12-01", "titel": "Notulen", "auteur": "t", "taal": "dut",
            "formaat": "application/pdf", "bestandsnaam": "n.pdf", "inhoud": inhoud,
            "informatieobjecttype": "http://catalogi.invalid/api/v1/informatieobjecttypen/notulen",
            "vertrouwelijkheidaanduiding": "vertrouwelijk", **changes}
    return json.dumps({k: v for k, v in body.items() if v is not None}).encode()


@pytest.mark.parametrize(("inhoud", "changes", "field"), [
    ("!" * 8000, {}, "inhoud"),  # a large content that is no base64
    ("QUJD" * 2000, {"titel": None}, "titel"),  # large and valid: the rest is still checked
    ("QUJD" * 2000, {"taal": "nederlands"}, "taal"),
])
def test_a_large_upload_is_checked_field_by_field(server: RegionalServer, inhoud: str,
                                                  changes: dict[str, object], field: str) -> None:
    data = _upload(inhoud, **changes)
    got, body, _ = _raw(server, _head(str(len(data)), _token()), data)
    assert got == 400
    assert field in [p["name"] for p in body["invalidParams"]], body
    assert server.httpd.store.count() == 0
