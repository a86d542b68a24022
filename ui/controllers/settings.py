"""Controller of the Instellingen menu (region set-up, auto-lock) and the Gezinsoverzicht window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QInputDialog, QMenu

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import distribution_service, file_service, settings_service
from tafelapp.settings import AppSettings
from ui.controllers.host import WindowHost
from ui.text import problems_line
from ui.views.family_view import FamilyView


class SettingsController:
    """Asks for the app settings and stores them through the services (no rules here)."""

    def __init__(self, window: WindowHost, idle_timer: QTimer,
                 show_wizard: Callable[[], None]) -> None:
        self.w = window
        self.idle_timer = idle_timer
        self.show_wizard = show_wizard
        self.extra_actions: list[QAction] = []  # e.g. Inzage (AVG)…, added by the window

    def show_menu(self, at: QPoint | None = None) -> None:
        """The Instellingen menu (under its toolbar button; ↓ and Enter choose)."""
        menu = QMenu(self.w)
        menu.addAction("Regio, tafels en adresboek…", self.show_wizard)
        menu.addAction("Automatisch vergrendelen…", self.ask_auto_lock)
        menu.addAction("Opschonen (bewaartermijn)…", self.w.retention.show)
        for action in self.extra_actions:
            menu.addAction(action)
        menu.popup(at or QCursor.pos())

    def ask_auto_lock(self) -> None:
        """Ask after how many idle minutes the app locks itself."""
        minutes, ok = QInputDialog.getInt(self.w, "Instellingen",
                                          "Automatisch vergrendelen na (minuten):",
                                          self.w.settings.auto_lock_minutes, 1, 120)
        if ok:
            self.w.executor.submit(lambda s: settings_service.update_settings(
                s, auto_lock_minutes=minutes), self._on_settings_changed)

    def _on_settings_changed(self, settings: AppSettings) -> None:
        self.w.settings = settings
        self.idle_timer.start(settings.auto_lock_minutes * 60_000)
        self.w.statusBar().showMessage(
            f"Vergrendelt automatisch na {settings.auto_lock_minutes} minuten.", 5000)


class FamilyController:
    """The Gezinsoverzicht of an agenda item in its own window, and saving it as PDF."""

    def __init__(self, window: WindowHost, view: FamilyView) -> None:
        self.w = window
        self.view = view
        view.pdf_requested.connect(self._on_pdf_requested)
        view.version_requested.connect(lambda young: self.show(view.item_id, young))

    def show(self, item_id: str, young: bool = False) -> None:
        """Build the page on the worker and show it (`young`: for the young person, 'jij')."""
        self.w.saver.flush()
        self.w.executor.submit(
            lambda s: distribution_service.family_page_and_reader(s, item_id, young),
            lambda page: self.view.show_html(page[0], item_id, page[1], young),
            self.w._on_background_failed)

    def _on_pdf_requested(self, target: Path) -> None:
        item_id, young = self.view.item_id, self.view.young
        self.view.status.setText("PDF wordt gemaakt…")
        self.w.executor.submit(lambda s: file_service.write_file(
            target, distribution_service.family_summary_pdf(s, item_id, young)),
            lambda p: self.view.status.setText(f"Opgeslagen: {p.name}"),
            lambda e: self.view.status.setText(
                "PDF opslaan mislukt: " + (problems_line(e.problems)
                                           if isinstance(e, InvalidInput) else str(e))))
