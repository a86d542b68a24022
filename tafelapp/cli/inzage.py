"""`tafelapp inzage …`: find a person, record their request, export PDF + JSON, rectify at it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from tafelapp.cli.common import EXIT_OK, print_json, say
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services import inzage_service
from tafelapp.services.session import Session


def add_parsers(sub: Any) -> None:
    """Register `inzage` on the main parser."""
    p = sub.add_parser("inzage", help="inzage (AVG art. 15): alles wat de kluis over iemand "
                                      "bewaart, als PDF en JSON; rectificatie op verzoek")
    inz = p.add_subparsers(dest="action", required=True)
    q = inz.add_parser("find", help="zoek een persoon (ouder, jeugdige, professional)")
    q.add_argument("text", help="een deel van de naam, rol of het casusnummer")
    q.add_argument("--json", action="store_true")
    q = inz.add_parser("request", help="leg een inzageverzoek vast")
    q.add_argument("--person", required=True, help="naam van de persoon (zie `inzage find`)")
    q.add_argument("--received", help="datum van ontvangst (JJJJ-MM-DD; standaard vandaag)")
    q.add_argument("--note", default="", help="bv. hoe de identiteit is gecontroleerd")
    q = inz.add_parser("export", help="schrijf de inzage als PDF en JSON in een map")
    who = q.add_mutually_exclusive_group(required=True)
    who.add_argument("--request", help="nummer van het verzoek")
    who.add_argument("--person", help="leg een verzoek vast voor deze persoon en exporteer")
    q.add_argument("-o", "--output", required=True, help="map")
    q.add_argument("--note", default="")
    inz.add_parser("list", help="alle inzageverzoeken")
    q = inz.add_parser("rectify", help="rectificatie van vastgestelde notulen op verzoek")
    q.add_argument("--request", required=True)
    q.add_argument("--minutes", required=True, help="id of nummer van de notulen")
    q.add_argument("--text-file", required=True, help="bestand met de correctie")
    inz.add_parser("schema", help="het JSON Schema van de export")


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput([Problem("inzage.received_invalid", "Datum ontvangen",
                                    f"‘{text}’ is geen datum (schrijf JJJJ-MM-DD)")]) from None


def _correction(path: str) -> str:
    try:
        return Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        raise InvalidInput([Problem("inzage.correction_unreadable", "Correctie",
                                    f"het bestand ‘{Path(path).name}’ is niet te lezen")]) \
            from None


def cmd_inzage(args: argparse.Namespace, session: Session) -> int:
    """inzage find|request|export|list|rectify|schema."""
    if args.action == "find":
        found = inzage_service.find_people(session, args.text)
        if args.json:
            print_json([{"name": c.name, "key": c.key, "label": c.label} for c in found])
        else:
            for c in found:
                say(c.label)
            say(f"{len(found)} persoon/personen gevonden")
    elif args.action == "request":
        request = inzage_service.start_request(session, args.person, _date(args.received),
                                               args.note)
        say(f"Inzageverzoek vastgelegd: {request.id} ({request.person_name}, ontvangen "
            f"{request.received_on:%d-%m-%Y})")
    elif args.action == "export":
        request_id = args.request or inzage_service.start_request(
            session, args.person, None, args.note).id
        result = inzage_service.export(session, request_id, Path(args.output))
        say(f"Inzage geschreven ({result.cases} dossier(s)), verzoek {request_id}:")
        say(f"  {result.pdf}  (SHA-256 {result.pdf_sha256})")
        say(f"  {result.json}  (SHA-256 {result.json_sha256})")
        say("Let op: deze bestanden bevatten persoonsgegevens. Lees ze na voordat u ze "
            "overhandigt, en geef ze alleen aan de persoon zelf.")
    elif args.action == "list":
        for r in inzage_service.requests(session):
            say(f"{r.id}  {r.received_on:%d-%m-%Y}  {r.person_name}  (door {r.created_by})")
    elif args.action == "rectify":
        minutes_id = inzage_service.find_minutes(session, args.minutes)
        rect = inzage_service.rectify(session, args.request, minutes_id,
                                      _correction(args.text_file))
        say(f"Rectificatie {rect.number} gemaakt bij verzoek {args.request}; onderteken haar "
            f"met `tafelapp notulen sign --minutes {rect.id}`.")
    elif args.action == "schema":
        print(json.dumps(inzage_service.schema(), ensure_ascii=False, indent=2))
    return EXIT_OK
