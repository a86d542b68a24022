"""Every screen of the demo walk and of the newcomer's path, on a 1280×720 screen at 100 % and at
150 %: what a user acts on or must read is visible without sideways scrolling (tests/ui/fit_check.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^(?P<screen>[0-9][0-9a-z_-]+) \((?P<scale>\d+) %\): (?P<problem>.+)$")


def _walk(walk: str) -> dict[str, tuple[int, str]]:
    env = {**os.environ, "SHOT_CHECK": "1"}
    env.pop("QT_QPA_PLATFORM", None)  # the walk sets up its own 1280×720 offscreen screen
    runs = {scale: subprocess.Popen([sys.executable, "-m", walk], cwd=ROOT, text=True,
                                    env={**env, "SHOT_SCALE": scale}, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
            for scale in ("1", "1.5")}
    done = {}
    for scale, run in runs.items():
        out, err = run.communicate(timeout=600)
        done[scale] = (run.returncode, out + ("\n" + err[-3000:] if "Traceback" in err else ""))
    return done


@pytest.mark.parametrize("walk", ["scripts.screenshots", "scripts.screenshots_newcomer",
                                  "scripts.screenshots_region"])
def test_every_screen_is_usable_at_100_and_150_percent(walk: str) -> None:
    found: list[str] = []
    for scale, (code, out) in _walk(walk).items():
        lines = [line for line in out.splitlines() if line.strip()]
        problems = [m for m in map(LINE.match, lines) if m]
        crashed = (code != 0 and len(problems) == 0) or "Traceback" in out
        assert not crashed, f"de rondgang op {scale}× liep vast:\n{out[-3000:]}"
        found.extend(match.group(0) for match in problems)
    assert not found, "\n".join(found)
