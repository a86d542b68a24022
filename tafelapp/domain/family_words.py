"""Plain words for the Gezinsoverzicht (B1): dates and lists as people say them, what each
organisation does for the family, and a one-sentence explanation of every term that remains."""

from __future__ import annotations

import datetime as dt
import re

from tafelapp.domain.enums import Role

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def spoken_date(day: dt.date) -> str:
    """`maandag 1 maart 2027`."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def spoken_time(moment: dt.time) -> str:
    """`14.00 uur`."""
    return f"{moment:%H.%M} uur"


def names_list(names: list[str]) -> str:
    """`Noor en Daan`, `Noor, Daan en Sem`."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} en {names[-1]}"


# What each organisation at the table does for the family, one short line (parents: "u").
ROLE_LINE = {
    Role.RVDK: "kijkt of de kinderen veilig opgroeien. Als dat nodig is, doet de Raad onderzoek.",
    Role.JB: "helpt het gezin als er zorgen zijn over de veiligheid van de kinderen.",
    Role.REFERRER: "heeft de zorgen gemeld. Zij helpen bij geweld in het gezin.",
    Role.CASE_LEAD: "houdt overzicht over de hulp en is uw vaste contactpersoon.",
    Role.CARE_PROVIDER: "geeft de hulp aan het gezin.",
    Role.POLICE: "let op de veiligheid in en rond het huis.",
    Role.SCHOOL: "let op hoe het op school gaat.",
    Role.CHAIR: "leidt het gesprek.",
    Role.SECRETARY: "schrijft op wat er is afgesproken.",
    Role.BEHAVIOURAL_SCIENTIST: "denkt mee over wat de kinderen nodig hebben.",
    Role.OTHER_PROFESSIONAL: "denkt mee over de hulp.",
}

# Who was at the table and what they do there, in a few plain words ("Wie waren er bij?").
PRESENT_WORD = {
    Role.CHAIR: "leidt het gesprek", Role.SECRETARY: "schrijft op wat er is besproken",
    Role.PARENT: "ouder", Role.CHILD: "", Role.RVDK: "van de Raad, doet onderzoek als dat nodig is",
    Role.JB: "helpt als de kinderen niet veilig zijn", Role.REFERRER: "heeft de zorgen gemeld",
    Role.CASE_LEAD: "houdt het overzicht over de hulp", Role.POLICE: "politie",
    Role.CARE_PROVIDER: "geeft hulp", Role.SCHOOL: "van school",
    Role.CONFIDANT: "helpt de ouders als vertrouwd persoon", Role.LAWYER: "advocaat",
    Role.BEHAVIOURAL_SCIENTIST: "denkt mee over wat de kinderen nodig hebben",
    Role.OTHER_PROFESSIONAL: "denkt mee over de hulp",
}

# Every term of the domain glossary a family may still meet (in what professionals wrote),
# explained in one sentence. Terms the summary itself uses are avoided or explained here too.
EXPLAINED = {
    "raadsonderzoek": "Een raadsonderzoek is een onderzoek van de Raad voor de "
                      "Kinderbescherming naar hoe veilig de kinderen opgroeien.",
    "uitgesteld raadsonderzoek": "Bij een uitgesteld raadsonderzoek krijgt de hulp eerst een "
                                 "kans, en wacht het onderzoek.",
    "veiligheidsplan": "In het veiligheidsplan staat wat er moet gebeuren zodat de kinderen "
                       "veilig zijn.",
    "veiligheidsafspraak": "Een veiligheidsafspraak is een afspraak die de kinderen veilig "
                           "moet houden.",
    "schaalvraag": "Bij de schaalvraag geeft iedereen een cijfer van 0 tot 10 voor hoe veilig "
                   "het nu is.",
    "casusregie": "Casusregie betekent: één persoon houdt het overzicht over alle hulp.",
    "casusregisseur": "De casusregisseur houdt het overzicht over alle hulp.",
    "gecertificeerde instelling": "Een gecertificeerde instelling is een organisatie die "
                                  "kinderen mag beschermen.",
    "jeugdbeschermer": "Een jeugdbeschermer helpt het gezin als de kinderen niet veilig zijn.",
    "jeugdbeschermingstafel": "De Jeugdbeschermingstafel is een gesprek over de veiligheid "
                              "van de kinderen, met het gezin erbij.",
    "zorg- en veiligheidstafel": "De Zorg- en Veiligheidstafel is een gesprek over zorgen en "
                                 "veiligheid, met het gezin erbij.",
    "ondertoezichtstelling": "Bij een ondertoezichtstelling krijgt het gezin verplicht hulp "
                             "van een jeugdbeschermer.",
    "voorwaarde": "Een voorwaarde is een afspraak die echt moet lukken.",
    "jeugdige": "Met jeugdige bedoelen we een kind of jongere.",
    "melder": "De melder is degene die de zorgen heeft doorgegeven.",
    "ketenregie": "Ketenregie betekent: de gemeente let erop dat alle hulp goed samenwerkt.",
    "stuurgroep": "De stuurgroep is een overleg van bestuurders als de hulp vastloopt.",
    "opschaling": "Opschaling betekent: een probleem gaat naar bestuurders omdat het vastloopt.",
    "notulen": "De notulen zijn het verslag van het gesprek.",
    "termijn": "Een termijn is de tijd waarin iets moet gebeuren.",
    "aanmelding": "De aanmelding is het verzoek om het gezin te bespreken.",
    "gezag": "Wie gezag heeft, beslist over de opvoeding van het kind.",
    "JB": "JB is de jeugdbeschermer: die helpt het gezin als de kinderen niet veilig zijn.",
    "GI": "GI is een organisatie die kinderen mag beschermen (een gecertificeerde instelling).",
    "OTS": "OTS is een ondertoezichtstelling: het gezin krijgt dan verplicht hulp.",
    "RvdK": "RvdK is de Raad voor de Kinderbescherming.",
}

# The same, for the young person ("jij"); where it differs.
EXPLAINED_YOUNG = {
    **EXPLAINED,
    "raadsonderzoek": "Een raadsonderzoek is een onderzoek van de Raad voor de "
                      "Kinderbescherming naar hoe veilig jij en je broers of zussen opgroeien.",
    "casusregisseur": "De casusregisseur houdt het overzicht over alle hulp. Je mag die ook "
                      "zelf bellen.",
}


def terms_in(text: str) -> list[str]:
    """The glossary terms that occur in `text` (whole words, any case), longest first."""
    found: list[str] = []
    for term in sorted(EXPLAINED, key=len, reverse=True):
        flags = 0 if term.isupper() or term == "RvdK" else re.IGNORECASE  # JB, not "jb" in a word
        if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, flags) and not any(
                term.lower() in longer.lower() for longer in found):
            found.append(term)
    return found
