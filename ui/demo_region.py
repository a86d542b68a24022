"""The demo's regional server: the reference server started as its own process on loopback.

The UI does not import the server; it starts the `tafelapp-regional` entry point (or, in the
packaged app, the same binary with `regional` as its first argument) and reads the address it
prints. Stopped when the demo closes or the app exits.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

DEMO_CLIENT = "tafelapp-demo"
DEMO_SECRET = "demo-geheim-alleen-voor-de-loopback-server"
DEMO_INFORMATIEOBJECTTYPE = "http://127.0.0.1/catalogi/api/v1/informatieobjecttypen/notulen-jbt"
START_TIMEOUT = 60.0


def _command() -> list[str]:
    if getattr(sys, "frozen", False):  # PyInstaller: packaging/entry.py dispatches `regional`
        return [sys.executable, "regional"]
    return [sys.executable, "-m", "regional.cli"]


class DemoRegion:
    """One loopback reference server for the demo vault."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.process: subprocess.Popen[str] | None = None
        self.url = ""

    def start(self) -> str:
        """Start the server (blocking: call it off the UI thread); returns its base URL."""
        if self.process is not None and self.process.poll() is None:
            return self.url
        self.process = subprocess.Popen(
            [*_command(), "serve", "--port", "0", "--db", str(self.store),
             "--client", f"{DEMO_CLIENT}:{DEMO_SECRET}",
             "--informatieobjecttype", DEMO_INFORMATIEOBJECTTYPE,
             "--verify-workers", "0"],  # one laptop: checked in the request's own thread
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # "Regionale referentieserver op http://…/api/v1"
        found = re.search(r"(https?://\S+?)/api/v1", line)
        if found is None:
            self.stop()
            raise RuntimeError("de demo-regioserver startte niet")
        self.url = found[1]
        return self.url

    def stop(self) -> None:
        """Stop the server process."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            if self.process.stdout is not None:
                self.process.stdout.close()
            self.process = None
