"""The escalation dossier and the stuurgroep agenda as HTML (pseudonymised unless chosen otherwise)."""

from __future__ import annotations

from html import escape

from tafelapp.domain import labels
from tafelapp.domain.escalation import STATUS_NL, URGENCY_NL, Escalation, Signal
from tafelapp.domain.pseudonyms import PersonalData
from tafelapp.reports.deidentify import pseudonymise

CSS = """
@page { size: A4; margin: 20mm 18mm;
  @top-right { content: "Vertrouwelijk — stuurgroep"; font: bold 8.5pt "DejaVu Sans", sans-serif;
    color: #b71c1c; }
  @bottom-center { content: "Pagina " counter(page) " van " counter(pages);
    font: 8.5pt "DejaVu Sans", sans-serif; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; }
h1 { font-size: 15pt; } h2 { font-size: 12pt; border-bottom: 0.6pt solid #90a4ae; }
td { padding: 2pt 6pt 2pt 0; vertical-align: top; } .muted { color: #546e7a; }
"""


def _t(text: str) -> str:
    return escape(text).replace("\n", "<br/>") or "<span class='muted'>—</span>"


def escalation_section(e: Escalation, case_number: str, table_name: str,
                       terms: PersonalData) -> str:
    """One escalation; with `pseudonymised` every personal value is replaced before it leaves."""
    def p(text: str) -> str:
        return _t(pseudonymise(text, terms) if e.pseudonymised else text)
    attempts = "".join(f"<tr><td>{labels.nl_date(a.on)}</td><td>{p(a.description)}</td></tr>"
                       for a in e.attempts)
    note = ("<p class='muted'>Gepseudonimiseerd: casusnummer en initialen; geen namen, "
            "geboortedata, adressen, telefoonnummers, e-mailadressen of BSN (namen die de casus "
            "niet kent herkend met deduce). Plaatsnamen, scholen en organisaties blijven staan."
            "</p>" if e.pseudonymised else
            f"<p><b>Niet gepseudonimiseerd.</b> Reden: {_t(e.depseudonymise_reason or '')}</p>")
    decision = (f"<h3>Besluit van de stuurgroep</h3><p>{p(e.decision)}</p>" if e.decision else "")
    follow = "".join(f"<li>{p(f)}</li>" for f in e.follow_up)
    return (f"<h2>Casus {escape(case_number)} — {escape(table_name)}</h2>{note}"
            f"<table><tr><td>Urgentie</td><td>{URGENCY_NL[e.urgency]}</td></tr>"
            f"<tr><td>Status</td><td>{STATUS_NL[e.status]}</td></tr>"
            f"<tr><td>Partners</td><td>{p(', '.join(e.partners))}</td></tr></table>"
            + _region_part(e) +
            f"<h3>Wat zit er vast?</h3><p>{p(e.stuck)}</p>"
            f"<h3>Wat is er geprobeerd?</h3><table>{attempts}</table>"
            f"<h3>Vraag aan de stuurgroep</h3><p>{p(e.question)}</p>{decision}"
            + (f"<h3>Vervolgafspraken</h3><ul>{follow}</ul>" if follow else ""))


def _region_part(e: Escalation) -> str:
    """What the region holds of a case this vault does not hold (codes and dates only)."""
    if e.region is None:
        return ""
    facts = "".join(f"<li>{escape(f)}</li>" for f in e.region.facts)
    return ("<h3>Wat de regio van deze casus weet</h3><p class='muted'>Uit de Zaken API van de "
            "regio; de regio kent geen namen.</p>" + (f"<ul>{facts}</ul>" if facts else ""))


def dossier_html(e: Escalation, case_number: str, table_name: str,
                 terms: PersonalData) -> str:
    """The escalation dossier for the bestuurlijke stuurgroep (`003`)."""
    return (f"<html><head><meta charset='utf-8'/><title>Opschaling {escape(case_number)}</title>"
            f"<style>{CSS}</style></head><body><h1>Opschaling naar de stuurgroep</h1>"
            f"{escalation_section(e, case_number, table_name, terms)}</body></html>")


def agenda_html(title: str, sections: list[str], signals: list[Signal],
                table_names: dict[str, str]) -> str:
    """All submitted escalations and the signals, as one document for the next meeting."""
    items = "".join(f"<tr><td>{escape(table_names.get(s.table_id, ''))}</td>"
                    f"<td><b>{escape(s.theme)}</b><br/>{_t(s.description)}</td>"
                    f"<td>{escape(', '.join(s.partners))}</td>"
                    f"<td>{labels.nl_date(s.recorded_on)}</td></tr>" for s in signals)
    signal_part = ("<h2>Signalen uit de Zorg- en Veiligheidstafels</h2><table><tr><th>Tafel</th>"
                   f"<th>Signaal</th><th>Partners</th><th>Datum</th></tr>{items}</table>"
                   if signals else "")
    body = "".join(sections) or "<p>Er zijn geen ingediende opschalingen.</p>"
    return (f"<html><head><meta charset='utf-8'/><title>{escape(title)}</title><style>{CSS}"
            f"</style></head><body><h1>{escape(title)}</h1>"
            f"<h2>Opschalingen</h2>{body}{signal_part}</body></html>")
