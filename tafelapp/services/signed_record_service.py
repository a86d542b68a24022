"""Notulen that travel between vaults (case export, signing package): take them along, and on
arrival check and merge them so a signed record is never overwritten or forked."""

from __future__ import annotations

import base64
import hashlib

from tafelapp.domain.exchange import ExchangedMinutes
from tafelapp.domain.meeting import Meeting
from tafelapp.domain.minutes import (
    Minutes,
    MinutesKind,
    MinutesSignature,
    MinutesStatus,
    SignerRole,
    record_sha256,
)
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.rules.signing import ROLE_NL
from tafelapp.services.session import Session
from tafelapp.signing.identities import certificate_from_pem, certificate_info
from tafelapp.signing.proof import Proof, Signer, prove
from tafelapp.signing.verify import pinned_hash
from tafelapp.store import (
    directory_repo,
    meeting_repo,
    minutes_repo,
    outbox_repo,
    retention_repo,
    table_repo,
)


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


def _pdf_of(item: ExchangedMinutes) -> bytes | None:
    """The PDF that travels with notulen, checked against the hash and pin they name."""
    minutes = item.minutes
    if not item.pdf_base64:
        return None
    try:
        pdf = base64.b64decode(item.pdf_base64, validate=True)
    except ValueError:
        raise _refuse("package.pdf_unreadable", "de PDF in het bestand is beschadigd") from None
    if hashlib.sha256(pdf).hexdigest() != minutes.document_sha256:
        raise _refuse("package.pdf_other", "de PDF past niet bij de notulen in het bestand")
    if minutes.kind is MinutesKind.MINUTES and pinned_hash(pdf) != minutes.record_sha256:
        raise _refuse("package.pin_other", "het verslag in de PDF is niet het verslag in het "
                                           "bestand")
    return pdf


def known_signers(session: Session) -> dict[bytes, Signer]:
    """Whose each certificate this vault knows is: the region's people (their certificates from
    the region file) and this vault's own identities (linked: that person; else the holder's
    name)."""
    people = {p.id: p for p in directory_repo.people(session.conn)}
    found: dict[bytes, Signer] = {}
    for person in people.values():
        der = certificate_from_pem(person.certificate_pem) if person.certificate_pem else None
        if der:
            found[der] = Signer(person.name, person.id)
    for ident in minutes_repo.identities(session.conn):
        material = minutes_repo.identity_material(session.conn, ident.id)
        if material and material[0] not in found:
            linked = people.get(ident.person_id or "")
            found[material[0]] = Signer(linked.name, linked.id) if linked else \
                Signer(ident.owner_name)
    return found


def _holders(meeting: Meeting) -> dict[SignerRole, Signer]:
    holders = {SignerRole.CHAIR: Signer(meeting.chair, meeting.chair_id)}
    if meeting.secretary:
        holders[SignerRole.SECRETARY] = Signer(meeting.secretary, meeting.secretary_id)
    return holders


def proof_of(session: Session, pdf: bytes, meeting: Meeting) -> Proof:
    """What `pdf` proves about who signed it, against this vault's known signers and roots."""
    from tafelapp.services.setup_service import trust_anchors

    signers = known_signers(session)
    roots = [der for der in trust_anchors(session) if der not in signers]
    table = table_repo.get(session.conn, meeting.table_id)
    order = [SignerRole(r) for r in table.signing_order] if table else list(SignerRole)
    return prove(pdf, _holders(meeting), signers, roots, order)


_STATE_NL = {MinutesStatus.DRAFT: "niet ondertekend", MinutesStatus.SIGNING: "in ondertekening",
             MinutesStatus.FINAL: "vastgesteld"}


def _claim_problems(claimed: Minutes, proof: Proof, status: MinutesStatus,
                    signatures: list[MinutesSignature]) -> list[str]:
    """Where what the file says about the notulen is more (or other) than the PDF proves."""
    problems = []
    if claimed.status is not status:
        lacking = "; ".join(f"de handtekening van de {ROLE_NL[r]} ontbreekt"
                            for r in proof.missing)
        problems.append(f"het bestand noemt de notulen {_STATE_NL[claimed.status]}, maar de PDF "
                        f"bewijst {_STATE_NL[status]}" + (f" ({lacking})" if lacking else ""))
    if proof.order and claimed.signing_order != proof.order:
        problems.append("de volgorde van ondertekenen in het bestand is niet die in de PDF")
    for number, said in enumerate(claimed.signatures):
        what = f"de handtekening van de {ROLE_NL[said.role]}"
        real = signatures[number] if number < len(signatures) else None
        if real is None:
            if claimed.status is status:
                problems.append(f"{what} ({said.signer_name}) staat niet in de PDF")
        elif real.role is not said.role:
            problems.append(f"het bestand noemt als handtekening {number + 1} {what}, maar in "
                            f"de PDF staat daar de handtekening van de {ROLE_NL[real.role]}")
        elif said.certificate_fingerprint != real.certificate_fingerprint or \
                " ".join(said.signer_name.split()).lower() != \
                " ".join(real.signer_name.split()).lower():
            problems.append(f"het bestand noemt {said.signer_name} als ondertekenaar van {what}, "
                            f"maar die handtekening is gezet met het certificaat van "
                            f"{real.signer_name}")
    if len(claimed.signatures) < len(signatures):
        problems.append("de PDF bevat meer handtekeningen dan het bestand noemt")
    if (claimed.finalised_at is not None) != (status is MinutesStatus.FINAL):
        problems.append("het bestand geeft een datum van vaststellen die de PDF niet bewijst"
                        if claimed.finalised_at else "het bestand mist de datum van vaststellen")
    return problems


def proven(session: Session, claimed: Minutes, pdf: bytes | None, meeting: Meeting) -> Minutes:
    """THE guard for notulen that enter this vault (signing package, case export): their status,
    signatures and date of vaststellen are derived from the PDF — each signature intact, in the
    declared field of its role, by a certificate of the person who holds that role — never taken
    from the file. A file that claims more (or other) than its PDF proves is refused, naming
    what does not hold."""
    number = claimed.number
    if pdf is None:
        if claimed.signatures or claimed.status is not MinutesStatus.DRAFT or \
                claimed.finalised_at or claimed.document_sha256:
            raise _refuse("package.pdf_missing",
                          f"bij notulen {number} ontbreekt de ondertekende PDF; zonder PDF zijn "
                          "ze niet ondertekend")
        return claimed
    proof = proof_of(session, pdf, meeting)
    status = proof.status
    if status is None:
        raise _refuse("package.not_proven", f"notulen {number} niet ingelezen: "
                      + "; ".join(proof.problems) + ". Er is niets veranderd")
    said = {s.role: s for s in claimed.signatures}
    signatures = []
    for sig in proof.signatures:
        info = certificate_info(sig.report.certificate_der)
        claim = said.get(sig.role)
        signatures.append(MinutesSignature(
            role=sig.role, signer_name=sig.signer.name[:200],
            identity_id=claim.identity_id if claim else f"pdf-{info.fingerprint[:16]}",
            signed_at=sig.signed_at or (claim.signed_at if claim else session.now()),
            certificate_subject=info.subject, certificate_fingerprint=info.fingerprint,
            local_identity=info.local, certificate_name=info.common_name,
            timestamped=sig.report.timestamp is not None))
    problems = _claim_problems(claimed, proof, status, signatures)
    if problems:
        raise _refuse("package.claims_more", f"notulen {number} niet ingelezen: "
                      + "; ".join(problems) + ". Er is niets veranderd")
    return claimed.model_copy(update={
        "status": status, "signatures": signatures,
        "finalised_at": signatures[-1].signed_at if status is MinutesStatus.FINAL else None})


def status_mismatches(session: Session) -> list[str]:
    """`tafelapp check`: final notulen whose PDF does not prove them final (by the same guard),
    named by number and with what does not hold."""
    found = []
    removed = retention_repo.removed_ids(session.conn)
    for minutes in minutes_repo.final(session.conn):
        if minutes.case_id in removed:
            continue  # the region holds the PDF; the tombstone keeps its hashes
        meeting = meeting_repo.get(session.conn, minutes.meeting_id)
        pdf = minutes_repo.document(session.conn, minutes.id)
        if meeting is None or pdf is None:
            found.append(f"notulen {minutes.number}: de bespreking of de PDF ontbreekt")
            continue
        proof = proof_of(session, pdf, meeting)
        if proof.status is not MinutesStatus.FINAL:
            why = "; ".join(proof.problems) or "; ".join(
                f"de handtekening van de {ROLE_NL[r]} ontbreekt" for r in proof.missing)
            found.append(f"notulen {minutes.number} staan als vastgesteld, maar de PDF bewijst "
                         f"dat niet: {why}")
    return found


def _rectification_problem(session: Session, incoming: Minutes) -> str | None:
    if incoming.kind is not MinutesKind.RECTIFICATION and incoming.rectifies is None:
        return None
    original = minutes_repo.get(session.conn, incoming.rectifies) if incoming.rectifies else None
    if incoming.kind is not MinutesKind.RECTIFICATION or original is None or \
            original.kind is not MinutesKind.MINUTES or \
            original.agenda_item_id != incoming.agenda_item_id or \
            original.status is not MinutesStatus.FINAL:
        return (f"rectificatie {incoming.number} verwijst naar notulen die niet (vastgesteld) in "
                "het bestand of in deze kluis staan; er is niets ingelezen")
    return None


def merge(session: Session, item: ExchangedMinutes) -> str:
    """Store arriving notulen: `created`, `updated` (more signatures on the same record) or
    `unchanged`. The record they were rendered from must be the one stored here, and their state
    is what their PDF proves (`proven`)."""
    claimed = item.minutes
    check_fits(session, claimed)
    pdf = _pdf_of(item)
    meeting = meeting_repo.get(session.conn, claimed.meeting_id)
    agenda_item = meeting.item(claimed.agenda_item_id) if meeting else None
    if meeting is None or agenda_item is None or agenda_item.case_id != claimed.case_id:
        raise _refuse("package.record_missing", f"de bespreking van notulen {claimed.number} "
                                                "staat niet in het bestand of deze kluis")
    rectification = _rectification_problem(session, claimed)
    if rectification:
        raise _refuse("package.rectifies_unknown", rectification)
    incoming = proven(session, claimed, pdf, meeting)
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
