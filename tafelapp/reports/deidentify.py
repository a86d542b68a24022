"""Pseudonymise free text for the stuurgroep: the case's own values, then deduce for the rest.

deduce (Dutch de-identification, UMC Utrecht) finds names the case does not know (a neighbour,
a teacher, a nickname), street addresses, phone numbers, e-mail, BSN and other numbers. Its full
lookup tables take 10 s and 1.1 GB to load; most of that is the tables of streets, healthcare
institutions and hospitals, which we do not use (organisations stay; streets are found by their
form and by the case's own addresses). `prepare()` writes a copy of deduce's cache without them
(0.4 s, ~50 MB to load); one instance per process, shared behind a lock.

deduce's place names are kept, but as places that *stay*: its name lists also hold Den Haag,
Rijswijk, Wassenaar and Westland as surnames. So Tafelapp reads deduce's own annotations before
deduce merges them ("achternaam", "prefix+naam", "initiaal+interfix+naam", "locatie") and drops
a name that is no more than a place ("in Den Haag"; "familie Wassenaar" stays a name), a word
inside the name of a school or team ("wijkteam Haven", "de Jan Ligthartschool"), a frequent
ordinary word deduce knows only from its lists opening a sentence ("Vrede in huis …"), and a word
the case's own rules read as an ordinary word ("Berg op, berg af" for the family Van der Berg).
The rules: `tafelapp.domain.name_reading`. School names stay (they point at no one child: see
there).
"""

from __future__ import annotations

import logging
import os
import pickle
import re
import threading
from pathlib import Path
from typing import Any

from tafelapp.domain import name_reading as reading
from tafelapp.domain.pseudonyms import (
    ADDRESS,
    BSN,
    CONTACT,
    PersonalData,
    Span,
    dates_in,
    is_birth_date,
    known_reading,
    replace_spans,
)

NAME = "[naam]"
NUMBER = "[nummer]"
LINK = "[link]"
# deduce tag -> what the stuurgroep sees; dates are decided per date (a meeting date stays)
_TAGS = {"telefoonnummer": CONTACT, "emailadres": CONTACT, "bsn": BSN, "identificatie": NUMBER,
         "url": LINK}
# the parts of deduce's own name tags ("initiaal+interfix+naam", "voornaam+achternaam" …)
_NAME_PARTS = {"voornaam", "achternaam", "naam", "initiaal", "prefix", "interfix", "patient",
               "voornaam_patient", "achternaam_patient"}
# interfixes of a name before a place ("familie van Wassenaar"), not "in", "op", "te": "opa in Delft"
_NAME_INTERFIXES = {"van", "de", "der", "den", "ter", "ten", "el"}
_LOOKUP_ONLY = {"voornaam", "achternaam"}  # found in a name list, nothing around it
# Organisations and ages stay: the stuurgroep needs them and they do not point at one family.
# Places are found (they stay too); deduce's own merging is left out: we read its annotations.
_DISABLED = {"institutions", "hospital", "institution", "ages", "age", "eponymous_disease",
             "person_annotation_converter", "overlap_resolver", "merge_adjacent_annotations",
             "redactor", "clean_street_tags"}

_UNUSED_TABLES = ("street", "healthcare_institution", "hospital", "eponymous_disease")
_CACHE_NAME = "tafelapp-cache-2"  # with the place names (the first copy had none)
_lock = threading.Lock()
_instance: Any = None


def _trimmed_cache() -> Path:
    """Where the trimmed cache lives: beside deduce's own data (so a build carries it)."""
    import deduce

    return Path(deduce.__file__).parent / "data" / "lookup" / _CACHE_NAME


def prepare() -> Path:
    """Write deduce's lookup cache without the tables we do not use (once, at install; deduce
    builds its own cache first if it has none, which takes about two minutes)."""
    from deduce import Deduce
    from docdeid.ds.lookup import LookupTrie

    target = _trimmed_cache()
    if (target / "cache" / "lookup_structs.pickle").exists():
        return target
    source = target.parent / "cache" / "lookup_structs.pickle"  # deduce's own
    if not source.exists():
        Deduce()  # builds deduce's own cache
    with open(source, "rb") as file:
        cache = pickle.load(file)
    for name in _UNUSED_TABLES:
        cache["lookup_structs"][name] = LookupTrie()
    (target / "cache").mkdir(parents=True, exist_ok=True)
    part = target / "cache" / f"lookup_structs.pickle.{os.getpid()}.part"  # one per process
    with open(part, "wb") as file:
        pickle.dump(cache, file)
    part.replace(target / "cache" / "lookup_structs.pickle")
    return target


def _deduce() -> Any:
    global _instance
    with _lock:
        if _instance is None:
            for name in ("deduce", "docdeid"):
                logging.getLogger(name).setLevel(logging.WARNING)
            from deduce import Deduce

            _instance = Deduce(cache_path=prepare())
        return _instance


def _annotations(text: str) -> list[tuple[int, int, str]]:
    document = _deduce().deidentify(text, disabled=_DISABLED)
    return sorted((a.start_char, a.end_char, a.tag) for a in document.annotations)


def _is_name(tag: str) -> bool:
    return tag not in _TAGS and all(part in _NAME_PARTS for part in tag.split("+"))


def _core_start(text: str, start: int, end: int) -> int:
    """Past the lower-case interfixes deduce counts to a name ("bij de Dam" -> "Dam"), not past
    a title ("mevrouw Wassenaar" is a person)."""
    at = start
    while m := re.match(r"([a-z'’.]+)\s+", text[at:end]):
        if m[1] not in reading.INTERFIX_WORDS | {"bij", "uit"}:
            break
        at += m.end()
    return at


def detected_spans(text: str, birth_dates: list[Any],
                   cleared: list[tuple[int, int]] | None = None,
                   annotations: list[tuple[int, int, str]] | None = None) -> list[Span]:
    """What deduce finds, as spans: a date only when it is a birth date, a place never, a name
    unless it reads as a place, an institution's name or an ordinary word (`cleared`: where the
    case's own rules read one of its name parts as an ordinary word)."""
    if annotations is None:
        annotations = _annotations(text)
    places = _places(text, annotations)
    institutions = reading.institution_spans(text)
    spans = []
    for start, end, tag in annotations:
        if tag == "datum":
            for d_start, _end, day, month, year in dates_in(text[start:end]) or []:
                if is_birth_date(text, start + d_start, day, month, year, birth_dates):
                    spans.append(Span(start, end, "[geboortedatum]", known=False))
        elif (tag == "locatie" and _has_digit(text, start, end)) or tag.startswith("straat+"):
            spans.append(Span(start, end, ADDRESS, known=False))
        elif tag in _TAGS:
            spans.append(Span(start, end, _TAGS[tag], known=False))
        elif _is_name(tag):
            for index, (p_start, p_end) in enumerate(_sentence_pieces(text, start, end)):
                p_end = _before_institution(text, p_start, p_end)
                if _reads_as_name(text, p_start, p_end, tag if index == 0 else "naam", places,
                                  institutions, cleared or []):
                    spans.append(Span(p_start, p_end, NAME, known=False))
    for start, end in reading.titled_names(text):
        if not reading.inside(start, end, institutions):
            spans.append(Span(start, end, NAME, known=False))
    return spans


_ORGANISATION_START = re.compile(
    r"\s+(?:van|bij|op|uit)\s+(?:(?:De|Het|'t)\s|(?:het\s+|de\s+)?(?:Centrum|Instituut|"
    r"Ziekenhuis|Bureau|Stichting|Gemeente|Politie|Raad|Leger|Wijkteam|Jeugdteam|Buurtteam|"
    r"Huis|Team|Kinderbescherming|Jeugdbescherming)\b)")


def _sentence_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """deduce may run a name on over a full stop or a line break ("gezin De Wit.\nWit is …"):
    each sentence's piece is read on its own, without the full stop."""
    pieces, piece_start = [], start
    for m in re.finditer(r"\S+", text[start:end]):
        word_start = start + m.start()
        if word_start > piece_start and reading.opens_sentence(text, word_start):
            pieces.append((piece_start, word_start))
            piece_start = word_start
    pieces.append((piece_start, end))
    trimmed = []
    for p_start, p_end in pieces:
        piece = text[p_start:p_end].rstrip()
        if piece.endswith(".") and not re.search(r"(?:^|[\s.])[A-Za-z]\.$", piece):
            piece = piece[:-1]
        if piece.strip():
            trimmed.append((p_start, p_start + len(piece)))
    return trimmed


def _before_institution(text: str, start: int, end: int) -> int:
    """deduce reads "Meester Molenaar van Het Kompas" and "Anja Meijer van het Centrum voor
    Jeugd en Gezin" as one name: a name stops where an organisation's begins (a capitalised
    article after "van", or a word like Centrum, Stichting, Raad); "van de Wit" is written so."""
    m = _ORGANISATION_START.search(text[start:end])
    return start + m.start() if m else end


def _has_digit(text: str, start: int, end: int) -> bool:
    return any(ch.isdigit() for ch in text[start:end])


def _reads_as_name(text: str, start: int, end: int, tag: str, places: list[tuple[int, int]],
                   institutions: list[tuple[int, int]], cleared: list[tuple[int, int]]) -> bool:
    if reading.inside(start, end, institutions) or reading.inside(start, end, cleared):
        return False
    core = _core_start(text, start, end)
    if (reading.inside(core, end, places)
            and not reading.named_before(text, core, (), _NAME_INTERFIXES)):
        return False  # "in Den Haag", "Berg en Dal"; "familie Wassenaar" is a person
    word = text[start:end]
    return not (tag in _LOOKUP_ONLY and len(reading.words(word)) == 1
                and reading.opens_sentence(text, start) and reading.is_frequent(word))


def pseudonymise(text: str, data: PersonalData) -> str:
    """Every personal value replaced: the case's own by initials or a label, the rest that
    deduce finds by a label ([naam], [adres], [contactgegeven], [BSN], [nummer])."""
    if not text.strip():
        return text
    annotations = _annotations(text)
    spans, cleared = known_reading(text, data, _places(text, annotations))
    return replace_spans(text, spans + detected_spans(text, data.birth_dates, cleared,
                                                      annotations))


def _places(text: str, annotations: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Where deduce found a place name (Den Haag, Delft, Leidschendam-Voorburg): not a postcode."""
    return [(s, e) for s, e, tag in annotations if tag == "locatie" and not _has_digit(text, s, e)]
