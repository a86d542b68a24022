"""The `tafelapp` command: parses arguments, calls services, prints; exit codes 0/1/2/3."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tafelapp import __version__
from tafelapp.cli.archive import add_parsers as add_archive_parsers
from tafelapp.cli.archive import cmd_archive
from tafelapp.cli.cases import cmd_export, cmd_import, cmd_list, cmd_show, cmd_worklist
from tafelapp.cli.common import (
    EXIT_ERROR,
    EXIT_INVALID,
    EXIT_LOCKED,
    EXIT_OK,
    Locked,
    print_problems,
    say,
)
from tafelapp.cli.common import read_secret as _read_secret
from tafelapp.cli.inzage import add_parsers as add_inzage_parsers
from tafelapp.cli.inzage import cmd_inzage
from tafelapp.cli.notulen import add_parsers as add_notulen_parsers
from tafelapp.cli.notulen import cmd_identity, cmd_notulen
from tafelapp.cli.region import cmd_outbox, cmd_region
from tafelapp.cli.retention import add_parsers as add_retention_parsers
from tafelapp.cli.retention import cmd_retention
from tafelapp.cli.setup import add_parsers as add_setup_parsers
from tafelapp.cli.setup import cmd_case, cmd_setup
from tafelapp.cli.verify import add_arguments as add_verify_arguments
from tafelapp.cli.verify import cmd_audit, cmd_check, cmd_verify
from tafelapp.domain.problems import InvalidInput
from tafelapp.domain.worklist import Attention
from tafelapp.services import vault_service
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tafelapp.services.vault_service import VaultError, VaultNotFound, WrongPassphrase


def _vault_path(args: argparse.Namespace) -> Path:
    return Path(args.vault).expanduser() if args.vault else vault_service.default_vault_path()


def _unlock(args: argparse.Namespace) -> Session:
    path = _vault_path(args)
    if not path.exists():
        raise VaultNotFound(str(path))
    return vault_service.unlock(path, _read_secret("TAFELAPP_PASSPHRASE_FILE",
                                                   f"Wachtwoordzin voor {path}: "))


def cmd_init(args: argparse.Namespace) -> int:
    path = _vault_path(args)
    passphrase = _read_secret("TAFELAPP_PASSPHRASE_FILE",
                              "Nieuwe wachtwoordzin (minstens 12 tekens): ", confirm=True)
    session = vault_service.create(path, passphrase)
    try:
        print(f"Kluis aangemaakt: {path}")
        if args.demo:
            seed_demo(session)
            print("Demogegevens geladen: één Jeugdbeschermingstafel en één Zorg- en "
                  "Veiligheidstafel (fictief).")
    finally:
        session.close()
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, session: Session) -> int:
    new = _read_secret("TAFELAPP_NEW_PASSPHRASE_FILE", "Nieuwe wachtwoordzin: ", confirm=True)
    vault_service.change_passphrase(session, new)
    print("Wachtwoordzin gewijzigd; de kluis is opnieuw versleuteld.")
    return EXIT_OK




def cmd_start(args: argparse.Namespace) -> int:
    from tafelapp.cli.session import interactive
    return interactive(args, _vault_path(args), _read_secret, main)


def cmd_gui(args: argparse.Namespace) -> int:
    """Start the desktop app in place of this process (the core never imports the UI)."""
    argv = [sys.executable, "-m", "ui.app", *(["--vault", args.vault] if args.vault else []),
            *(["--demo"] if args.demo else [])]
    os.execv(sys.executable, argv)
    return EXIT_ERROR  # not reached


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="tafelapp", description="Tafelapp: JBT en ZVT.")
    parser.add_argument("--version", action="version", version=f"tafelapp {__version__}")
    parser.add_argument("--vault", help="pad van de kluis (anders TAFELAPP_VAULT of standaard)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("init", help="maak een nieuwe versleutelde kluis")
    p.add_argument("--demo", action="store_true", help="laad fictieve demogegevens")
    sub.add_parser("start", help="open (of maak) de kluis en start een sessie")
    p = sub.add_parser("gui", help="start de desktopapp")
    p.add_argument("--demo", action="store_true", help="open de demo (fictieve gegevens)")
    p = sub.add_parser("list", help="lijst van casussen of besprekingen")
    p.add_argument("what", choices=["cases", "meetings"])
    p.add_argument("--search", help="zoek op naam of casusnummer")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("werklijst", help="wat aandacht vraagt per casus, meest urgent eerst")
    p.add_argument("--table", help="alleen deze tafel (id)")
    p.add_argument("--kind", choices=[k.value for k in Attention], help="alleen deze soort")
    p.add_argument("--json", action="store_true")
    p.add_argument("--regio", action="store_true",
                   help="de werklijst van de hele regio (uit de Zaken API van de regio)")
    p.add_argument("--offline", action="store_true",
                   help="met --regio: niet verversen, de laatste kopie tonen")
    p.add_argument("--volledig", dest="full", action="store_true",
                   help="met --regio: alle open zaken opnieuw lezen (anders alleen wat sinds "
                        "de vorige keer is gewijzigd; alles wordt eens per dag gelezen)")
    p.add_argument("--casus", metavar="CASUSNUMMER",
                   help="met --regio: wat de regio van deze casus weet (statussen, besluit, "
                        "termijnen, notulen; --pdf MAP haalt de notulen op)")
    p.add_argument("--pdf", metavar="MAP", help="met --casus: bewaar de notulen als PDF in MAP")
    p = sub.add_parser("show", help="toon een bespreking")
    p.add_argument("what", choices=["meeting"])
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("export", help="exporteer een casus met zijn besprekingen")
    p.add_argument("--case", required=True, help="id of casusnummer")
    p.add_argument("-o", "--output")
    p = sub.add_parser("import", help="lees een exportbestand in (alles of niets)")
    p.add_argument("file")
    p = sub.add_parser("check", help="controleer versleuteling, integriteit, auditlog en "
                                     "vastgestelde notulen (exit 0: in orde, 1: probleem, 6: "
                                     "lokaal in orde maar niet vergeleken met de regio)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--offline", action="store_true",
                   help="vergelijk het auditlog niet met de ankers bij de regio")
    p = sub.add_parser("audit", help="auditlog")
    p.add_argument("what", choices=["verify"])
    sub.add_parser("passwd", help="wijzig de wachtwoordzin (opnieuw versleutelen)")
    p = sub.add_parser("verify", help="controleer de handtekeningen van een PDF (exit 4: gewijzigd "
                                      "of onvolledig, 5: ondertekenaar onbekend)")
    add_verify_arguments(p)
    add_notulen_parsers(sub)
    add_archive_parsers(sub)
    p = sub.add_parser("outbox", help="documenten naar de regionale server")
    out = p.add_subparsers(dest="action", required=True)
    out.add_parser("list", help="wat wacht, wat is afgeleverd of geweigerd")
    q = out.add_parser("send", help="nu verzenden")
    q.add_argument("--retry-rejected", action="store_true", help="ook geweigerde opnieuw")
    q = out.add_parser("run", help="blijf verzenden op de achtergrond (APScheduler)")
    q.add_argument("--interval", type=float, default=30.0)
    p = sub.add_parser("region", help="instellingen van de regionale documentopslag")
    reg = p.add_subparsers(dest="action", required=True)
    reg.add_parser("show")
    reg.add_parser("test", help="echte proef: toegangsbewijs, rechten, informatieobjecttype")
    q = reg.add_parser("set", help="secret: TAFELAPP_REGION_SECRET_FILE of --ask-secret")
    for option in ("--base-url", "--client-id", "--rsin", "--informatieobjecttype",
                   "--ca-bundle", "--confidentiality", "--tsa-url"):
        q.add_argument(option)
    q.add_argument("--ask-secret", action="store_true")
    q.add_argument("--zaken-url", help="adres van de Zaken API (…/zaken of …/zaken/api/v1)")
    for option, meaning in (("--zaaktype", "JBT=<URL van het zaaktype>"),
                            ("--statustype", "STAP=<omschrijving>, bv. DISCUSSED=Besproken"),
                            ("--roltype", "CASE_LEAD=<omschrijving>"),
                            ("--resultaattype", "INVESTIGATION=<omschrijving>")):
        q.add_argument(option, action="append", default=[], metavar="CODE=WAARDE", help=meaning)
    q.add_argument("--ask-pseudonym-secret", action="store_true",
                   help="het pseudoniemgeheim van de regio (ook: TAFELAPP_PSEUDONYM_SECRET_FILE)")
    add_setup_parsers(sub)
    add_retention_parsers(sub)
    add_inzage_parsers(sub)
    return parser


_WITH_SESSION: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "list": cmd_list, "werklijst": cmd_worklist, "show": cmd_show, "export": cmd_export,
    "import": cmd_import,
    "check": cmd_check, "audit": cmd_audit, "passwd": cmd_passwd, "notulen": cmd_notulen,
    "identity": cmd_identity, "outbox": cmd_outbox, "region": cmd_region, "setup": cmd_setup,
    "case": cmd_case, "opschonen": cmd_retention, "inzage": cmd_inzage, "archive": cmd_archive,
}


def run(args: argparse.Namespace, session: Session | None = None) -> int:
    """Run one parsed command; an open session is reused (interactive mode)."""
    if args.command == "init":
        return cmd_init(args)
    if args.command == "start":
        return cmd_start(args)
    if args.command == "gui":
        return cmd_gui(args)
    if args.command == "verify":
        return cmd_verify(args)
    handler = _WITH_SESSION[args.command]
    if session is not None:
        return handler(args, session)
    own = _unlock(args)
    try:
        return handler(args, own)
    finally:
        own.close()


def _vault_first(argv: list[str]) -> list[str]:
    """`tafelapp list cases --vault X` works as `tafelapp --vault X list cases` does."""
    for index, arg in enumerate(argv):
        if arg == "--vault" and index + 1 < len(argv):
            return [arg, argv[index + 1], *argv[:index], *argv[index + 2:]]
        if arg.startswith("--vault="):
            return [arg, *argv[:index], *argv[index + 1:]]
    return argv


def main(argv: Sequence[str] | None = None, session: Session | None = None) -> int:
    """Entry point: every failure becomes a Dutch message and an exit code, never a traceback."""
    parser = build_parser()
    try:
        args = parser.parse_args(_vault_first(list(sys.argv[1:] if argv is None else argv)))
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_INVALID
    try:
        return run(args, session)
    except InvalidInput as exc:
        print_problems(exc.problems)
        return EXIT_INVALID
    except (WrongPassphrase, Locked) as exc:
        say(f"Kluis vergrendeld: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except VaultError as exc:
        say(str(exc), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `tafelapp werklijst | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (OSError, UnicodeDecodeError) as exc:
        say(f"Fout: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("\nAfgebroken.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: no traceback with case data on screen
        if os.environ.get("TAFELAPP_DEBUG"):
            raise
        print(f"Onverwachte fout ({type(exc).__name__}); zet TAFELAPP_DEBUG=1 voor details.",
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
