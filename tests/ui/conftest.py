"""UI fixtures: the real app (main window, executor, encrypted vault) driven by pytest-qt."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tafelapp.services import case_service, meeting_service, table_service, vault_service
from tafelapp.services.demo_service import HAAGLANDEN_GIS
from tests.conftest import PASSPHRASE, assert_vault_intact
from ui.app import build
from ui.main_window import DEMO_PASSPHRASE, MainWindow

DIALOG_WATCHDOG_S = 120


class App:
    """The running app in a test: its window and helpers to wait for the worker."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.executor = window.executor

    def settle(self, timeout: int = 15_000) -> None:
        """Flush typed edits and wait until every job and its result delivery are done."""
        def quiet() -> bool:
            if self.window.saver.pending:
                self.window.saver.flush()
            return (self.executor.idle and not self.window.saver.pending
                    and not self.window.meeting_view.refresh_pending
                    and not self.window.outbox.running)
        self.qtbot.waitUntil(quiet, timeout=timeout)
        self.qtbot.wait(10)
        self.qtbot.waitUntil(quiet, timeout=timeout)

    def call(self, job: Callable[[Any], Any]) -> Any:
        """Run a service call on the app's worker (where the connection lives) and return it."""
        box: dict[str, Any] = {}
        self.executor.submit(job, lambda r: box.setdefault("ok", r),
                             lambda e: box.setdefault("err", e))
        self.qtbot.waitUntil(lambda: bool(box), timeout=15_000)
        if "err" in box:
            raise box["err"]
        return box["ok"]

    def unlock(self, passphrase: str = PASSPHRASE) -> None:
        """Type the passphrase on the lock screen and wait for the app to open."""
        view = self.window.unlock_view
        view.passphrase.setText(passphrase)
        view.open_button.click()
        self.qtbot.waitUntil(lambda: self.window.stack.currentWidget() is not view
                             or bool(view.message.text()), timeout=15_000)
        self.settle()


@pytest.fixture(autouse=True)
def _no_dialog_outlives_its_test(qapp: Any) -> Iterator[None]:
    """Answers queued for dialogs, and a dialog left open, end with the test that made them; a
    test stuck on a dialog nobody answers fails after DIALOG_WATCHDOG_S instead of hanging the
    run (a modal dialog runs its own event loop, so the test cannot time out by itself)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from tests.ui.modal_keys import forget_pending

    started = time.monotonic()

    def watch() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and time.monotonic() - started > DIALOG_WATCHDOG_S:
            if isinstance(box, QDialog):
                box.done(0)  # a question without an Escape button ignores close()
            else:
                box.close()
    timer = QTimer()
    timer.setInterval(1_000)
    timer.timeout.connect(watch)
    timer.start()
    yield
    timer.stop()
    forget_pending()


@pytest.fixture
def no_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """The newcomer's paths start from an empty vault: touching the demo fails the test."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the newcomer's path must not touch the demo")
    for target in ("tafelapp.services.demo_service.seed_demo", "ui.main_window.seed_demo"):
        monkeypatch.setattr(target, refuse)


@pytest.fixture
def make_app(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., App]]:
    made: list[App] = []

    def make(vault: Path | None = None, demo: bool = False) -> App:
        path = vault or tmp_path / "kluis.tafelapp"
        _, _, window, _ = build(["--vault", str(path)])
        assert isinstance(window, MainWindow)
        window.resize(1280, 720)
        window.show()
        window.start(demo=demo)
        app = App(qtbot, window)
        made.append(app)
        if demo:
            qtbot.waitUntil(lambda: window.executor.session is not None, timeout=20_000)
            app.settle()
        return app
    yield make
    for app in made:
        if app.executor.session is not None:
            app.settle()
            assert_vault_intact(app.executor.session)
        app.window.close()
        app.executor.shutdown()
    _destroy([app.window for app in made])


def _destroy(windows: list[Any]) -> None:
    """Delete the test's windows and the dialogs it left, with their timers: a closed window is
    only hidden, and eighty hidden apps ticking in one process slow every later test down and
    take its keyboard focus. The app freezes the collector's view after start-up (ui.app), so
    the freeze is undone here and what the test left behind is collected."""
    import gc

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QDialog

    left = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
    for widget in [*windows, *left]:
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.unfreeze()
    gc.collect()


@pytest.fixture
def jbt_vault(tmp_path: Path) -> dict[str, Any]:
    """A vault with one JBT, one VTO case (a 13-year-old and a 5-year-old) and an empty meeting."""
    path = tmp_path / "kluis.tafelapp"
    s = vault_service.create(path, PASSPHRASE, actor="voorzitter")
    today = dt.date.today()
    table = table_service.create_table(s, kind="JBT", name="JBT Teststad", region="Haaglanden",
                                       municipality="Teststad", institutions=HAAGLANDEN_GIS)
    case = case_service.open_case(
        s, table_id=table.id, family={"name": "Testgezin-Bos"},
        children=[{"first_name": "Lotte", "last_name": "Bos",
                   "birth_date": today.replace(year=today.year - 13) - dt.timedelta(days=2)},
                  {"first_name": "Sem", "last_name": "Bos",
                   "birth_date": today.replace(year=today.year - 5)}],
        referral={"route": "VTO", "date": today - dt.timedelta(days=20),
                  "referrer_kind": "VEILIG_THUIS", "referrer_organisation": "Veilig Thuis",
                  "referrer_person": "M. Melder",
                  "criteria": {"development_threatened": True, "care_not_effective": True},
                  "preconditions": {"safety_plan_made": True, "help_in_place": True,
                                    "choices_discussed": True, "registered_in_vir": True}})
    meeting = meeting_service.schedule_meeting(
        s, table_id=table.id, date=today, start=dt.time(10, 0), end=dt.time(11, 30),
        location_kind="FAMILY_HOME", location_text="Bij het gezin", chair="V. Voorzitter",
        secretary="S. Secretaris")
    s.close()
    return {"path": path, "table": table, "case": case, "meeting": meeting}


__all__ = ["DEMO_PASSPHRASE", "App"]


def give_voices(app: App, decision: Any) -> None:
    """Each parent and young person of 12+ says how they see it, before the decision."""
    from PySide6.QtTest import QTest

    for n, row in enumerate(decision.voices.rows):
        QTest.keyClicks(row.view, f"Ziet de zorgen ({n}).")
        row.stance.setCurrentIndex(row.stance.findData("AGREES"))
        QTest.keyClicks(row.words, f"Eens, zegt nummer {n}.")
        row.save.click()
        app.settle()
