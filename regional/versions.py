"""New versions of a stored document, the ZGW Documenten way: lock, PATCH with the lock, unlock."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import uuid as uuidlib
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from regional.limits import CheckerLost

if TYPE_CHECKING:
    from regional.server import _Handler

LOCK_KEY = "_lock"  # kept with the metadata, never shown (Open Zaak shows only `locked`)


def dispatch(handler: _Handler, collection: str) -> None:
    """lock / unlock (POST) or a new versie (PATCH) of one document."""
    rest = urlsplit(handler.path).path[len(collection) + 1:]
    uid, _, action = rest.partition("/")
    if not handler._authorised():
        handler.close_connection = True
        return
    if handler.client_id in handler.server.config.cannot_update:  # as Open Zaak answers
        handler._problem(403, "U heeft geen toestemming om deze actie uit te voeren.",
                         "permission_denied")
        handler.close_connection = True
        return
    if handler.command == "PATCH" and not action:
        patch(handler, uid)
    elif handler.command == "POST" and action in ("lock", "unlock"):
        (lock if action == "lock" else unlock)(handler, uid)
    else:
        handler.close_connection = True
        handler._problem(404, "Niet gevonden", "not_found")


def public(metadata: dict[str, Any]) -> dict[str, Any]:
    """The metadata as the API shows it: `locked`, not the lock itself."""
    shown = {k: v for k, v in metadata.items() if k != LOCK_KEY}
    shown["locked"] = bool(metadata.get(LOCK_KEY))
    return shown


def _stored(handler: _Handler, uid: str) -> tuple[dict[str, Any], bytes] | None:
    stored = handler.server.store.get(uid)
    if stored is None:
        handler._problem(404, "Niet gevonden", "not_found")
    return stored


def _body(handler: _Handler) -> dict[str, Any] | None:
    length = handler._length()
    if length is None:
        return None
    try:
        body = json.loads(handler.rfile.read(length) or b"{}")
    except ValueError:
        body = None
    if not isinstance(body, dict):
        handler._problem(400, "Ongeldige invoer / invalid input", "invalid",
                         [("nonFieldErrors", "geen JSON-object")])
        return None
    return body


def lock(handler: _Handler, uid: str) -> None:
    """`POST …/{uuid}/lock`: 200 with a new lock id, or 400 `existing-lock`."""
    body = _body(handler)
    stored = _stored(handler, uid) if body is not None else None
    if stored is None:
        return
    metadata, content = stored
    if metadata.get(LOCK_KEY):
        handler._problem(400, "Het document is al vergrendeld / the document is already locked",
                         "existing-lock", [("nonFieldErrors", "existing-lock")])
        return
    key = uuidlib.uuid4().hex
    handler.server.store.update(uid, {**metadata, LOCK_KEY: key}, content)
    handler._send(200, json.dumps({"lock": key}).encode())


def unlock(handler: _Handler, uid: str) -> None:
    """`POST …/{uuid}/unlock` with the lock id (or forced, for a client with that right)."""
    body = _body(handler)
    stored = _stored(handler, uid) if body is not None else None
    if stored is None or body is None:
        return
    metadata, content = stored
    forced = handler.client_id in handler.server.config.force_unlock
    if not forced and body.get("lock") != metadata.get(LOCK_KEY):
        handler._problem(400, "Lock id is niet correct / incorrect lock id", "incorrect-lock-id",
                         [("nonFieldErrors", "incorrect-lock-id")])
        return
    handler.server.store.update(uid, {k: v for k, v in metadata.items() if k != LOCK_KEY},
                                content)
    handler._send(204, b"")


def _check(handler: _Handler, old: bytes, new: bytes) -> str | None:
    """Why the new content may not replace the old (None: it may): the old signed bytes are its
    prefix (an incremental update) and every signature in it is intact."""
    if not new.startswith(old) or len(new) <= len(old):
        return "de nieuwe inhoud bouwt niet voort op de ondertekende versie (geen aanvulling)"
    if not handler.server.config.verify_signatures:
        return None
    intact, error = handler.server.verifier.check(new)
    return None if intact else (error or "handtekening ongeldig")


def patch(handler: _Handler, uid: str) -> None:
    """`PATCH …/{uuid}` with `lock` and a new `inhoud`: the next versie of the same document."""
    body = _body(handler)
    stored = _stored(handler, uid) if body is not None else None
    if stored is None or body is None:
        return
    metadata, content = stored
    if not metadata.get(LOCK_KEY) or body.get("lock") != metadata.get(LOCK_KEY):
        handler._problem(400, "Het document is niet met dit lock vergrendeld / lock missing or "
                         "incorrect", "incorrect-lock-id", [("lock", "incorrect-lock-id")])
        return
    new = content
    if "inhoud" in body:
        try:
            new = base64.b64decode(str(body["inhoud"]), validate=True)
        except (binascii.Error, ValueError):
            handler._problem(400, "Ongeldige invoer / invalid input", "invalid",
                             [("inhoud", "geen geldige base64 / not valid base64")])
            return
        integriteit = body.get("integriteit") or {}
        if integriteit.get("waarde") != hashlib.sha256(new).hexdigest():
            handler._problem(400, "Integriteit klopt niet / checksum mismatch", "integriteit",
                             [("integriteit.waarde", "sha-256 komt niet overeen met de inhoud")])
            return
        try:
            problem = _check(handler, content, new)
        except CheckerLost:
            handler._problem(500, "De controle van de handtekeningen brak af; probeer het later "
                             "opnieuw / signature check lost, retry later", "error")
            return
        if problem:
            handler._problem(400, "De nieuwe versie is geen geldige aanvulling van het "
                             "ondertekende document / not a valid signed update",
                             "signature-invalid", [("inhoud", problem)])
            return
    fixed = {"url", "inhoud", "identificatie", "bronorganisatie", "versie", "beginRegistratie",
             "bestandsomvang", "lock"}
    changed = {k: v for k, v in body.items() if k not in fixed}
    metadata = {**metadata, **changed, "versie": int(metadata.get("versie", 1)) + 1,
                "bestandsomvang": len(new),
                "beginRegistratie": dt.datetime.now(dt.UTC).isoformat()}
    handler.server.store.update(uid, metadata, new)
    faults = handler.server.config.faults
    if faults.take("drop_response_after_update"):
        handler.close_connection = True
        handler.connection.shutdown(2)
        return
    handler._send(200, json.dumps(public(metadata)).encode())
