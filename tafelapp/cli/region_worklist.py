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
    refreshed = True
    if not args.offline:
        from tafelapp.sync.region_fetch import RefreshFailed, refresh
        from tafelapp.sync.zaken_client import ZakenClient

        settings = outbox_service.region_settings(session)
        client = ZakenClient(settings, session.actor)
        try:
            fetched = refresh(session, client, lambda done, total: print(
                f"\rverversen: pagina {done} van {total}", end="", file=sys.stderr))
            print(f"\r{len(fetched.zaken)} open zaken gelezen in {fetched.requests} "
                  "verzoeken", file=sys.stderr)
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
