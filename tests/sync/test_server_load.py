"""The reference regional server under many clients: every upload served once, no reset, a full
server says 'later' (503, Retry-After) instead of hanging, and its checker processes never outlive
it. Speeds are measured by bench/regional_load.py, not here."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from regional.limits import Limits
from regional.server import COLLECTION, Config, Faults, RegionalServer
from regional.store import SqliteStore
from tafelapp.documents.pdf import render_pdf
from tafelapp.settings import RegionSettings
from tafelapp.signing import identities, pades
from tafelapp.sync.outbox import Claim, deliver
from tafelapp.sync.payload import document_body
from tafelapp.sync.zgw_client import ZgwClient
from tests.sync.conftest import CLIENT, IOT, RSIN, SECRET


@pytest.fixture(scope="module")
def signed_pdf() -> bytes:
    pdf = render_pdf("<html><body><h1>Notulen</h1><p>Besproken aan tafel.</p></body></html>")
    material = identities.create_local("Last Voorzitter", "123456", dt.datetime.now(dt.UTC))
    key = identities.unlock_key(material.encrypted_key_der, "123456")
    return pades.sign(pdf, material.certificate_der, key, "Voorzitter", "Last", "r", "l")


def _start(tmp_path: Path, limits: Limits, faults: Faults | None = None) -> RegionalServer:
    store = SqliteStore(str(tmp_path / "regional.sqlite3"))
    return RegionalServer(store, Config({CLIENT: SECRET}, {IOT}, faults=faults or Faults(),
                                        limits=limits)).start()


@pytest.fixture
def busy_server(tmp_path: Path) -> Iterator[RegionalServer]:
    server = _start(tmp_path, Limits(verify_workers=2, uploads=3, connections=6, backlog=256))
    yield server
    server.stop()


def _settings(url: str) -> RegionSettings:
    return RegionSettings(base_url=url, client_id=CLIENT, secret=SECRET, rsin=RSIN,
                          informatieobjecttype=IOT, timeout_seconds=120.0)


def _body(settings: RegionSettings, identificatie: str, pdf: bytes) -> dict[str, object]:
    today = dt.date.today()
    return document_body(settings, identificatie, f"Notulen {identificatie}", "last", today, pdf,
                         "notulen.pdf", today, False)


def test_twenty_laptops_at_once_each_document_arrives_once(busy_server: RegionalServer,
                                                           signed_pdf: bytes) -> None:
    """More clients than connections, upload slots and checkers: all wait their turn."""
    settings = _settings(busy_server.url)
    seen: list[tuple[str, int]] = []
    problems: list[str] = []

    def laptop(number: int) -> None:
        client = ZgwClient(settings, f"laptop-{number}")
        try:
            for n in range(3):
                identificatie = f"LAST-{number:02d}-{n}"
                assert client.find(identificatie).status == 200
                seen.append((identificatie, client.create(_body(settings, identificatie,
                                                                signed_pdf)).status))
        except Exception as exc:  # a reset or time-out is what this test is about
            problems.append(f"{number}: {type(exc).__name__}: {exc}")
        finally:
            client.close()
    threads = [threading.Thread(target=laptop, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert problems == []
    assert sorted(status for _, status in seen) == [201] * 60
    stored = [d["identificatie"] for d in busy_server.httpd.store.find(RSIN, None)]
    assert sorted(stored) == sorted(i for i, _ in seen)


def test_a_burst_of_connections_waits_in_the_queue_instead_of_being_reset(
        busy_server: RegionalServer) -> None:
    """120 connections at once against 6 served at a time: every one gets its answer."""
    parts = urlsplit(busy_server.url)
    token = ZgwClient(_settings(busy_server.url), "burst").token()
    request = (f"GET {COLLECTION}?bronorganisatie={RSIN}&identificatie=X HTTP/1.1\r\n"
               f"Host: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
               ).encode()
    sockets = [socket.create_connection((parts.hostname, parts.port), timeout=60)
               for _ in range(120)]
    for sock in sockets:
        sock.sendall(request)
    answers = []
    for sock in sockets:
        with sock:
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
            answers.append(answer.split(b" ", 2)[1])
    assert answers == [b"200"] * 120


def test_a_full_server_says_later_and_the_outbox_tries_again(tmp_path: Path,
                                                            signed_pdf: bytes) -> None:
    """One upload slot, held by a slow upload: the next upload hears 503 with Retry-After,
    which the outbox takes as 'try again', not as a refusal."""
    server = _start(tmp_path, Limits(uploads=1, upload_wait_seconds=0.3),
                    Faults(delay_seconds=3.0))
    try:
        settings = _settings(server.url)
        slow = threading.Thread(target=lambda: ZgwClient(settings, "traag").create(
            _body(settings, "TRAAG-1", signed_pdf)))
        slow.start()
        deadline = time.monotonic() + 60
        while server.httpd.store.count() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)  # the slow upload is stored and now holds the only slot
        client = ZgwClient(settings, "tweede")
        reply = client.request("POST", "/enkelvoudiginformatieobjecten",
                               _body(settings, "TWEEDE-1", signed_pdf))
        assert (reply.status, reply.code) == (503, "busy")
        claim = Claim("item", "TWEEDE-1", 0, False, _body(settings, "TWEEDE-1", signed_pdf))
        outcome = deliver(claim, client)
        assert outcome.kind == "retry" and "503" in str(outcome.message)
        slow.join(timeout=60)
        client.close()
    finally:
        server.stop()
    assert [d["identificatie"] for d in server.httpd.store.find(RSIN, None)] == ["TRAAG-1"]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killed_server_leaves_no_signature_checkers_behind(tmp_path: Path) -> None:
    """SIGKILL gives the server no chance to stop its checkers: they notice and end."""
    server = subprocess.Popen(
        [sys.executable, "-m", "regional.cli", "serve", "--port", "0", "--db",
         str(tmp_path / "r.sqlite3"), "--client", f"{CLIENT}:{SECRET}",
         "--informatieobjecttype", IOT, "--verify-workers", "2"],
        stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    line = server.stdout.readline()
    assert re.search(r"http://127\.0\.0\.1:\d+/api/v1", line), line
    checkers = _children(server.pid) - {server.pid}
    assert len(checkers) >= 2  # two checkers (and the resource tracker)
    os.kill(server.pid, signal.SIGKILL)
    server.wait(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(map(_running, checkers)):
        time.sleep(0.2)
    alive = [p for p in checkers if _running(p)]
    assert alive == [], f"still running after the server was killed: {alive}"


def test_upload_slots_are_given_in_arrival_order_and_a_long_wait_gives_up() -> None:
    from regional.limits import Slots

    slots = Slots(1, wait_seconds=5.0)
    assert slots.take()
    order: list[int] = []

    def waiter(number: int) -> None:
        if slots.take():
            order.append(number)
            slots.give()
    threads = []
    for number in range(5):
        threads.append(threading.Thread(target=waiter, args=(number,)))
        threads[-1].start()
        time.sleep(0.05)  # they arrive one after the other
    slots.give()
    for thread in threads:
        thread.join(timeout=10)
    assert order == [0, 1, 2, 3, 4]
    impatient = Slots(1, wait_seconds=0.1)
    assert impatient.take() and not impatient.take()
    impatient.give()
    assert impatient.take()  # the slot given back is free again


def test_a_slot_given_back_goes_to_the_one_waiting_not_to_a_newcomer() -> None:
    from regional.limits import Slots

    slots = Slots(1, wait_seconds=5.0)
    assert slots.take()
    got: list[str] = []

    def waiting() -> None:
        if slots.take():
            got.append("waiting")
            time.sleep(0.5)
            slots.give()
    thread = threading.Thread(target=waiting)
    thread.start()
    time.sleep(0.2)  # it waits now
    slots.give()
    if slots.take():  # right after, before the waiting thread has woken: it comes second
        got.append("newcomer")
    thread.join(timeout=10)
    assert got == ["waiting", "newcomer"]


def test_a_killed_checker_is_replaced_and_uploads_go_on(tmp_path: Path, signed_pdf: bytes) -> None:
    """A signature checker that dies (out of memory, killed) costs no upload: new workers are
    started and the document is checked again."""
    server = _start(tmp_path, Limits(verify_workers=2, uploads=2))
    try:
        settings = _settings(server.url)
        client = ZgwClient(settings, "na-de-val")
        assert client.create(_body(settings, "VOOR-1", signed_pdf)).status == 201
        pool = server.httpd.verifier._pool
        assert pool is not None
        for pid in list(pool._processes):  # type: ignore[attr-defined]
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        assert client.create(_body(settings, "NA-1", signed_pdf)).status == 201
        assert client.create(_body(settings, "NA-2", signed_pdf)).status == 201
        client.close()
    finally:
        server.stop()
    assert sorted(d["identificatie"] for d in server.httpd.store.find(RSIN, None)) == [
        "NA-1", "NA-2", "VOOR-1"]
