"""`tafelapp notulen …` and `tafelapp identity …`: concept, signing, packages, distribution."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tafelapp.cli.common import read_secret
from tafelapp.cli.verify import add_arguments as add_verify_arguments
from tafelapp.cli.verify import cmd_verify
from tafelapp.services import (
    distribution_service,
    file_service,
    minutes_service,
    package_service,
)
from tafelapp.services.session import Session

EXIT_OK = 0


def add_parsers(sub: Any) -> None:
    """Register `notulen` and `identity` on the main parser."""
    p = sub.add_parser("notulen", help="notulen: concept, ondertekenen, controleren, verzenden")
    notulen = p.add_subparsers(dest="action", required=True)
    q = notulen.add_parser("draft", help="maak (of toon) het concept van een agendapunt")
    q.add_argument("--item", required=True, help="id van het agendapunt")
    q.add_argument("-o", "--output", help="schrijf het concept als PDF")
    q = notulen.add_parser("sign", help="onderteken (pincode: prompt of TAFELAPP_PIN_FILE)")
    q.add_argument("--minutes", required=True)
    q.add_argument("--identity", required=True)
    q.add_argument("--role", required=True, choices=["CHAIR", "SECRETARY"])
    q = notulen.add_parser("verify", help="controleer een ondertekende PDF met de ondertekenaars "
                                          "van de regio uit de kluis")
    add_verify_arguments(q)
    q = notulen.add_parser("export", help="schrijf de ondertekende PDF")
    q.add_argument("--minutes", required=True)
    q.add_argument("-o", "--output", required=True)
    q = notulen.add_parser("distribute", help=".eml-concepten per ontvanger en een .ics")
    q.add_argument("--minutes", required=True)
    q.add_argument("-o", "--output", required=True, help="map")
    q = notulen.add_parser("rectify", help="maak een rectificatie van vastgestelde notulen")
    q.add_argument("--minutes", required=True)
    q.add_argument("--text-file", required=True)
    q = notulen.add_parser("export-package", help="ondertekenpakket voor de andere laptop")
    q.add_argument("--minutes", required=True)
    q.add_argument("-o", "--output", required=True)
    q = notulen.add_parser("import-package", help="open een ondertekenpakket (gecontroleerd)")
    q.add_argument("file")
    p = sub.add_parser("identity", help="ondertekeningsidentiteiten")
    ident = p.add_subparsers(dest="action", required=True)
    q = ident.add_parser("create", help="maak een lokale identiteit (pilot)")
    q.add_argument("--name", required=True)
    q = ident.add_parser("import", help="importeer een PKCS#12-bestand")
    q.add_argument("file")
    ident.add_parser("list")
    q = ident.add_parser("token", help="een smartcard (PKCS#11) als identiteit; pincode: prompt "
                                       "of TAFELAPP_PIN_FILE")
    q.add_argument("--module", required=True, help="de PKCS#11-module van de kaartlezer")
    q.add_argument("--token", required=True, help="het label van de kaart")
    q.add_argument("--key", required=True, help="het label van sleutel en certificaat")


def cmd_notulen(args: argparse.Namespace, session: Session) -> int:
    """notulen draft|sign|export|distribute|rectify|verify."""
    if args.action == "verify":
        return cmd_verify(args, session)
    if args.action == "draft":
        minutes = minutes_service.draft_minutes(session, args.item)
        print(f"Notulen {minutes.number} ({minutes.id}): {minutes.status.value}")
        for point in minutes_service.record_open_points(session, minutes):
            print(f"nog open: {point.render()}", file=sys.stderr)
        if args.output:
            file_service.write_file(Path(args.output),
                                            minutes_service.render_draft(session, minutes.id))
            print(f"Concept geschreven naar {args.output}")
    elif args.action == "sign":
        pin = read_secret("TAFELAPP_PIN_FILE", "Pincode: ")
        minutes = minutes_service.sign_minutes(session, args.minutes, args.identity, pin,
                                               args.role)
        stamp = "met tijdstempel" if minutes.signatures[-1].timestamped else "zonder tijdstempel"
        print(f"Ondertekend ({stamp}); status: {minutes.status.value}"
              + (" — in de outbox gezet" if minutes.status.value == "FINAL" else ""))
    elif args.action == "export":
        distribution_service.export_signed(session, args.minutes, Path(args.output))
        print(f"Ondertekende notulen geschreven naar {args.output}")
    elif args.action == "distribute":
        who = distribution_service.distribution(session, args.minutes)
        for left_out in who.excluded:
            print(f"niet verzonden aan {left_out.recipient.name}: {left_out.reason}")
        for path in distribution_service.write_distribution(session, args.minutes,
                                                             Path(args.output)):
            print(f"geschreven: {path}")
    elif args.action == "rectify":
        text = Path(args.text_file).read_text("utf-8")
        rect = minutes_service.create_rectification(session, args.minutes, text)
        print(f"Rectificatie {rect.number} ({rect.id}) aangemaakt; nu ondertekenen.")
    elif args.action == "export-package":
        path = file_service.write_file(Path(args.output),
                                       package_service.export_package(session, args.minutes))
        print(f"Ondertekenpakket geschreven: {path} (bevat persoonsgegevens: alleen via een "
              "veilige weg overdragen)")
    elif args.action == "import-package":
        opened = package_service.open_package(session, Path(args.file).read_bytes())
        state = {"DRAFT": "concept", "SIGNING": "in ondertekening",
                 "FINAL": "vastgesteld"}[opened.status.value]
        said = {"created": "geopend", "updated": "bijgewerkt",
                "unchanged": "al bekend, niets veranderd"}[opened.outcome]
        print(f"Notulen {opened.number} ({opened.minutes_id}): {said}; nu {state}.")
    return EXIT_OK


def cmd_identity(args: argparse.Namespace, session: Session) -> int:
    """identity create|import|token|list."""
    if args.action == "list":
        for ident in minutes_service.list_identities(session):
            cert = ident.certificate
            print(f"{ident.id}  {ident.owner_name}  ({ident.label}; geldig tot "
                  f"{cert.not_after:%d-%m-%Y}{'; LOKAAL' if cert.local else ''})")
        return EXIT_OK
    pin = read_secret("TAFELAPP_PIN_FILE", "Pincode: ",
                       confirm=args.action == "create")
    if args.action == "create":
        ident = minutes_service.create_local_identity(session, args.name or "", pin)
    elif args.action == "token":
        ident = minutes_service.register_token_identity(session, args.module, args.token,
                                                        args.key, pin)
    else:
        ident = minutes_service.import_identity(session, Path(args.file).read_bytes(), pin)
    print(f"Identiteit {ident.id} voor {ident.owner_name} opgeslagen in de kluis.")
    return EXIT_OK


