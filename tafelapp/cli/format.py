"""Plain-text rendering of a meeting for `tafelapp show meeting` (Dutch labels, dd-mm-jjjj)."""

from __future__ import annotations

from tafelapp.domain import labels
from tafelapp.domain.meeting import Meeting
from tafelapp.services import case_service, table_service
from tafelapp.services.meeting_service import ItemStatus
from tafelapp.services.session import Session


def format_meeting(session: Session, meeting: Meeting, statuses: dict[str, ItemStatus]) -> str:
    """A readable summary of a meeting with, per case, the JBT verdict and open points."""
    table = table_service.get_table(session, meeting.table_id)
    when = f"{meeting.date:%d-%m-%Y}" + (f" {meeting.start:%H:%M}" if meeting.start else "")
    lines = [f"{table.name} — {when}, {labels.LOCATION[meeting.location_kind.value]}"
             + (f" ({meeting.location_text})" if meeting.location_text else ""),
             f"Voorzitter: {meeting.chair}; secretaris: {meeting.secretary or '-'}", ""]
    for item in meeting.agenda:
        case = case_service.get_case(session, item.case_id)
        lines.append(f"== {case.case_number} — gezin {case.family.name}")
        for p in item.participants:
            lines.append(f"   {labels.ROLE[p.role.value]:<22} {p.name} "
                         f"({labels.ATTENDANCE[p.attendance.value]})")
        if item.scaling_answers:
            names = {p.id: p.name for p in item.participants}
            scores = ", ".join(f"{names.get(a.participant_id, '?')}: {a.score}"
                               for a in item.scaling_answers)
            lines.append(f"   Schaalvragen: {scores}")
        if item.decision:
            lines.append(f"   Besluit: {labels.DECISION[item.decision.kind.value]}")
            if item.decision.evaluation_date:
                lines.append(f"   Evaluatie: {item.decision.evaluation_date:%d-%m-%Y}")
        for a in item.agreements:
            due = f" vóór {a.due_date:%d-%m-%Y}" if a.due_date else ""
            lines.append(f"   [{labels.AGREEMENT_KIND[a.kind.value]}] {a.text} — {a.owner}{due}")
        status = statuses[item.id]
        if status.counts_as_jbt is not None:
            lines.append("   Geldt als JBT: " + ("ja" if status.counts_as_jbt else "nee"))
        for problem in status.errors + status.warnings:
            lines.append(f"   ! {problem.message}")
        lines.append("")
    return "\n".join(lines)
