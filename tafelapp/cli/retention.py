"""`tafelapp opschonen`: what the bewaartermijn removes, postpone once, bewaren tot, remove."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from tafelapp.cli.common import EXIT_INVALID, EXIT_OK, print_json, say
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services import case_service, retention_service
from tafelapp.services.session import Session


def add_parsers(sub: Any) -> None:
    """Register `opschonen` on the main parser."""
    p = sub.add_parser("opschonen", help="bewaartermijn: persoonsgegevens van gesloten, door de "
                                         "regio bevestigde casussen van deze laptop verwijderen")
    act = p.add_subparsers(dest="action", required=True)
    q = act.add_parser("show", help="wat er bij de volgende opschoning weggaat en wat blijft")
    q.add_argument("--json", action="store_true")
    q = act.add_parser("run", help="toon wat weggaat en verwijder het na bevestiging")
    q.add_argument("--yes", action="store_true", help="niet vragen (voor een geplande taak)")
    for name, what in (("postpone", "stel het opschonen van één casus één keer uit"),
                       ("hold", "bewaren tot: houd een casus vast (bv. rechtszaak, klacht)")):
        q = act.add_parser(name, help=what)
        q.add_argument("--case", required=True, help="id of casusnummer")
        q.add_argument("--until", required=True, help="datum (JJJJ-MM-DD of DD-MM-JJJJ)")
        q.add_argument("--reason", required=True, help="waarom")
    q = act.add_parser("release", help="hef 'bewaren tot' op")
    q.add_argument("--case", required=True)
    q = act.add_parser("removed", help="de verwijderde casussen (wat er van bleef)")
    q.add_argument("--json", action="store_true")


def _date(text: str, field: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise InvalidInput([Problem("retention.bad_date", field,
                                f"'{text}' is geen datum; schrijf bv. 31-12-2027")])


def _show(session: Session, as_json: bool) -> retention_service.Plan:
    plan = retention_service.plan(session)
    if as_json:
        print_json({"local_weeks": plan.local_weeks, "today": plan.today, "cases": [
            {"case_number": a.facts.case_number, "verdict": a.verdict.value, "due_on": a.due_on,
             "closed_on": a.facts.closed_on, "reason": a.reason} for a in plan.assessments],
            "backups": [p.name for p in plan.stale_backups]})
        return plan
    say(plan.summary)
    for a in plan.assessments:
        mark = "WEG  " if a in plan.to_remove else "BLIJFT"
        say(f"{mark} {a.facts.case_number:<16} gesloten {a.facts.closed_on:%d-%m-%Y}  "
            f"{a.reason}")
    if plan.to_remove:
        say("Weg gaan: gezin, kinderen, deelnemers, hun inbreng en scores, teksten, notulen-PDF's. "
            "Blijven: casusnummer, data, besluit en afspraken zonder tekst, waar de regio de "
            "documenten bewaart en hun hashes.")
        for backup in plan.stale_backups:
            say(f"Ook weg: reservekopie van vóór een upgrade ({backup.name})")
    return plan


def cmd_retention(args: argparse.Namespace, session: Session) -> int:
    """Run one `opschonen` action."""
    if args.action == "show":
        _show(session, args.json)
        return EXIT_OK
    if args.action == "run":
        plan = _show(session, False)
        if not plan.to_remove:
            return EXIT_OK
        if not args.yes:
            if not sys.stdin.isatty():
                say("Niets verwijderd: bevestig met --yes (of voer dit uit in een terminal).",
                    file=sys.stderr)
                return EXIT_INVALID
            if input("Typ 'ja' om deze gegevens te verwijderen: ").strip().lower() != "ja":
                say("Niets verwijderd.")
                return EXIT_OK
        outcome = retention_service.remove_due(
            session, [a.facts.case_id for a in plan.to_remove])
        say(f"Verwijderd: {', '.join(outcome.removed)}. Kluis opgeschoond in "
            f"{outcome.compact_seconds:.1f} s ({outcome.file_bytes_before // 1024} → "
            f"{outcome.file_bytes_after // 1024} KiB).")
        return EXIT_OK
    if args.action == "removed":
        stones = retention_service.tombstones(session)
        if args.json:
            print_json(stones)
            return EXIT_OK
        for s in stones:
            documents: list[dict[str, Any]] = s["documents"]  # type: ignore[assignment]
            held = [d for d in documents if d.get("server_url")]
            say(f"{s['case_number']:<16} gesloten {s['closed_on']}  verwijderd "
                f"{str(s['removed_at'])[:10]}  {len(held)} document(en) bij de regio")
        say(f"{len(stones)} casus(sen) zonder persoonsgegevens op deze laptop")
        return EXIT_OK
    case_id = case_service.find_case_id(session, args.case)
    if args.action == "release":
        retention_service.end_hold(session, case_id)
        say("'Bewaren tot' opgeheven; de bewaartermijn geldt weer.")
        return EXIT_OK
    until = _date(args.until, "--until")
    if args.action == "postpone":
        retention_service.postpone(session, case_id, until, args.reason)
        say(f"Opschonen uitgesteld tot {until:%d-%m-%Y} (dit kan één keer).")
    else:
        retention_service.hold(session, case_id, until, args.reason)
        say(f"Bewaren tot {until:%d-%m-%Y} vastgelegd.")
    return EXIT_OK
