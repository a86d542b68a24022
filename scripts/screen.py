"""The screen the screenshot walks run on: 1280×720 physical pixels at SHOT_SCALE (1.5 = a laptop
at 150 %), offscreen; `shot()` saves a PNG, or with SHOT_CHECK=1 checks that every control of the
screen is within reach (tests/ui/test_every_screen_fits.py), with SHOT_A11Y=1 that every control
has an accessible name (tests/ui/test_accessible_names.py); `finish()` reports."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

SCALE = float(os.environ.get("SHOT_SCALE", "1"))
A11Y = os.environ.get("SHOT_A11Y") == "1"
CHECK = os.environ.get("SHOT_CHECK") == "1" or A11Y
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
SUFFIX = "" if SCALE == 1 else f"-{round(SCALE * 100)}"
PROBLEMS: list[str] = []
COUNTED: dict[str, int] = {}


def configure() -> None:
    """Before QApplication exists: an offscreen screen of 1280×720 at SCALE."""
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": round(1280 / SCALE),
        "height": round(720 / SCALE), "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": SCALE}]}))
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={config}")


def check(name: str, widget: Any) -> None:
    """Record every control of `widget` that is out of reach (or, SHOT_A11Y=1, without a name)."""
    if A11Y:
        from tests.ui.a11y_check import unnamed

        count, problems = unnamed(widget)
        COUNTED[name] = count
        PROBLEMS.extend(f"{name}: {p}" for p in problems)
        return
    from tests.ui.fit_check import unreachable

    PROBLEMS.extend(f"{name} ({round(SCALE * 100)} %): {p}" for p in unreachable(widget))


def shot(name: str, widget: Any) -> None:
    """Save `widget` as docs/screenshots/<name><suffix>.png, or check it (SHOT_CHECK=1)."""
    if CHECK:
        check(name, widget)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(OUT / f"{name}{SUFFIX}.png"))


def finish() -> None:
    """Print what the check found and exit 1 if anything (0 otherwise)."""
    for problem in PROBLEMS:
        print(problem)
    if A11Y:
        print(f"A11Y: {sum(COUNTED.values())} bedieningselementen op {len(COUNTED)} schermen, "
              f"{len(PROBLEMS)} zonder goede naam")
    sys.exit(1 if PROBLEMS else 0)
