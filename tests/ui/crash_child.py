"""Child process for the crash test: open a meeting step, type, report, and wait to be killed."""

from __future__ import annotations

import sys
import time

from PySide6.QtTest import QTest

from tafelapp.domain.steps import MeetingStep
from tests.conftest import PASSPHRASE
from ui.app import build
from ui.main_window import MainWindow


def main() -> None:
    vault, item_id, text = sys.argv[1], sys.argv[2], sys.argv[3]
    app, executor, window, _ = build(["--vault", vault])
    assert isinstance(window, MainWindow)
    window.show()
    window.start()

    def until(condition: object, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while not condition():  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.005)
            if time.monotonic() > end:
                raise SystemExit("timeout")

    window.unlock_view.passphrase.setText(PASSPHRASE)
    window.unlock_view.open_button.click()
    until(lambda: executor.session is not None and executor.idle)
    window.open_item(item_id, MeetingStep.SAFETY_PLAN)
    until(lambda: window.stack.currentWidget() is window.meeting_view and executor.idle)
    field = window.meeting_view.pages[MeetingStep.SAFETY_PLAN].fields["worries"]  # type: ignore[attr-defined]
    field.setFocus()
    QTest.keyClicks(field, text)
    print("TYPED", flush=True)
    app.exec()  # keep running, with the edit not yet flushed by focus-out, until SIGKILL


if __name__ == "__main__":
    main()
