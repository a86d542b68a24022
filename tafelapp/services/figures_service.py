"""Use cases for kengetallen: figures per table and quarter, as CSV and as a PDF with charts."""

from __future__ import annotations

import csv
import io

from tafelapp.documents.pdf import render_pdf
from tafelapp.domain.figures import Figures, Quarter, median_days
from tafelapp.reports.figures_html import figures_html
from tafelapp.services.session import Session
from tafelapp.services.table_service import get_table, list_tables
from tafelapp.store import figures_repo as repo


def figures(session: Session, table_id: str, quarter: Quarter) -> Figures:
    """Inflow, decisions, lead times, agreements kept, casusregie changes, escalations."""
    table = get_table(session, table_id)
    c, a, b = session.conn, quarter.start, quarter.end
    due, kept = repo.agreements_due(c, table_id, a, b)
    return Figures(
        table=table.name, quarter=quarter.label,
        inflow_by_route=repo.inflow_by_route(c, table_id, a, b),
        decisions_by_type=repo.decisions_by_type(c, table_id, a, b),
        referral_to_first_meeting_days=median_days(repo.referral_first_meeting(c, table_id, a, b)),
        meeting_to_signed_minutes_days=median_days(repo.meeting_signed(c, table_id, a, b)),
        agreements_due=due, agreements_kept_on_time=kept,
        case_lead_changes=repo.case_lead_changes(c, table_id, a, b),
        escalations_by_status=repo.escalations_by_status(c, table_id, a, b))


def all_figures(session: Session, quarter: Quarter) -> list[Figures]:
    """The figures of every table for one quarter."""
    return [figures(session, t.id, quarter) for t in list_tables(session)]


def figures_csv(items: list[Figures]) -> str:
    """CSV (semicolon-separated, as Dutch spreadsheets expect): tafel;kwartaal;kengetal;…"""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["tafel", "kwartaal", "kengetal", "sleutel", "waarde"])
    for f in items:
        for name, key, value in f.rows():
            writer.writerow([f.table, f.quarter, name, key, value])
    return out.getvalue()


def figures_pdf(items: list[Figures]) -> bytes:
    """The same figures as a PDF/A report with bar charts (no personal data)."""
    return render_pdf(figures_html(items))
