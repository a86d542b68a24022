"""Screenshots of every screen with the demo data, offscreen on a 1280×720 screen (SHOT_SCALE=1.5
for 150 %, saved as *-150.png); SHOT_CHECK=1 checks every screen fits instead of saving."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scripts import screen

screen.configure()

from PySide6.QtWidgets import QApplication  # noqa: E402 - after the screen is configured

from scripts.screen import shot  # noqa: E402
from tafelapp.domain.steps import MeetingStep  # noqa: E402
from tafelapp.services import meeting_service, minutes_service  # noqa: E402
from tafelapp.services.session import Session  # noqa: E402
from ui.app import build  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.widgets.fit import fit_main_window, fit_to_screen  # noqa: E402


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
    """Open the demo and save (or check) each screen and step."""
    folder = Path(tempfile.mkdtemp(prefix="tafelapp-shots-"))
    app, executor, window, _ = build(["--vault", str(folder / "kluis.tafelapp")])
    assert isinstance(window, MainWindow)
    fit_main_window(window)  # as the app does: its title bar on the screen too
    window.start()
    wait(app, lambda: window.unlock_view.isVisible())
    shot("01-eerste-start", window)
    window.open_demo()
    wait(app, lambda: window.stack.currentWidget() is window.overview_view and executor.idle)
    shot("02-overzicht", window)
    evaluation = window.overview_view.meetings.item(0).data(256)
    window.show_agenda(evaluation)
    wait(app, lambda: window.stack.currentWidget() is window.agenda_view and executor.idle)
    shot("03-agenda", window)
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
        shot(f"04-{number}-{step.value.lower()}", window)
    window.show_family_view(item_id)
    wait(app, lambda: window.family_view.isVisible() and executor.idle)
    fit_to_screen(window.family_view, 1000, 720)
    wait(app, lambda: True)
    shot("05-gezinsoverzicht", window.family_view)
    window.family_view.close()
    window.show_minutes(item_id)
    wait(app, lambda: executor.idle and bool(window.minutes_view.preview.toPlainText()))
    window.minutes_view.texts["discussion"].setPlainText(
        "Moeder vertelt dat het thuis rustiger is sinds oma vaker komt.")
    window.saver.flush()
    wait(app, lambda: executor.idle)
    window.minutes_view.reload()
    wait(app, lambda: executor.idle)
    shot("07-notulen", window)

    signed_item: list[str] = []

    def sign_first(session: Session) -> None:
        first = min(meeting_service.list_meetings(session), key=lambda m: m.date)
        item = meeting_service.get_meeting(session, first.id).agenda[0]
        signed_item.append(item.id)
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
    shot("08-outbox", window)
    window.show_minutes(signed_item[0])  # the levels of its signatures, after the upload
    wait(app, lambda: executor.idle)
    shot("07-notulen-niveau", window)
    window.chain.show_worklist()
    wait(app, lambda: executor.idle)
    shot("09-werklijst", window)
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
    shot("10-opschaling", window)
    window.figures_view.quarter.setCurrentIndex(1)
    window.chain.show_figures()
    wait(app, lambda: executor.idle)
    shot("11-kengetallen", window)
    window.inzage.show()
    wait(app, lambda: executor.idle and window.stack.currentWidget() is window.inzage_view)
    inzage = window.inzage_view
    inzage.person.choose(next(label for label in inzage.person._names
                              if label.startswith("Sanne van Dalen")))
    inzage.note.setText("Identiteit gecontroleerd met paspoort")
    inzage.record.click()
    wait(app, lambda: executor.idle and inzage.request_id is not None, timeout=30)
    shot("12-inzage", window)
    window.lock()
    wait(app, lambda: executor.idle)
    shot("06-vergrendeld", window)
    window.close()
    executor.shutdown()
    if not screen.CHECK:
        print(f"screenshots in {screen.OUT}")
    screen.finish()


if __name__ == "__main__":
    main()
