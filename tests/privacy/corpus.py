"""A corpus of Dutch sentences written for testing the pseudonymisation of stuurgroep dossiers.

Four fictitious families; each sentence template is filled in for each family. `{x}` is a
personal value of the case (it must not survive), `[[…]]` a phrase that must stay as it is
(organisations, meeting dates, terms, durations, places): it measures false replacements.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from tafelapp.domain.models import Case, Child, Guardian
from tafelapp.domain.models import Family as FamilyModel
from tafelapp.domain.pseudonyms import PersonalData, personal_data

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
ABBR = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


@dataclass(frozen=True)
class Family:
    """One fictitious case as the vault knows it, plus the ways people write about it."""

    name: str
    mother: str
    father: str
    child: str
    child_last: str
    nickname: str
    born: dt.date
    sibling: str
    sibling_born: dt.date
    address: str
    postcode: str
    phone: str
    phone_other_spelling: str
    email: str
    bsn: str
    mother_formal: str
    father_formal: str
    professional: str


FAMILIES = [
    Family("Van Dalen", "Sanne van Dalen-Bakker", "Mehmet Yilmaz", "Noor", "van Dalen", "Noortje",
           dt.date(2013, 3, 14), "Daan", dt.date(2016, 11, 2), "Voorbeeldlaan 12", "8232 AB",
           "06-12345678", "06 1234 5678", "sanne.vandalen@example.nl", "123456782",
           "mevrouw Van Dalen", "de heer Yilmaz", "Karin Smit"),
    Family("De Wit", "Femke de Wit", "Johan de Wit", "Lotte", "de Wit", "Lotje",
           dt.date(2011, 7, 5), "Sem", dt.date(2019, 1, 30), "Kerkstraat 5a", "1334 XZ",
           "0320-123456", "0320 12 34 56", "f.dewit@example.org", "111222333",
           "mw. De Wit", "dhr. J. de Wit", "Pieter Brouwer"),
    Family("El Amrani", "Fatima Bouzid", "Mohammed El Amrani", "Yasmina", "El Amrani", "Yas",
           dt.date(2012, 12, 24), "Adam", dt.date(2017, 4, 9), "Landdrostlaan 140", "1216 HD",
           "+31 6 23456789", "0623456789", "m.elamrani@example.com", "987654329",
           "mevrouw Bouzid", "meneer El Amrani", "Ellen de Graaf"),
    Family("Jansen", "Anna Jansen", "Kees Pietersen", "Tim", "Jansen", "Timmie",
           dt.date(2014, 10, 1), "Evi", dt.date(2020, 6, 18), "Graaf Florisweg 3", "2805 AP",
           "010-2345678", "010 234 56 78", "anna.jansen@example.net", "123123123",
           "mw. A. Jansen", "de heer Pietersen", "Ruud Hendriks"),
]


def _forms(born: dt.date) -> dict[str, str]:
    d, m, y = born.day, born.month, born.year
    return {"b_dash": f"{d}-{m}-{y}", "b_pad": f"{d:02d}-{m:02d}-{y}",
            "b_slash": f"{d:02d}/{m:02d}/{y}", "b_short": f"{d}-{m}-{y % 100:02d}",
            "b_dot": f"{d:02d}.{m:02d}.{y}", "b_iso": born.isoformat(),
            "b_long": f"{d} {MONTHS[m - 1]} {y}", "b_abbr": f"{d} {ABBR[m - 1]}. {y}",
            "b_abbr_nodot": f"{d} {ABBR[m - 1]} {y}", "b_daymonth": f"{d} {MONTHS[m - 1]}",
            "b_ordinal": f"{d}e {MONTHS[m - 1]} {y}", "b_dashmonth": f"{d}-{ABBR[m - 1]}-{y}",
            "b_apos": f"{d} {MONTHS[m - 1]} '{y % 100:02d}"}


TEMPLATES = [
    "{child} ({b_dash}) woont bij {mother_full} aan de {address} in [[Lelystad]].",
    "{child_full}, geboren op {b_long}, is besproken aan de [[Jeugdbeschermingstafel]].",
    "Moeder {mother_full} vertelt dat {nickname} slecht slaapt sinds de zomer.",
    "Vader {father_full} is bereikbaar op {phone} en via {email}.",
    "De [[Raad voor de Kinderbescherming]] start een raadsonderzoek naar {child} (geb. {b_pad}).",
    "{mother_formal} is het niet eens met het besluit van [[3 december 2026]].",
    "{father_formal} zegt dat hij {child} elke zaterdag ziet.",
    "BSN van {child}: {bsn}.",
    "Adres: {address}, {postcode} [[Almere]].",
    "{child} is op {b_slash} geboren in het ziekenhuis.",
    "Het gezin {family} is al [[twee jaar]] bekend bij [[Veilig Thuis]].",
    "Volgens de school gaat het beter met {child}; zij is jarig op {b_daymonth}.",
    "Geboortedatum {child}: {b_iso}.",
    "{sibling} (geboren {sibling_long}) gaat naar de opvang in [[Dronten]].",
    "{child} en {sibling} logeren bij oma als {mother_first} moet werken.",
    "De jeugdbeschermer van [[Jeugdbescherming Noord]] belt {mother_formal} op {phone_other}.",
    "Een [[ondertoezichtstelling]] van [[12 maanden]] is nodig voor {child}.",
    "Casusregisseur {professional} spreekt {father_first} na de [[JBT]] van [[14 januari 2027]].",
    "In het [[veiligheidsplan]] staat dat {mother_first} {nickname} niet alleen laat.",
    "{child} gaf een [[score 4]] op de schaalvraag; {mother_first} gaf een [[score 6]].",
    "De melding kwam binnen op [[2 november 2026]] van de huisarts van {child_full}.",
    "{father_full} woont sinds de scheiding op een ander adres dan {address}.",
    "E-mail van moeder: {email}.",
    "Geb.datum {child}: {b_dot}.",
    "{child_initial}, geboren {b_abbr}, heeft een eigen hulpverlener.",
    "{nickname} wil dat {father_first} vaker komt.",
    "Zaaknummer [[JBT-2026-0001]] betreft {child_full} en {sibling} {last}.",
    "De [[Raad]] adviseert een [[machtiging uithuisplaatsing]] voor {child}, geboren {b_short}.",
    "Op {b_abbr_nodot} is {child} geboren; de bevalling was zwaar voor {mother_first}.",
    "Het [[Wijkteam]] ziet {mother_formal} [[elke week]].",
    "{mother_full} belt zelf met {phone}; zij wil geen post op {address}.",
    "Familie {family} staat op de agenda van [[15 december 2026]] om [[10.30 uur]].",
    "{child} noemt zichzelf {nickname} op school.",
    "{father_formal} heeft geen gezag; {mother_formal} wel.",
    "Verjaardag van {child}: {b_ordinal}.",
    "{child} ({b_dashmonth}) zit in groep 7.",
    "Het [[plan van aanpak]] loopt [[6 weken]]; daarna evalueert de [[ZVT]] met {mother_first}.",
    "Postcode {postcode} valt onder het [[wijkteam Haven]].",
    "{child_full} vertelt dat {father_first} boos werd toen {sibling} huilde.",
    "Contact met de school van {child} verloopt via de intern begeleider.",
    "De [[gecertificeerde instelling]] neemt de casusregie over van {professional}.",
    "{mother_first} {last} was zelf jong moeder; {child} werd geboren op {b_apos}.",
    "Op [[20 januari 2027]] volgt een [[evaluatie]] van de afspraken met {family}.",
    "{father_full} belde op {phone_other} en sprak {professional} over {nickname}.",
    "{child} logeert af en toe bij de buurvrouw op {address}.",
    "Het [[uitgesteld raadsonderzoek]] voor {child_full} loopt tot [[1 maart 2027]].",
    "{mother_formal} wil dat {child} bij haar blijft wonen.",
    "De [[voorzitter]] vraagt {father_formal} wat hij nodig heeft.",
    "{sibling} is geboren op {sibling_dash}; {child} op {b_dash}.",
    "BSN {bsn} staat op de aanmelding bij [[Veilig Thuis Flevoland]].",
    "{child_full} (e-mail ouder: {email}) krijgt [[spoedhulp]].",
    "Volgens {mother_first} is {nickname} sinds {b_daymonth} niet meer naar school geweest.",
    "Bij de [[politie]] zijn [[drie meldingen]] bekend over het adres {address}.",
    "{father_first} en {mother_first} komen samen naar de [[Zorg- en Veiligheidstafel]].",
    "{child_initial} heeft geen eigen telefoon; bel moeder op {phone}.",
    "In [[2025]] was er al een [[vrijwillig kader]]; nu is [[drang]] nodig voor {child}.",
]


@dataclass(frozen=True)
class Sentence:
    """One filled-in sentence, what must go, and what must stay."""

    text: str
    personal: list[str]
    keep: list[str]
    family: Family


def _values(f: Family) -> dict[str, str]:
    mother_first, father_first = f.mother.split()[0], f.father.split()[0]
    return {"child": f.child, "child_full": f"{f.child} {f.child_last}",
            "child_initial": f"{f.child[0]}. {f.child_last}", "nickname": f.nickname,
            "mother_full": f.mother, "father_full": f.father, "mother_first": mother_first,
            "father_first": father_first, "mother_formal": f.mother_formal,
            "father_formal": f.father_formal, "family": f.name, "last": f.child_last,
            "sibling": f.sibling, "sibling_long": _forms(f.sibling_born)["b_long"],
            "sibling_dash": _forms(f.sibling_born)["b_dash"], "address": f.address,
            "postcode": f.postcode, "phone": f.phone, "phone_other": f.phone_other_spelling,
            "email": f.email, "bsn": f.bsn, "professional": f.professional, **_forms(f.born)}


def sentences() -> list[Sentence]:
    """Every template for every family."""
    out = []
    for family in FAMILIES:
        values = _values(family)
        for template in TEMPLATES:
            personal = [values[key] for key in re.findall(r"\{(\w+)\}", template)]
            keep = re.findall(r"\[\[(.+?)\]\]", template)
            text = template.replace("[[", "").replace("]]", "").format(**values)
            out.append(Sentence(text, personal, keep, family))
    return out


_INTERFIX = {"van", "de", "der", "den", "el", "mw.", "dhr.", "de heer", "mevrouw", "meneer"}


def leaked(output: str, sentence: Sentence) -> list[str]:
    """Personal values (or any name part of three letters or more) still in the output."""
    found = []
    for value in sentence.personal:
        parts = [value] + ([] if re.search(r"\d|@", value) else [
            p for p in re.split(r"[\s\-.]+", value) if len(p) >= 3 and p.lower() not in _INTERFIX])
        for part in parts:
            if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", output, re.IGNORECASE):
                found.append(part)
    return found


def damaged(output: str, sentence: Sentence) -> list[str]:
    """Phrases that had to stay but did not."""
    return [phrase for phrase in sentence.keep if phrase not in output]


def case_for(family: Family) -> tuple[Case, list[str]]:
    """The case as the vault holds it, and the professionals' names (the meeting's participants)."""
    from tests import factories

    last = family.child_last
    case = factories.case(factories.table(), children=[
        Child(first_name=family.child, last_name=last, birth_date=family.born),
        Child(first_name=family.sibling, last_name=last, birth_date=family.sibling_born)],
        family=FamilyModel(name=family.name, address=family.address, postcode=family.postcode,
                           city="Lelystad", guardians=[
                               Guardian(name=family.mother, phone=family.phone,
                                        email=family.email),
                               Guardian(name=family.father)]))
    return case, [family.professional, "Mr. A. de Boer"]


@dataclass(frozen=True)
class Evaluation:
    """What a pseudonymiser did to the whole corpus."""

    sentences: int
    personal_values: int
    leaks: list[dict[str, object]]
    damage: list[dict[str, str]]
    phrases_to_keep: int


def evaluate(pseudonymise: Callable[[str, PersonalData], str]) -> Evaluation:
    """Run every sentence through `pseudonymise` with its own case's data."""
    data = {f.name: personal_data(*case_for(f)) for f in FAMILIES}
    corpus = sentences()
    leaks: list[dict[str, object]] = []
    damage: list[dict[str, str]] = []
    for sentence in corpus:
        output = pseudonymise(sentence.text, data[sentence.family.name])
        leaks += [{"text": sentence.text, "output": output, "leaked": v}
                  for v in leaked(output, sentence)]
        damage += [{"text": sentence.text, "output": output, "phrase": p}
                   for p in damaged(output, sentence)]
    return Evaluation(len(corpus), sum(len(s.personal) for s in corpus), leaks, damage,
                      sum(len(s.keep) for s in corpus))
