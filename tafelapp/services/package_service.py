"""Ondertekenpakket: sign on two laptops by file. The chair exports the notulen with the record
they were rendered from; the secretary opens it, checks it, and signs; the fully signed package
brought back makes the notulen final on the first laptop too."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from tafelapp.domain.exchange import PACKAGE_FORMAT, SigningPackage
from tafelapp.domain.minutes import MinutesStatus
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.validation import problems_from_validation
from tafelapp.services import exchange_service, signed_record_service
from tafelapp.services.minutes_service import get_minutes
from tafelapp.services.session import Session

MAX_PACKAGE_BYTES = 50 * 1024 * 1024


def export_package(session: Session, minutes_id: str) -> bytes:
    """The package of notulen being signed (or final): the PDF so far and its record."""
    minutes = get_minutes(session, minutes_id)
    if not minutes.signatures:
        raise InvalidInput([Problem("package.unsigned", "minutes",
                                    "onderteken eerst zelf; een pakket draagt een begonnen "
                                    "ondertekening over")])
    exchange = exchange_service.export_case(session, minutes.case_id)
    exchange = exchange.model_copy(update={
        "meetings": [m for m in exchange.meetings if m.id == minutes.meeting_id],
        "minutes": [signed_record_service.exchanged(session, minutes)]})
    package = SigningPackage(exported_at=session.now().replace(microsecond=0),
                             minutes_id=minutes.id, exchange=exchange)
    return package.model_dump_json(indent=1).encode("utf-8")


@dataclass(frozen=True)
class OpenedPackage:
    """What opening a package did, and where the notulen stand now."""

    minutes_id: str
    number: str
    outcome: str
    status: MinutesStatus


def open_package(session: Session, data: bytes) -> OpenedPackage:
    """Check a package (signatures intact, record matches the PDF) and take it in; twice is a
    no-op; a record that differs from the one signed here is refused, nothing overwritten."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise InvalidInput([Problem("package.too_large", "Bestand", "het pakket is te groot")])
    try:
        package = SigningPackage.model_validate_json(data)
    except ValidationError as exc:
        if PACKAGE_FORMAT.encode() not in data[:200]:
            raise InvalidInput([Problem("package.wrong_format", "Bestand",
                                        "dit is geen ondertekenpakket van Tafelapp")]) from None
        raise InvalidInput(problems_from_validation(exc)) from None
    if [m.minutes.id for m in package.exchange.minutes] != [package.minutes_id]:
        raise InvalidInput([Problem("package.wrong_minutes", "Bestand",
                                    "het pakket bevat niet precies de notulen die het noemt")])
    result = exchange_service.import_record(session, package.exchange)
    minutes = get_minutes(session, package.minutes_id)
    return OpenedPackage(minutes.id, minutes.number, result.outcome, minutes.status)
