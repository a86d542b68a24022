"""Take screenshots of every screen with the demo data (run under Xvfb or offscreen)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service, minutes_service
from tafelapp.services.session import Session
from ui.app import build
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def wait(app: QApplication, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Process events until `condition` holds."""
    end = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("screen did not become ready")
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)


def main() -> None:
    """Open the demo and save a PNG of each screen and step (`--only-meeting` for a scale check)."""
    suffix = os.environ.get("SHOT_SUFFIX", "")
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="tafelapp-shots-"))
    app, executor, window, _ = build(["--vault", str(folder / "kluis.tafelapp")])
    assert isinstance(window, MainWindow)
    window.resize(1280, 720)
    window.show()
    window.start()
    wait(app, lambda: window.unlock_view.isVisible())
    window.grab().save(str(OUT / f"01-eerste-start{suffix}.png"))
    window.open_demo()
    wait(app, lambda: window.stack.currentWidget() is window.overview_view and executor.idle)
    window.grab().save(str(OUT / f"02-overzicht{suffix}.png"))
    evaluation = window.overview_view.meetings.item(0).data(256)
    window.show_agenda(evaluation)
    wait(app, lambda: window.stack.currentWidget() is window.agenda_view and executor.idle)
    window.grab().save(str(OUT / f"03-agenda{suffix}.png"))
    item_id = window.agenda_view.selected_id()
    assert item_id
    window.open_item(item_id, MeetingStep.OPENING)
    wait(app, lambda: window.stack.currentWidget() is window.meeting_view and executor.idle)
    scaling = window.meeting_view.pages[MeetingStep.SCALING]
    for spin, score in zip(scaling.spins.values(), (5, 7, 6, 4, 5, 5), strict=False):  # type: ignore[attr-defined]
        spin.setValue(score)
    decision = window.meeting_view.pages[MeetingStep.DECISION]
    decision.choices["INVESTIGATION"].click()  # type: ignore[attr-defined]
    decision.motivation.setPlainText(  # type: ignore[attr-defined]
        "De voorwaarden zijn niet nagekomen: het onderzoek start alsnog.")
    window.saver.flush()
    wait(app, lambda: executor.idle and not window.meeting_view.refresh_pending)
    for number, step in enumerate(MeetingStep, start=1):
        window.meeting_view.go_to(step)
        wait(app, lambda: executor.idle)
        window.grab().save(str(OUT / f"04-{number}-{step.value.lower()}{suffix}.png"))
        if suffix and number == 2:
            break
    if suffix:
        window.close()
        executor.shutdown()
        sys.exit(0)
    window.show_family_view(item_id)
    wait(app, lambda: window.family_view.isVisible() and executor.idle)
    window.family_view.resize(1000, 720)
    wait(app, lambda: True)
    window.family_view.grab().save(str(OUT / f"05-gezinsoverzicht{suffix}.png"))
    window.family_view.close()
    window.show_minutes(item_id)
    wait(app, lambda: executor.idle and bool(window.minutes_view.preview.toPlainText()))
    window.minutes_view.texts["discussion"].setPlainText(
        "Moeder vertelt dat het thuis rustiger is sinds oma vaker komt.")
    window.saver.flush()
    wait(app, lambda: executor.idle)
    window.minutes_view.reload()
    wait(app, lambda: executor.idle)
    window.grab().save(str(OUT / f"07-notulen{suffix}.png"))

    def sign_first(session: Session) -> None:
        first = min(meeting_service.list_meetings(session), key=lambda m: m.date)
        item = meeting_service.get_meeting(session, first.id).agenda[0]
        minutes = minutes_service.draft_minutes(session, item.id)
        chair = minutes_service.create_local_identity(session, "Mr. A. de Voorzitter (fictief)",
                                                      "123456")
        sec = minutes_service.create_local_identity(session, "B. Secretaris (fictief)", "654321")
        minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
        minutes_service.sign_minutes(session, minutes.id, sec.id, "654321", "SECRETARY")
    executor.submit(sign_first, lambda _r: window.outbox.drain())
    wait(app, lambda: executor.idle, timeout=30)
    wait(app, lambda: not window.outbox.running and executor.idle, timeout=30)
    window.chain.show_outbox()
    wait(app, lambda: executor.idle)
    window.grab().save(str(OUT / f"08-outbox{suffix}.png"))
    window.chain.show_worklist()
    wait(app, lambda: executor.idle)
    window.grab().save(str(OUT / f"09-werklijst{suffix}.png"))
    first = window.worklist_view.model.item_at(0)
    window.chain.show_escalation(first.case_id)
    wait(app, lambda: executor.idle)
    esc = window.escalation_view
    esc.stuck.setPlainText("Noor van Dalen wacht al acht weken op een plek in de "
                           "gezinsbehandeling; Sanne van Dalen belt dagelijks.")
    esc.partners.setText("Jeugdbescherming West, Jeugdhulp Kust")
    esc.attempts.setPlainText("01-10-2026: overleg met de GI\n20-10-2026: brief aan de aanbieder")
    esc.question.setPlainText("Kan de stuurgroep de aanbieder aanspreken op de wachttijd?")
    esc.save.click()
    wait(app, lambda: executor.idle and bool(esc.preview.toPlainText()))
    window.grab().save(str(OUT / f"10-opschaling{suffix}.png"))
    window.figures_view.quarter.setCurrentIndex(1)
    window.chain.show_figures()
    wait(app, lambda: executor.idle)
    window.grab().save(str(OUT / f"11-kengetallen{suffix}.png"))
    window.lock()
    wait(app, lambda: executor.idle)
    window.grab().save(str(OUT / f"06-vergrendeld{suffix}.png"))
    window.close()
    executor.shutdown()
    print(f"screenshots in {OUT}")
    sys.exit(0)


if __name__ == "__main__":
    main()
