"""Controller of the inzage screen: every service call on the worker, never on the UI thread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import inzage_service
from tafelapp.services.session import Session
from ui.controllers.host import WindowHost
from ui.text import problems_line
from ui.views.inzage_view import InzageView


class InzageController:
    """Wires the inzage screen to `inzage_service` (no rules here)."""

    def __init__(self, window: WindowHost, view: InzageView) -> None:
        self.w = window
        self.view = view
        view.back_requested.connect(window.show_overview)
        view.request_requested.connect(self._on_view_request_requested)
        view.export_requested.connect(self._on_view_export_requested)
        view.folder_requested.connect(self._on_view_folder_requested)
        view.rectify_requested.connect(self._on_view_rectify_requested)

    def show(self) -> None:
        """Open the screen with everyone the vault names (gathered on the worker)."""
        self.w.saver.flush()
        self.w.executor.submit(inzage_service.people, self._on_people_loaded,
                               self.w._on_background_failed)

    def _on_people_loaded(self, people: list[Any]) -> None:
        self.view.set_people(people)
        self.w.stack.setCurrentWidget(self.view)
        self.view.person.setFocus()

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, InvalidInput):
            self.view.show_message(problems_line(exc.problems), error=True)
        else:
            self.w._on_background_failed(exc)

    def _on_view_request_requested(self, key: str, received: dt.date, note: str) -> None:
        def job(s: Session) -> tuple[str, str, list[tuple[str, str]]]:
            request = inzage_service.start_request(s, key, received, note)
            return (request.id, inzage_service.preview(s, request.id),
                    inzage_service.correctable_minutes(s, request.id))
        self.view.show_message("Het verzoek wordt vastgelegd…")
        self.w.executor.submit(job, lambda r: self.view.show_request(*r), self._refused)

    def _on_view_export_requested(self, folder: str) -> None:
        request_id = self.view.request_id
        if request_id is None:
            return
        if not folder:
            self.view.show_message("Map: kies een map voor de export", error=True)
            return
        self.view.show_message("De PDF en de JSON worden gemaakt…")
        self.w.executor.submit(lambda s: inzage_service.export(s, request_id, Path(folder)),
                               self._on_exported, self._refused)

    def _on_exported(self, result: inzage_service.ExportResult) -> None:
        self.view.show_message(
            f"Geschreven in {result.pdf.parent}: {result.pdf.name} en de JSON "
            f"({result.cases} dossier(s)). Alleen voor de persoon zelf.")

    def _on_view_folder_requested(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, "Map voor de inzage",
                                                  self.view.folder.text())
        if folder:
            self.view.folder.setText(folder)

    def _on_view_rectify_requested(self, minutes_id: str, correction: str) -> None:
        request_id = self.view.request_id
        if request_id is None or not minutes_id:
            return

        def job(s: Session) -> tuple[str, str]:
            rect = inzage_service.rectify(s, request_id, minutes_id, correction)
            return rect.number, inzage_service.preview(s, request_id)

        def done(result: tuple[str, str]) -> None:
            number, html = result
            self.view.preview.setHtml(html)
            self.view.correction.clear()
            self.view.show_message(f"Rectificatie {number} gemaakt bij dit verzoek. De voorzitter "
                                   "en de secretaris ondertekenen haar bij de notulen.")
        self.w.executor.submit(job, done, self._refused)
