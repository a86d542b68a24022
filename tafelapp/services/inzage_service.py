"""Use cases for inzage (AVG art. 15): record a request, export PDF + JSON, rectify at a request."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tafelapp.documents.pdf import render_pdf
from tafelapp.domain.inzage import InzageExport, InzageRequest
from tafelapp.domain.minutes import Minutes
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.reports.inzage_html import inzage_html
from tafelapp.services import minutes_service
from tafelapp.services.file_service import write_file
from tafelapp.services.inzage_people import find_people, people, person
from tafelapp.services.inzage_report_service import build_export
from tafelapp.services.session import Session, build
from tafelapp.store import inzage_repo, minutes_repo
from tafelapp.store.meeting_repo import meeting_label

__all__ = ["ExportResult", "correctable_minutes", "export", "find_people", "people", "preview",
           "rectify", "requests", "schema", "start_request"]


@dataclass(frozen=True)
class ExportResult:
    """The two files handed over and their SHA-256 (also kept with the request)."""

    pdf: Path
    json: Path
    pdf_sha256: str
    json_sha256: str
    cases: int


def _refuse(code: str, where: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(code, where, message)])


def start_request(session: Session, person_ref: str, received_on: dt.date | None = None,
                  note: str = "") -> InzageRequest:
    """Record that a person asked to see what is held about them (audited; fields, no values)."""
    who = person(session, person_ref)
    request = build(InzageRequest, "", person_key=who.key, person_name=who.name,
                    received_on=received_on or session.today(), note=note.strip(),
                    created_at=session.now(), created_by=session.actor)
    if request.received_on > session.today():
        raise _refuse("inzage.received_future", "Datum ontvangen",
                      "de datum ligt in de toekomst")
    with session.change("inzage.request", "inzage_request", request.id,
                        fields=["person", "received_on", *(["note"] if request.note else [])]
                        ) as conn:
        inzage_repo.save_request(conn, request)
    return request


def _request(session: Session, request_id: str) -> InzageRequest:
    request = inzage_repo.get_request(session.conn, request_id)
    if request is None:
        raise _refuse("inzage.request_unknown", "Verzoek",
                      f"er is geen inzageverzoek met nummer ‘{request_id}’")
    return request


def requests(session: Session) -> list[InzageRequest]:
    """Every recorded request, oldest first."""
    return inzage_repo.requests(session.conn)


def report(session: Session, request_id: str) -> InzageExport:
    """What the export of this request holds (read only: nothing is written or audited)."""
    request = _request(session, request_id)
    return build_export(session, request, person(session, request.person_key))


def preview(session: Session, request_id: str) -> str:
    """The export as HTML, for the screen before it is handed over."""
    return inzage_html(report(session, request_id))


def schema() -> dict[str, Any]:
    """The JSON Schema of the machine-readable export (docs/schema/inzage.v1.json)."""
    return InzageExport.model_json_schema()


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise _refuse("inzage.folder_missing", "Map",
                      f"de map ‘{folder.name or folder}’ bestaat niet; kies een bestaande map")
    if not folder.is_dir():
        raise _refuse("inzage.folder_not_dir", "Map",
                      f"‘{folder.name}’ is een bestand, geen map; kies een map")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _refuse("inzage.folder_readonly", "Map",
                      f"in de map ‘{folder.name or folder}’ mag niet worden geschreven; kies "
                      "een andere map")


def file_stem(request: InzageRequest) -> str:
    """`inzage-2026-12-03-sanne-van-dalen`: the name of both files (no path separators)."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in request.person_name.lower())
    safe = "-".join(p for p in safe.split("-") if p and p != "fictief") or "persoon"
    return f"inzage-{request.received_on.isoformat()}-{safe}"


def export(session: Session, request_id: str, folder: Path) -> ExportResult:
    """Write the PDF (B1) and the JSON of a request into `folder`, both 0600; the hand-over is
    audited and its hashes kept with the request. Nothing is kept of a failed write."""
    request = _request(session, request_id)
    _check_folder(folder)
    data = build_export(session, request, person(session, request.person_key))
    pdf = render_pdf(inzage_html(data))
    text = json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=2).encode()
    stem = file_stem(request)
    pdf_path, json_path = folder / f"{stem}.pdf", folder / f"{stem}.json"
    try:
        write_file(pdf_path, pdf)
        write_file(json_path, text)
    except InvalidInput as exc:
        pdf_path.unlink(missing_ok=True)
        why = exc.problems[0].message.removeprefix("kon het bestand niet schrijven ")
        raise _refuse("inzage.write_failed", "Map",
                      f"kon de inzage niet in de map ‘{folder.name or folder}’ schrijven "
                      f"{why}; er is niets bewaard") from None
    result = ExportResult(pdf_path, json_path, hashlib.sha256(pdf).hexdigest(),
                          hashlib.sha256(text).hexdigest(), len(data.cases))
    with session.change("inzage.export", "inzage_request", request.id,
                        fields=["json", "pdf"]) as conn:
        inzage_repo.add_export(conn, request.id, session.now().isoformat(timespec="seconds"),
                               session.actor, result.pdf_sha256, result.json_sha256)
    return result


def rectify(session: Session, request_id: str, minutes_id: str, correction: str) -> Minutes:
    """A rectificatie of final notulen that name the requester, asked for by them: made as
    every rectificatie is (`minutes_service.create_rectification`; the original never changes),
    and linked to the request in the same transaction."""
    request = _request(session, request_id)
    original = minutes_repo.get(session.conn, minutes_id)
    if original is None:
        raise _refuse("inzage.minutes_unknown", "Notulen",
                      f"er zijn geen notulen met nummer ‘{minutes_id}’")
    who = person(session, request.person_key)
    if original.case_id not in {a.case_id for a in who.appearances}:
        raise _refuse("inzage.minutes_not_theirs", "Notulen",
                      f"de notulen {original.number} gaan niet over een dossier waarin "
                      f"{request.person_name} staat")
    with session.change("inzage.rectify", "inzage_request", request.id,
                        fields=["rectification"]) as conn:  # one transaction: both or neither
        rect = minutes_service.create_rectification(session, original.id, correction)
        inzage_repo.link_rectification(conn, request.id, rect.id, original.id,
                                       session.now().isoformat(timespec="seconds"))
    return rect


def find_minutes(session: Session, ref: str) -> str:
    """A minutes id from its id or its number (`JBT-2026-0001-N1`)."""
    if minutes_repo.get(session.conn, ref) is not None:
        return ref
    row = session.conn.execute("SELECT id FROM minutes WHERE number = ?", (ref,)).fetchone()
    if row is None:
        raise _refuse("inzage.minutes_unknown", "Notulen",
                      f"er zijn geen notulen met nummer ‘{ref}’")
    return str(row[0])


def correctable_minutes(session: Session, request_id: str) -> list[tuple[str, str]]:
    """(id, `JBT-2026-0001-N1 (03-09-2026)`) of the final notulen in the dossiers of
    the request's person: what a correction they ask for can rectify."""
    who = person(session, _request(session, request_id).person_key)
    found = []
    for case_id in sorted({a.case_id for a in who.appearances}):
        for m in minutes_repo.for_case(session.conn, case_id):
            if m.status.value == "FINAL" and m.kind.value == "MINUTES":
                day = meeting_label(session.conn, m.meeting_id).rpartition(", ")[2]
                found.append((m.id, f"{m.number} ({day})"))
    return found
