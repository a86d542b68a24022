"""`tafelapp outbox|region`: the documents for the regional server and where they go."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from tafelapp.cli.common import EXIT_ERROR, EXIT_OK
from tafelapp.cli.common import print_json as _print_json
from tafelapp.cli.common import read_secret as _read_secret
from tafelapp.services.session import Session


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
        shown["pseudonym_secret"] = "********" if st.pseudonym_secret else ""
        _print_json(shown)
        return EXIT_OK
    if args.action == "test":
        from tafelapp.services import zaak_service
        from tafelapp.sync.zaken_check import check_zaken

        settings = outbox_service.region_settings(session)
        steps = check_region(settings, session.actor,
                             known_document=outbox_service.a_delivered_document(session))
        for step in steps:
            print(f"{'?' if not step.proven else '✓' if step.ok else '✗'} {step.name}: "
                  f"{step.message}")
        good = region_ready(steps)
        zaken = check_zaken(settings, session.actor, zaak_service.open_published_zaken(session))
        for z in zaken:
            print(f"{'?' if not z.proven else '✓' if z.ok else '✗'} {z.name}: {z.message}")
        zaken_good = all(z.ok for z in zaken)
        unproven = [s.name for s in steps if not s.proven] + [z.name for z in zaken if not z.proven]
        print("De regio is goed ingesteld: notulen kunnen worden verzonden." if good else
              "De regio is nog niet goed ingesteld; zie hierboven wat er mis is.")
        if settings.zaken_url:
            print("De Zaken API is goed ingesteld: casussen worden als zaak gepubliceerd."
                  if zaken_good else "De Zaken API is nog niet goed ingesteld; zie hierboven.")
        if unproven:
            print("Niet aangetoond (nog geen document of zaak om mee te proberen): "
                  + "; ".join(unproven))
        return EXIT_OK if good and zaken_good else EXIT_ERROR
    changes = {k: v for k, v in (("base_url", args.base_url), ("client_id", args.client_id),
                                 ("rsin", args.rsin),
                                 ("informatieobjecttype", args.informatieobjecttype),
                                 ("ca_bundle", args.ca_bundle), ("tsa_url", args.tsa_url),
                                 ("confidentiality", args.confidentiality),
                                 ("zaken_url", args.zaken_url)) if v is not None}
    current = outbox_service.region_settings(session)
    for option, key in (("zaaktype", "zaaktypen"), ("statustype", "status_names"),
                        ("roltype", "role_names"), ("resultaattype", "result_names")):
        pairs = getattr(args, option)
        if pairs:
            if any("=" not in pair for pair in pairs):
                print(f"--{option} verwacht CODE=WAARDE, bv. --zaaktype JBT=https://…",
                      file=sys.stderr)
                return EXIT_ERROR
            changes[key] = {**getattr(current, key),
                            **dict(pair.split("=", 1) for pair in pairs)}
    if os.environ.get("TAFELAPP_REGION_SECRET_FILE") or args.ask_secret:
        changes["secret"] = _read_secret("TAFELAPP_REGION_SECRET_FILE", "Client secret: ")
    if os.environ.get("TAFELAPP_PSEUDONYM_SECRET_FILE") or args.ask_pseudonym_secret:
        changes["pseudonym_secret"] = _read_secret("TAFELAPP_PSEUDONYM_SECRET_FILE",
                                                   "Pseudoniemgeheim van de regio: ")
    outbox_service.update_region(session, **changes)
    print("Regio-instellingen opgeslagen in de kluis.")
    return EXIT_OK
