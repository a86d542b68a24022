"""Pseudonymise free text for the stuurgroep: the case's own values, then deduce for the rest.

deduce (Dutch de-identification, UMC Utrecht) finds names the case does not know (a neighbour,
a teacher, a nickname), street addresses, phone numbers, e-mail, BSN and other numbers. Its
lookup tables take seconds to load, so one instance is built once per process, off the UI
thread (`warm_up`), and shared behind a lock.
"""

from __future__ import annotations

import logging
import threading
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

_lock = threading.Lock()
_instance: Any = None


def _deduce() -> Any:
    global _instance
    with _lock:
        if _instance is None:
            for name in ("deduce", "docdeid"):
                logging.getLogger(name).setLevel(logging.WARNING)
            from deduce import Deduce  # seconds: lookup tables

            _instance = Deduce()
        return _instance


def warm_up() -> None:
    """Load deduce in a background thread, so the first dossier does not wait for it."""
    threading.Thread(target=_deduce, name="deduce-warm-up", daemon=True).start()


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
