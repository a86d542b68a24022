"""Every interactive widget on every screen of the three walks (the demo's, the newcomer's, the
small dialogs') has a name a screen reader can say: not empty, not merely its current value, not
shared with another control of the same screen. Reads what Qt's accessibility layer (QAccessible) gives out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("walk", ["scripts.screenshots", "scripts.screenshots_newcomer",
                                  "scripts.screenshots_dialogs", "scripts.screenshots_region"])
def test_every_control_has_an_accessible_name(walk: str) -> None:
    env = {**os.environ, "SHOT_A11Y": "1"}
    env.pop("QT_QPA_PLATFORM", None)
    run = subprocess.run([sys.executable, "-m", walk], cwd=ROOT, text=True, env=env,
                         capture_output=True, timeout=600)
    counted = [line for line in run.stdout.splitlines() if line.startswith("A11Y:")]
    assert counted, run.stdout + run.stderr[-3000:]
    print(counted[0])
    assert run.returncode == 0, run.stdout
