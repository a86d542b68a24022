"""The whole record of one case's discussion as HTML: the closing summary (and the notulen's core)."""

from __future__ import annotations

from html import escape

from tafelapp.domain import labels
from tafelapp.domain.meeting import AgendaItem, Meeting
from tafelapp.domain.models import Case, Table
from tafelapp.domain.record_words import (
    concerns,
    due_words,
    involvement_lines,
    lead_reach,
    place_words,
)


def _p(label: str, text: str) -> str:
    body = escape(text).replace("\n", "<br/>") if text.strip() else "<i>— nog niet ingevuld —</i>"
    return f"<p><b>{escape(label)}</b><br/>{body}</p>"


def record_html(meeting: Meeting, item: AgendaItem, case: Case, table: Table,
                citation: str | None = None) -> str:
    """Everything recorded for this case at this meeting, in the order of the meeting."""
    plan = item.safety_plan
    people = "".join(
        f"<tr><td>{escape(p.name)}</td><td>{labels.ROLE[p.role.value]}</td>"
        f"<td>{escape(p.organisation or '')}</td><td>{labels.ATTENDANCE[p.attendance.value]}</td>"
        "</tr>" for p in item.participants)
    names = {p.id: p.name for p in item.participants}
    scores = ", ".join(f"{escape(names.get(a.participant_id, '?'))}: {a.score}"
                       for a in item.scaling_answers) or "—"
    shares = {True: "ja", False: "nee", None: "niet vastgelegd"}[plan.family_shares_worries]
    parts = [
        f"<h2>{escape(case.case_number)} — gezin {escape(case.family.name)}</h2>",
        f"<p>{escape(table.name)}, {labels.nl_date(meeting.date)}, "
        f"{escape(place_words(meeting, table))}</p>",
        f"<p><b>Betreft:</b> {escape(concerns(case, meeting.date))}</p>",
        _p("Doel van de bespreking", item.purpose),
        "<h3>Deelnemers</h3>",
        f"<table cellpadding='3'>{people}</table>" if people else "<p>—</p>",
        "".join(f"<p>Betrokkenheid: {escape(line)}</p>"
                for line in involvement_lines(item, case, meeting.date)),
        "<h3>Veiligheidsplan</h3>",
        _p("Wat gaat er goed?", plan.strengths), _p("Wat zijn de zorgen?", plan.worries),
        _p("Wat moet er nu gebeuren?", plan.must_happen_now),
        _p("Grootste zorg", plan.danger_statement), _p("Visie van het gezin", plan.family_view),
        f"<p><b>Deelt het gezin de zorgen?</b> {shares}</p>",
        f"<p><b>Schaalvragen:</b> {scores}</p>",
    ]
    if table.kind.value == "JBT":
        d = item.decision
        if d is None:
            parts.append("<h3>Besluit</h3><p><i>— nog geen besluit —</i></p>")
        else:
            parts.append(f"<h3>Besluit: {labels.DECISION[d.kind.value]}</h3>")
            parts.append(_p("Motivering", d.motivation))
            if citation:
                parts.append(f"<p><i>{escape(citation)}</i></p>")
            if d.evaluation_date:
                parts.append(f"<p><b>Evaluatie:</b> {labels.nl_date(d.evaluation_date)}</p>")
            if d.conditions:
                parts.append(_p("Voorwaarden", d.conditions))
    else:
        parts.append("<h3>Plan van aanpak</h3>" + _p("", item.plan_of_approach))
    lead = next(iter(case.active_case_leads()), None)
    reach = lead_reach(lead) if lead else ""
    parts.append("<h3>Casusregie</h3><p>" + (
        f"{escape(lead.person)} ({escape(lead.organisation)}), "
        f"{'aanvaard' if lead.accepted else 'nog niet aanvaard'}"
        + (f"; {escape(reach)}" if reach else "; telefoonnummer nog niet bekend")
        if lead else "—") + "</p>")
    rows = "".join(
        f"<tr><td>{labels.AGREEMENT_KIND[a.kind.value]}</td><td>{escape(a.text)}</td>"
        f"<td>{escape(a.owner)}</td><td>{due_words(a.text, a.due_date)}</td>"
        f"<td>{escape(a.consequence or '')}</td></tr>" for a in item.agreements)
    parts.append("<h3>Afspraken</h3>" + (f"<table cellpadding='3'>{rows}</table>" if rows
                                          else "<p>—</p>"))
    parts.append(f"<p><b>Volgende moment:</b> {labels.nl_date(item.next_moment) or '—'}</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"
