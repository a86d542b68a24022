"""Killing the app (SIGKILL) right after an edit loses nothing: restart reopens the same step."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service
from tests.ui.conftest import App

ROOT = Path(__file__).resolve().parents[2]
TYPED = "Woord-voor-woord bewaard 0815"


def test_sigkill_mid_edit_then_restart_reopens_step_with_last_edit(
        make_app: Callable[..., App], jbt_vault: dict[str, Any]) -> None:
    # Put the case on the agenda (as the agenda screen would).
    first = make_app(jbt_vault["path"])
    first.unlock()
    item = first.call(lambda s: meeting_service.add_to_agenda(s, jbt_vault["meeting"].id,
                                                               jbt_vault["case"].id))
    first.window.lock()
    first.settle()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.crash_child",
                              str(jbt_vault["path"]), item.id, TYPED],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "TYPED", (line, child.stderr.read() if child.stderr else "")
        time.sleep(1.0)  # the promise: every edit is stored within a second
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    again = make_app(jbt_vault["path"])
    again.unlock()
    window = again.window
    assert window.stack.currentWidget() is window.meeting_view
    assert window.meeting_view.current_step is MeetingStep.SAFETY_PLAN
    field = window.meeting_view.pages[MeetingStep.SAFETY_PLAN].fields["worries"]  # type: ignore[attr-defined]
    assert field.toPlainText() == TYPED
    stored = again.call(lambda s: meeting_service.get_meeting(s, jbt_vault["meeting"].id))
    assert stored.agenda[0].safety_plan.worries == TYPED
