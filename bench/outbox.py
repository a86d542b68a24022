"""Soak: 1,000 queued documents of ~200 KB, 30 % of requests failing at random, drained to the end.

Reports the time, the requests made, and memory (RSS) sampled as the count grows, which must
stay flat. Writes bench/results/outbox.json. Everything runs on loopback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path

from regional.server import Config, Faults, RegionalServer
from regional.store import SqliteStore
from tafelapp.documents.pdf import render_pdf
from tafelapp.domain.minutes import Minutes, MinutesStatus, SignerRole
from tafelapp.services import meeting_service, outbox_service, vault_service
from tafelapp.services.demo_service import seed_demo
from tafelapp.signing import identities, pades
from tafelapp.store import minutes_repo, outbox_repo
from tafelapp.store.transaction import transaction
from tafelapp.sync.outbox import claim_due, deliver, record
from tafelapp.sync.zgw_client import ZgwClient

RESULTS = Path(__file__).resolve().parent / "results" / "outbox.json"
CLIENT, SECRET = "soak", "soak-geheim-van-minstens-32-tekens-lang"
IOT = "http://127.0.0.1/catalogi/api/v1/informatieobjecttypen/soak"


def rss_mib() -> float:
    """Resident memory of this process now."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def signed_pdf_of_about(size: int) -> bytes:
    """A signed PDF of roughly `size` bytes (text made incompressible enough to keep its size)."""
    rng = random.Random(7)
    words = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7))
                     for _ in range(size // 10))
    pdf = render_pdf(f"<html><body><p>{words}</p></body></html>")
    material = identities.create_local("Soak Voorzitter", "123456", dt.datetime.now(dt.UTC))
    key = identities.unlock_key(material.encrypted_key_der, "123456")
    return pades.sign(pdf, material.certificate_der, key, "Voorzitter", "Soak", "soak", "lo")


def main() -> None:
    """Queue, drain with faults, verify exactly-once, print and write the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--fail-rate", type=float, default=0.3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    session = vault_service.create(folder / "k.tafelapp", "Soak-Kluis-Zin-2026", actor="soak")
    ids = seed_demo(session)
    item = meeting_service.get_meeting(session, ids["jbt_meeting"]).agenda[0]
    pdf = signed_pdf_of_about(200_000)
    fake_now = [dt.datetime.now(dt.UTC)]
    session.clock = lambda: fake_now[0]
    with transaction(session.conn) as conn:
        for n in range(args.documents):
            m = Minutes(agenda_item_id=item.id, meeting_id=ids["jbt_meeting"],
                        case_id=ids["jbt_case"], number=f"SOAK-{n:05d}",
                        created_at=fake_now[0], status=MinutesStatus.FINAL,
                        signatures=[{"role": SignerRole.CHAIR, "signer_name": "Soak",
                                     "identity_id": "soak", "signed_at": fake_now[0],
                                     "certificate_subject": "CN=Soak",
                                     "certificate_fingerprint": "00", "local_identity": True}],
                        signing_order=[SignerRole.CHAIR], finalised_at=fake_now[0])
            minutes_repo.save(conn, m, document=pdf)
            outbox_repo.queue(conn, f"out-{m.id}", "minutes", m.id, f"TAFEL-{m.id}", fake_now[0])
    store = SqliteStore(str(folder / "regional.sqlite3"))
    faults = Faults(fail_rate=args.fail_rate, seed=11)
    server = RegionalServer(store, Config({CLIENT: SECRET}, {IOT}, faults=faults)).start()
    outbox_service.update_region(session, base_url=server.url, client_id=CLIENT, secret=SECRET,
                                 rsin="002220647", informatieobjecttype=IOT, timeout_seconds=10.0)
    client = ZgwClient(outbox_service.region_settings(session), "soak",
                       clock=lambda: dt.datetime.now(dt.UTC))
    rng = random.Random(3)
    requests = 0
    original_request = client.request

    def counting(*a: object, **k: object) -> object:
        nonlocal requests
        requests += 1
        return original_request(*a, **k)  # type: ignore[arg-type]
    client.request = counting  # type: ignore[method-assign,assignment]
    samples: list[tuple[int, float]] = []
    start = time.perf_counter()
    passes = 0
    while True:
        passes += 1
        progressed = False
        while (claim := claim_due(session, fake_now[0])) is not None:
            record(session, claim, deliver(claim, client), fake_now[0], rng)
            progressed = True
            done = outbox_repo.counts(session.conn).get("delivered", 0)
            if done and done % max(1, args.documents // 8) == 0 and (
                    not samples or samples[-1][0] != done):
                samples.append((done, rss_mib()))
        counts = outbox_repo.counts(session.conn)
        if counts.get("queued", 0) + counts.get("sending", 0) == 0:
            break
        fake_now[0] += dt.timedelta(minutes=16)  # past the longest backoff: retries are due
        if not progressed and passes > 50:
            break
    elapsed = time.perf_counter() - start
    server.stop()
    client.close()
    counts = outbox_repo.counts(session.conn)
    copies = store.find(None, None)
    identificaties = [c["identificatie"] for c in copies]
    exactly_once = (len(identificaties) == len(set(identificaties)) == args.documents
                    and counts.get("delivered") == args.documents)
    same_bytes = all(store.get(c["url"].rsplit("/", 1)[1])[1] == pdf  # type: ignore[index]
                     for c in copies[:: max(1, len(copies) // 20)])
    session.close()
    growth = samples[-1][1] - samples[0][1] if len(samples) > 1 else 0.0
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "documents": args.documents, "document_bytes": len(pdf), "fail_rate": args.fail_rate,
        "seconds": elapsed, "requests": requests, "passes": passes,
        "delivered": counts.get("delivered", 0), "exactly_once": exactly_once,
        "byte_identical_sample": same_bytes,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_mib_by_delivered": samples, "rss_growth_mib_first_to_last_sample": growth,
        "median_seconds_per_document": elapsed / max(1, args.documents),
    }
    print(f"{args.documents} documents of {len(pdf) // 1024} KiB, {args.fail_rate:.0%} failing: "
          f"{elapsed:.1f} s, {requests} requests, {passes} passes")
    print(f"delivered {counts.get('delivered', 0)}, exactly once: {exactly_once}, "
          f"byte-identical (sample): {same_bytes}")
    print("RSS (MiB) as deliveries grow: " + ", ".join(f"{n}: {m:.0f}" for n, m in samples))
    print(f"peak RSS {result['peak_rss_mib']:.0f} MiB; growth first→last sample {growth:+.1f} MiB")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
