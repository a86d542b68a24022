"""Use cases for the outbox: region settings, what waits, 'Nu verzenden', 'Opnieuw proberen'."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tafelapp.domain.anchors import anchor_text, chain_id
from tafelapp.domain.minutes import MinutesKind
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.rules.region_server import service_base, settings_problems, zaken_problems
from tafelapp.services.meeting_context_service import meeting_context
from tafelapp.services.minutes_service import get_minutes
from tafelapp.services.session import Session, build, refuse_errors
from tafelapp.settings import RegionSettings
from tafelapp.store import audit_repo, minutes_repo, outbox_repo, settings_repo
from tafelapp.store.outbox_repo import OutboxItem
from tafelapp.store.transaction import transaction

_REGION_KEY = "region"
CERTIFICATE_PROBLEM = "Certificaatprobleem"  # how sync.outbox starts a TLS refusal


def region_settings(session: Session) -> RegionSettings:
    """The region's document store settings (the client secret is kept in the vault)."""
    return RegionSettings.model_validate(settings_repo.get(session.conn, _REGION_KEY) or {})


def update_region(session: Session, **changes: Any) -> RegionSettings:
    """Change the region settings, checked field by field; the audit names the fields, never
    the secret. The API root (`…/documenten/api/v1`) is accepted and stored as the base."""
    before = region_settings(session)
    for key in ("base_url", "zaken_url"):
        if changes.get(key):
            changes[key] = service_base(str(changes[key]))
    after = build(RegionSettings, "region", **{**before.model_dump(), **changes})
    refuse_errors(settings_problems(after.base_url, after.rsin, after.informatieobjecttype,
                                    after.confidentiality, after.secret, after.tsa_url)
                  + zaken_problems(after.zaken_url, after.zaaktypen, after.pseudonym_secret))
    with session.change("region.update", "settings", _REGION_KEY, before=before,
                        after=after) as conn:
        settings_repo.put(conn, _REGION_KEY, after.model_dump(mode="json"))
        # a certificate problem stops retrying until the settings change: now they did
        outbox_repo.requeue_rejected(conn, CERTIFICATE_PROBLEM, session.now().isoformat())
        # a zaak refused for its settings (zaaktype, rights, a translation) is tried again
        outbox_repo.requeue_rejected(conn, "", session.now().isoformat(), kind="case")
    return after


@dataclass(frozen=True)
class OutgoingDocument:
    """A document as it will be sent: the PDF and its metadata."""

    title: str
    author: str
    created: dt.date
    signed_on: dt.date
    pki: bool
    filename: str
    pdf: bytes


def document_for(session: Session, item: OutboxItem) -> OutgoingDocument:
    """The bytes and metadata of an outbox item (signed notulen for now)."""
    if item.kind == "escalation":
        return _escalation_document(session, item)
    if item.kind != "minutes":
        raise InvalidInput([Problem("outbox.unknown_kind", "kind", f"onbekend soort: {item.kind}")])
    minutes = get_minutes(session, item.ref_id)
    pdf = minutes_repo.document(session.conn, minutes.id)
    assert pdf is not None
    ctx = meeting_context(session, minutes.agenda_item_id)
    last = minutes.signatures[-1]
    return OutgoingDocument(
        title=_minutes_title(minutes.kind, ctx.table.name, ctx.meeting.date, ctx.case.case_number),
        # the document version was made at its first signature and fixed at its last one; a
        # rectificatie months later is not dated on the meeting
        author=ctx.table.name, created=minutes.signatures[0].signed_at.astimezone().date(),
        signed_on=last.signed_at.astimezone().date(),
        pki=not any(s.local_identity for s in minutes.signatures),
        filename=f"{minutes.number}.pdf", pdf=pdf)


def _minutes_title(kind: MinutesKind, table: str, day: dt.date, case_number: str) -> str:
    word = "Rectificatie" if kind is MinutesKind.RECTIFICATION else "Notulen"
    return f"{word} {table} {day:%d-%m-%Y} {case_number}"


def _escalation_title(case_number: str) -> str:
    return f"Opschaling stuurgroep {case_number}"


def title_of(session: Session, item: OutboxItem) -> str:
    """What a person calls an outbox item (the document's title), without building its PDF."""
    if item.kind == "case":
        return f"Zaak {item.identificatie.removeprefix('ZAAK-')}"
    if item.kind == "escalation":
        from tafelapp.services.escalation_service import get_escalation, subject

        return _escalation_title(subject(session, get_escalation(session, item.ref_id))[0])
    if item.kind in ("minutes", "renewal"):
        minutes = get_minutes(session, item.ref_id)
        ctx = meeting_context(session, minutes.agenda_item_id)
        title = _minutes_title(minutes.kind, ctx.table.name, ctx.meeting.date,
                               ctx.case.case_number)
        return f"Nieuwe archiefversie: {title}" if item.kind == "renewal" else title
    return item.identificatie


def titles(session: Session) -> dict[str, str]:
    """The title of every outbox item, by item id (for the outbox screen)."""
    return {item.id: title_of(session, item) for item in outbox_repo.all_items(session.conn)}


def _escalation_document(session: Session, item: OutboxItem) -> OutgoingDocument:
    from tafelapp.services.escalation_service import dossier, get_escalation, subject

    escalation = get_escalation(session, item.ref_id)
    number, _table, where = subject(session, escalation)
    day = escalation.submitted_on or escalation.created_on
    return OutgoingDocument(title=_escalation_title(number),
                            author=f"Ketenregie {where}", created=day,
                            signed_on=day, pki=False, filename=f"opschaling-{number}.pdf",
                            pdf=dossier(session, escalation.id))


def audit_anchor(session: Session) -> str:
    """The current audit head as the line an upload carries, so the region keeps it."""
    head = audit_repo.head(session.conn)
    seq, digest = head if head else (0, "0" * 64)
    return anchor_text(chain_id(audit_repo.first_hash(session.conn)), seq, digest)


@dataclass(frozen=True)
class OutboxStatus:
    """For the status bar: how many wait, the last delivery, and whether any was rejected."""

    waiting: int
    rejected: int
    delivered: int
    last_delivery: str | None
    clock_warning: bool
    unconfirmed: int = 0  # afgeleverd, niet bevestigd: the region must confirm
    archive: str = ""  # what the archive timestamp renewal last did (archive_service)


def status(session: Session) -> OutboxStatus:
    """Counts per state and the time of the last successful delivery."""
    counts = outbox_repo.counts(session.conn)
    clock = session.conn.execute("SELECT 1 FROM outbox WHERE state = 'queued' AND last_error "
                                 "LIKE '%klok van deze laptop%'").fetchone() is not None
    return OutboxStatus(counts.get("queued", 0) + counts.get("sending", 0),
                        counts.get("rejected", 0), counts.get("delivered", 0),
                        outbox_repo.last_delivery(session.conn), clock,
                        counts.get("unconfirmed", 0), _archive_sentence(session))


def _archive_sentence(session: Session) -> str:
    from tafelapp.services.archive_service import renewal_status

    return renewal_status(session).sentence


def items(session: Session) -> list[tuple[OutboxItem, list[tuple[str, str, int | None,
                                                                   str | None]]]]:
    """Every outbox item with its history of attempts."""
    return [(item, outbox_repo.history(session.conn, item.id))
            for item in outbox_repo.all_items(session.conn)]


def send_now(session: Session, include_rejected: bool = False) -> int:
    """'Nu verzenden' (with rejected and unconfirmed items too: 'Opnieuw proberen'); returns how
    many are due."""
    with transaction(session.conn) as conn:
        return outbox_repo.make_due_now(conn, session.now(), include_rejected)


def queued_cases(session: Session) -> int:
    """How many of the waiting items are cases (their zaak at the region), not documents."""
    return outbox_repo.count_of(session.conn, "case", "queued")


def a_delivered_document(session: Session) -> str | None:
    """The region's URL of one delivered document (to prove the read right with), if any."""
    return next((item.server_url for item in outbox_repo.all_items(session.conn)
                 if item.kind != "case" and item.state == "delivered" and item.server_url), None)
