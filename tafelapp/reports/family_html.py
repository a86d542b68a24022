"""The Gezinsoverzicht as simple, large-print HTML (Qt rich text subset) for screen and PDF: for
the parents ("u", "jullie"), or for the young person of 12+ ("jij")."""

from __future__ import annotations

from html import escape

from tafelapp.domain.family_summary import FamilySummary, Promise
from tafelapp.domain.family_words import EXPLAINED, EXPLAINED_YOUNG, terms_in

CSS = """@page { size: A4; margin: 16mm 16mm 16mm 16mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.3; }
h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 12.5pt; margin: 10pt 0 2pt 0; }
ul { margin-top: 2pt; } .words { background: #f1f8e9; padding: 4pt; }"""


def _promises(title: str, intro: str, items: list[Promise], young: bool,
              with_consequence: bool = False) -> str:
    if not items:
        return ""
    rows = []
    for p in items:
        when = (f" Dat blijft zo tot en met {escape(p.due)}." if p.recurring else
                f" Dat moet klaar zijn op {escape(p.due)}.") if p.due else ""
        line = f"<li><b>{escape(p.text)}</b><br/>Wie doet het: {escape(p.owner)}.{when}"
        if with_consequence and p.consequence:
            line += (f"<br/><i>Als {'het' if young else 'dit'} niet lukt:</i> "
                     f"{escape(p.consequence)}")
        rows.append(line + "</li>")
    return f"<h2>{escape(title)}</h2><p>{escape(intro)}</p><ul>{''.join(rows)}</ul>"


def _sentence(text: str) -> str:
    """A text as one sentence with its full stop (and a space after), or nothing."""
    text = text.strip()
    return f"{escape(text)}{'' if text[-1:] in '.!?' else '.'} " if text else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>" if items else ""


def body_text(s: FamilySummary, young: bool = False) -> str:
    """The summary's sections as HTML (without the word list): what a reader reads first."""
    you, your = ("jij", "je") if young else ("u", "uw")
    them = "je ouders en jij" if young else "jullie"
    orgs = "".join(f"<li><b>{escape(o.name)}</b> {escape(o.does)} Contact: {escape(o.contact)}."
                   f"</li>" for o in s.organisations)
    voices = "".join(
        f"<li><b>{escape(v.name)}</b>: {_sentence(v.view)}"
        f"{f'Eigen cijfer voor de veiligheid: {v.score} van de 10. ' if v.score is not None else ''}"
        f"Over het besluit: {escape(v.stance)}. {_sentence(v.words)}</li>" for v in s.voices)
    contact = (f"{escape(s.case_lead)}" + (f", telefoon {escape(s.case_lead_phone)}"
                                           if s.case_lead_phone else "")
               + (f", e-mail {escape(s.case_lead_email)}" if s.case_lead_email else "")
               if s.case_lead else "Nog niet bekend. Wij laten het " + you + " weten")
    if s.case_lead_phone or not s.case_lead:
        first = "Bel eerst deze persoon."
    elif s.case_lead_email:
        first = "Stuur deze persoon eerst een e-mail."
    else:
        first = "Vraag eerst deze persoon. Het nummer krijg" + ("" if young else "t") + \
            f" {you} nog."
    complaints = "".join(f"<li>Over {escape(c.organisation)}: {escape(c.route)}</li>"
                         for c in s.complaints)
    no_date = (f"Er is nog geen datum. {your.capitalize()} vaste contactpersoon belt "
               f"{'je' if young else 'u'} daarover.")
    heading = (f"Wat we samen hebben besproken, {escape(s.young_person)}" if young else
               "Wat we samen hebben besproken")
    intro = (f"Dit is voor jou, {escape(s.young_person)}. Hier staat wat we met jou en je ouders "
             "hebben besproken." if young else
             f"Dit is voor {them}: het gezin {escape(s.family_name)}. Het gaat over "
             f"{escape(s.children)}.")
    return f"""<h1>{heading}</h1>
<p>{intro}<br/>Het gesprek was op {escape(s.date)}, {escape(s.place)}.</p>
<h2>Wie waren er bij?</h2>{_list(s.present)}
<h2>Wie helpen er?</h2><ul>{orgs}</ul>
<h2>Wat is er besloten?</h2>
<p><b>{escape(s.decision_title)}</b></p>
<p>{escape(s.decision_text_young if young else s.decision_text)}</p>
<h2>Hoe is dit besluit genomen?</h2>
<p>Iedereen aan tafel heeft verteld wat er goed gaat en wat zorgen geeft.</p>
{_list(s.weighed)}
<p>Zo zagen {them} het:</p><ul>{voices or '<li>Dat is niet opgeschreven.</li>'}</ul>
{'<p>Niet iedereen was het eens:</p>' + _list(s.dissents) if s.dissents else ''}
{f'<p>Waarom dit besluit: {escape(s.decision_reason)}</p>' if s.decision_reason else ''}
{_promises("Waar werken we aan?", "Dit willen we samen bereiken.", s.goals, young)}
{_promises("Wat moet er gebeuren?", "Deze afspraken moeten echt lukken.", s.conditions, young,
           with_consequence=True)}
{_promises("Andere afspraken", "Wie doet wat.", s.arrangements, young)}
<h2>Wie is {your} vaste contactpersoon?</h2>
<p>{contact}.<br/>Heb{'' if young else 't'} {you} een vraag? {first}</p>
<h2>Wanneer praten we weer?</h2>
<p>{escape(s.next_moment) + '.' if s.next_moment else no_date}</p>
<h2>Ben{'' if young else 't'} {you} het er niet mee eens?</h2>
<p>Zeg het eerst tegen {your} vaste contactpersoon. Samen zoeken we een oplossing.
{'Kom je er niet uit? Dan kun je een klacht indienen:' if young else
 'Komt u er samen niet uit? Dan kunt u een klacht indienen:'}</p>
<ul>{complaints or '<li>Vraag ' + your + ' contactpersoon hoe dat gaat.</li>'}</ul>"""


def family_html(s: FamilySummary, young: bool = False) -> str:
    """One page: who, what was decided and how, what now, who to ask, and what if not eens;
    every term from the domain glossary that remains is explained in one sentence."""
    young = young and bool(s.young_person)  # no young person of 12+ at the table: the parents'
    body = body_text(s, young)
    explained = EXPLAINED_YOUNG if young else EXPLAINED
    words = "".join(f"<li><b>{escape(t)}</b>: {escape(explained[t])}</li>"
                    for t in terms_in(body))
    box = (f"<div class='words'><h2>Wat betekent dit woord?</h2><ul>{words}</ul></div>"
           if words else "")
    return (f"<html><head><meta charset='utf-8'/><title>Gezinsoverzicht</title><style>{CSS}"
            f"</style></head><body>{body}{box}</body></html>")
