"""`tafelapp list|werklijst|show|export|import`: the cases and meetings in the vault."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tafelapp.cli.common import EXIT_OK, print_json_text, say
from tafelapp.cli.common import print_json as _print_json
from tafelapp.domain.worklist import ATTENTION_NL
from tafelapp.services import case_service, exchange_service, file_service, meeting_service, worklist_service
from tafelapp.services.session import Session


def cmd_list(args: argparse.Namespace, session: Session) -> int:
    if args.what == "cases":
        rows: Sequence[Any] = case_service.list_cases(session, search=args.search)
        if args.json:
            _print_json([r.model_dump(mode="json") for r in rows])
            return EXIT_OK
        say(f"{'Casusnummer':<16} {'Tafel':<5} {'Gezin':<28} {'Route':<14} {'Volgende termijn'}")
        for r in rows:
            due = r.next_due.strftime("%d-%m-%Y") if r.next_due else "-"
            say(f"{r.case_number:<16} {r.table_kind:<5} {r.family_name[:28]:<28} "
                f"{(r.route or '-'):<14} {due}")
        say(f"{len(rows)} casus(sen)")
    else:
        meetings = meeting_service.list_meetings(session)
        if args.json:
            _print_json([m.model_dump(mode="json") for m in meetings])
            return EXIT_OK
        say(f"{'Datum':<11} {'Tijd':<6} {'Tafel':<5} {'Locatie':<12} {'Casussen':<9} Id")
        for m in meetings:
            start = m.start.strftime("%H:%M") if m.start else "-"
            say(f"{m.date:%d-%m-%Y} {start:<6} {m.table_kind:<5} {m.location_kind:<12} "
                f"{m.cases:<9} {m.id}")
    return EXIT_OK


def cmd_worklist(args: argparse.Namespace, session: Session) -> int:
    if getattr(args, "regio", False):
        from tafelapp.cli.region_worklist import cmd_region_worklist

        return cmd_region_worklist(args, session)
    items = [i for i in worklist_service.work_list(session, table_id=args.table)
             if not args.kind or i.kind == args.kind]
    if args.json:
        _print_json([{"case_id": i.case_id, "case_number": i.case_number, "table": i.table_name,
                      "kind": i.kind.value, "due": i.due, "working_days_left": i.working_days_left,
                      "reason": i.reason} for i in items])
        return EXIT_OK
    say(f"{'Urgentie':<14} {'Casus':<16} {'Wat':<28} Waarom")
    for i in items:
        say(f"{i.urgency:<14} {i.case_number:<16} {ATTENTION_NL[i.kind]:<28} {i.reason}")
    say(f"{len(items)} punt(en) van aandacht, {len({i.case_id for i in items})} casus(sen)")
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
    from tafelapp.cli.format import format_meeting
    say(format_meeting(session, meeting, statuses))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, session: Session) -> int:
    text = exchange_service.export_case_json(session, case_service.find_case_id(session, args.case))
    if args.output:
        out = file_service.write_file(Path(args.output), text.encode("utf-8"))
        say(f"Geëxporteerd naar {out} (bevat persoonsgegevens: behandel als vertrouwelijk)",
            file=sys.stderr)
    else:
        print_json_text(text)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, session: Session) -> int:
    data = Path(args.file).read_bytes()
    result = exchange_service.import_case(session, data)
    label = {"created": "nieuw ingelezen", "updated": "bijgewerkt",
             "unchanged": "was al aanwezig en is ongewijzigd"}[result.outcome]
    say(f"Casus {result.case_number}: {label}.")
    for warning in result.warnings:
        say(f"let op: {warning.render()}", file=sys.stderr)
    return EXIT_OK
