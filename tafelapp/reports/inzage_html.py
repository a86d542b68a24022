"""The inzage as plain-Dutch (B1) HTML for WeasyPrint: what the vault holds about one person."""

from __future__ import annotations

from html import escape

from tafelapp.domain import labels
from tafelapp.domain.family_words import EXPLAINED, terms_in
from tafelapp.domain.inzage import CaseRecord, InzageExport, MeetingRecord, MinutesLine, Standing

CSS = """@page { size: A4; margin: 18mm 16mm 18mm 16mm;
  @top-left { content: "Inzage — vertrouwelijk"; font: 8pt "DejaVu Sans", sans-serif;
              color: #555; }
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages);
                  font: 8pt "DejaVu Sans", sans-serif; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 13.5pt; margin: 14pt 0 3pt 0; }
h3 { font-size: 11.5pt; margin: 10pt 0 2pt 0; } ul { margin-top: 2pt; }
.box { background: #f1f8e9; padding: 5pt; } .small { font-size: 9.5pt; color: #333; }"""


def _e(value: object) -> str:
    return escape(str(value)) if value not in (None, "") else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""


def _said(title: str, text: str) -> str:
    return f"<li><b>{escape(title)}</b> {_e(text)}</li>" if text else ""


def _minutes(m: MinutesLine) -> str:
    what = "Correctie" if m.kind == "rectificatie" else "Verslag"
    lines = [f"<b>{what} {_e(m.number)}</b>: {_e(m.status)}."]
    if m.rectifies:
        lines.append(f"Dit verbetert verslag {_e(m.rectifies)}.")
    if m.correction:
        lines.append(f"Wat er is verbeterd: {_e(m.correction)}")
    if m.signed_by:
        lines.append("Getekend door: " + "; ".join(_e(s) for s in m.signed_by) + ".")
    if m.recipients:
        lines.append("Wie krijgt dit verslag: " + ", ".join(
            f"{_e(r.recipient)} ({_e(r.role)})" for r in m.recipients) + ".")
    if m.drafts_made_at:
        lines.append("De e-mails met het verslag zijn klaargezet op " + ", ".join(
            labels.nl_moment(d) for d in m.drafts_made_at) + ".")
    for r in m.region:
        sent = f" op {labels.nl_moment(r.delivered_at)}" if r.delivered_at else ""
        lines.append(f"Naar de regio: {_e(r.state)}{sent}.")
    return "<li>" + "<br/>".join(lines) + "</li>"


def _meeting(m: MeetingRecord, family: bool) -> str:
    who = [f"{_e(p.name)} ({_e(p.role)}{', ' + _e(p.organisation) if p.organisation else ''})"
           f"{': ' + _e(p.attendance) if p.attendance else ''}" for p in m.participants]
    you = (f"<p>U was erbij als {_e(m.you_as)}"
           f"{' (' + _e(m.your_attendance) + ')' if m.your_attendance else ''}.</p>"
           if m.you_as else "")
    plan = "".join([_said("Wat gaat goed?", m.strengths), _said("Wat zijn de zorgen?", m.worries),
                    _said("Wat moet er nu gebeuren?", m.must_happen_now),
                    _said("De grootste zorg:", m.danger_statement),
                    _said("Hoe het gezin het ziet:", m.family_view)])
    voice = ""
    if m.your_voice:
        v = m.your_voice
        voice = "<h4>Wat u zelf zei</h4><ul>" + "".join([
            _said("Hoe u het zag:", v.view), _said("Wat u van het besluit vond:", v.stance or ""),
            _said("Uw eigen woorden:", v.own_words),
            _said("Waarom u niet is gevraagd:", v.not_asked_reason or "")]) + "</ul>"
    if m.others_voices_left_out:
        voice += (f"<p>Ook {m.others_voices_left_out} andere mensen uit het gezin zeiden wat ze "
                  "ervan vonden. Dat staat hier niet. Dat zijn hun eigen gegevens.</p>")
    scores = _list([f"{_e(s.by)}: {s.score} van de 10" for s in m.scores])
    agreements = _list([f"<b>{_e(a.kind.capitalize())}</b>: {_e(a.text)} Wie: {_e(a.owner)}."
                        f"{' Klaar op ' + labels.nl_date(a.due_date) + '.' if a.due_date else ''}"
                        f" Stand: {_e(a.status)}."
                        f"{' Als het niet lukt: ' + _e(a.consequence) if a.consequence else ''}"
                        for a in m.agreements])
    decision = (f"<p><b>Besluit</b>: {_e(m.decision)}. {_e(m.decision_motivation)}"
                f"{' We kijken opnieuw op ' + labels.nl_date(m.evaluation_date) + '.' if m.evaluation_date else ''}"  # noqa: E501
                "</p>" if m.decision else "")
    return "".join([
        f"<h3>Bespreking op {labels.nl_date(m.date)}</h3>",
        f"<p>{_e(m.table)}. Plaats: {_e(m.place)}. Voorzitter: {_e(m.chair)}"
        f"{'. Secretaris: ' + _e(m.secretary) if m.secretary else ''}.</p>", you,
        "<h4>Wie waren er?</h4>" + _list(who) if who else "",
        "<h4>Wat is er besproken?</h4><ul>" + plan + "</ul>" if plan else "",
        "<h4>Cijfers voor de veiligheid</h4>" + scores if scores else "", voice,
        "<h4>Andere meningen</h4>" + _list([_e(d) for d in m.dissents]) if m.dissents else "",
        decision, "<h4>Afspraken</h4>" + agreements if agreements else "",
        f"<p>Volgende keer: {labels.nl_date(m.next_moment)}.</p>" if m.next_moment else "",
        "<h4>Verslagen</h4><ul>" + "".join(_minutes(x) for x in m.minutes) + "</ul>"
        if m.minutes else "",
    ]) if family or m.you_as else ""


def _case(c: CaseRecord) -> str:
    family = c.standing is Standing.FAMILY
    own = c.you
    details = [f"Naam: {_e(own.name)}", f"U staat erin als: {_e(own.as_what)}"]
    details += [f"{k}: {_e(v)}" for k, v in (("Telefoon", own.phone), ("E-mail", own.email),
                                             ("Adres", own.address)) if v]
    if own.birth_date:
        details.append(f"Geboortedatum: {labels.nl_date(own.birth_date)}")
    if own.has_custody is not None:
        details.append("Gezag: " + ("ja" if own.has_custody else "nee"))
    log = _list([f"{labels.nl_date(labels.dutch_time(x.at))}: {_e(x.actor)} — {_e(x.action)}"
                 f"{f' ({x.times} keer)' if x.times > 1 else ''}" for x in c.log])
    return "".join([
        f"<h2>Dossier {_e(c.case_number)}</h2>",
        f"<p>{_e(c.table)}. Het dossier begon op {labels.nl_date(c.opened_on)}. "
        f"Het is nu {_e(c.status)}.</p>",
        "<h3>Uw gegevens</h3>" + _list(details),
        "<h3>Het gezin</h3><p>Deze mensen staan ook in het dossier. Hun namen staan hier "
        "niet.</p>" + _list([_e(p.name) + (f" ({_e(p.role)})" if p.role not in p.name else "")
                              for p in c.family])
        if c.family else "",
        f"<h3>Hoe het begon</h3><p>{_e(c.referral[:1].upper() + c.referral[1:])}. "
        f"{_e(c.referral_summary)}</p>"
        if c.referral else "",
        "<h3>Vaste contactpersoon</h3>" + _list([f"{_e(p.name)}, {_e(p.organisation)}"
                                                 for p in c.case_leads]) if c.case_leads else "",
        "".join(_meeting(m, family) for m in c.meetings),
        "<h3>Naar de regio</h3>" + _list([
            f"{_e(r.what)}: {_e(r.state)}"
            f"{' op ' + labels.nl_moment(r.delivered_at) if r.delivered_at else ''}"
            for r in c.region]) if c.region else "",
        "<h3>Wie werkte in dit dossier?</h3><p class='small'>Elke wijziging staat in een "
        "logboek. Er staat wie het deed en wanneer.</p>" + f"<div class='small'>{log}</div>"
        if log else "",
    ])


RIGHTS = """<h2>Wat u nog moet weten</h2>
<ul><li><b>Waarom wij dit bewaren.</b> De tafel bespreekt hoe de kinderen veilig kunnen
opgroeien. Daarvoor schrijven wij op wie er was, wat er is besproken en wat er is afgesproken.</li>
<li><b>Wie het krijgt.</b> Het verslag gaat naar de mensen die bij het gesprek waren. Het gaat ook
naar het archief van de regio. Dat staat bij elk verslag.</li>
<li><b>Hoe lang.</b> De regio bewaart de verslagen zo lang als de wet zegt. Deze laptop houdt ze
alleen zo lang als nodig.</li>
<li><b>Klopt er iets niet?</b> Zeg het ons. Wij maken dan een correctie. Het oude verslag blijft
bestaan. De correctie hoort erbij en staat hieronder.</li>
<li><b>Niet eens met ons?</b> U mag een klacht indienen bij de Autoriteit
Persoonsgegevens.</li></ul>"""


def inzage_html(export: InzageExport) -> str:
    """The whole inzage: who asked, every dossier that names them, corrections, rights."""
    made = labels.nl_moment(export.made_at)
    family = not export.cases or any(c.standing is Standing.FAMILY for c in export.cases)
    rects = _list([f"Correctie {_e(r.rectification_number)} op verslag {_e(r.original_number)}, "
                   f"gemaakt op {labels.nl_moment(r.created_at)}: {_e(r.status)}"
                   for r in export.rectifications])
    body = "".join([
        "<h1>Wat wij over u bewaren</h1>",
        f"<p>Dit overzicht is voor <b>{_e(export.person)}</b>. U vroeg op "
        f"{labels.nl_date(export.received_on)} welke gegevens wij over u hebben. Hier staat "
        f"alles wat Tafelapp op deze laptop over u bewaart. Gemaakt op {made} door "
        f"{_e(export.made_by)}.</p>",
        "<div class='box'><h2>Hoe leest u dit?</h2><p>"
        f"{'Andere mensen uit uw gezin' if family else 'De gezinnen in deze dossiers'} hebben hun "
        "eigen rechten. Hun namen en gegevens staan hier niet. U leest dan bijvoorbeeld [kind 1] "
        "of [ouder A]. Mensen die hier voor hun werk bij waren, staan wel met hun naam.</p></div>",
        "".join(_case(c) for c in export.cases) if export.cases else
        "<p>Er staat geen dossier met uw naam op deze laptop.</p>",
        "<h2>In het adresboek</h2>" + _list([_e(b) for b in export.address_book])
        if export.address_book else "",
        "<h2>Uw vragen om inzage</h2>" + _list([_e(r) for r in export.requests]),
        "<h2>Correcties</h2>" + (rects or "<p>Er zijn nog geen correcties.</p>"),
        RIGHTS,
    ])
    words = "".join(f"<li><b>{escape(t)}</b>: {escape(EXPLAINED[t])}</li>"
                    for t in terms_in(body))
    box = (f"<div class='box'><h2>Wat betekent dit woord?</h2><ul>{words}</ul></div>"
           if words else "")
    return (f"<html><head><meta charset='utf-8'/><title>Inzage {_e(export.person)}</title>"
            f"<style>{CSS}</style></head><body>{body}{box}</body></html>")
