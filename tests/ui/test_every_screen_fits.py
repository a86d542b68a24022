"""Every screen of the demo walk and of the newcomer's path, on a 1280×720 screen at 100 % and at
150 %: no control outside its window (or outside the scroll area that holds it), no button too
narrow for its text, no window larger than the screen. The same walks make docs/screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("walk", ["scripts.screenshots", "scripts.screenshots_newcomer"])
def test_every_screen_is_usable_at_100_and_150_percent(walk: str) -> None:
    env = {**os.environ, "SHOT_CHECK": "1"}
    env.pop("QT_QPA_PLATFORM", None)  # the walk sets up its own 1280×720 offscreen screen
    runs = {scale: subprocess.Popen([sys.executable, "-m", walk], cwd=ROOT, text=True,
                                    env={**env, "SHOT_SCALE": scale}, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL)
            for scale in ("1", "1.5")}
    for scale, run in runs.items():
        out, _ = run.communicate(timeout=600)
        assert run.returncode == 0, f"op {scale}×:\n{out}"
