"""`tafelapp werklijst --regio`: every stuck case of every table of the region, from its zaken."""

from __future__ import annotations

import argparse
import sys

from tafelapp.cli.common import EXIT_ERROR, EXIT_OK, say
from tafelapp.cli.common import print_json as _print_json
from tafelapp.domain.worklist import ATTENTION_NL
from tafelapp.services import outbox_service, region_worklist_service
from tafelapp.services.session import Session


def cmd_region_worklist(args: argparse.Namespace, session: Session) -> int:
    """Refresh (unless --offline; a failed refresh keeps the last copy), then show the lines."""
    if getattr(args, "casus", None):
        return cmd_region_case(args, session)
    refreshed = True
    if not args.offline:
        from tafelapp.sync.region_fetch import RefreshFailed, refresh
        from tafelapp.sync.zaken_client import ZakenClient

        settings = outbox_service.region_settings(session)
        client = ZakenClient(settings, session.actor)
        try:
            fetched = refresh(session, client, lambda done, total: print(
                f"\rverversen: pagina {done} van {total}", end="", file=sys.stderr),
                full=bool(getattr(args, "full", False)))
            print(f"\r{fetched.summary}", file=sys.stderr)
        except RefreshFailed as exc:
            refreshed = False
            print(f"Verversen lukte niet: {exc}", file=sys.stderr)
        finally:
            client.close()
    result = region_worklist_service.work_list(session)
    items = [i for i in result.items if not args.kind or i.kind == args.kind]
    if args.json:
        _print_json({"fetched_at": result.fetched_at, "zaken": result.zaken,
                     "without_facts": result.without_facts, "own": result.own,
                     "items": [{"case_number": i.case_number, "table": i.table_name,
                                "kind": i.kind.value, "due": i.due,
                                "working_days_left": i.working_days_left, "reason": i.reason}
                               for i in items]})
        return EXIT_OK if refreshed or result.fetched_at else EXIT_ERROR
    say(result.note)
    say(f"{'Urgentie':<14} {'Casus':<16} {'Tafel':<30} {'Wat':<28} Waarom")
    for i in items:
        say(f"{i.urgency:<14} {i.case_number:<16} {i.table_name[:30]:<30} "
            f"{ATTENTION_NL[i.kind]:<28} {i.reason}")
    say(f"{len(items)} punt(en) van aandacht, {len({i.case_number for i in items})} casus(sen) "
        f"in de regio; {result.own} casus(sen) van deze laptop staan op de eigen werklijst; "
        f"{result.without_facts} zaak/zaken zonder Tafelapp-gegevens")
    return EXIT_OK if refreshed or result.fetched_at else EXIT_ERROR


def cmd_region_case(args: argparse.Namespace, session: Session) -> int:
    """`werklijst --regio --casus N`: what the region holds of one case of the last copy (its
    statussen, besluit, termijnen and notulen), read now from the region; `--pdf MAP` saves
    the notulen this client may read."""
    from pathlib import Path

    from tafelapp.sync.region_detail import DetailFailed, download, read_detail
    from tafelapp.sync.zaken_client import ZakenClient
    from tafelapp.sync.zgw_client import ZgwClient

    line = region_worklist_service.line(session, args.casus)
    if line is None:
        print(f"Casus {args.casus} staat niet in de laatste kopie van de regio (of deze client "
              "mag hem niet zien); ververs met: tafelapp werklijst --regio", file=sys.stderr)
        return EXIT_ERROR
    settings = outbox_service.region_settings(session)
    zaken, documents = ZakenClient(settings, session.actor), ZgwClient(settings, session.actor)
    try:
        detail = read_detail(zaken, documents, line.case, line.table_name, line.table.kind,
                             line.table.chair_organisation)
        saved = []
        if args.pdf:
            folder = Path(args.pdf)
            folder.mkdir(parents=True, exist_ok=True)
            for number, doc in enumerate(d for d in detail.documents if d.readable):
                path = folder / f"notulen-{line.case.case_number}-{number + 1}.pdf"
                path.write_bytes(download(documents, doc))
                saved.append(str(path))
    except DetailFailed as exc:
        print(f"Niet gelezen: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        zaken.close()
        documents.close()
    if args.json:
        _print_json({"case_number": line.case.case_number, "table": line.table_name,
                     "table_kind": line.table.kind,
                     "chair_organisation": line.table.chair_organisation,
                     "statuses": [{"on": when, "status": name} for when, name in detail.statuses],
                     "result": detail.result, "facts": detail.facts(), "notes": detail.notes,
                     "documents": [{"title": d.title, "readable": d.readable, "note": d.note}
                                   for d in detail.documents], "saved": saved})
        return EXIT_OK
    for text in detail.facts():
        say(text)
    for doc in detail.documents:
        say(f"Notulen: {doc.title}" + ("" if doc.readable else f" — {doc.note}"))
    for note in detail.notes:
        say(f"Niet te lezen: {note}")
    for name in saved:
        say(f"Opgeslagen: {name}")
    return EXIT_OK
