"""A renewed archive version reaches the region as a new versie of the same document: lock →
PATCH → unlock, one step per outbox round, each step's result stored before the next."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tafelapp.store import minutes_repo, outbox_repo, settings_repo
from tafelapp.store.connection import Connection
from tafelapp.store.transaction import transaction
from tafelapp.sync.zgw_client import Reply, ZgwClient

if TYPE_CHECKING:
    from tafelapp.services.session import Session
    from tafelapp.sync.outbox import Claim, Outcome

WAITING = ("Wacht op de eerste verzending van deze notulen; de vernieuwde archiefversie gaat "
           "daarna als nieuwe versie mee.")
NO_RIGHT = ("De regio laat deze client geen nieuwe versie van een document maken: ken "
            "documenten.lock en documenten.bijwerken toe voor dit informatieobjecttype (nu "
            "houdt de regio de vorige archiefversie); daarna 'Opnieuw proberen'.")
LOCKED_BY_OTHER = ("De notulen staan bij de regio vergrendeld (door een afgebroken poging of door "
                   "iemand anders) en deze laptop heeft de sleutel niet. Vraag de regio het "
                   "document te ontgrendelen, of documenten.geforceerd-unlock toe te kennen; "
                   "daarna 'Opnieuw proberen'.")
OTHER_VERSION = ("De regio heeft een andere inhoud van deze notulen dan deze laptop kan aanvullen "
                 "(de nieuwe archiefversie moet de versie van de regio ongewijzigd bevatten). "
                 "Er is niets veranderd; neem contact op met de regio.")


def _lock_key(item_id: str) -> str:
    return f"outbox_lock/{item_id}"


@dataclass(frozen=True)
class Renewal:
    """What one round needs: the document's URL, the newest local bytes, our lock (if any)."""

    url: str
    pdf: bytes
    lock: str | None


def claim(session: Session, item: Any) -> tuple[Renewal | None, str | None]:
    """The renewal of a delivered document (None and why not: waiting for the first upload)."""
    first = outbox_repo.item_of(session.conn, "minutes", item.ref_id)
    if first is None or first.state != "delivered" or not first.server_url:
        return None, WAITING
    pdf = minutes_repo.document(session.conn, item.ref_id)
    if pdf is None:
        return None, "De notulen zijn niet meer op deze laptop; er is niets te vernieuwen."
    stored = settings_repo.get(session.conn, _lock_key(item.id)) or {}
    return Renewal(first.server_url, pdf, stored.get("lock")), None


def remember(conn: Connection, item_id: str, outcome: Outcome) -> None:
    """Keep the lock between rounds (a kill after it was taken reuses it); forget it when done."""
    if outcome.lock is not None:
        settings_repo.put(conn, _lock_key(item_id), {"lock": outcome.lock or None})
    elif outcome.kind in ("delivered", "rejected"):
        conn.execute("DELETE FROM settings WHERE key = ?", (_lock_key(item_id),))


def again_if_newer(conn: Connection, claim: Claim, outcome: Outcome, now: dt.datetime) -> None:
    """Delivered, but a later renewal changed the local copy meanwhile: queue it again, due now."""
    renewal = claim.renewal
    if outcome.kind != "delivered" or renewal is None:
        return
    row = conn.execute("SELECT ref_id FROM outbox WHERE id = ?", (claim.item_id,)).fetchone()
    current = minutes_repo.document(conn, str(row[0])) if row else None
    if current is not None and current != renewal.pdf:
        outbox_repo.set_state(conn, claim.item_id, "queued", next_attempt_at=now)


def _refused(reply: Reply) -> Outcome:
    from tafelapp.sync.outbox import Outcome, _classify, server_reason, token_refused

    if reply.status in (401, 403) and not token_refused(reply):
        return Outcome("rejected", reply.status,
                       message=f"{NO_RIGHT} — Server: {server_reason(reply)}")
    return _classify(reply) or Outcome("retry", reply.status, message=reply.text[:200])


def deliver(claim: Claim, client: ZgwClient) -> Outcome:
    """One round: look the document up first (its integriteit and bestandsomvang say whether the
    new version is there already), then take a lock, or PATCH with it and unlock. Never a second
    document; a lock of ours is reused after a kill, one we cannot know is released by force
    only where the region allows it."""
    from tafelapp.sync.outbox import Outcome

    renewal = claim.renewal
    assert renewal is not None
    sha = hashlib.sha256(renewal.pdf).hexdigest()
    meta = client.get(renewal.url)
    if meta.status != 200 or not isinstance(meta.body, dict):
        return _refused(meta)
    locked = bool(meta.body.get("locked"))
    there = ((meta.body.get("integriteit") or {}).get("waarde") == sha
             and meta.body.get("bestandsomvang") == len(renewal.pdf))
    if there:
        if locked and renewal.lock:  # our PATCH went through, its unlock did not
            done = client.unlock(renewal.url, renewal.lock)
            if done.status != 204:
                return _refused(done)
        return Outcome("delivered", 200, url=renewal.url,
                       message=f"versie {meta.body.get('versie')} bij de regio (al aanwezig)")
    status, current = client.download(str(meta.body.get("inhoud") or renewal.url + "/download"))
    if status != 200:
        return Outcome("retry", status, message=f"downloaden van de versie bij de regio: {status}")
    if not renewal.pdf.startswith(current) or len(renewal.pdf) <= len(current):
        return Outcome("rejected", status, message=OTHER_VERSION)
    if locked and not renewal.lock:
        forced = client.unlock(renewal.url, None)  # only with documenten.geforceerd-unlock
        if forced.status != 204:
            return Outcome("rejected", forced.status, message=LOCKED_BY_OTHER)
        locked = False
    if not locked or not renewal.lock:
        taken = client.lock(renewal.url)
        if taken.status == 200 and isinstance(taken.body, dict) and taken.body.get("lock"):
            return Outcome("locked", 200, lock=str(taken.body["lock"]),
                           message="Vergrendeld bij de regio voor de nieuwe archiefversie.")
        return _refused(taken)
    body = {"inhoud": base64.b64encode(renewal.pdf).decode("ascii"),
            "bestandsomvang": len(renewal.pdf), "lock": renewal.lock,
            "integriteit": {"algoritme": "sha_256", "waarde": sha,
                            "datum": dt.date.today().isoformat()}}
    changed = client.update(renewal.url, body)
    if changed.status == 400 and "lock" in changed.code:  # our lock is gone: take a new one
        return Outcome("retry", 400, lock="", message="het lock bij de regio is vervallen; "
                                                       "een nieuw lock volgt")
    if changed.status != 200:
        return _refused(changed)
    versie = changed.body.get("versie") if isinstance(changed.body, dict) else None
    done = client.unlock(renewal.url, renewal.lock)
    if done.status != 204:  # the version is there; the next round unlocks
        return Outcome("retry", done.status, message=f"ontgrendelen mislukt: {done.status}")
    return Outcome("delivered", 200, url=renewal.url,
                   message=f"nieuwe archiefversie: versie {versie} bij de regio")


def store_step(conn: Connection, item_id: str, attempts: int, outcome: Outcome,
               now: dt.datetime) -> None:
    """A lock taken: due again at once (the next round sends the new version with it)."""
    outbox_repo.set_state(conn, item_id, "queued", attempts=attempts, next_attempt_at=now,
                          last_error=outcome.message)
    outbox_repo.log_attempt(conn, item_id, now, "locked", outcome.status, outcome.message)


def hold(session: Session, item_id: str) -> None:
    """Mark a renewal 'sending' before any byte leaves (as every claim does)."""
    with transaction(session.conn) as conn:
        outbox_repo.set_state(conn, item_id, "sending")
