"""Requests and seconds per published case against the real Open Zaak (../shared/openzaak,
running on 127.0.0.1:8011), beside a floor: the same requests sent with plain httpx in the same run.

Per case: the first publication (zaak, three statussen, resultaat, rol, notulen link) and the
update after a second decision and closing (two statussen, a new resultaat, kenmerken). The
floor replays the first publication's recorded requests for a fresh identificatie, with nothing
else (no vault, no plan, no lookups skipped or added). Writes bench/results/region.json.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import jwt

from tafelapp.services import case_service, meeting_service, minutes_service, outbox_service, vault_service
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tafelapp.store.transaction import transaction
from tafelapp.sync.case_outbox import drain_cases
from tafelapp.sync.outbox import drain
from tafelapp.sync.zaken_client import ZakenClient
from tafelapp.sync.zgw_client import ZgwClient

RESULTS = Path(__file__).resolve().parent / "results" / "region.json"
OZ = Path(os.environ.get("OZ", "/tmp/openzaak-test"))
BASE = "http://127.0.0.1:8011"
CLIENT, SECRET = "tafelapp", "lang-gedeeld-geheim-voor-tafelapp-0123"


class Recorder(httpx.HTTPTransport):
    """Records (method, url, body) of every request it forwards."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, str, bytes]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Record, then forward."""
        self.sent.append((request.method, str(request.url), request.read()))
        return super().handle_request(request)


def prepared_case(folder: Path, n: int) -> tuple[Session, dict[str, str], str]:
    """A vault with the demo's JBT case under a fresh number and its notulen delivered."""
    session = vault_service.create(folder / f"k{n}.tafelapp", "Bench-Kluis-Zin-2026", "bench")
    demo = seed_demo(session)
    number = f"JBT-B{secrets.token_hex(5).upper()}"
    with transaction(session.conn) as conn:
        conn.execute("UPDATE cases SET case_number = ? WHERE id = ?", (number, demo["jbt_case"]))
    outbox_service.update_region(
        session, base_url=f"{BASE}/documenten", client_id=CLIENT, secret=SECRET,
        rsin="002564440", informatieobjecttype=(OZ / "run" / "iot_url.txt").read_text().strip(),
        zaken_url=f"{BASE}/zaken",
        zaaktypen={"JBT": (OZ / "run" / "zaaktype_url.txt").read_text().strip()},
        pseudonym_secret="bench-pseudoniemgeheim-van-de-regio-0123456789", timeout_seconds=60.0)
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    for role, name, pin in (("CHAIR", "Mr. A. de Voorzitter (fictief)", "123456"),
                            ("SECRETARY", "B. Secretaris (fictief)", "654321")):
        ident = minutes_service.create_local_identity(session, name, pin)
        minutes_service.sign_minutes(session, minutes.id, ident.id, pin, role)
    client = ZgwClient(outbox_service.region_settings(session), session.actor)
    try:  # the notulen first (Documenten API, outside the timing)
        assert [o.kind for o in drain(session, client)] == ["delivered"]
    finally:
        client.close()
    return session, demo, number


def timed_publication(session: Session) -> tuple[float, int, list[tuple[str, str, bytes]]]:
    """Publish what changed once; seconds, requests, and the requests themselves."""
    recorder = Recorder()
    zaken = ZakenClient(outbox_service.region_settings(session), session.actor,
                        transport=recorder)
    for kind in ("statustypen", "roltypen", "resultaattypen"):  # a drain reads them once
        zaken.types_of(outbox_service.region_settings(session).zaaktypen["JBT"], kind)
    recorder.sent.clear()
    zaken.requests = 0
    outbox_service.send_now(session)
    start = time.perf_counter()
    outcomes = drain_cases(session, zaken)
    seconds = time.perf_counter() - start
    zaken.close()
    assert [o.kind for o in outcomes if o.kind != "delivered"] == [], outcomes
    return seconds, zaken.requests, recorder.sent


def main() -> None:
    """Publish `--cases` cases and print and write the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    first: list[tuple[float, int]] = []
    update: list[tuple[float, int]] = []
    floors: list[float] = []
    for n in range(args.cases):
        session, demo, number = prepared_case(folder, n)
        seconds, requests, sent = timed_publication(session)
        first.append((seconds, requests))
        zaak_create = next(i for i, (m, u, _) in enumerate(sent)
                           if m == "POST" and u.endswith("/zaken/api/v1/zaken"))
        floors.append(floor_replay(sent, number, zaak_create, session, demo))
        item = meeting_service.get_meeting(session, demo["jbt_evaluation"]).agenda[0]
        meeting_service.take_decision(session, item.id, kind="INVESTIGATION",
                                      motivation="Voorwaarden niet nagekomen.")
        case_service.close_case(session, demo["jbt_case"])
        seconds, requests, _ = timed_publication(session)
        update.append((seconds, requests))
        session.close()
    result: dict[str, Any] = {
        "cases": args.cases,
        "first_publication": {"median_seconds": round(statistics.median(s for s, _ in first), 3),
                              "requests": sorted({r for _, r in first})},
        "floor_same_requests_plain_httpx": {"median_seconds": round(statistics.median(floors), 3)},
        "update_after_decision_and_closing": {
            "median_seconds": round(statistics.median(s for s, _ in update), 3),
            "requests": sorted({r for _, r in update})},
        "catalogus_reads_per_drain": 3,
        "server": "Open Zaak 1.30.0 on loopback (runserver), 2 shared cores",
    }
    print(json.dumps(result, indent=2))
    kept = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    # what bench/region_list.py and bench/region_screen.py wrote stays
    kept = {k: v for k, v in kept.items() if k in ("region_werklijst", "region_werklijst_screen")}
    RESULTS.write_text(json.dumps({**result, **kept}, indent=2) + "\n")


def floor_replay(sent: list[tuple[str, str, bytes]], number: str, zaak_create: int,
                 session: Session, demo: dict[str, str]) -> float:
    """The floor for one case: Tafelapp's zaak URL is known from its own parts."""
    from tafelapp.services import zaak_service

    ours = zaak_service.confirmed_parts(session, demo["jbt_case"])["zaak"]
    fresh = f"{number}F"  # never the number itself
    headers = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326",
               "Content-Type": "application/json"}
    new_zaak = ""
    with httpx.Client(timeout=60) as client:
        start = time.perf_counter()
        for i, (method, url, body) in enumerate(sent):
            text = body.decode().replace(number, fresh)
            url = url.replace(number, fresh)
            if new_zaak:
                url = url.replace(ours, new_zaak).replace(quote(ours, safe=""),
                                                         quote(new_zaak, safe=""))
                text = text.replace(ours, new_zaak)
            token = jwt.encode({"iss": CLIENT, "client_id": CLIENT, "iat": int(time.time()),
                                "user_id": "b", "user_representation": "b"}, SECRET,
                               algorithm="HS256")
            reply = client.request(method, url, content=text or None,
                                   headers={**headers, "Authorization": f"Bearer {token}"})
            if i == zaak_create:
                assert reply.status_code == 201, reply.text
                new_zaak = str(reply.json()["url"])
        return time.perf_counter() - start


if __name__ == "__main__":
    main()
