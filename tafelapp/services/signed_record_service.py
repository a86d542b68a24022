"""Notulen that travel between vaults (case export, signing package): take them along, and on
arrival check and merge them so a signed record is never overwritten or forked."""

from __future__ import annotations

import base64
import hashlib

from tafelapp.domain.exchange import ExchangedMinutes
from tafelapp.domain.minutes import Minutes, MinutesKind, MinutesStatus, record_sha256
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services.session import Session
from tafelapp.signing import pades
from tafelapp.signing.verify import pinned_hash
from tafelapp.store import meeting_repo, minutes_repo, outbox_repo


def exchanged(session: Session, minutes: Minutes) -> ExchangedMinutes:
    """Notulen with their PDF so far, as they go into an export or a package."""
    pdf = minutes_repo.document(session.conn, minutes.id) if minutes.signatures else None
    return ExchangedMinutes(minutes=minutes,
                            pdf_base64=base64.b64encode(pdf).decode() if pdf else None)


def for_case(session: Session, case_id: str) -> list[ExchangedMinutes]:
    """Every notulen and rectificatie of a case, for its export."""
    return [exchanged(session, m) for m in minutes_repo.for_case(session.conn, case_id)]


def _refuse(code: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(code, "minutes", message)])


def _who(minutes: Minutes) -> str:
    signed = ", ".join(s.signer_name for s in minutes.signatures) or "nog niemand"
    return f"record {(minutes.record_sha256 or '—')[:12]}…, getekend door {signed}"


def check_fits(session: Session, incoming: Minutes) -> None:
    """Refuse, before anything is written, notulen that would fork a signed record here."""
    local = minutes_repo.get(session.conn, incoming.id)
    if local is None or local.status is MinutesStatus.DRAFT:
        return
    if local.record_sha256 and incoming.record_sha256 and \
            local.record_sha256 != incoming.record_sha256:
        where = meeting_repo.meeting_label(session.conn, local.meeting_id)
        raise _refuse("package.other_record",
                      f"deze kluis heeft notulen {local.number} ({where}) al in ondertekening "
                      f"met een ander verslag. Hier: {_who(local)}. In het bestand: "
                      f"{_who(incoming)}. Er is niets overschreven")


def _verified_pdf(session: Session, item: ExchangedMinutes) -> bytes | None:
    minutes = item.minutes
    if not minutes.signatures:
        return None
    if not item.pdf_base64:
        raise _refuse("package.pdf_missing", f"bij notulen {minutes.number} ontbreekt de PDF")
    try:
        pdf = base64.b64decode(item.pdf_base64, validate=True)
    except ValueError:
        raise _refuse("package.pdf_unreadable", "de PDF in het bestand is beschadigd") from None
    if hashlib.sha256(pdf).hexdigest() != minutes.document_sha256:
        raise _refuse("package.pdf_other", "de PDF past niet bij de notulen in het bestand")
    report = pades.verify(pdf)
    if not (report.signatures and all(s.unchanged for s in report.signatures)
            and report.signatures[-1].covers_whole_file) or \
            len(report.signatures) != len(minutes.signatures):
        raise _refuse("package.signature_broken",
                      f"de handtekeningen in de PDF van notulen {minutes.number} zijn niet "
                      f"intact ({report.verdict})")
    if minutes.kind is MinutesKind.MINUTES and pinned_hash(pdf) != minutes.record_sha256:
        raise _refuse("package.pin_other", "het verslag in de PDF is niet het verslag in het "
                                           "bestand")
    return pdf


def merge(session: Session, item: ExchangedMinutes) -> str:
    """Store arriving notulen: `created`, `updated` (more signatures on the same record) or
    `unchanged`. The record they were rendered from must be the one stored here."""
    incoming = item.minutes
    check_fits(session, incoming)
    pdf = _verified_pdf(session, item)
    meeting = meeting_repo.get(session.conn, incoming.meeting_id)
    agenda_item = meeting.item(incoming.agenda_item_id) if meeting else None
    if meeting is None or agenda_item is None:
        raise _refuse("package.record_missing", f"de bespreking van notulen {incoming.number} "
                                                "staat niet in het bestand of deze kluis")
    if incoming.kind is MinutesKind.MINUTES and incoming.signatures and \
            record_sha256(meeting, agenda_item, incoming.text) != incoming.record_sha256:
        raise _refuse("package.record_other", f"het verslag past niet bij de ondertekende "
                                              f"notulen {incoming.number}")
    local = minutes_repo.get(session.conn, incoming.id)
    if local is not None and len(incoming.signatures) <= len(local.signatures):
        return "unchanged"  # what arrives adds nothing to what is here
    if local is not None and local.signatures:
        here = minutes_repo.document(session.conn, local.id) or b""
        if pdf is None or not pdf.startswith(here):
            raise _refuse("package.not_continued", f"de PDF in het bestand bouwt niet voort op "
                                                   f"de handtekeningen van {local.number} hier")
    with session.change("minutes.receive", "minutes", incoming.id, before=local,
                        after=incoming) as conn:
        for other in minutes_repo.for_item(conn, incoming.agenda_item_id):
            if other.id != incoming.id and other.kind is MinutesKind.MINUTES and \
                    other.status is MinutesStatus.DRAFT:
                minutes_repo.delete_draft(conn, other.id)  # an unsigned local concept yields
        minutes_repo.save(conn, incoming, document=pdf)
        if incoming.status is MinutesStatus.FINAL:
            outbox_repo.queue(conn, f"out-{incoming.id}", "minutes", incoming.id,
                              f"TAFEL-{incoming.id}", session.now())
    return "created" if local is None else "updated"
