"""The kengetallen report as HTML with inline SVG bar charts (people look rather than read)."""

from __future__ import annotations

from html import escape

from tafelapp.domain import labels
from tafelapp.domain.escalation import STATUS_NL, EscalationStatus
from tafelapp.domain.figures import Figures


def bar_chart_svg(title: str, values: dict[str, float], unit: str = "") -> str:
    """A small horizontal bar chart as SVG."""
    if not values:
        return f"<p><b>{escape(title)}</b>: geen gegevens in dit kwartaal.</p>"
    width, bar_h, label_w = 460, 18, 190
    top = max(values.values()) or 1
    rows = []
    for i, (name, value) in enumerate(values.items()):
        y = 22 + i * (bar_h + 6)
        length = (width - label_w - 60) * value / top
        rows.append(f"<text x='0' y='{y + 13}' font-size='10'>{escape(name)}</text>"
                    f"<rect x='{label_w}' y='{y}' width='{length:.1f}' height='{bar_h}' "
                    f"fill='#1565c0'/><text x='{label_w + length + 4:.1f}' y='{y + 13}' "
                    f"font-size='10'>{value:g}{escape(unit)}</text>")
    height = 22 + len(values) * (bar_h + 6) + 4
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
            f"font-family='DejaVu Sans'><text x='0' y='12' font-size='11' font-weight='bold'>"
            f"{escape(title)}</text>{''.join(rows)}</svg>")


def chart_values(f: Figures) -> dict[str, dict[str, float]]:
    """The series shown as charts, with Dutch labels (shared by the app and the report)."""
    lead_times = {k: v for k, v in (("aanmelding → 1e bespreking", f.referral_to_first_meeting_days),
                                    ("bespreking → notulen", f.meeting_to_signed_minutes_days))
                  if v is not None}
    return {
        "Instroom per route": {labels.ROUTE.get(k, k): float(v)
                               for k, v in f.inflow_by_route.items()},
        "Besluiten per type": {labels.DECISION.get(k, k): float(v)
                               for k, v in f.decisions_by_type.items()},
        "Doorlooptijden (mediaan, dagen)": lead_times,
        "Opschalingen": {STATUS_NL[EscalationStatus(k)]: float(v)
                         for k, v in f.escalations_by_status.items()},
    }


def figures_html(items: list[Figures]) -> str:
    """One section per table: charts, agreements kept, casusregie changes."""
    parts = ["<html><head><meta charset='utf-8'/><title>Kengetallen</title><style>"
             "@page { size: A4; margin: 18mm; @bottom-center { content: 'Pagina ' counter(page)"
             " ' van ' counter(pages); font: 8.5pt 'DejaVu Sans'; } } body { font-family: "
             "'DejaVu Sans'; font-size: 10pt; } h2 { font-size: 12pt; }</style></head><body>"
             "<h1>Kengetallen</h1><p>Aantallen en medianen per tafel en kwartaal; geen "
             "persoonsgegevens.</p>"]
    for f in items:
        share = "—" if f.kept_share is None else f"{f.kept_share:.0%}"
        parts.append(f"<h2>{escape(f.table)} — {escape(f.quarter)}</h2>")
        for title, values in chart_values(f).items():
            parts.append(bar_chart_svg(title, values))
        parts.append(f"<p>Afspraken op tijd nagekomen: {share} ({f.agreements_kept_on_time} van "
                     f"{f.agreements_due}). Wisselingen van casusregie: {f.case_lead_changes}.</p>")
    return "".join(parts) + "</body></html>"
