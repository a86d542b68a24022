"""Controller of the regiowerklijst: the copy from the vault, a background refresh, a line's detail.

The network work (reading the zaken, a zaak's statussen, a notulen) runs on its own serial
worker, never on the UI thread and never holding up the vault's worker; the vault's worker only
reads and keeps the copy.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from tafelapp.domain.region_detail import RegionDetail, RegionDocument
from tafelapp.services import outbox_service, region_worklist_service
from tafelapp.services.region_worklist_service import ReadPlan, RegionLine, RegionWorklist
from tafelapp.services.session import Session
from tafelapp.settings import RegionSettings
from ui.controllers.host import WindowHost
from ui.models.rows_table_model import dispose_later
from ui.views.region_detail_dialog import RegionDetailDialog
from ui.views.region_worklist_view import RegionWorklistView
from ui.workers import DbExecutor


def _open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class RegionWorklistController(QObject):
    """Shows the last copy at once, refreshes it in the background, opens a line's detail."""

    progressed = Signal(int, int)  # emitted on the network worker, delivered on the GUI thread
    detail_shown = Signal(object)  # the RegionDetailDialog (tests, the escalation)
    pdf_opened = Signal(object)  # the Path of an opened notulen

    def __init__(self, window: WindowHost, view: RegionWorklistView,
                 escalate: Callable[[RegionDetail], None] | None = None) -> None:
        super().__init__()
        self.w, self.view = window, view
        self.network = DbExecutor()  # its own serial worker: never the vault's, never the UI's
        self.escalate = escalate
        self.refreshing = False
        self.dialog: RegionDetailDialog | None = None
        self.open_file: Callable[[Path], None] = _open_with_system
        self._folder: Path | None = None
        self._epoch = 0  # raised on lock: late network answers of before are dropped
        view.model.dispose = dispose_later(self.network.run)
        self.progressed.connect(view.set_progress)
        view.refresh_requested.connect(self.refresh)
        view.line_opened.connect(self.open_line)
        view.escalation_requested.connect(self._on_view_escalation_requested)

    # ----- the list --------------------------------------------------------------------------
    def show(self, refresh: bool = True) -> None:
        """The regiowerklijst from the vault's copy at once; then a refresh in the background."""
        self.w.saver.flush()
        self.w.executor.submit(region_worklist_service.work_list, self._on_loaded,
                               self.w._on_background_failed)
        if refresh:
            self.refresh()

    def _on_loaded(self, result: RegionWorklist) -> None:
        self.view.show_result(result)
        self.w.stack.setCurrentWidget(self.view)

    def refresh(self, full: bool = False) -> None:
        """Read what changed at the region (`full`: every open zaak) on the network worker,
        then keep it (vault worker)."""
        if self.refreshing or self.w.executor.session is None:
            return
        self.refreshing = True
        self.view.set_refreshing(True)
        epoch = self._epoch
        self.w.executor.submit(
            lambda s: (outbox_service.region_settings(s), s.actor,
                       region_worklist_service.read_plan(s, full)),
            lambda loaded: self._fetch(loaded, epoch), self._on_refresh_failed)

    def _current(self, epoch: int) -> bool:
        """False when the vault locked since the work began (its answer is dropped unseen)."""
        return epoch == self._epoch and self.w.executor.session is not None

    def _fetch(self, loaded: tuple[RegionSettings, str, ReadPlan], epoch: int) -> None:
        settings, actor, plan = loaded

        def fetch() -> Any:
            from tafelapp.sync.region_fetch import read, zaaktypen_to_read
            from tafelapp.sync.zaken_client import ZakenClient

            zaaktypen = zaaktypen_to_read(settings)
            client = ZakenClient(settings, actor)
            try:
                return read(client, zaaktypen, plan, self.progressed.emit)
            finally:
                client.close()
        self.network.run(fetch, lambda fetched: self._keep(fetched, epoch),
                         lambda exc: self._on_refresh_failed(exc) if self._current(epoch)
                         else None)

    def _keep(self, fetched: Any, epoch: int) -> None:
        if not self._current(epoch):
            return  # locked meanwhile: nothing is kept or shown
        def keep(s: Session) -> RegionWorklist:
            kept = region_worklist_service.store(s, fetched.zaken, fetched.full,
                                                 fetched.per_zaaktype)
            return region_worklist_service.work_list(s, kept)

        def done(result: RegionWorklist) -> None:
            self.refreshing = False
            self.view.set_refreshing(False)
            self.view.message.setText(fetched.summary)
            self.view.show_result(result)  # its lines were frozen on the worker (work_list)
        self.w.executor.submit(keep, done, self._on_refresh_failed)

    def _on_refresh_failed(self, exc: Exception) -> None:
        self.refreshing = False
        self.view.set_refreshing(False)
        text = str(exc) if type(exc).__name__ == "RefreshFailed" else (
            f"er ging iets mis ({type(exc).__name__})")
        self.w.executor.submit(region_worklist_service.copy,
                               lambda c: self.view.refresh_failed(text, c.fetched_at))

    # ----- one line --------------------------------------------------------------------------
    def open_line(self, key: str, then: Callable[[RegionDetail], None] | None = None) -> None:
        """Read what the region holds of a line's zaak and show it (or run `then` with it)."""
        def load(s: Session) -> tuple[RegionLine | None, RegionSettings, str]:
            return region_worklist_service.line(s, key), outbox_service.region_settings(s), \
                s.actor

        def read(loaded: tuple[RegionLine | None, RegionSettings, str]) -> None:
            line, settings, actor = loaded
            if line is None:
                self.view.message.setText("Deze regel staat niet meer in de kopie; ververs de "
                                          "regiowerklijst.")
                return
            self.view.message.setText(f"{line.case.case_number}: de regio wordt gelezen…")
            epoch, show = self._epoch, then or self._show_detail
            self.network.run(lambda: _read(settings, actor, line),
                             lambda detail: show(detail) if self._current(epoch) else None,
                             lambda exc: self._on_detail_failed(exc) if self._current(epoch)
                             else None)
        self.w.executor.submit(load, read, self.w._on_background_failed)

    def _on_detail_failed(self, exc: Exception) -> None:
        self.view.message.setText(f"Wat de regio weet, kon niet worden gelezen: {exc}"
                                  if type(exc).__name__ == "DetailFailed"
                                  else f"Er ging iets mis ({type(exc).__name__}).")

    def _show_detail(self, detail: RegionDetail) -> None:
        self.view.message.clear()
        dialog = RegionDetailDialog(self.w, detail)
        self.dialog = dialog
        dialog.document_requested.connect(lambda d: self._download(dialog, d))
        dialog.escalation_requested.connect(lambda: self._escalate_from(dialog))
        dialog.finished.connect(lambda _r: self._on_dialog_finished(dialog))
        dialog.open()
        self.detail_shown.emit(dialog)

    def _on_dialog_finished(self, dialog: RegionDetailDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.view.view.setFocus()  # back on the line it opened

    def _escalate_from(self, dialog: RegionDetailDialog) -> None:
        dialog.accept()
        if self.escalate is not None:
            self.escalate(dialog.detail)

    def _on_view_escalation_requested(self, key: str) -> None:
        if self.escalate is not None:
            self.open_line(key, self.escalate)

    def _download(self, dialog: RegionDetailDialog, doc: RegionDocument) -> None:
        self.w.executor.submit(lambda s: (outbox_service.region_settings(s), s.actor),
                               lambda loaded: self._fetch_pdf(dialog, doc, *loaded))

    def _fetch_pdf(self, dialog: RegionDetailDialog, doc: RegionDocument,
                   settings: RegionSettings, actor: str) -> None:
        folder = self._private_folder()
        number = dialog.detail.case.case_number

        def fetch() -> Path:
            from tafelapp.sync.region_detail import download
            from tafelapp.sync.zgw_client import ZgwClient

            client = ZgwClient(settings, actor)
            try:
                data = download(client, doc)
            finally:
                client.close()
            path = folder / f"notulen-{number}-{len(list(folder.iterdir())) + 1}.pdf"
            path.write_bytes(data)
            path.chmod(0o600)
            return path

        epoch = self._epoch

        def opened(path: Path) -> None:
            if not self._current(epoch):
                path.unlink(missing_ok=True)  # locked meanwhile: never opened
                return
            dialog.message.setText(f"'{doc.title}' is geopend als PDF.")
            self.open_file(path)
            self.pdf_opened.emit(path)
        self.network.run(fetch, opened, lambda exc: dialog.message.setText(
            f"Niet geopend: {exc}" if type(exc).__name__ == "DetailFailed"
            else f"Niet geopend ({type(exc).__name__})."))

    def _private_folder(self) -> Path:
        """A folder only this user may read; emptied when the vault locks or the app closes."""
        if self._folder is None or not self._folder.exists():
            self._folder = Path(tempfile.mkdtemp(prefix="tafelapp-regio-"))
        return self._folder

    def forget(self) -> None:
        """On lock: the list, an open detail and every downloaded notulen are gone."""
        self._epoch += 1
        if self.dialog is not None:
            self.dialog.reject()
        self.view.clear()
        self.refreshing = False
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def shutdown(self) -> None:
        """On close: forget, and stop the network worker."""
        self.forget()
        self.network.shutdown()


def _read(settings: RegionSettings, actor: str, line: RegionLine) -> RegionDetail:
    from tafelapp.sync.region_detail import read_detail
    from tafelapp.sync.zaken_client import ZakenClient
    from tafelapp.sync.zgw_client import ZgwClient

    zaken, documents = ZakenClient(settings, actor), ZgwClient(settings, actor)
    try:
        return read_detail(zaken, documents, line.case, line.table_name, line.table.kind,
                           line.table.chair_organisation)
    finally:
        zaken.close()
        documents.close()
