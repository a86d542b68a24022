"""What every `tafelapp` command module shares: reading a secret, the locked error, JSON output."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from tafelapp.domain.problems import InvalidInput, Problem

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_LOCKED = 0, 1, 2, 3


class Locked(Exception):
    """No passphrase could be obtained (no terminal and no passphrase file)."""


def read_secret(env: str, prompt: str, confirm: bool = False) -> str:
    """A passphrase from the file named by `env`, else from an interactive prompt (never argv)."""
    path = os.environ.get(env)
    if path:
        text = Path(path).read_text("utf-8")
        return text[:-1] if text.endswith("\n") else text
    if not sys.stdin.isatty():
        raise Locked(f"geen wachtwoordzin: geen terminal en {env} is niet gezet")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Herhaal de wachtwoordzin: ") != first:
        raise InvalidInput([Problem("passphrase.mismatch", "wachtwoordzin",
                                    "de twee ingevoerde wachtwoordzinnen zijn niet gelijk")])
    return first


def print_json(data: Any) -> None:
    """JSON for scripts: UTF-8 as is, indented, dates as text."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
