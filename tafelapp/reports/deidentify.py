"""Pseudonymise free text for the stuurgroep: the case's own values, then deduce for the rest.

deduce (Dutch de-identification, UMC Utrecht) finds names the case does not know (a neighbour,
a teacher, a nickname), street addresses, phone numbers, e-mail, BSN and other numbers. Its full
lookup tables take 10 s and 1.1 GB to load; most of that is the tables of streets, healthcare
institutions, hospitals and places, which we do not use (organisations and places stay; streets
are found by their form and by the case's own addresses). `prepare()` writes a copy of deduce's
cache without them (0.3 s, 50 MB to load); one instance per process, shared behind a lock.
"""

from __future__ import annotations

import logging
import pickle
import threading
from pathlib import Path
from typing import Any

from tafelapp.domain.pseudonyms import (
    ADDRESS,
    BSN,
    CONTACT,
    PersonalData,
    Span,
    dates_in,
    is_birth_date,
    known_spans,
    replace_spans,
)

NAME = "[naam]"
NUMBER = "[nummer]"
LINK = "[link]"
# deduce tag -> what the stuurgroep sees; dates are decided per date (a meeting date stays)
_TAGS = {"persoon": NAME, "patient": NAME, "locatie": ADDRESS, "telefoonnummer": CONTACT,
         "emailadres": CONTACT, "bsn": BSN, "identificatie": NUMBER, "url": LINK}
# Place names (the municipality is the table's), organisations and ages stay: the stuurgroep
# needs them and they do not point at one family.
_DISABLED = {"placename", "institutions", "hospital", "institution", "ages", "age",
             "eponymous_disease"}

_UNUSED_TABLES = ("street", "healthcare_institution", "hospital", "placename",
                  "eponymous_disease")
_lock = threading.Lock()
_instance: Any = None


def _trimmed_cache() -> Path:
    """Where the trimmed cache lives: beside deduce's own data (so a build carries it)."""
    import deduce

    return Path(deduce.__file__).parent / "data" / "lookup" / "tafelapp-cache"


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
    part = target / "cache" / "lookup_structs.pickle.part"
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


def detected_spans(text: str, birth_dates: list[Any]) -> list[Span]:
    """What deduce finds, as spans; a date only when it is a birth date."""
    document = _deduce().deidentify(text, disabled=_DISABLED)
    spans = []
    for annotation in document.annotations:
        start, end, tag = annotation.start_char, annotation.end_char, annotation.tag
        if tag == "datum":
            for d_start, _end, day, month, year in dates_in(text[start:end]) or []:
                if is_birth_date(text, start + d_start, day, month, year, birth_dates):
                    spans.append(Span(start, end, "[geboortedatum]", known=False))
        elif tag in _TAGS:
            spans.append(Span(start, end, _TAGS[tag], known=False))
    return spans


def pseudonymise(text: str, data: PersonalData) -> str:
    """Every personal value replaced: the case's own by initials or a label, the rest that
    deduce finds by a label ([naam], [adres], [contactgegeven], [BSN], [nummer])."""
    if not text.strip():
        return text
    spans = known_spans(text, data) + detected_spans(text, data.birth_dates)
    return replace_spans(text, spans)
