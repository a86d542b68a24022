"""Drain the outbox: claim a due item, deliver it over HTTP (no database), record the outcome."""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass
from typing import Any

import httpx

from tafelapp.domain.rules.region_server import url_problem
from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tafelapp.store.connection import Connection
from tafelapp.store.transaction import transaction
from tafelapp.sync import renewal
from tafelapp.sync.payload import document_body
from tafelapp.sync.renewal import Renewal
from tafelapp.sync.zgw_client import Reply, ZgwClient

log = logging.getLogger("tafelapp.outbox")  # ids and status codes only, never personal data

BASE_DELAY = 10.0
MAX_DELAY = 15 * 60.0
CLOCK_CODES = {"jwt-expired", "jwt-iat-in-future"}
RETRY_STATUSES = {408, 425, 429}


def backoff_seconds(attempts: int, rng: random.Random) -> float:
    """Exponential backoff with jitter, capped at 15 minutes: 10 s, 20 s, 40 s … ± up to half."""
    delay = min(MAX_DELAY, BASE_DELAY * 2 ** max(0, attempts - 1))
    return float(delay * rng.uniform(0.5, 1.0))


@dataclass(frozen=True)
class Claim:
    """One item taken for delivery, with everything needed to send it."""

    item_id: str
    identificatie: str
    attempts: int
    uncertain: bool
    body: dict[str, Any]
    hold: Outcome | None = None
    """Not sent: the archive version could not be made (retry) or must not be (rejected)."""
    note: str | None = None
    """Why the document keeps a lower level than B-LTA (Dutch), kept with the delivery."""
    renewal: Renewal | None = None
    """A renewed archive version for a delivered document (sync.renewal)."""


@dataclass(frozen=True)
class Outcome:
    """What happened: delivered (with the server's URL), retry later, rejected, or clock wrong."""

    kind: str
    status: int | None = None
    url: str | None = None
    message: str | None = None
    lock: str | None = None
    """A renewal's lock at the region, kept between rounds ('' forgets it)."""


def claim_due(session: Session, now: dt.datetime) -> Claim | None:
    """Take the next due item and mark it 'sending' (committed before any byte leaves)."""
    settings = outbox_service.region_settings(session)
    item = outbox_repo.next_due(session.conn, now)
    if item is None or not settings.configured or url_problem(settings.base_url, "base_url"):
        return None  # an address that would send the token in clear is refused here as well
    if item.kind == "renewal":
        found, why = renewal.claim(session, item)
        if found is None:
            return Claim(item.id, item.identificatie, item.attempts, uncertain=False, body={},
                         hold=Outcome("retry", None, message=why))
        renewal.hold(session, item.id)
        return Claim(item.id, item.identificatie, item.attempts, uncertain=True, body={},
                     renewal=found)
    step = _archive_step(session, item)
    if step is not None and step.kind != "ready":  # stays queued: nothing left this laptop
        kind = "retry" if step.kind == "hold" else "rejected"
        return Claim(item.id, item.identificatie, item.attempts, uncertain=False, body={},
                     hold=Outcome(kind, None, message=step.message))
    doc = outbox_service.document_for(session, item)
    body = document_body(settings, item.identificatie, doc.title, doc.author, doc.created,
                         doc.pdf, doc.filename, doc.signed_on, doc.pki,
                         beschrijving=outbox_service.audit_anchor(session))
    with transaction(session.conn) as conn:
        outbox_repo.set_state(conn, item.id, "sending")
    return Claim(item.id, item.identificatie, item.attempts,
                 uncertain=item.state == "sending" or item.attempts > 0, body=body,
                 note=step.message if step is not None else None)


def _archive_step(session: Session, item: Any) -> Any:
    """Signed notulen become B-LTA before their first upload (archive_service.before_upload);
    an item left 'sending' by an older version may be at the region already: sent as it is."""
    from tafelapp.services import archive_service
    from tafelapp.store import minutes_repo

    if item.kind != "minutes":
        return None
    level, _at, note = minutes_repo.archive_info(session.conn, item.ref_id)
    if item.state == "sending" and level is None and not note:
        return None
    return archive_service.before_upload(session, item.ref_id)


def server_reason(reply: Reply) -> str:
    """The server's own words for a refusal: its title and every field it names."""
    body = reply.body if isinstance(reply.body, dict) else {}
    params = "; ".join(f"{p.get('name')}: {p.get('reason')}"
                       for p in body.get("invalidParams", []) if isinstance(p, dict))
    title = body.get("title") or body.get("detail") or reply.text[:200]
    return f"{title}{' — ' + params if params else ''}"


def _found_url(reply: Reply) -> str | None:
    if reply.status == 200 and isinstance(reply.body, dict):
        results = reply.body.get("results") or []
        if results:
            return str(results[0].get("url"))
    return None


TLS_MARKER = outbox_service.CERTIFICATE_PROBLEM
_AUTH_HELP = {
    "signature": "het client-secret klopt niet met wat de regio voor deze client-id heeft "
                 "ingesteld; vraag het juiste secret na (tafelapp region set --ask-secret)",
    "client-identifier": "de client-id is bij de regionale server niet bekend; controleer de "
                         "client-id bij de regio",
    "permission": "deze client-id mag dit niet; de regio moet documenten.aanmaken en "
                  "documenten.lezen toekennen voor dit informatieobjecttype",
    "jwt": "het toegangsbewijs (JWT) wordt niet geaccepteerd; controleer client-id en secret",
}


def auth_help(reply: Reply) -> str:
    """A 401/403 in words: the server's own detail and code, and what to fix."""
    body = reply.body if isinstance(reply.body, dict) else {}
    code = reply.code
    detail = str(body.get("detail") or body.get("title") or reply.text[:200])
    help_text = next((text for key, text in _AUTH_HELP.items() if key in code),
                     "de regionale server weigert de toegang; controleer client-id, secret en "
                     "rechten bij de regio")
    return f"{help_text[:1].upper()}{help_text[1:]}. — Server: {detail} ({code or 'geen code'})"


def _classify(reply: Reply) -> Outcome | None:
    if reply.status in (401, 403) and reply.code in CLOCK_CODES:
        return Outcome("clock", reply.status, message=(
            "De regionale server weigert het toegangsbewijs vanwege de tijd: de klok van deze "
            "laptop lijkt verkeerd te staan. Zet de klok goed; verzenden gaat daarna vanzelf "
            f"verder. — Server: {server_reason(reply)}"))
    if reply.status in (401, 403):
        return Outcome("rejected", reply.status, message=auth_help(reply))
    if reply.status >= 500 or reply.status in RETRY_STATUSES:
        return Outcome("retry", reply.status, message=f"server {reply.status}: {server_reason(reply)}")
    if 400 <= reply.status < 500:
        return Outcome("rejected", reply.status, message=(
            f"Geweigerd door de regionale server (HTTP {reply.status}); opnieuw proberen helpt "
            f"pas na een correctie. — Rejected by the regional server: {server_reason(reply)}"))
    return None


AUTH_CODES = ("jwt", "client-identifier", "not_authenticated")
UNCONFIRMED = ("Afgeleverd, niet bevestigd: de regionale server heeft al een document met deze "
               "identificatie, maar deze client mag het niet teruglezen (geen documenten.lezen, of "
               "alleen voor een ander informatieobjecttype). Vraag de regio om te bevestigen dat "
               "het er is, en om documenten.lezen op dit informatieobjecttype toe te kennen; "
               "daarna bevestigt 'Opnieuw proberen' de aflevering.")


def token_refused(reply: Reply) -> bool:
    """A 401/403 for the token itself (client-id, secret, JWT), not for a missing right."""
    return reply.status in (401, 403) and any(key in reply.code for key in AUTH_CODES)


def cannot_read(reply: Reply) -> bool:
    """A lookup refused for lack of the read right (not for a wrong token)."""
    return reply.status == 403 and not token_refused(reply)


def certificate_refused(exc: Exception) -> bool:
    """A TLS failure because the server's certificate is not trusted."""
    return "CERTIFICATE_VERIFY_FAILED" in str(exc) or "certificate" in str(exc).lower()


def _duplicate(reply: Reply) -> bool:
    return reply.status == 400 and "identificatie" in reply.code + reply.text


def deliver(claim: Claim, client: ZgwClient) -> Outcome:
    """Send one document; after an uncertain earlier attempt, look it up first (never twice).

    Without the right to read (documenten.lezen) the lookup is refused; the document is then
    sent anyway (the server refuses a second copy of the same identificatie), and a refusal as
    duplicate means it is there but cannot be confirmed: 'unconfirmed', not 'rejected'."""
    try:
        unreadable = False
        if claim.hold is not None:
            return claim.hold
        if claim.renewal is not None:
            return renewal.deliver(claim, client)
        if claim.uncertain:
            found = client.find(claim.identificatie)
            url = _found_url(found)
            if url:
                return Outcome("delivered", found.status, url=url, message="al aanwezig")
            unreadable = cannot_read(found)
            problem = _classify(found) if found.status != 200 and not unreadable else None
            if problem is not None:
                return problem
        reply = client.create(claim.body)
        if reply.status == 201 and isinstance(reply.body, dict):
            return Outcome("delivered", 201, url=str(reply.body.get("url")))
        if _duplicate(reply):
            if unreadable:
                return Outcome("unconfirmed", reply.status, message=UNCONFIRMED)
            found = client.find(claim.identificatie)
            url = _found_url(found)
            if url:  # the server had it already: the answer to an earlier try was lost
                return Outcome("delivered", found.status, url=url, message="al aanwezig")
            # 403, or 200 without it: documenten.lezen is missing or covers another type
            if cannot_read(found) or (found.status == 200 and isinstance(found.body, dict)):
                return Outcome("unconfirmed", found.status, message=UNCONFIRMED)
        return _classify(reply) or Outcome("retry", reply.status, message=reply.text[:200])
    except httpx.TimeoutException:
        return Outcome("retry", None, message="time-out: geen antwoord op tijd")
    except httpx.TransportError as exc:
        if certificate_refused(exc):
            return Outcome("rejected", None, message=(
                f"{TLS_MARKER}: het certificaat van de regionale server wordt niet vertrouwd. "
                "Controleer het adres of stel de CA-bundel van de regio in (tafelapp region "
                "set --ca-bundle); na die wijziging wordt opnieuw verzonden."))
        return Outcome("retry", None, message=f"netwerkfout: {type(exc).__name__}")


def record(session: Session, claim: Claim, outcome: Outcome, now: dt.datetime,
           rng: random.Random) -> None:
    """Store the outcome and the attempt in one transaction; a delivery below B-LTA gets a
    'level' line in its history first, saying why (a local identity, no timestamp authority)."""
    with transaction(session.conn) as conn:
        if outcome.kind == "delivered" and claim.note:
            outbox_repo.log_attempt(conn, claim.item_id, now, "level", None, claim.note)
        if claim.renewal is not None:
            renewal.remember(conn, claim.item_id, outcome)
        store_outcome(conn, claim.item_id, claim.attempts + 1, outcome, now, rng)
        if claim.renewal is not None:
            renewal.again_if_newer(conn, claim, outcome, now)
    log.info("outbox item %s: %s (HTTP %s)", claim.item_id, outcome.kind, outcome.status)


def store_outcome(conn: Connection, item_id: str, attempts: int, outcome: Outcome,
                  now: dt.datetime, rng: random.Random) -> None:
    """An item's new state and its attempt line (inside the caller's transaction)."""
    if outcome.kind == "locked":
        renewal.store_step(conn, item_id, attempts, outcome, now)
        return
    if outcome.kind == "delivered":
        outbox_repo.set_state(conn, item_id, "delivered", attempts=attempts,
                              server_url=outcome.url)
    elif outcome.kind in ("rejected", "unconfirmed"):
        outbox_repo.set_state(conn, item_id, outcome.kind, attempts=attempts,
                              last_error=outcome.message)
    else:
        due = now + dt.timedelta(seconds=backoff_seconds(attempts, rng))
        outbox_repo.set_state(conn, item_id, "queued", attempts=attempts,
                              next_attempt_at=due, last_error=outcome.message)
    outbox_repo.log_attempt(conn, item_id, now, outcome.kind, outcome.status, outcome.message)


def drain(session: Session, client: ZgwClient, max_items: int | None = None,
          rng: random.Random | None = None) -> list[Outcome]:
    """Deliver every due item once (headless use: CLI and scheduler)."""
    rng = rng or random.Random()
    outcomes: list[Outcome] = []
    while max_items is None or len(outcomes) < max_items:
        claim = claim_due(session, session.now())
        if claim is None:
            break
        outcome = deliver(claim, client)
        record(session, claim, outcome, session.now(), rng)
        outcomes.append(outcome)
    return outcomes
