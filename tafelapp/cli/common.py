"""What every `tafelapp` command module shares: reading a secret, the locked error, JSON output."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from tafelapp.domain.problems import InvalidInput, Problem, printable

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


def clean(text: object) -> str:
    """What the terminal may show of text that came (partly) from input: control characters
    (ESC, C0 and C1 but newline and tab) and right-to-left overrides and marks escaped visibly
    (`\\x1b`, `\\u202e`), so a file cannot move the cursor, recolour or reverse the screen."""
    return printable(str(text))


def say(*parts: object, file: TextIO | None = None) -> None:
    """Print a line for people; everything the CLI prints to be read goes through here."""
    print(" ".join(clean(part) for part in parts), file=file or sys.stdout)


def print_problems(problems: list[Problem]) -> None:
    """Every problem on its own line on stderr, where in Dutch words and what."""
    for problem in problems:
        say(problem.render(), file=sys.stderr)


def print_json_text(text: str) -> None:
    """JSON text on stdout, still valid JSON: C1 controls and direction marks as `\\u` escapes
    (JSON itself escapes C0)."""
    print(printable(text, json_escapes=True))


def print_json(data: Any) -> None:
    """JSON for scripts: UTF-8 as is, indented, dates as text."""
    print_json_text(json.dumps(data, ensure_ascii=False, indent=2, default=str))
