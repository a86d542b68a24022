"""What the controllers may use of the main window, declared apart so they need not import it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from tafelapp.settings import AppSettings
from ui.controllers.outbox import OutboxController
from ui.controllers.retention import RetentionController
from ui.demo_region import DemoRegion
from ui.scheduling import DrainTicker
from ui.views.escalation_view import EscalationView
from ui.views.figures_view import FiguresView
from ui.views.outbox_view import OutboxView
from ui.views.worklist_view import WorklistView
from ui.widgets.autosave import AutoSaver
from ui.workers import DbExecutor


class WindowHost(QMainWindow):
    """The main window as its controllers see it: the shared parts and the navigation.

    `ui.main_window.MainWindow` is the one implementation; the controllers are typed against this
    class, so `ui.controllers` never imports `ui.main_window` (no import circle)."""

    executor: DbExecutor
    settings: AppSettings
    saver: AutoSaver
    stack: QStackedWidget
    outbox: OutboxController
    retention: RetentionController
    ticker: DrainTicker | None
    demo_server: DemoRegion | None
    demo_path: Path
    active_path: Path
    outbox_state: QLabel
    outbox_warning: QLabel
    outbox_view: OutboxView
    worklist_view: WorklistView
    escalation_view: EscalationView
    figures_view: FiguresView

    def show_overview(self) -> None:
        """Back to the overview."""
        raise NotImplementedError

    def show_agenda(self, meeting_id: str) -> None:
        """Open a meeting's agenda."""
        raise NotImplementedError

    def show_minutes(self, item_id: str) -> None:
        """Open the notulen of an agenda item."""
        raise NotImplementedError

    def show_region_worklist(self) -> None:
        """The regiowerklijst (from the vault's copy, no refresh)."""
        raise NotImplementedError

    def apply_settings(self, settings: AppSettings) -> None:
        """New settings (the wizard's region-only choice): navigation follows them."""
        raise NotImplementedError

    def _on_background_failed(self, exc: Exception) -> None:
        """Show a failure of background work."""
        raise NotImplementedError
