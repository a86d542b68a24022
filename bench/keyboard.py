"""Benchmark: the whole path by keyboard only (tests/ui/keyboard_walk.py) — empty vault, set-up
wizard, aanmelding with an unborn child, a JBT meeting, two signatures, the verzendmap — counting
keystrokes (Tab presses among them), mouse actions needed (goal 0: the driver has no mouse) and
values typed twice (goal 0). Writes bench/results/keyboard.json.

The floor measured in the same run is the free text only a person can write (the values typed):
the ratio says how many keys beyond the words themselves the screens cost.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scripts import screen

screen.configure()

from PySide6.QtWidgets import QApplication  # noqa: E402 - after the screen is configured

from tests.ui.keyboard import Keyboard  # noqa: E402
from tests.ui.keyboard_walk import walk  # noqa: E402
from tests.ui.newcomer import chair_certificate  # noqa: E402
from ui.app import build  # noqa: E402
from ui.widgets.fit import fit_to_screen  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "keyboard.json"
RUNS = 1  # one walk per process: a second QApplication walk in the same process is not reliable


def one_run(folder: Path) -> tuple[Keyboard, float]:
    """The walk once; (what was pressed, seconds)."""
    p12 = chair_certificate(folder)
    _, executor, window, _ = build(["--vault", str(folder / "nieuw.tafelapp")])
    fit_to_screen(window, 1280, 720, margin=0)
    window.show()
    window.activateWindow()
    window.start()
    kb = Keyboard(home=window)
    started = time.perf_counter()
    walk(kb, window, folder / "verzending", p12)
    seconds = time.perf_counter() - started
    window.close()
    executor.shutdown()
    QApplication.processEvents()
    return kb, seconds


def main() -> None:
    """Run the walk RUNS times; the counts must be identical, the time is a median."""
    runs = [one_run(Path(tempfile.mkdtemp(prefix="tafelapp-keyboard-"))) for _ in range(RUNS)]
    first = runs[0][0]
    assert all((kb.keystrokes, kb.tabs) == (first.keystrokes, first.tabs) for kb, _ in runs)
    floor = sum(len(v) for v in first.values)
    result: dict[str, Any] = {
        "benchmark": "keyboard",
        "python": sys.version.split()[0],
        "runs": RUNS,
        "keystrokes_total": first.keystrokes,
        "tab_presses": first.tabs,
        "secret_keystrokes": first.secret_keystrokes,
        "mouse_actions_needed": first.mouse_actions,
        "values_typed_twice": first.repeated(),
        "values_typed_twice_count": len(first.repeated()),
        "phases_keystrokes": first.phases,
        "floor_typed_text_keystrokes": floor,
        "ratio_vs_floor": round(first.keystrokes / floor, 3) if floor else None,
        "seconds_median": round(statistics.median(s for _, s in runs), 2),
        "goal": "0 mouse actions, 0 values typed twice",
        "goal_met": first.mouse_actions == 0 and not first.repeated(),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
