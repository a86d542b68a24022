"""`tafelapp setup …` and `tafelapp case new`: a region's set-up and new cases from the terminal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tafelapp.cli.common import say
from tafelapp.domain import labels
from tafelapp.domain.directory import same_person
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services import (
    case_service,
    directory_service,
    intake_service,
    setup_service,
    table_service,
)
from tafelapp.services.file_service import write_file
from tafelapp.services.session import Session


def add_parsers(sub: Any) -> None:
    """Register `setup` and `case` on the main parser."""
    p = sub.add_parser("setup", help="de inrichting van de regio: tafels, organisaties, personen")
    setup = p.add_subparsers(dest="action", required=True)
    q = setup.add_parser("export", help="schrijf het regiobestand (zonder casussen, zonder geheimen)")
    q.add_argument("-o", "--output", required=True)
    q = setup.add_parser("import", help="lees een regiobestand in (alles of niets)")
    q.add_argument("file")
    q.add_argument("--accept-older", action="store_true",
                   help="functioneel beheer: lees dit bestand ook als het ouder is dan het "
                        "laatst ingelezen bestand (komt in het auditlog)")
    setup.add_parser("show", help="toon tafels, organisaties en personen")
    q = setup.add_parser("trust", help="vertrouw een stamcertificaat (PKIoverheid, UZI) bij "
                                       "het controleren van handtekeningen")
    q.add_argument("file", help="het certificaat (PEM)")
    q = setup.add_parser("region", help="geef de regio een naam")
    q.add_argument("name")
    q = setup.add_parser("table", help="voeg een tafel toe")
    q.add_argument("--kind", required=True, choices=["JBT", "ZVT"])
    q.add_argument("--name", required=True)
    q.add_argument("--municipality", required=True, help="gemeente")
    q.add_argument("--place", help="vaste plek (adres of zaal)")
    q.add_argument("--weekday", type=int, choices=range(7), help="0 = maandag … 6 = zondag")
    q.add_argument("--time", help="vaste begintijd, UU:MM")
    q.add_argument("--chair", help="vaste voorzitter (naam uit het adresboek)")
    q.add_argument("--secretary", help="vaste secretaris (naam uit het adresboek)")
    q = setup.add_parser("organisation", help="voeg een organisatie toe")
    q.add_argument("--name", required=True)
    q.add_argument("--kind", required=True, choices=list(labels.PARTNER_KIND))
    q.add_argument("--target-group", action="append", default=[], help="doelgroep (GI)")
    q.add_argument("--complaints", default="", help="klachtenregeling (telefoon of website)")
    q = setup.add_parser("person", help="voeg een persoon toe aan het adresboek")
    q.add_argument("--name", required=True)
    q.add_argument("--organisation", help="naam van de organisatie")
    q.add_argument("--function", default="")
    q.add_argument("--email", default="")
    q.add_argument("--phone", default="")
    p = sub.add_parser("case", help="casussen: een nieuwe aanmelding")
    case = p.add_subparsers(dest="action", required=True)
    q = case.add_parser("new", help="registreer een aanmelding uit een JSON-bestand")
    q.add_argument("file", help="aanmelding (zie README, 'Echt beginnen')")
    q.add_argument("--agenda", action="store_true",
                   help="zet de casus op de volgende bespreking (plant er een als die er niet is)")
    q.add_argument("--new-case", action="store_true",
                   help="het is een nieuwe casus, ook al staat er een open casus met hetzelfde "
                        "gezin en dezelfde kinderen aan deze tafel")


def _person_id(session: Session, name: str | None, field: str) -> str | None:
    if not name:
        return None
    found = [p for p in directory_service.directory(session).people
             if same_person(p.name, name)]
    if not found:
        raise InvalidInput([Problem("person.not_found", field,
                                    f"'{name}' staat niet in het adresboek")])
    return found[0].id


def cmd_setup(args: argparse.Namespace, session: Session) -> int:
    """setup export|import|show|trust|region|table|organisation|person."""
    if args.action == "export":
        path = write_file(Path(args.output), setup_service.export_region_json(session).encode())
        say(f"Regiobestand geschreven: {path}")
    elif args.action == "import":
        result = setup_service.import_region(session, Path(args.file).read_bytes(),
                                             accept_older=args.accept_older)
        if result.changed:
            say(f"Ingelezen: {len(result.added)} nieuw, {len(result.updated)} bijgewerkt, "
                f"{result.unchanged} ongewijzigd.")
        else:
            say("Niets veranderd: alles in dit bestand stond er al.")
    elif args.action == "show":
        _show(session)
    elif args.action == "trust":
        name = setup_service.add_trust_root(session, Path(args.file).read_text("ascii",
                                                                             errors="replace"))
        say(f"Vertrouwd stamcertificaat: {name}")
    elif args.action == "region":
        setup_service.set_region_name(session, args.name)
        say("Regio opgeslagen.")
    elif args.action == "table":
        table = setup_service.save_table(
            session, kind=args.kind, name=args.name, municipality=args.municipality,
            place=args.place, weekday=args.weekday, usual_start=args.time,
            default_chair_id=_person_id(session, args.chair, "default_chair_id"),
            default_secretary_id=_person_id(session, args.secretary, "default_secretary_id"))
        say(f"Tafel opgeslagen: {table.name} ({table.id})")
    elif args.action == "organisation":
        org = directory_service.save_organisation(session, name=args.name, kind=args.kind,
                                                  target_groups=args.target_group,
                                                  complaints=args.complaints)
        say(f"Organisatie opgeslagen: {org.name} ({org.id})")
    else:
        person = directory_service.person_for_name(session, args.name, args.organisation,
                                                   function=args.function, email=args.email,
                                                   phone=args.phone)
        say(f"Persoon in het adresboek: {person.name} ({person.id})")
    return 0


def _show(session: Session) -> None:
    book = directory_service.directory(session)
    say(f"Regio: {setup_service.region_name(session) or '(nog geen naam)'}")
    for table in table_service.list_tables(session):
        say(f"Tafel  {table.kind.value}  {table.name} — {table.municipality}  ({table.id})")
    for org in book.organisations:
        say(f"Organisatie  {org.name} — {labels.PARTNER_KIND[org.kind.value]}  ({org.id})")
    for person in book.people:
        mail = person.email or "GEEN E-MAILADRES"
        say(f"Persoon  {book.label(person)} <{mail}>  ({person.id})")


def cmd_case(args: argparse.Namespace, session: Session) -> int:
    """case new FILE [--agenda] [--new-case]: the same service path as the aanmelding screen."""
    fields = intake_service.aanmelding_fields(session, Path(args.file).read_bytes())
    if args.agenda:
        done = intake_service.register_and_schedule(session, new_case=args.new_case, **fields)
        case = case_service.get_case(session, done.item.case_id)
        say(f"Casus geregistreerd: {case.case_number}")
        say(("Nieuwe bespreking gepland: " if done.planned_now else "Op de agenda van: ")
            + f"{done.meeting.date:%d-%m-%Y} (agendapunt {done.item.id}, "
            f"{len(done.item.participants)} deelnemers ingevuld)")
    else:
        case = intake_service.register_case(session, new_case=args.new_case, **fields)
        say(f"Casus geregistreerd: {case.case_number}")
    return 0
