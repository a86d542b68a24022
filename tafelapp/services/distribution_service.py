"""Use cases for sending notulen: who receives them (and who not, why), .eml drafts and .ics files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tafelapp.documents.calendar import ics_event
from tafelapp.documents.mail import eml_draft
from tafelapp.documents.pdf import render_pdf
from tafelapp.domain import labels
from tafelapp.domain.family_summary import family_summary
from tafelapp.domain.rules.recipients import Exclusion, Recipient, recipients
from tafelapp.reports.family_html import family_html
from tafelapp.services.file_service import write_file
from tafelapp.services.meeting_context_service import meeting_context
from tafelapp.services.minutes_service import get_minutes, signed_document
from tafelapp.services.session import Session
from tafelapp.services.settings_service import get_settings


@dataclass(frozen=True)
class Distribution:
    """Who gets the documents and who is left out (with the reason)."""

    included: list[Recipient]
    excluded: list[Exclusion]


def distribution(session: Session, minutes_id: str) -> Distribution:
    """The recipients of these notulen by the rule of who may receive documents."""
    minutes = get_minutes(session, minutes_id)
    ctx = meeting_context(session, minutes.agenda_item_id)
    included, excluded = recipients(ctx.item, ctx.case, ctx.meeting.date,
                                    get_settings(session).recipients_by_role)
    return Distribution(included, excluded)


def export_signed(session: Session, minutes_id: str, target: Path) -> Path:
    """Save the signed PDF to a file (atomic, 0600)."""
    return write_file(target, signed_document(session, minutes_id))


def write_distribution(session: Session, minutes_id: str, folder: Path,
                       with_family_summary: bool = True) -> list[Path]:
    """One .eml draft per recipient (signed PDF attached) and an .ics for the next moment."""
    minutes = get_minutes(session, minutes_id)
    pdf = signed_document(session, minutes_id)
    ctx = meeting_context(session, minutes.agenda_item_id)
    who = distribution(session, minutes_id)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    attachments = [(f"{minutes.number}.pdf", pdf)]
    if with_family_summary:
        attachments.append((f"{minutes.number}-gezinsoverzicht.pdf",
                            family_summary_pdf(session, minutes.agenda_item_id)))
    date = labels.nl_date(ctx.meeting.date)
    subject = (f"Notulen {ctx.table.name} {date} — {ctx.case.case_number} (vertrouwelijk)")
    written = []
    for index, person in enumerate(who.included, start=1):
        assert person.email is not None
        body = (f"Beste {person.name},\n\nIn de bijlage vindt u de ondertekende notulen van de "
                f"bespreking van {date} ({ctx.case.case_number}). Het document is digitaal "
                "ondertekend; uw PDF-lezer toont wie tekende en of het sindsdien is gewijzigd.\n\n"
                "Dit bericht is vertrouwelijk. Verstuur het alleen via beveiligde e-mail.\n\n"
                f"Met vriendelijke groet,\n{ctx.meeting.secretary or ctx.meeting.chair}\n")
        data = eml_draft(person.name, person.email, subject, body, attachments)
        written.append(write_file(folder / f"{index:02d}-{labels.ROLE.get(person.role, person.role)}"
                                       f".eml".replace(" ", "_"), data))
    decision = ctx.item.decision
    next_day = ctx.item.next_moment or (decision.evaluation_date if decision else None)
    if next_day is not None:
        what = ("Evaluatie uitgesteld raadsonderzoek" if decision and decision.evaluation_date ==
                next_day else "Vervolgbespreking")
        written.append(write_file(folder / "volgende-moment.ics", ics_event(
            f"{minutes.id}-next@tafelapp.invalid", next_day,
            f"{what} — {ctx.case.case_number}", f"{ctx.table.name}", ctx.table.municipality,
            session.now())))
    return written


def family_summary_pdf(session: Session, item_id: str) -> bytes:
    """The Gezinsoverzicht of an agenda item as a PDF/A page (for print or a second attachment)."""
    ctx = meeting_context(session, item_id)
    return render_pdf(family_html(family_summary(ctx.meeting, ctx.item, ctx.case, ctx.table)))
