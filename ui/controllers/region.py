"""Wiring for a region in use: the set-up wizard, the aanmelding, planning and the meeting header."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton

from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services import (
    directory_service,
    intake_service,
    meeting_service,
    minutes_service,
    package_service,
    roster_service,
    settings_service,
    setup_service,
    table_service,
    wizard_service,
)
from tafelapp.services.session import Session
from tafelapp.settings import AppSettings
from ui.controllers.host import WindowHost
from ui.text import problems_line
from ui.views.intake_dialog import IntakeDialog
from ui.views.new_meeting_dialog import NewMeetingDialog
from ui.views.setup_wizard import SetupWizard
from ui.widgets.message_area import MessageArea


def _text(exc: Exception) -> str:
    return problems_line(exc.problems) if isinstance(exc, InvalidInput) else (
        f"Er ging iets mis ({type(exc).__name__}).")


def _refusal(button: QPushButton, show_problems: Callable[[list[Problem]], None],
             label: QLabel | MessageArea) -> Callable[[Exception], None]:
    """What a refused save does: enable the button again, show the problems at their fields."""
    def refused(exc: Exception) -> None:
        button.setEnabled(True)
        if isinstance(exc, InvalidInput):
            show_problems(exc.problems)
        else:
            label.setText(_text(exc))
    return refused


class RegionController:
    """Opens the dialogs, runs their services on the executor, and shows refusals at the field."""

    def __init__(self, window: WindowHost) -> None:
        self.w = window
        self.wizard: SetupWizard | None = None
        self.intake: IntakeDialog | None = None
        self.meeting_dialog: NewMeetingDialog | None = None
        self._hidden: list[Any] = []
        # Locked: a dialog with typed work is hidden (no case data over the lock screen) and
        # comes back as it was after unlocking; nothing typed is lost.
        for name, slot in (("locked", self._hide_for_lock), ("unlocked", self._show_after_unlock)):
            signal = getattr(window, name, None)
            if signal is not None:
                signal.connect(slot)

    def _hide_for_lock(self) -> None:
        self._hidden = [d for d in (self.wizard, self.intake, self.meeting_dialog)
                        if d is not None and d.isVisible()]
        for dialog in self._hidden:
            if dialog.discard_box is not None:
                dialog.discard_box.hide()
            dialog.hide()

    def _show_after_unlock(self) -> None:
        for dialog in self._hidden:
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
        self._hidden = []

    # ----- set-up ------------------------------------------------------------------------------
    def offer_setup_if_empty(self) -> None:
        """After unlocking a vault with no table (a new region, not the demo): start the wizard."""
        if self.w.active_path == self.w.demo_path or self.wizard is not None:
            return  # the demo, or the wizard is open already (hidden while locked)
        self.w.executor.submit(setup_service.is_set_up,
                               lambda done: None if done else self.show_wizard(existing=False))

    def show_wizard(self, existing: bool = True) -> None:
        """The set-up wizard; under Instellingen it shows (and changes) the current set-up."""
        wizard = SetupWizard(self.w)
        self.wizard = wizard
        wizard.save_requested.connect(self._on_wizard_save_requested)
        wizard.import_requested.connect(self._on_wizard_import_requested)
        wizard.finished.connect(lambda _r: setattr(self, "wizard", None))
        if existing:
            self.w.executor.submit(lambda s: setup_service.export_region(s).model_dump(
                mode="json"), wizard.load)
        self.w.executor.submit(lambda s: settings_service.get_settings(s).region_only,
                               wizard.region_only.setChecked)
        wizard.open()

    def _on_wizard_save_requested(self, raw: dict[str, Any], secret: str,
                                  removed: list[str]) -> None:
        wizard = self.wizard
        if wizard is None:
            return
        wizard.save.setEnabled(False)

        region_only = wizard.region_only.isChecked()

        def saved(settings: AppSettings) -> None:
            wizard.accept()
            self.w.statusBar().showMessage("De inrichting is opgeslagen.", 8000)
            self.w.apply_settings(settings)
            self.w.show_overview()  # without a table of her own: the regiowerklijst

        self.w.executor.submit(lambda s: wizard_service.save(s, raw, secret or None, removed,
                                                             region_only),
                               saved, _refusal(wizard.save, wizard.show_problems,
                                               wizard.message))

    def _on_wizard_import_requested(self) -> None:
        wizard = self.wizard
        name, _ = QFileDialog.getOpenFileName(self.w, "Regiobestand inlezen", str(Path.home()),
                                              "Regiobestand (*.json)")
        if wizard is not None and name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Read a region file into the vault; the wizard shows what was read, or why not."""
        wizard = self.wizard

        def done(result: setup_service.RegionImport) -> None:
            self.w.statusBar().showMessage(
                f"Regiobestand ingelezen: {len(result.added)} nieuw, {len(result.updated)} "
                f"bijgewerkt, {result.unchanged} ongewijzigd.", 10000)
            if wizard is not None:
                self.w.executor.submit(lambda s: setup_service.export_region(s).model_dump(
                    mode="json"), wizard.load)

        def refused(exc: Exception) -> None:
            if wizard is not None:
                wizard.message.setText(_text(exc))
        self.w.executor.submit(lambda s: setup_service.import_region(s, path.read_bytes()),
                               done, refused)

    # ----- aanmelding --------------------------------------------------------------------------
    def show_intake(self) -> None:
        """The aanmelding screen, with the tables and the address book."""
        self.w.executor.submit(lambda s: (table_service.list_tables(s),
                                          directory_service.directory(s), s.today()),
                               self._open_intake)

    def _open_intake(self, loaded: tuple[list[Any], directory_service.Directory, Any]) -> None:
        tables, book, today = loaded
        if not tables:
            self.w.statusBar().showMessage("Richt eerst een tafel in (Instellingen).", 8000)
            self.show_wizard(existing=False)
            return
        dialog = IntakeDialog(tables, book, self.w, today)
        self.intake = dialog
        dialog.changed.connect(self._on_intake_changed)
        dialog.submit_requested.connect(self._on_intake_submit_requested)
        dialog.open()

    def _on_intake_changed(self) -> None:
        dialog = self.intake
        if dialog is None:
            return
        fields = dialog.fields()
        self.w.executor.submit(lambda s: intake_service.intake_problems(s, **fields),
                               dialog.show_problems)

    def _on_intake_submit_requested(self, fields: dict[str, Any]) -> None:
        dialog = self.intake
        if dialog is None:
            return
        dialog.submit.setEnabled(False)

        def done(scheduled: intake_service.Scheduled) -> None:
            dialog.accept()
            self.intake = None
            self.w.statusBar().showMessage(
                ("Aangemeld en een nieuwe bespreking gepland op " if scheduled.planned_now
                 else "Aangemeld en op de agenda gezet van ")
                + f"{scheduled.meeting.date:%d-%m-%Y}.", 10000)
            self.w.show_agenda(scheduled.meeting.id)

        self.w.executor.submit(lambda s: intake_service.register_and_schedule(s, **fields),
                               done, _refusal(dialog.submit, dialog.show_problems,
                                              dialog.problems))

    # ----- planning and the meeting header -----------------------------------------------------
    def ask_meeting(self, meeting_id: str | None = None) -> None:
        """Plan a meeting, or (with an id) change the header of one until signing starts."""
        def load(s: Session) -> tuple[list[Any], directory_service.Directory, Any, str]:
            meeting = meeting_service.get_meeting(s, meeting_id) if meeting_id else None
            return (table_service.list_tables(s), directory_service.directory(s), meeting,
                    roster_service.family_address(s, meeting_id) if meeting_id else "")
        self.w.executor.submit(load, self._open_meeting_dialog)

    def _open_meeting_dialog(self, loaded: tuple[list[Any], directory_service.Directory, Any,
                                                 str]) -> None:
        tables, book, meeting, address = loaded
        if not tables:
            self.w.statusBar().showMessage("Richt eerst een tafel in: Instellingen → Regio, "
                                           "tafels en adresboek.", 8000)
            self.show_wizard(existing=False)
            return
        dialog = NewMeetingDialog(tables, self.w, book, meeting, address)
        self.meeting_dialog = dialog
        dialog.accepted.connect(lambda: self._on_meeting_dialog_accepted(dialog, meeting))
        dialog.open()

    def _on_meeting_dialog_accepted(self, dialog: NewMeetingDialog, meeting: Any) -> None:
        fields = dialog.fields()

        def refused(exc: Exception) -> None:
            dialog.message.setText(_text(exc))
            QTimer.singleShot(0, dialog.open)
        if meeting is None:
            self.w.executor.submit(lambda s: roster_service.schedule_for_table(s, **fields),
                                   lambda m: self.w.show_agenda(m.id), refused)
        else:
            fields.pop("table_id")
            self.w.executor.submit(lambda s: roster_service.update_header(s, meeting.id, **fields),
                                   lambda m: self.w.show_agenda(m.id), refused)

    # ----- signing on two laptops --------------------------------------------------------------
    def ask_package(self) -> None:
        """Choose a signing package from another laptop and open it."""
        name, _ = QFileDialog.getOpenFileName(self.w, "Ondertekenpakket openen",
                                              str(Path.home()), "Ondertekenpakket (*.json)")
        if name:
            self.open_package(Path(name))

    def open_package(self, path: Path) -> None:
        """Check and open a package; the notulen are shown, ready for the next signature."""
        def job(s: Session) -> tuple[package_service.OpenedPackage, str]:
            opened = package_service.open_package(s, path.read_bytes())
            return opened, minutes_service.get_minutes(s, opened.minutes_id).agenda_item_id

        def done(result: tuple[package_service.OpenedPackage, str]) -> None:
            opened, item_id = result
            said = {"created": "geopend", "updated": "bijgewerkt",
                    "unchanged": "was al bekend; niets veranderd"}[opened.outcome]
            self.w.statusBar().showMessage(f"Ondertekenpakket {opened.number} {said}.", 10000)
            self.w.show_minutes(item_id)
        def refused(exc: Exception) -> None:  # what does not hold, where it cannot be missed
            self.w.statusBar().showMessage(
                "Pakket niet geopend: " + _text(exc).replace("\n", "; "), 15000)
            box = QMessageBox(QMessageBox.Icon.Warning, "Ondertekenpakket niet geopend",
                              f"Het pakket {path.name} is niet geopend; er is niets veranderd.",
                              QMessageBox.StandardButton.Ok, self.w)
            box.setObjectName("package_refused")
            box.setInformativeText(_text(exc))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        self.w.executor.submit(job, done, refused)
