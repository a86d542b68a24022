"""Load on the reference regional server: 20 clients × 200 requests on loopback, as users run it.

The server runs as `tafelapp-regional serve` in a process of its own (SQLite, as the demo and a
region's first try use it); each client is a thread with its own `ZgwClient` (a fresh JWT per
request, keep-alive, the app's 60 s time-out) that does what the outbox does for a document whose
earlier answer was lost: look it up, then upload it (a signed PDF of ~200 KB) — 100 of each.
The floor is the same requests from one client alone, in the same run. Reports latency medians
and p99 per kind, time-outs, connection resets and other transport errors, and the server's
resident memory sampled throughout. Writes bench/results/regional_load.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.outbox import signed_pdf_of_about
from tafelapp.settings import RegionSettings
from tafelapp.sync.payload import document_body
from tafelapp.sync.zgw_client import ZgwClient

RESULTS = Path(__file__).resolve().parent / "results" / "regional_load.json"
CLIENT, SECRET = "belasting", "belasting-geheim-van-minstens-32-tekens"
IOT = "http://127.0.0.1/catalogi/api/v1/informatieobjecttypen/notulen"
RSIN = "002220647"


@dataclass
class Tally:
    """What one client saw."""

    upload: list[float] = field(default_factory=list)
    lookup: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)

    def merge(self, other: Tally) -> None:
        """Add another client's figures to these."""
        self.upload += other.upload
        self.lookup += other.lookup
        for mine, theirs in ((self.statuses, other.statuses), (self.errors, other.errors)):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count


def free_port() -> int:
    """A port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mib(pid: int) -> float:
    """Resident memory of a process (VmRSS), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`tafelapp-regional serve` on a free loopback port; returns once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "regional.cli", "serve", "--port", str(port),
         "--db", str(folder / "regional.sqlite3"), "--client", f"{CLIENT}:{SECRET}",
         "--informatieobjecttype", IOT], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("de referentieserver startte niet binnen 60 s")


def run_client(url: str, name: str, pdf: bytes, documents: int, tally: Tally,
               go: threading.Event) -> None:
    """Look up and upload `documents` documents, one after the other, as one laptop does."""
    settings = RegionSettings(base_url=url, client_id=CLIENT, secret=SECRET, rsin=RSIN,
                              informatieobjecttype=IOT, timeout_seconds=60.0)
    client = ZgwClient(settings, name)
    today = dt.date.today()
    go.wait()
    try:
        for n in range(documents):
            identificatie = f"{name}-{n:04d}"
            body = document_body(settings, identificatie, f"Notulen {identificatie}", name,
                                 today, pdf, f"{identificatie}.pdf", today, False)
            for kind in ("lookup", "upload"):
                started = time.perf_counter()
                try:
                    reply = client.find(identificatie) if kind == "lookup" else client.create(body)
                    status = str(reply.status)
                except httpx.TimeoutException:
                    status = "time-out"
                except httpx.TransportError as exc:
                    status = type(exc).__name__
                    tally.errors[status] = tally.errors.get(status, 0) + 1
                (tally.upload if kind == "upload" else tally.lookup).append(
                    time.perf_counter() - started)
                tally.statuses[status] = tally.statuses.get(status, 0) + 1
    finally:
        client.close()


def load(url: str, pdfs: list[bytes], clients: int, documents: int, server_pid: int,
         prefix: str) -> tuple[Tally, float, list[float]]:
    """Run `clients` clients at once; returns their tally, the wall time and RSS samples."""
    tallies = [Tally() for _ in range(clients)]
    go = threading.Event()
    threads = [threading.Thread(target=run_client, daemon=True, args=(
        url, f"{prefix}{c:02d}", pdfs[c % len(pdfs)], documents, tallies[c], go))
        for c in range(clients)]
    for thread in threads:
        thread.start()
    samples = [rss_mib(server_pid)]
    started = time.perf_counter()
    go.set()
    while any(t.is_alive() for t in threads):
        time.sleep(0.5)
        samples.append(rss_mib(server_pid))
    elapsed = time.perf_counter() - started
    total = Tally()
    for tally in tallies:
        total.merge(tally)
    return total, elapsed, samples


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def figures(tally: Tally) -> dict[str, float]:
    """Median and p99 per kind, in seconds."""
    return {"upload_p50_s": statistics.median(tally.upload),
            "upload_p99_s": percentile(tally.upload, 0.99),
            "upload_max_s": max(tally.upload),
            "lookup_p50_s": statistics.median(tally.lookup),
            "lookup_p99_s": percentile(tally.lookup, 0.99),
            "all_p99_s": percentile(tally.upload + tally.lookup, 0.99)}


def main() -> None:
    """Floor (one client), then the load; print and write the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200, help="per client")
    args = parser.parse_args()
    documents = args.requests // 2
    folder = Path(tempfile.mkdtemp())
    pdfs = [signed_pdf_of_about(200_000) for _ in range(4)]
    server, url = start_server(folder)
    try:
        floor, floor_seconds, _ = load(url, pdfs, 1, min(documents, 50), server.pid, "vloer")
        idle_rss = rss_mib(server.pid)
        tally, seconds, samples = load(url, pdfs, args.clients, documents, server.pid, "last")
    finally:
        server.terminate()
        server.wait(timeout=30)
    base, loaded = figures(floor), figures(tally)
    requests = len(tally.upload) + len(tally.lookup)
    resets = sum(n for k, n in tally.errors.items() if k in ("ReadError", "RemoteProtocolError",
                                                              "ConnectError", "WriteError"))
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(), "clients": args.clients, "requests_per_client": args.requests,
        "document_bytes": len(pdfs[0]), "requests": requests, "seconds": seconds,
        "requests_per_second": requests / seconds, "statuses": tally.statuses,
        "transport_errors": tally.errors, "timeouts": tally.statuses.get("time-out", 0),
        "connection_resets": resets, **loaded,
        "floor_one_client": {**base, "requests": len(floor.upload) + len(floor.lookup),
                             "seconds": floor_seconds},
        "upload_p99_over_floor_p50": loaded["upload_p99_s"] / base["upload_p50_s"],
        "server_rss_mib": {"after_floor": idle_rss, "peak": max(samples), "last": samples[-1],
                           "samples_every_half_second": [round(s, 1) for s in samples]},
        "goal": "20 clients, p99 < 2 s, no resets, no time-outs, memory bounded",
    }
    print(f"{args.clients} clients × {args.requests} requests ({len(pdfs[0]) // 1024} KiB "
          f"uploads): {seconds:.1f} s, {result['requests_per_second']:.1f} req/s")
    print(f"upload p50 {loaded['upload_p50_s']:.3f} s, p99 {loaded['upload_p99_s']:.3f} s, max "
          f"{loaded['upload_max_s']:.3f} s; lookup p50 {loaded['lookup_p50_s']:.3f} s, p99 "
          f"{loaded['lookup_p99_s']:.3f} s (floor: upload p50 {base['upload_p50_s']:.3f} s)")
    print(f"statuses {tally.statuses}; transport errors {tally.errors}")
    print(f"server RSS {idle_rss:.0f} MiB idle → peak {max(samples):.0f} MiB, last "
          f"{samples[-1]:.0f} MiB")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
