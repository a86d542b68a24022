"""The screen the screenshot walks run on: 1280×720 physical pixels at SHOT_SCALE (1.5 = a laptop
at 150 %), offscreen; `shot()` saves a PNG, or with SHOT_CHECK=1 checks that every control of the
screen is within reach (tests/ui/test_every_screen_fits.py) and `finish()` reports."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

SCALE = float(os.environ.get("SHOT_SCALE", "1"))
CHECK = os.environ.get("SHOT_CHECK") == "1"
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
SUFFIX = "" if SCALE == 1 else f"-{round(SCALE * 100)}"
PROBLEMS: list[str] = []


def configure() -> None:
    """Before QApplication exists: an offscreen screen of 1280×720 at SCALE."""
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": round(1280 / SCALE),
        "height": round(720 / SCALE), "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": SCALE}]}))
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={config}")


def check(name: str, widget: Any) -> None:
    """Record every control of `widget` that is out of reach."""
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
    sys.exit(1 if PROBLEMS else 0)
