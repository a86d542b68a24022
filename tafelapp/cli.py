"""The `tafelapp` command: parses arguments, calls services, prints; exit codes 0/1/2/3."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tafelapp import __version__
from tafelapp.cli_common import Locked
from tafelapp.cli_common import print_json as _print_json
from tafelapp.cli_common import read_secret as _read_secret
from tafelapp.cli_notulen import add_parsers as add_notulen_parsers
from tafelapp.cli_notulen import cmd_identity, cmd_notulen
from tafelapp.cli_setup import add_parsers as add_setup_parsers
from tafelapp.cli_setup import cmd_case, cmd_setup
from tafelapp.cli_verify import add_arguments as add_verify_arguments
from tafelapp.cli_verify import cmd_audit, cmd_check, cmd_verify
from tafelapp.domain.problems import InvalidInput
from tafelapp.domain.worklist import ATTENTION_NL, Attention
from tafelapp.services import (
    case_service,
    exchange_service,
    file_service,
    meeting_service,
    vault_service,
    worklist_service,
)
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tafelapp.services.vault_service import VaultError, VaultNotFound, WrongPassphrase

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_LOCKED = 0, 1, 2, 3


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


def cmd_list(args: argparse.Namespace, session: Session) -> int:
    if args.what == "cases":
        rows: Sequence[Any] = case_service.list_cases(session, search=args.search)
        if args.json:
            _print_json([r.model_dump(mode="json") for r in rows])
            return EXIT_OK
        print(f"{'Casusnummer':<16} {'Tafel':<5} {'Gezin':<28} {'Route':<14} {'Volgende termijn'}")
        for r in rows:
            due = r.next_due.strftime("%d-%m-%Y") if r.next_due else "-"
            print(f"{r.case_number:<16} {r.table_kind:<5} {r.family_name[:28]:<28} "
                  f"{(r.route or '-'):<14} {due}")
        print(f"{len(rows)} casus(sen)")
    else:
        meetings = meeting_service.list_meetings(session)
        if args.json:
            _print_json([m.model_dump(mode="json") for m in meetings])
            return EXIT_OK
        print(f"{'Datum':<11} {'Tijd':<6} {'Tafel':<5} {'Locatie':<12} {'Casussen':<9} Id")
        for m in meetings:
            start = m.start.strftime("%H:%M") if m.start else "-"
            print(f"{m.date:%d-%m-%Y} {start:<6} {m.table_kind:<5} {m.location_kind:<12} "
                  f"{m.cases:<9} {m.id}")
    return EXIT_OK


def cmd_worklist(args: argparse.Namespace, session: Session) -> int:
    items = [i for i in worklist_service.work_list(session, table_id=args.table)
             if not args.kind or i.kind == args.kind]
    if args.json:
        _print_json([{"case_id": i.case_id, "case_number": i.case_number, "table": i.table_name,
                      "kind": i.kind.value, "due": i.due, "working_days_left": i.working_days_left,
                      "reason": i.reason} for i in items])
        return EXIT_OK
    print(f"{'Urgentie':<14} {'Casus':<16} {'Wat':<28} Waarom")
    for i in items:
        print(f"{i.urgency:<14} {i.case_number:<16} {ATTENTION_NL[i.kind]:<28} {i.reason}")
    print(f"{len(items)} punt(en) van aandacht, {len({i.case_id for i in items})} casus(sen)")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, session: Session) -> int:
    meeting = meeting_service.get_meeting(session, args.id)
    statuses = {item.id: meeting_service.item_status(session, item.id) for item in meeting.agenda}
    if args.json:
        data = meeting.model_dump(mode="json")
        for item in data["agenda"]:
            st = statuses[item["id"]]
            item["status"] = {
                "counts_as_jbt": st.counts_as_jbt,
                "not_jbt_reasons": [p.render() for p in st.not_jbt_reasons],
                "open_points": [p.render() for p in st.warnings + st.errors],
            }
        _print_json(data)
        return EXIT_OK
    from tafelapp.cli_format import format_meeting
    print(format_meeting(session, meeting, statuses))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, session: Session) -> int:
    text = exchange_service.export_case_json(session, case_service.find_case_id(session, args.case))
    if args.output:
        out = file_service.write_file(Path(args.output), text.encode("utf-8"))
        print(f"Geëxporteerd naar {out} (bevat persoonsgegevens: behandel als vertrouwelijk)",
              file=sys.stderr)
    else:
        print(text)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, session: Session) -> int:
    data = Path(args.file).read_bytes()
    result = exchange_service.import_case(session, data)
    label = {"created": "nieuw ingelezen", "updated": "bijgewerkt",
             "unchanged": "was al aanwezig en is ongewijzigd"}[result.outcome]
    print(f"Casus {result.case_number}: {label}.")
    for warning in result.warnings:
        print(f"let op: {warning.render()}", file=sys.stderr)
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, session: Session) -> int:
    new = _read_secret("TAFELAPP_NEW_PASSPHRASE_FILE", "Nieuwe wachtwoordzin: ", confirm=True)
    vault_service.change_passphrase(session, new)
    print("Wachtwoordzin gewijzigd; de kluis is opnieuw versleuteld.")
    return EXIT_OK




def cmd_outbox(args: argparse.Namespace, session: Session) -> int:
    """outbox list|send|run: what waits, send now, or keep draining."""
    from tafelapp.jobs.outbox_job import drain_once, start_headless
    from tafelapp.services import outbox_service

    if args.action == "list":
        for item, history in outbox_service.items(session):
            print(f"{item.identificatie}  {item.state:<9} pogingen {item.attempts}  "
                  f"{item.server_url or ''}")
            if item.last_error:
                print(f"    {item.last_error}")
            for at, result, status, _message in history[-3:]:
                print(f"    {at[:19]} {result} {status or ''}")
        st = outbox_service.status(session)
        print(f"Wachtend: {st.waiting}; geweigerd: {st.rejected}; afgeleverd: {st.delivered}; "
              f"niet bevestigd (vraag de regio): {st.unconfirmed}; "
              f"laatste aflevering: {st.last_delivery or '-'}")
        return EXIT_OK
    if not outbox_service.region_settings(session).configured:
        print("De regio is nog niet ingesteld: tafelapp region set …", file=sys.stderr)
        return EXIT_ERROR
    if args.action == "send":
        outbox_service.send_now(session, include_rejected=args.retry_rejected)
        for outcome in drain_once(session):
            print(f"{outcome.kind}: {outcome.url or outcome.message or ''}")
        return EXIT_OK
    import time

    def report(outcomes: list[Any]) -> None:
        for o in outcomes:
            print(f"{o.kind}: {o.url or o.message or ''}", flush=True)
    scheduler = start_headless(session, args.interval, report)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        scheduler.shutdown(wait=True)
    return EXIT_OK


def cmd_region(args: argparse.Namespace, session: Session) -> int:
    """region set|show|test: where the signed documents go."""
    from tafelapp.services import outbox_service
    from tafelapp.sync.region_check import check_region, region_ready

    if args.action == "show":
        st = outbox_service.region_settings(session)
        shown = st.model_dump()
        shown["secret"] = "********" if st.secret else ""
        _print_json(shown)
        return EXIT_OK
    if args.action == "test":
        steps = check_region(outbox_service.region_settings(session), session.actor)
        for step in steps:
            print(f"{'✓' if step.ok else '✗'} {step.name}: {step.message}")
        good = region_ready(steps)
        print("De regio is goed ingesteld: notulen kunnen worden verzonden." if good else
              "De regio is nog niet goed ingesteld; zie hierboven wat er mis is.")
        return EXIT_OK if good else EXIT_ERROR
    changes = {k: v for k, v in (("base_url", args.base_url), ("client_id", args.client_id),
                                 ("rsin", args.rsin),
                                 ("informatieobjecttype", args.informatieobjecttype),
                                 ("ca_bundle", args.ca_bundle), ("tsa_url", args.tsa_url),
                                 ("confidentiality", args.confidentiality)) if v is not None}
    if os.environ.get("TAFELAPP_REGION_SECRET_FILE") or args.ask_secret:
        changes["secret"] = _read_secret("TAFELAPP_REGION_SECRET_FILE", "Client secret: ")
    outbox_service.update_region(session, **changes)
    print("Regio-instellingen opgeslagen in de kluis.")
    return EXIT_OK


def cmd_start(args: argparse.Namespace) -> int:
    from tafelapp.cli_session import interactive
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
    p = sub.add_parser("show", help="toon een bespreking")
    p.add_argument("what", choices=["meeting"])
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("export", help="exporteer een casus met zijn besprekingen")
    p.add_argument("--case", required=True, help="id of casusnummer")
    p.add_argument("-o", "--output")
    p = sub.add_parser("import", help="lees een exportbestand in (alles of niets)")
    p.add_argument("file")
    p = sub.add_parser("check", help="controleer versleuteling, integriteit en auditlog")
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
    add_setup_parsers(sub)
    return parser


_WITH_SESSION: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "list": cmd_list, "werklijst": cmd_worklist, "show": cmd_show, "export": cmd_export,
    "import": cmd_import,
    "check": cmd_check, "audit": cmd_audit, "passwd": cmd_passwd, "notulen": cmd_notulen,
    "identity": cmd_identity, "outbox": cmd_outbox, "region": cmd_region, "setup": cmd_setup,
    "case": cmd_case,
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
        for problem in exc.problems:
            print(problem.render(), file=sys.stderr)
        return EXIT_INVALID
    except (WrongPassphrase, Locked) as exc:
        print(f"Kluis vergrendeld: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except VaultError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `tafelapp werklijst | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (OSError, UnicodeDecodeError) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
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
