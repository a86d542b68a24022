"""The Gezinsoverzicht as simple, large-print HTML (Qt rich text subset) for screen and PDF."""

from __future__ import annotations

from html import escape

from tafelapp.domain.family_summary import FamilySummary, Promise


def _promises(title: str, intro: str, items: list[Promise], with_consequence: bool = False) -> str:
    if not items:
        return ""
    rows = []
    for p in items:
        when = f" — uiterlijk {escape(p.due)}" if p.due else ""
        line = f"<li><b>{escape(p.text)}</b><br/>Wie: {escape(p.owner)}{when}"
        if with_consequence and p.consequence:
            line += f"<br/><i>Als dit niet lukt:</i> {escape(p.consequence)}"
        rows.append(line + "</li>")
    return f"<h2>{escape(title)}</h2><p>{escape(intro)}</p><ul>{''.join(rows)}</ul>"


def family_html(s: FamilySummary) -> str:
    """One page for the parents and the young person: who, what was decided, what now, who to ask."""
    children = ", ".join(escape(c) for c in s.children)
    people = "".join(
        f"<tr><td>{escape(p.name)}</td><td>{escape(p.role)}</td>"
        f"<td>{escape(p.organisation)}</td><td>{escape(p.attendance)}</td></tr>"
        for p in s.people)
    reason = (f"<p><i>Waarom:</i> {escape(s.decision_reason)}</p>"
              if s.decision_reason else "")
    contact = f"<br/>Bereikbaar via: {escape(s.case_lead_contact)}" if s.case_lead_contact else ""
    return f"""<html><head><meta charset="utf-8"/><title>Gezinsoverzicht</title><style>
@page {{ size: A4; margin: 16mm 16mm 16mm 16mm; }}
body {{ font-family: "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.3; }}
h1 {{ font-size: 17pt; margin: 0 0 4pt 0; }} h2 {{ font-size: 12.5pt; margin: 10pt 0 2pt 0; }}
td, th {{ padding: 1pt 8pt 1pt 0; }} ul {{ margin-top: 2pt; }}
</style></head><body>
<h1>Wat we samen hebben besproken</h1>
<p>Gezin {escape(s.family_name)} — voor {children}<br/>
{escape(s.table_name)}, {escape(s.date)}, {escape(s.place)}</p>
<h2>Wie waren er bij?</h2>
<table cellpadding="4" border="0"><tr><th align="left">Naam</th><th align="left">Rol</th>
<th align="left">Organisatie</th><th align="left"></th></tr>{people}</table>
<h2>Wat is er besloten?</h2>
<p><b>{escape(s.decision_title)}</b></p><p>{escape(s.decision_text)}</p>{reason}
{_promises("Waar werken we aan?", "Dit zijn de doelen.", s.goals)}
{_promises("Wat moet er gebeuren?", "Dit zijn voorwaarden: ze moeten lukken.", s.conditions,
           with_consequence=True)}
{_promises("Andere afspraken", "Wie doet wat.", s.arrangements)}
<h2>Wie is uw vaste contactpersoon?</h2>
<p>{escape(s.case_lead)}{contact}<br/>Bij vragen over de afspraken belt u eerst deze persoon.</p>
<h2>Wanneer is het volgende moment?</h2>
<p>{escape(s.next_moment)}</p>
</body></html>"""
