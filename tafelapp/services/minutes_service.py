"""Use cases for notulen: draft, edit the free text, sign (PAdES), verify, rectify."""

from __future__ import annotations

__all__ = ["create_local_identity", "get_identity", "import_identity", "link_identity",
           "list_identities", "register_token_identity", "smartcard_contents",
           "smartcard_modules", "unlock_identity"]

import hashlib

from tafelapp.documents.pdf import render_pdf
from tafelapp.domain.audit import changed_fields
from tafelapp.domain.minutes import (
    Minutes,
    MinutesKind,
    MinutesStatus,
    MinutesText,
    SignerRole,
    record_sha256,
)
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.rules.signing import ROLE_NL, signing_problems
from tafelapp.domain.steps import step_problems
from tafelapp.reports.minutes_html import minutes_html
from tafelapp.services.identity_service import (
    create_local_identity,
    get_identity,
    import_identity,
    link_identity,
    list_identities,
    place_signature,
    register_token_identity,
    smartcard_contents,
    smartcard_modules,
    unlock_identity,
)
from tafelapp.services.meeting_context_service import meeting_context
from tafelapp.services.session import Session, build, not_found
from tafelapp.signing import pades
from tafelapp.store import directory_repo, meeting_repo, minutes_repo, outbox_repo, retention_repo
from tafelapp.store.connection import DatabaseError


def get_minutes(session: Session, minutes_id: str) -> Minutes:
    """Notulen by id; an unknown id is invalid input."""
    minutes = minutes_repo.get(session.conn, minutes_id)
    if minutes is None:
        raise not_found("minutes", "minutes_id", minutes_id)
    return minutes


def minutes_for_item(session: Session, item_id: str) -> list[Minutes]:
    """The notulen and rectificaties of an agenda item."""
    return minutes_repo.for_item(session.conn, item_id)


def draft_minutes(session: Session, item_id: str) -> Minutes:
    """The notulen of an agenda item, created as a concept the first time."""
    existing = [m for m in minutes_repo.for_item(session.conn, item_id)
                if m.kind is MinutesKind.MINUTES]
    if existing:
        return existing[0]
    ctx = meeting_context(session, item_id)
    number = f"{ctx.case.case_number}-N{minutes_repo.count_for_case(session.conn, ctx.case.id) + 1}"
    minutes = Minutes(agenda_item_id=item_id, meeting_id=ctx.meeting.id, case_id=ctx.case.id,
                      number=number, created_at=session.now(),
                      signing_order=[SignerRole(r) for r in ctx.table.signing_order])
    with session.change("minutes.draft", "minutes", minutes.id, after=minutes) as conn:
        minutes_repo.save(conn, minutes)
    return minutes


def update_text(session: Session, minutes_id: str, **texts: str) -> Minutes:
    """Edit the free-text parts of a concept (introduction, discussion, closing remarks)."""
    before = get_minutes(session, minutes_id)
    if before.status is not MinutesStatus.DRAFT:
        raise InvalidInput([Problem("minutes.not_draft", "minutes",
                                    "de ondertekening is begonnen; de tekst ligt vast (trek de "
                                    "ondertekening in om nog iets te veranderen)")])
    text = build(MinutesText, "text", **{**before.text.model_dump(), **texts})
    after = before.model_copy(update={"text": text})
    with session.change("minutes.text", "minutes", minutes_id, before=before, after=after) as conn:
        minutes_repo.save(conn, after)
    return after


def document_html(session: Session, minutes_id: str, record_pin: str | None = None,
                  concept: bool = False) -> str:
    """The notulen as HTML, from the record and the free text (also the live preview)."""
    minutes = get_minutes(session, minutes_id)
    ctx = meeting_context(session, minutes.agenda_item_id)
    previous: dict[str, int] = {}
    for point in ctx.score_history:  # oldest first: the last one per respondent wins
        previous[point.respondent] = point.score
    decided = ctx.item.decision.decided_on if ctx.item.decision else ctx.meeting.date
    started = [d for d in ctx.case.deadlines if d.started_on in (decided, ctx.meeting.date)
               or d.done_on in (decided, ctx.meeting.date)]  # also a term this meeting closed
    original = get_minutes(session, minutes.rectifies).number if minutes.rectifies else None
    followed = [(e.agreement.text, e.made_on, f) for e, f in ctx.followed_up_here()]
    return minutes_html(minutes, ctx.meeting, ctx.item, ctx.case, ctx.table,
                        ctx.decision_citation, previous, started, original, record_pin,
                        concept, followed)


def render_draft(session: Session, minutes_id: str) -> bytes:
    """The concept as a PDF/A (not stored, not signed), "CONCEPT — niet ondertekend" on every page."""
    return render_pdf(document_html(session, minutes_id, concept=True))


def record_open_points(session: Session, minutes: Minutes) -> list[Problem]:
    """What the record still lacks; notulen of an incomplete record cannot be signed."""
    if minutes.kind is MinutesKind.RECTIFICATION:
        return []
    ctx = meeting_context(session, minutes.agenda_item_id)
    points = [p for problems in step_problems(ctx.meeting, ctx.item, ctx.case, ctx.table).values()
              for p in problems]
    return points


def sign_minutes(session: Session, minutes_id: str, identity_id: str, pin: str,
                 role: SignerRole | str) -> Minutes:
    """Sign as voorzitter or secretaris; the last signature makes the notulen final and queues them.

    The PDF is rendered (first signature) or taken as stored (later ones) and signed outside the
    transaction; the signed document, the new status and the outbox entry are committed together,
    so a crash between two signatures leaves the first one intact and nothing half-written.
    """
    signer_role = SignerRole(role)
    minutes = get_minutes(session, minutes_id)
    identity = get_identity(session, identity_id)
    ctx = meeting_context(session, minutes.agenda_item_id)
    person = (directory_repo.person(session.conn, identity.person_id)
              if identity.person_id else None)
    signer_name = person.name if person else identity.owner_name
    problems = signing_problems(minutes, signer_role, signer_name, ctx.meeting,
                                identity.certificate, session.now(),
                                record_open_points(session, minutes),
                                person.id if person else None)
    if problems:
        raise InvalidInput(problems)
    pinned = minutes.record_sha256 or (
        record_sha256(ctx.meeting, ctx.item, minutes.text)
        if minutes.kind is MinutesKind.MINUTES else None)
    base = (minutes_repo.document(session.conn, minutes_id) if minutes.signatures
            else pades.declare_signatures(render_pdf(document_html(session, minutes_id, pinned)),
                                          [ROLE_NL[r].capitalize() for r in minutes.signing_order]))
    assert base is not None
    kind = "Rectificatie" if minutes.kind is MinutesKind.RECTIFICATION else "Notulen"
    signed = place_signature(
        session, identity, pin, base, field_name=ROLE_NL[signer_role].capitalize(),
        signer_name=signer_name,
        reason=f"{kind} vastgesteld door de {ROLE_NL[signer_role]} {signer_name}"
               + (f" (certificaat op naam van {identity.certificate.common_name})"
                  if signer_name != identity.certificate.common_name else ""),
        location=ctx.table.municipality, role_label=ROLE_NL[signer_role].capitalize())
    signature = {"role": signer_role, "signer_name": signer_name,
                 "certificate_name": identity.certificate.common_name,
                 "identity_id": identity.id, "signed_at": session.now(),
                 "certificate_subject": identity.certificate.subject,
                 "certificate_fingerprint": identity.certificate.fingerprint,
                 "local_identity": identity.certificate.local,
                 "timestamped": getattr(signed, "timestamped", False)}
    signatures = [*minutes.signatures, signature]
    done = len(signatures) == len(minutes.signing_order)
    after = Minutes.model_validate({
        **minutes.model_dump(), "signatures": signatures,
        "status": MinutesStatus.FINAL if done else MinutesStatus.SIGNING,
        "document_sha256": hashlib.sha256(signed).hexdigest(), "record_sha256": pinned,
        "finalised_at": session.now() if done else None})
    try:
        with session.change("minutes.sign", "minutes", minutes_id, fields=[
                *changed_fields(minutes, after), f"record_sha256={pinned}"]) as conn:
            minutes_repo.save(conn, after, document=signed)
            if done:
                outbox_repo.queue(conn, f"out-{minutes.id}", "minutes", minutes.id,
                                  f"TAFEL-{minutes.id}", session.now())
    except DatabaseError as exc:
        if "full" in str(exc).lower():
            raise InvalidInput([Problem("storage.full", "document",
                                        "de schijf is vol: de handtekening is niet opgeslagen; "
                                        "eerdere handtekeningen zijn onveranderd")]) from None
        raise
    return after


def withdraw_signing(session: Session, minutes_id: str) -> Minutes:
    """Before the last signature: discard the signatures so the record can still be corrected."""
    before = get_minutes(session, minutes_id)
    if before.status is MinutesStatus.FINAL:
        raise InvalidInput([Problem("minutes.final", "minutes",
                                    "vastgestelde notulen kunnen niet worden ingetrokken; maak "
                                    "een rectificatie")])
    after = before.model_copy(update={"signatures": [], "status": MinutesStatus.DRAFT,
                                      "document_sha256": None, "record_sha256": None})
    with session.change("minutes.withdraw", "minutes", minutes_id, before=before,
                        after=after) as conn:
        minutes_repo.save(conn, after)
        conn.execute("UPDATE minutes SET document = NULL WHERE id = ?", (minutes_id,))
    return after


def signed_document(session: Session, minutes_id: str) -> bytes:
    """The stored signed PDF (after at least one signature)."""
    data = minutes_repo.document(session.conn, minutes_id)
    if data is None or not get_minutes(session, minutes_id).signatures:
        raise InvalidInput([Problem("minutes.unsigned", "minutes",
                                    "deze notulen zijn nog niet ondertekend")])
    return data


def create_rectification(session: Session, minutes_id: str, correction: str) -> Minutes:
    """A separately signed correction that references final notulen (which never change)."""
    original = get_minutes(session, minutes_id)
    if original.status is not MinutesStatus.FINAL:
        raise InvalidInput([Problem("rectification.not_final", "minutes",
                                    "alleen vastgestelde notulen krijgen een rectificatie; een "
                                    "concept kunt u gewoon aanpassen")])
    if not correction.strip():
        raise InvalidInput([Problem("rectification.empty", "correction",
                                    "beschrijf wat er wordt verbeterd")])
    count = minutes_repo.count_for_case(session.conn, original.case_id)
    rect = Minutes(agenda_item_id=original.agenda_item_id, meeting_id=original.meeting_id,
                   case_id=original.case_id, kind=MinutesKind.RECTIFICATION, rectifies=original.id,
                   number=f"{original.number}-R{count}", created_at=session.now(),
                   signing_order=original.signing_order,
                   text=build(MinutesText, "text", correction=correction))
    with session.change("minutes.rectify", "minutes", rect.id, after=rect) as conn:
        minutes_repo.save(conn, rect)
    return rect


def verify_pdf(data: bytes, trust_roots: dict[bytes, str] | None = None) -> pades.VerifyReport:
    """Every signer of a PDF, when they signed, whether they are known (`trust_roots`: certificate
    DER → whose), whether anything changed after each signature, and what is still missing."""
    return pades.verify(data, trust_roots)


def pinned_record_mismatches(session: Session) -> list[str]:
    """Signed notulen whose record no longer matches the hash pinned at the first signature,
    named by meeting (`tafelapp check`): the record was changed behind the services' back."""
    found = []
    removed = retention_repo.removed_ids(session.conn)
    for minutes in minutes_repo.signed(session.conn):
        if not minutes.record_sha256:
            continue  # signed before the pin existed (schema < 11)
        if minutes.case_id in removed:
            continue  # personal data removed after the bewaartermijn: checked by its tombstone
        meeting = meeting_repo.get(session.conn, minutes.meeting_id)
        item = meeting.item(minutes.agenda_item_id) if meeting else None
        if meeting is None or item is None or record_sha256(
                meeting, item, minutes.text) != minutes.record_sha256:
            found.append(f"{meeting_repo.meeting_label(session.conn, minutes.meeting_id)} "
                         f"(notulen {minutes.number})")
    return found + tombstone_mismatches(session)


def tombstone_mismatches(session: Session) -> list[str]:
    """Removed cases whose notulen no longer carry the hashes their tombstone wrote down."""
    found = []
    for stone in retention_repo.tombstones(session.conn):
        stored = {m.number: m for m in minutes_repo.for_case(session.conn, stone["case_id"])}
        for doc in stone["documents"]:
            if doc.get("kind") in ("ZAAK", "ESCALATION"):
                continue
            here = stored.get(doc["number"])
            if here is None or here.record_sha256 != doc["record_sha256"] or \
                    here.document_sha256 != doc["document_sha256"]:
                found.append(f"casus {stone['case_number']} (notulen {doc['number']}): "
                             "past niet meer bij wat bij het verwijderen is vastgelegd")
    return found
