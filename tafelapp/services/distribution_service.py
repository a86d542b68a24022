"""Use cases for sending notulen: who receives them (and who not, why), .eml drafts and .ics files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from tafelapp.documents.calendar import ics_event
from tafelapp.documents.mail import eml_draft
from tafelapp.documents.pdf import render_pdf
from tafelapp.domain import labels
from tafelapp.domain.directory import same_person
from tafelapp.domain.meeting import Participant
from tafelapp.domain.models import Case
from tafelapp.domain.rules.recipients import NO_ADDRESS, Exclusion, Recipient, recipients
from tafelapp.reports.family_html import family_html
from tafelapp.services import case_service, directory_service
from tafelapp.services.file_service import write_file
from tafelapp.services.meeting_context_service import family_summary_for, meeting_context
from tafelapp.services.minutes_service import get_minutes, signed_document
from tafelapp.services.session import Session, not_found
from tafelapp.services.settings_service import get_settings


@dataclass(frozen=True)
class Distribution:
    """Who gets the documents and who is left out (with the reason)."""

    included: list[Recipient]
    excluded: list[Exclusion]


def _known_email(session: Session, case: Case, p: Participant) -> str | None:
    """A participant's address: as recorded, else from the address book or the family's details.

    The signed record keeps what was known at the meeting; an address added later (to resolve a
    recipient without one) lives in the address book or the case, so it is looked up there.
    """
    if p.email:
        return p.email
    if p.guardian_id:
        guardian = next((g for g in case.family.guardians if g.id == p.guardian_id), None)
        return guardian.email if guardian and guardian.email else None
    book = directory_service.directory(session)
    person = next((x for x in book.people if x.id == p.person_id), None) if p.person_id else None
    person = person or next((x for x in book.people if same_person(x.name, p.name)), None)
    return person.email if person and person.email else None


def distribution(session: Session, minutes_id: str) -> Distribution:
    """The recipients of these notulen by the rule of who may receive documents."""
    minutes = get_minutes(session, minutes_id)
    ctx = meeting_context(session, minutes.agenda_item_id)
    item = ctx.item.model_copy(update={"participants": [
        p.model_copy(update={"email": _known_email(session, ctx.case, p)})
        for p in ctx.item.participants]})
    included, excluded = recipients(item, ctx.case, ctx.meeting.date,
                                    get_settings(session).recipients_by_role)
    return Distribution(included, excluded)


def missing_addresses(session: Session, minutes_id: str) -> list[Exclusion]:
    """Recipients who may receive the notulen but have no e-mail address: to resolve, not to skip."""
    return [e for e in distribution(session, minutes_id).excluded if e.reason == NO_ADDRESS]


def resolve_address(session: Session, minutes_id: str, participant_id: str, email: str) -> None:
    """Give a recipient an e-mail address: in the address book, or in the family's details."""
    minutes = get_minutes(session, minutes_id)
    ctx = meeting_context(session, minutes.agenda_item_id)
    p = ctx.item.participant(participant_id)
    if p is None:
        raise not_found("participant", "participant_id", participant_id)
    if p.guardian_id:
        family = ctx.case.family.model_dump()
        for guardian in family["guardians"]:
            if guardian["id"] == p.guardian_id:
                guardian["email"] = directory_service.check_email(email)
        case_service.update_family(session, ctx.case.id, family)
        return
    person = (directory_service.get_person(session, p.person_id) if p.person_id else
              directory_service.person_for_name(session, p.name, p.organisation))
    directory_service.set_email(session, person.id, email)


def export_signed(session: Session, minutes_id: str, target: Path) -> Path:
    """Save the signed PDF to a file (atomic, 0600)."""
    return write_file(target, signed_document(session, minutes_id))


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _file_name(text: str) -> str:
    """A name any file system accepts: no path separators or reserved characters."""
    return _UNSAFE.sub("-", text).strip(" .-") or "ontvanger"


def meeting_folder(folder: Path, day: dt.date, table: str) -> Path:
    """The subfolder of one meeting in the chosen folder: '2026-11-12 JBT Duinstede'."""
    return folder / _file_name(f"{day:%Y-%m-%d} {table}")


def recipient_file_names(case_number: str, people: list[Recipient]) -> list[str]:
    """Each recipient's file name: the case and the person ('2026-014 Jan de Vries'), with the
    role added for a second person of the same name, and a number after that."""
    used: set[str] = set()
    names = []
    for person in people:
        name = _file_name(f"{case_number} {person.name}")
        if name in used:
            name = _file_name(f"{name} ({labels.ROLE.get(person.role, person.role)})")
        number, base = 2, name
        while name in used:
            name, number = f"{base} {number}", number + 1
        used.add(name)
        names.append(name)
    return names


def write_distribution(session: Session, minutes_id: str, folder: Path,
                       with_family_summary: bool = True) -> list[Path]:
    """In a subfolder per meeting (date and table): one .eml draft per recipient, named by the
    case and the person (signed PDF attached), and an .ics for the next moment; audited."""
    minutes = get_minutes(session, minutes_id)
    pdf = signed_document(session, minutes_id)
    ctx = meeting_context(session, minutes.agenda_item_id)
    who = distribution(session, minutes_id)
    folder = meeting_folder(folder, ctx.meeting.date, ctx.table.name)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    attachments = [(f"{minutes.number}.pdf", pdf)]
    if with_family_summary:
        attachments.append((f"{minutes.number}-gezinsoverzicht.pdf",
                            family_summary_pdf(session, minutes.agenda_item_id)))
    date = labels.nl_date(ctx.meeting.date)
    subject = (f"Notulen {ctx.table.name} {date} — {ctx.case.case_number} (vertrouwelijk)")
    written = []
    names = recipient_file_names(ctx.case.case_number, who.included)
    for person, name in zip(who.included, names, strict=True):
        assert person.email is not None
        body = (f"Beste {person.name},\n\nIn de bijlage vindt u de ondertekende notulen van de "
                f"bespreking van {date} ({ctx.case.case_number}). Het document is digitaal "
                "ondertekend; uw PDF-lezer toont wie tekende en of het sindsdien is gewijzigd.\n\n"
                "Dit bericht is vertrouwelijk. Verstuur het alleen via beveiligde e-mail.\n\n"
                f"Met vriendelijke groet,\n{ctx.meeting.secretary or ctx.meeting.chair}\n")
        data = eml_draft(person.name, person.email, subject, body, attachments)
        written.append(write_file(folder / f"{name}.eml", data))
    decision = ctx.item.decision
    next_day = ctx.item.next_moment or (decision.evaluation_date if decision else None)
    if next_day is not None:
        what = ("Evaluatie uitgesteld raadsonderzoek" if decision and decision.evaluation_date ==
                next_day else "Vervolgbespreking")
        ics_name = _file_name(f"{ctx.case.case_number} volgende moment") + ".ics"
        planned = next_day == ctx.item.next_moment  # as planned in the Afsluiting step
        written.append(write_file(folder / ics_name, ics_event(
            f"{minutes.id}-next@tafelapp.invalid", next_day,
            f"{what} — {ctx.case.case_number}", f"{ctx.table.name}",
            (ctx.item.next_moment_place or "") if planned else "", session.now(),
            start=ctx.item.next_moment_start if planned else None)))
    # When the drafts were made, in the audit log (the inzage says so; names stay out of it)
    with session.change("minutes.distribute", "minutes", minutes.id, fields=["recipients"]):
        pass
    return written


def family_page(session: Session, item_id: str, young: bool = False) -> str:
    """The Gezinsoverzicht as HTML: for the parents, or (`young`) for the young person (jij)."""
    return family_page_and_reader(session, item_id, young)[0]


def family_page_and_reader(session: Session, item_id: str,
                           young: bool = False) -> tuple[str, str]:
    """The page, and the first name of the young person of 12+ it can be written for ('' when
    there is none at the table): the family window offers that version."""
    summary = family_summary_for(session, item_id)
    return family_html(summary, young), summary.young_person


def family_summary_pdf(session: Session, item_id: str, young: bool = False) -> bytes:
    """The Gezinsoverzicht of an agenda item as a PDF/A page (for print or a second attachment)."""
    return render_pdf(family_page(session, item_id, young))
