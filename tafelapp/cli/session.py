"""The interactive CLI session behind the README's run command (until the desktop app exists)."""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Callable, Sequence
from pathlib import Path

from tafelapp.services import vault_service
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session

HELP = """Opdrachten:
  list cases [--search TEKST]   casussen
  list meetings                 besprekingen
  show meeting ID               één bespreking met open punten
  export --case NUMMER -o FILE  exporteer een casus
  import FILE                   lees een exportbestand in
  check                         controleer de kluis
  audit verify                  controleer het auditlog
  stop                          vergrendel en sluit af"""


def interactive(args: argparse.Namespace, path: Path,
                read_secret: Callable[..., str],
                main: Callable[[Sequence[str] | None, Session | None], int]) -> int:
    """Open (or first create, offering demo data) the vault, then read commands until `stop`."""
    if not path.exists():
        print(f"Welkom bij Tafelapp. Er is nog geen kluis op {path}.")
        print("Kies een wachtwoordzin van minstens 12 tekens; zonder die zin is de kluis "
              "niet te openen.")
        session = vault_service.create(path, read_secret(
            "TAFELAPP_PASSPHRASE_FILE", "Nieuwe wachtwoordzin: ", confirm=True))
        answer = input("Demogegevens laden (één JBT en één ZVT, fictief)? [J/n] ").strip().lower()
        if answer in ("", "j", "ja", "y", "yes"):
            seed_demo(session)
            print("Demogegevens geladen.")
    else:
        session = vault_service.unlock(path, read_secret(
            "TAFELAPP_PASSPHRASE_FILE", f"Wachtwoordzin voor {path}: "))
    try:
        main(["list", "meetings"], session)
        print()
        main(["list", "cases"], session)
        print("\n" + HELP)
        while True:
            try:
                line = input("tafelapp> ").strip()
            except EOFError:
                break
            if line in ("stop", "exit", "quit"):
                break
            if not line or line in ("help", "?"):
                print(HELP)
                continue
            main(shlex.split(line), session)
    finally:
        session.close()
        print("Kluis vergrendeld.")
    return 0
