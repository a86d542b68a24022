"""A real Open Zaak on loopback (../shared/openzaak/setup.sh), started once per test run.

Absent (`../shared/openzaak` missing) the tests are skipped with the reason; when it does not start
they are skipped too — except in CI (CI=true), where that fails the run. A server already running
on 127.0.0.1:8011 (a developer's) is used as it is and left running.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.openzaak.oz import OpenZaak
from tests.ui.conftest import make_app  # noqa: F401 - the app fixture, for the screen's test

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "openzaak"
WORK = Path(os.environ.get("OZ", "/tmp/openzaak-test"))
UP_TIMEOUT = 40 * 60  # a first install on a new machine: packages, a venv, migrations
READY_TIMEOUT = 180


def _answers() -> bool:
    try:
        return httpx.get("http://127.0.0.1:8011/", timeout=5).status_code < 500
    except httpx.HTTPError:
        return False


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"Open Zaak is in CI verplicht maar start niet: {reason}", pytrace=False)
    pytest.skip(f"Open Zaak niet beschikbaar: {reason}")


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return ""


@pytest.fixture(scope="session")
def openzaak(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenZaak]:
    """Open Zaak, up and answering, with the URLs `setup.sh configure` wrote."""
    if not (SHARED / "setup.sh").exists():
        pytest.skip(f"{SHARED} ontbreekt: de Open Zaak-tests draaien alleen waar die map is "
                    "(in CI wel)")
    started = False
    if not (_answers() and (WORK / "run" / "zaaktype_url.txt").exists()):
        log = tmp_path_factory.mktemp("openzaak") / "setup-up.log"
        begin = time.monotonic()
        with log.open("w") as out:
            try:
                code = subprocess.run(["bash", str(SHARED / "setup.sh"), "up"], stdout=out,
                                      stderr=subprocess.STDOUT, timeout=UP_TIMEOUT,
                                      env={**os.environ, "OZ": str(WORK)}).returncode
            except subprocess.TimeoutExpired:
                code = -1
        print(f"\n[openzaak] setup.sh up: {time.monotonic() - begin:.0f} s (exit {code})")
        if code != 0:
            _unavailable(f"setup.sh up eindigde met {code}:\n{_tail(log)}")
        started = True
    deadline = time.monotonic() + READY_TIMEOUT
    while not _answers():
        if time.monotonic() > deadline:
            _unavailable(f"geen antwoord op 127.0.0.1:8011 binnen {READY_TIMEOUT} s:\n"
                         f"{_tail(WORK / 'run' / 'web.log')}")
        time.sleep(1)
    oz = OpenZaak(WORK, SHARED)
    oz.wait_ready(READY_TIMEOUT)
    yield oz
    if started:
        subprocess.run(["bash", str(SHARED / "setup.sh"), "stop"], capture_output=True,
                       env={**os.environ, "OZ": str(WORK)}, timeout=120)


@pytest.fixture
def alive(openzaak: OpenZaak) -> Iterator[OpenZaak]:
    """Open Zaak, brought back after a test that killed it."""
    yield openzaak
    if not openzaak.running():
        openzaak.serve()

