"""Notulen as print-ready HTML: every page carries the case number, "Vertrouwelijk" and its number."""

from __future__ import annotations

import datetime as dt
from html import escape

from tafelapp.domain import labels
from tafelapp.domain.deadlines import TERMS
from tafelapp.domain.followup import FOLLOW_UP_NL, AgreementFollowUp
from tafelapp.domain.meeting import AgendaItem, Meeting
from tafelapp.domain.minutes import Minutes, MinutesKind
from tafelapp.domain.models import Case, Deadline, Table
from tafelapp.domain.record_words import (
    concerns,
    due_words,
    involvement_lines,
    lead_reach,
    place_words,
    terms_that_follow,
)
from tafelapp.domain.rules.voice import present_at_decision

CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: "%(case)s"; font: 8.5pt "DejaVu Sans", sans-serif; color: #37474f; }
  @top-center { content: "%(title)s"; font: 8.5pt "DejaVu Sans", sans-serif; color: #37474f; }
  @top-right { content: "Vertrouwelijk"; font: bold 8.5pt "DejaVu Sans", sans-serif;
    color: #b71c1c; }
  @bottom-center { content: "Pagina " counter(page) " van " counter(pages);
    font: 8.5pt "DejaVu Sans", sans-serif; }
}
body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; }
h1 { font-size: 15pt; margin: 0 0 4pt 0; } h2 { font-size: 11.5pt; margin: 12pt 0 3pt 0;
  border-bottom: 0.6pt solid #90a4ae; } h3 { font-size: 10pt; margin: 8pt 0 2pt 0; }
table { border-collapse: collapse; width: 100%%; } td, th { border: 0.5pt solid #b0bec5;
  padding: 2.5pt 4pt; vertical-align: top; text-align: left; } th { background: #eceff1; }
.meta td { border: none; padding: 1pt 6pt 1pt 0; } .muted { color: #546e7a; }
.mark { color: #b71c1c; font-weight: bold; } p { margin: 2pt 0 5pt 0; }
.signing { page-break-before: always; }
.signing .boxes { height: 165pt; }
"""
CONCEPT_CSS = """
@page { @bottom-left { content: "CONCEPT — niet ondertekend"; font: bold 8.5pt "DejaVu Sans",
  sans-serif; color: #b71c1c; } }
.concept { position: fixed; top: 40%%; left: 0; right: 0; text-align: center;
  font: bold 44pt "DejaVu Sans", sans-serif; color: rgba(183, 28, 28, 0.16);
  transform: rotate(-30deg); }
"""


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>") if value.strip() else \
        "<span class='muted'>— niet ingevuld —</span>"


def _section(title: str, body: str) -> str:
    return f"<h2>{escape(title)}</h2>{body}"


def _continued(item: AgendaItem) -> str:
    """'; geschorst en voortgezet op 02-09-2026 om 10:00 (reden)' for every continuation."""
    return "".join(
        f"; geschorst en voortgezet op {labels.nl_date(c.on)}"
        f"{f' om {c.start:%H:%M}' if c.start else ''} ({escape(c.reason)})"
        for c in item.continuations)


def _voices(item: AgendaItem) -> str:
    """What each parent and young person said: the zorgen, and eens with the decision."""
    names = {p.id: p for p in item.participants}
    scores = {a.participant_id: a.score for a in item.scaling_answers}
    rows = []
    for v in item.family_voices:
        person = names.get(v.participant_id)
        if person is None:
            continue
        stance = labels.FAMILY_STANCE[v.stance.value] if v.stance else "—"
        rows.append(f"<tr><td>{escape(person.name)}<br/><span class='muted'>"
                    f"{labels.ROLE[person.role.value]}</span></td><td>{_text(v.view)}</td>"
                    f"<td>{scores.get(v.participant_id, '—')}</td>"
                    f"<td>{stance}</td><td>{_text(v.words)}</td></tr>")
    if not rows:
        return "<p class='muted'>Niet vastgelegd.</p>"
    return ("<table><tr><th>Wie</th><th>Hoe ziet die de zorgen</th><th>Eigen score</th>"
            "<th>Eens met het besluit"
            f"</th><th>In eigen woorden / waarom niet gevraagd</th></tr>{''.join(rows)}</table>")


def _at_decision(item: AgendaItem) -> str:
    """Who was at the table when the decision was taken, and any professional's dissent."""
    d = item.decision
    names = {p.id: p for p in item.participants}
    text = ""
    if d is not None and d.decided_at is not None:
        there = ", ".join(escape(p.name) for p in present_at_decision(item))
        text += f"<p>Aanwezig bij het besluit ({d.decided_at:%H:%M}): {there or '—'}</p>"
    for dissent in item.dissents:
        who = names.get(dissent.participant_id)
        label = f"{escape(who.name)} ({escape(who.organisation or labels.ROLE[who.role.value])})" \
            if who else "?"
        text += f"<p><b>Afwijkend standpunt</b> van {label}: {_text(dissent.reason)}</p>"
    return text


def _scores(item: AgendaItem, previous: dict[str, int]) -> str:
    names = {p.id: p for p in item.participants}
    rows = []
    for answer in item.scaling_answers:
        person = names.get(answer.participant_id)
        if person is None:
            continue
        before = previous.get(person.name)
        change = "—" if before is None else f"{answer.score - before:+d} (was {before})"
        how = ("" if person.takes_part else
               f" <i>(niet aan tafel; {labels.SCORE_GIVEN[answer.given.value]})</i>"
               if answer.given else " <i>(niet aan tafel; hoe gegeven is niet vastgelegd)</i>")
        rows.append(f"<tr><td>{escape(person.name)}{how}</td>"
                    f"<td>{labels.ROLE[person.role.value]}</td>"
                    f"<td>{answer.score}</td><td>{change}</td></tr>")
    if not rows:
        return "<p class='muted'>Geen schaalvragen beantwoord.</p>"
    question = escape(item.scaling_answers[0].question)
    return (f"<p><i>{question}</i></p><table><tr><th>Respondent</th><th>Rol</th><th>Score</th>"
            f"<th>Verschil met vorige bespreking</th></tr>{''.join(rows)}</table>")


PDF_PIN_KEY = "/tafelapprecordsha256"
"""Where the record's pin lands in the PDF's document information (WeasyPrint keeps a meta name
with letters and digits only, lower case); `signing.verify.PIN_KEY` reads it."""


def minutes_html(minutes: Minutes, meeting: Meeting, item: AgendaItem, case: Case,
                 table: Table, citation: str | None, previous_scores: dict[str, int],
                 started: list[Deadline], original_number: str | None = None,
                 record_pin: str | None = None, concept: bool = False,
                 followed_up: list[tuple[str, dt.date, AgreementFollowUp]] | None = None) -> str:
    """The whole notulen (or rectificatie) document; `record_pin` goes into the PDF's metadata.

    The last page ("Ondertekening") holds the visible signature blocks; a concept carries
    "CONCEPT — niet ondertekend" on every page.
    """
    title = ("Rectificatie" if minutes.kind is MinutesKind.RECTIFICATION else "Notulen") + \
        f" {labels.TABLE_KIND[table.kind.value]}"
    when = labels.nl_date(meeting.date)
    if meeting.start:
        when += f", {meeting.start:%H:%M}" + (f"–{meeting.end:%H:%M}" if meeting.end else "")
    place = escape(place_words(meeting, table))
    route = labels.ROUTE.get(case.referral.route.value, "") if case.referral else "—"
    css = CSS % {"case": escape(case.case_number), "title": escape(title)} + (
        CONCEPT_CSS % {} if concept else "")
    pin = (f"<meta name='tafelapprecordsha256' content='{escape(record_pin)}'/>"
           if record_pin else "")
    parts = [f"<html><head><meta charset='utf-8'/>{pin}<title>{escape(title)} "
             f"{escape(case.case_number)}</title><style>{css}</style></head><body>"
             + ("<div class='concept'>CONCEPT — niet ondertekend</div>" if concept else ""),
             f"<h1>{escape(title)}</h1><p class='mark'>Vertrouwelijk — alleen voor de "
             "ontvangers op de verzendlijst</p>",
             "<table class='meta'>"
             f"<tr><td>Tafel</td><td>{escape(table.name)} ({escape(table.region)})</td></tr>"
             f"<tr><td>Datum</td><td>{when}{_continued(item)}</td></tr>"
             f"<tr><td>Plaats</td><td>{place}</td></tr>"
             f"<tr><td>Casusnummer</td><td>{escape(case.case_number)}</td></tr>"
             f"<tr><td>Gezin</td><td>{escape(case.family.name)}</td></tr>"
             f"<tr><td>Betreft</td><td>{escape(concerns(case, meeting.date))}</td></tr>"
             f"<tr><td>Documentnummer</td><td>{escape(minutes.number)}</td></tr></table>"]
    if minutes.kind is MinutesKind.RECTIFICATION:
        parts.append(_section("Rectificatie", f"<p>Deze rectificatie verbetert de vastgestelde "
                              f"notulen {escape(original_number or '')}. Die notulen blijven "
                              "ongewijzigd; waar zij afwijken, geldt deze tekst.</p>"
                              f"<p>{_text(minutes.text.correction)}</p>"))
    if minutes.text.introduction.strip():
        parts.append(f"<p>{_text(minutes.text.introduction)}</p>")
    people = "".join(
        f"<tr><td>{labels.ROLE[p.role.value]}</td><td>{escape(p.name)}</td>"
        f"<td>{escape(p.organisation or '')}</td><td>{labels.ATTENDANCE[p.attendance.value]}"
        f"{labels.attendance_times(p)}</td></tr>" for p in sorted(item.participants, key=lambda p: list(
            labels.ROLE).index(p.role.value)))
    parts.append(_section("Aanwezigheid", "<table><tr><th>Rol</th><th>Naam</th>"
                          f"<th>Organisatie</th><th>Aanwezigheid</th></tr>{people}</table>"))
    involved = involvement_lines(item, case, meeting.date)
    parts.append(_section(
        "Betrokkenheid van kinderen vanaf 12 jaar",
        "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in involved) + "</ul>" if involved
        else "<p class='muted'>Geen kinderen van 12 jaar of ouder.</p>"))
    parts.append(_section("Doel en route", f"<p>Route: {escape(route)}</p>"
                          f"<p>{_text(item.purpose)}</p>"))
    plan = item.safety_plan
    shares = {True: "ja", False: "nee", None: "niet vastgelegd"}[plan.family_shares_worries]
    parts.append(_section("Veiligheidsplan", (
        f"<h3>Wat gaat er goed?</h3><p>{_text(plan.strengths)}</p>"
        f"<h3>Wat zijn de zorgen?</h3><p>{_text(plan.worries)}</p>"
        f"<h3>Wat moet er nu gebeuren?</h3><p>{_text(plan.must_happen_now)}</p>"
        f"<h3>Grootste zorg</h3><p>{_text(plan.danger_statement)}</p>"
        f"<h3>Visie van het gezin</h3><p>{_text(plan.family_view)}</p>"
        f"<p>Deelt het gezin de zorgen: {shares}</p>")))
    parts.append(_section("Schaalvragen", _scores(item, previous_scores)))
    parts.append(_section("Stem van het gezin", _voices(item)))
    if minutes.text.discussion.strip():
        parts.append(_section("Verslag van de bespreking", f"<p>{_text(minutes.text.discussion)}</p>"))
    if table.kind.value == "JBT":
        d = item.decision
        if d is None:
            body = "<p class='muted'>Geen besluit vastgelegd.</p>"
        else:
            gi = next((g.name for g in table.institutions if g.id == d.institution_id), None)
            body = (f"<p><b>{labels.DECISION[d.kind.value].capitalize()}</b></p>"
                    f"<h3>Motivering</h3><p>{_text(d.motivation)}</p>"
                    + (f"<p><i>{escape(citation)}</i></p>" if citation else "")
                    + (f"<p>Evaluatie: {labels.nl_date(d.evaluation_date)}</p>"
                       if d.evaluation_date else "")
                    + (f"<h3>Voorwaarden</h3><p>{_text(d.conditions)}</p>" if d.conditions else "")
                    + (f"<p>Gecertificeerde instelling: {escape(gi)}</p>" if gi else "")
                    + (f"<p>Voorkeur ouders: {escape(d.parents_preference)}</p>"
                       if d.parents_preference else "")
                    + (f"<p>Onderzoek uitgebreid naar: {escape(', '.join(d.extended_to_children))}"
                       "</p>" if d.extended_to_children else ""))
        parts.append(_section("Besluit", body + _at_decision(item)))
    else:
        parts.append(_section("Plan van aanpak", f"<p>{_text(item.plan_of_approach)}</p>"
                              + _at_decision(item)))
    lead = next(iter(case.active_case_leads()), None)
    reach = lead_reach(lead) if lead else ""
    parts.append(_section("Casusregie", (
        f"<p>{escape(lead.person)}, {escape(lead.organisation)} "
        f"({labels.PARTNER_KIND[lead.organisation_kind.value]}), sinds "
        f"{labels.nl_date(lead.since)}; "
        + (f"aanvaard op {labels.nl_date(lead.accepted_on)}" if lead.accepted
           else "nog niet aanvaard")
        + (f". Bereikbaar: {escape(reach)}" if reach else
           ". <span class='mark'>Telefoonnummer nog niet bekend.</span>") + "</p>")
        if lead else "<p class='muted'>Geen casusregie vastgelegd.</p>"))
    rows = "".join(
        f"<tr><td>{labels.AGREEMENT_KIND[a.kind.value]}</td><td>{escape(a.text)}</td>"
        f"<td>{escape(a.owner)}</td><td>{due_words(a.text, a.due_date)}</td>"
        f"<td>{escape(a.consequence or '')}</td></tr>" for a in item.agreements)
    parts.append(_section("Afspraken", "<table><tr><th>Soort</th><th>Wat</th><th>Wie</th>"
                          "<th>Wanneer</th><th>Als een voorwaarde niet wordt nagekomen</th></tr>"
                          f"{rows}</table>" if rows else "<p class='muted'>Geen afspraken.</p>"))
    if followed_up:
        rows = "".join(
            f"<tr><td>{escape(text)} <span class='muted'>({labels.nl_date(made)})</span></td>"
            f"<td>{FOLLOW_UP_NL[f.status.value]}</td><td>{labels.nl_date(f.on)}</td>"
            f"<td>{escape(f.said_by)}</td><td>{_text(f.note)}</td></tr>"
            for text, made, f in followed_up)
        parts.append(_section("Opvolging van eerdere afspraken",
                              "<table><tr><th>Afspraak (bespreking)</th><th>Opvolging</th>"
                              "<th>Datum</th><th>Wie zegt dit</th><th>Toelichting</th></tr>"
                              f"{rows}</table>"))
    terms = "".join(f"<li>{escape(d.note or TERMS[d.kind].label)}: uiterlijk {labels.nl_date(d.due_on)} "
                    f"({escape(d.source)})</li>" for d in started)
    follow = "".join(f"<li>{escape(line)}</li>"
                     for line in terms_that_follow(item.decision))
    parts.append(_section("Volgende moment en termijnen",
                          f"<p>Volgende moment: {labels.nl_date(item.next_moment) or '—'}</p>"
                          + (f"<ul>{terms}</ul>" if terms else "")
                          + ("<p>Termijnen die met het raadsonderzoek gaan lopen (elk vanaf "
                             f"zijn eigen gebeurtenis):</p><ul>{follow}</ul>" if follow else "")))
    if minutes.text.closing_remarks.strip():
        parts.append(f"<p>{_text(minutes.text.closing_remarks)}</p>")
    signers = "".join(
        f"<li>{'de voorzitter' if role.value == 'CHAIR' else 'de secretaris'}: "
        f"{escape((meeting.chair if role.value == 'CHAIR' else meeting.secretary) or '—')}</li>"
        for role in minutes.signing_order)
    parts.append(f"<section class='signing'><h2>Ondertekening</h2><p>Deze {escape(title.lower())}"
                 f" worden in deze volgorde digitaal ondertekend:</p><ol>{signers}</ol>"
                 "<div class='boxes'></div>"
                 "<p class='muted'>Dit document is digitaal ondertekend (PAdES). Een PDF-lezer "
                 "toont wie tekende en of het document sindsdien is gewijzigd. Correcties volgen "
                 "alleen als een aparte, ondertekende rectificatie.</p></section></body></html>")
    return "".join(parts)
