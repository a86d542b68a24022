"""Pseudonymisation by what the case itself knows: names, birth dates in every spelling, contacts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tafelapp.domain import name_reading as reading
from tafelapp.domain.models import Case

BIRTH_DATE = "[geboortedatum]"
ADDRESS = "[adres]"
CONTACT = "[contactgegeven]"
BSN = "[BSN]"
INTERFIXES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "v.", "v.d.",
              "d'", "'t", "la", "le", "du", "el", "al", "da", "dos"}
DIMINUTIVE = r"(?:tje|je|pje|ke|kje|ie|tjes|'s|s)?"


@dataclass(frozen=True)
class Span:
    """A piece of text to replace, and what by; `known` spans (the case's own) win overlaps."""

    start: int
    end: int
    replacement: str
    known: bool = True


@dataclass
class PersonalData:
    """Everything personal the case holds, ready to look for in free text."""

    terms: dict[str, str] = field(default_factory=dict)  # value -> pseudonym
    first_names: dict[str, str] = field(default_factory=dict)  # also found with a diminutive
    birth_dates: list[dt.date] = field(default_factory=list)
    phones: set[str] = field(default_factory=set)  # digits only, Dutch form (0…)
    # surname parts (lower case) the case only ever writes after an interfix: De Wit -> "wit"
    after_interfix: set[str] = field(default_factory=set)
    bare_parts: set[str] = field(default_factory=set)  # … and those it also writes without one
    interfix_words: set[str] = field(default_factory=set)  # the interfixes of its names: de, van


def _clean(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def initials(name: str) -> str:
    """`Sanne van Dalen` -> `S.v.D.` (the pseudonym used in a dossier)."""
    return "".join(f"{part[0]}." for part in re.split(r"[\s-]+", _clean(name)) if part)


def _surname_parts(parts: list[str]) -> list[str]:
    """`Bakker-de Vries` -> Bakker, Vries (each part someone could be called by)."""
    found = []
    for part in re.split(r"[\s-]+", " ".join(parts)):
        if len(part) >= 3 and part.lower() not in INTERFIXES and not part.endswith("."):
            found.append(part)
    return found


def _note_interfixes(name: str, data: PersonalData) -> None:
    """Which surname parts stand after an interfix (De Wit, Van der Berg) and which do not."""
    previous = ""
    for index, part in enumerate(re.split(r"[\s-]+", _clean(name))):
        if part.lower() in INTERFIXES:
            data.interfix_words.add(part.lower())
        elif index and len(part) >= 3:
            (data.after_interfix if previous.lower() in INTERFIXES else data.bare_parts).add(
                part.lower())
        previous = part


def _add_name(name: str, data: PersonalData, first: bool = True) -> None:
    """A person's full name, their first name, surname (with and without interfix) and each
    part of a double surname, all to initials."""
    clean = _clean(name)
    if not clean:
        return
    _note_interfixes(clean, data)
    data.terms.setdefault(name, initials(clean))
    data.terms.setdefault(clean, initials(clean))
    parts = clean.split()
    if len(parts) < 2:
        if first and len(clean) >= 3:
            data.first_names.setdefault(clean, initials(clean))
        return
    given = parts[0]
    if first and len(given) >= 3 and not given.endswith(".") and given[0].isupper():
        data.first_names.setdefault(given, initials(given))
    rest = " ".join(parts[1:])
    data.terms.setdefault(rest, initials(rest))
    for part in _surname_parts(parts[1:]):
        data.terms.setdefault(part, initials(part))


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if text.strip().startswith("+") and digits.startswith("31"):
        return "0" + digits[2:]
    if digits.startswith("0031"):
        return "0" + digits[4:]
    return digits


def personal_data(case: Case, extra_names: list[str]) -> PersonalData:
    """Every personal value of the case mapped to what the stuurgroep sees instead."""
    data = PersonalData()
    family = case.family
    data.terms[family.name] = f"gezin {initials(family.name)}"
    _note_interfixes(f"gezin {family.name}", data)
    for part in _surname_parts(family.name.split()):
        if part.lower() != "fictief":
            data.terms.setdefault(part, initials(part))
    for guardian in family.guardians:
        _add_name(guardian.name, data)
        for value in (guardian.phone, guardian.email):
            if value:
                data.terms[value] = CONTACT
        if guardian.phone:
            data.phones.add(_digits(guardian.phone))
        if guardian.address:
            data.terms[guardian.address] = ADDRESS
    for value in (family.address, family.postcode):  # the city is the table's, not personal
        if value:
            data.terms[value] = ADDRESS
    for child in case.children:
        _add_name(f"{child.first_name} {child.last_name}", data)
        _add_name(child.first_name, data)
        for part in _surname_parts(child.last_name.split()):
            data.terms.setdefault(part, initials(part))
        data.terms.setdefault(child.last_name, initials(child.last_name))
        _note_interfixes(f"{child.first_name} {child.last_name}", data)
        if child.birth_date:
            data.birth_dates.append(child.birth_date)
    for name in extra_names:
        _add_name(name, data)
    data.terms = {k: v for k, v in data.terms.items() if k and len(k) > 1}
    data.after_interfix -= data.bare_parts
    return data


_MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
           "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
           "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
           "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:'|’)?(\d{4}|\d{2})"
_DATES = [
    (re.compile(rf"(?<![\d\w])(\d{{1,2}})\s?[-/.]\s?(\d{{1,2}})(?:\s?[-/.]\s?{_YEAR})?(?![\d\w])"),
     "dmy"),
    (re.compile(r"(?<![\d\w])(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})(?![\d\w])"), "ymd"),
    (re.compile(rf"(?<![\d\w])(\d{{1,2}})(?:e|ste|de)?[\s-]+({_MONTH})\.?(?:[\s-]+{_YEAR})?"
                rf"(?![\w])", re.IGNORECASE), "dMy"),
]
_BIRTH_CONTEXT = re.compile(r"(geboren|geb\.|geboortedatum|geboortedag|°|\*|jarig|verjaardag)"
                            r"[^.;\n]{0,25}$", re.IGNORECASE)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year if year >= 100 else (2000 + year if year < 50 else 1900 + year)


def dates_in(text: str) -> list[tuple[int, int, int, int, int | None]]:
    """(start, end, day, month, year or None) of every date, in the spellings people use:
    14-3-2013, 14/03/13, 14.03.2013, 2013-03-14, 14 maart 2013, 14 mrt. '13, 14 maart."""
    found = []
    for pattern, order in _DATES:
        for m in pattern.finditer(text):
            if order == "dmy":
                day, month, year = int(m[1]), int(m[2]), _year(m[3])
                if m[3] is None and not re.search(r"[-/]", m[0]):
                    continue  # "1.5" is a number, not a date
            elif order == "ymd":
                year, month, day = int(m[1]), int(m[2]), int(m[3])
            else:
                day, month, year = int(m[1]), _MONTHS[m[2].lower()], _year(m[3])
            if 1 <= day <= 31 and 1 <= month <= 12:
                found.append((m.start(), m.end(), day, month, year))
    return found


def is_birth_date(text: str, start: int, day: int, month: int, year: int | None,
                  birth_dates: list[dt.date]) -> bool:
    """A date that is a birth date of the case (any spelling, with or without the year), or any
    date right after "geboren", "geb.", "jarig" …"""
    for born in birth_dates:
        if (day, month) == (born.day, born.month) and year in (None, born.year):
            return True
    return _BIRTH_CONTEXT.search(text[max(0, start - 40):start]) is not None


_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d\s\-().]{7,16}\d(?![\w])")
_BSN = re.compile(r"(?<![\w.])\d{4}[.\s]?\d{2}[.\s]?\d{3}(?![\w])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(r"(?<!\w)[1-9]\d{3}\s?[A-Z]{2}(?!\w)")
# A street and house number after the words that introduce an address (op de Nieuwe Gracht 8,
# naar Plein 1944 nr 2): capitalised words, then a number, perhaps with a letter or addition.
_ADDRESS = re.compile(r"\b(?:op|aan|naar|adres:?|Adres:?|woont in|bij)\s+(?:de\s+|het\s+)?"
                      r"(?P<street>(?:[A-Z][\w'.-]*\s+){1,3}\d{1,4}(?:\s?[a-zA-Z](?!\w))?"
                      r"(?:[-/]\w+)?(?:\s+(?:nr\.?|huisnummer)\s*\d+)?)")


def reads_as_name(text: str, start: int, end: int, value: str, data: PersonalData,
                  places: Sequence[tuple[int, int]] = (),
                  institutions: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether text[start:end], which spells the case's name part `value`, is meant as that
    name here (the rules are in `tafelapp.domain.name_reading`). When in doubt: a name."""
    written, own = reading.cores(text[start:end]), reading.cores(value)
    if len(written) != 1 or len(own) != 1 or not reading.is_ordinary(own[0]):
        return True  # two name words, or a word that is no ordinary Dutch word ("Yilmaz")
    if reading.named_before(text, start, data.first_names, data.interfix_words):
        return True
    if re.match(r"-\s?[A-Z]", text[end:end + 3]):
        return True  # the first half of a double surname
    core = written[0]
    if core[0].islower():
        # "de muren zijn wit", "De bakker op de hoek" — unless the sentence itself opens in lower
        # case ("visser belt terug"): written so sloppily, it is the name
        return text[start].islower() and reading.opens_sentence(text, start)
    if core.isupper() and len(core) > 1:
        return True
    if reading.inside(start, end, institutions):
        return False  # "basisschool De Linden"
    bare = len(reading.words(text[start:end])) == 1
    if bare and own[0].lower() in data.after_interfix:
        return not (reading.opens_sentence(text, start) or reading.inside(start, end, places))
    return True


def known_reading(text: str, data: PersonalData, places: Sequence[tuple[int, int]] = ()
                  ) -> tuple[list[Span], list[tuple[int, int]]]:
    """The spans of the case's own values in `text` (and anything shaped like a BSN, a Dutch
    phone number, an e-mail address or a postcode), and the places where a name part of the
    case is written but read as an ordinary word (so a detector does not take it either).
    `places` are the place names found in the text (they stay)."""
    spans: list[Span] = []
    cleared: list[tuple[int, int]] = []
    institutions = reading.institution_spans(text)

    def add(m: re.Match[str], value: str, pseudonym: str) -> None:
        if pseudonym.startswith("[") or reads_as_name(text, m.start(), m.end(), value, data,
                                                      places, institutions):
            if pseudonym.startswith("gezin ") and reading.named_before(text, m.start(), ()):
                pseudonym = pseudonym.removeprefix("gezin ")  # "mevrouw D.W.", "familie D.W."
            spans.append(Span(m.start(), m.end(), pseudonym))
        else:
            cleared.append((m.start(), m.end()))

    def short_form_meant(m: re.Match[str]) -> bool:
        """"Den" of Dennis is no name in "Den Haag", "Ann" of Annemiek none in "Annie M.G.
        Schmidtschool"."""
        if reading.inside(m.start(), m.end(), [*places, *institutions]):
            return False
        return not (m[0].lower() in reading.INTERFIX_WORDS
                    and re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]))

    for value in sorted(data.terms, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(value)}(?:'?s)?(?!\w)", text, re.IGNORECASE):
            add(m, value, data.terms[value])
    for value, pseudonym in data.first_names.items():
        for m in re.finditer(rf"(?<!\w){re.escape(value)}{DIMINUTIVE}(?!\w)", text,
                             re.IGNORECASE):
            add(m, value, pseudonym)
        if len(value) >= 5:  # a short form: Yas for Yasmina, Moham for Mohammed
            short = "|".join(re.escape(value[:n]) for n in range(len(value) - 1, 2, -1))
            for m in re.finditer(rf"(?<!\w)(?:{short}){DIMINUTIVE}(?!\w)", text):
                if short_form_meant(m):
                    spans.append(Span(m.start(), m.end(), pseudonym))
    for start, end, day, month, year in dates_in(text):
        if is_birth_date(text, start, day, month, year, data.birth_dates):
            spans.append(Span(start, end, BIRTH_DATE))
    for m in _EMAIL.finditer(text):
        spans.append(Span(m.start(), m.end(), CONTACT))
    for m in _PHONE.finditer(text):
        digits = _digits(m[0])
        if digits in data.phones or (len(digits) == 10 and digits.startswith("0")):
            spans.append(Span(m.start(), m.end(), CONTACT))
    for m in _BSN.finditer(text):
        spans.append(Span(m.start(), m.end(), BSN))
    for m in _POSTCODE.finditer(text):
        spans.append(Span(m.start(), m.end(), ADDRESS))
    for m in _ADDRESS.finditer(text):
        spans.append(Span(m.start("street"), m.end("street"), ADDRESS))
    return spans, cleared


def known_spans(text: str, data: PersonalData) -> list[Span]:
    """Where the case's own values (and anything shaped like a BSN, a phone number, an e-mail
    address or a postcode) occur in `text`, read as names where they are meant as names."""
    return known_reading(text, data)[0]


def replace_spans(text: str, spans: list[Span]) -> str:
    """Apply replacements. Overlapping spans become one, so no part of either stays in clear;
    it takes the replacement of its longest span (the case's own before a detected one)."""
    groups: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if groups and span.start < max(s.end for s in groups[-1]):
            groups[-1].append(span)
        else:
            groups.append([span])
    out, last = [], 0
    for group in groups:
        start, end = group[0].start, max(s.end for s in group)
        best = max(group, key=lambda s: (s.end - s.start, s.known))
        out.append(text[last:start])
        out.append(best.replacement)
        last = end
    out.append(text[last:])
    return "".join(out)
