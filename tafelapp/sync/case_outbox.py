"""Drain the outbox's cases: each changed case published as its zaak, the outcome and the parts the
region confirmed stored in one transaction (the same states, backoff and history as documents)."""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass

from tafelapp.domain.rules.region_server import url_problem
from tafelapp.domain.zaak import ZaakPlan
from tafelapp.services import outbox_service, zaak_service
from tafelapp.services.session import Session
from tafelapp.settings import RegionSettings
from tafelapp.store import outbox_repo, zaak_repo
from tafelapp.store.transaction import transaction
from tafelapp.sync.outbox import Outcome, store_outcome
from tafelapp.sync.zaak_publish import publish
from tafelapp.sync.zaken_client import ZakenClient

log = logging.getLogger("tafelapp.outbox")  # ids and status codes only, never personal data


@dataclass(frozen=True)
class CaseClaim:
    """One case taken for publishing: the zaak it should be and what the region confirmed."""

    item_id: str
    case_id: str
    attempts: int
    plan: ZaakPlan
    confirmed: dict[str, str]
    settings: RegionSettings


def claim_case(session: Session) -> CaseClaim | None:
    """Queue what changed, then take the next due case and mark it 'sending' (database only)."""
    settings = outbox_service.region_settings(session)
    if not settings.zaken_configured or url_problem(settings.zaken_url, "zaken_url"):
        return None
    zaak_service.queue_changed(session, settings)
    item = outbox_repo.next_due(session.conn, session.now(), kinds=("case",))
    if item is None:
        return None
    with transaction(session.conn) as conn:
        outbox_repo.set_state(conn, item.id, "sending")
    return CaseClaim(item.id, item.ref_id, item.attempts,
                     zaak_service.zaak_plan(session, item.ref_id, settings),
                     zaak_service.confirmed_parts(session, item.ref_id), settings)


def publish_claim(claim: CaseClaim, client: ZakenClient) -> tuple[Outcome, dict[str, str],
                                                                    list[str]]:
    """Publish one claimed case (network only, no database)."""
    return publish(claim.plan, claim.settings, client, claim.confirmed)


def record_case(session: Session, claim: CaseClaim,
                result: tuple[Outcome, dict[str, str], list[str]],
                rng: random.Random) -> None:
    """The outcome and the newly confirmed parts, in one transaction."""
    outcome, confirmed, dropped = result
    new = {p: u for p, u in confirmed.items() if claim.confirmed.get(p) != u}
    with transaction(session.conn) as conn:
        zaak_repo.keep_parts(conn, claim.case_id, new, dropped)
        store_outcome(conn, claim.item_id, claim.attempts + 1, outcome, session.now(), rng)
    log.info("outbox case %s: %s (HTTP %s)", claim.item_id, outcome.kind, outcome.status)


def drain_cases(session: Session, client: ZakenClient, max_items: int | None = None,
                rng: random.Random | None = None) -> list[Outcome]:
    """Publish every due case once (headless use: CLI and scheduler)."""
    rng = rng or random.Random()
    outcomes: list[Outcome] = []
    while max_items is None or len(outcomes) < max_items:
        claim = claim_case(session)
        if claim is None:
            break
        result = publish_claim(claim, client)
        record_case(session, claim, result, rng)
        outcomes.append(result[0])
    return outcomes


def zaken_client(session: Session) -> ZakenClient | None:
    """A client for the region's Zaken API, or None when cases are not published."""
    settings = outbox_service.region_settings(session)
    return ZakenClient(settings, session.actor) if settings.zaken_configured else None
