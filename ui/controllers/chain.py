"""Controller of the ketenregie and outbox screens: werklijst, opschaling, kengetallen, outbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QInputDialog

from tafelapp.domain.escalation import RegionSubject
from tafelapp.domain.problems import InvalidInput
from tafelapp.domain.region_detail import RegionDetail
from tafelapp.services import (
    escalation_service,
    figures_service,
    file_service,
    followup_service,
    outbox_service,
    overview_service,
    worklist_service,
)
from tafelapp.services.session import Session
from ui.controllers.host import WindowHost
from ui.demo_region import DEMO_CLIENT, DEMO_INFORMATIEOBJECTTYPE, DEMO_SECRET, DemoRegion
from ui.icons import icon
from ui.scheduling import DrainTicker
from ui.text import problems_line
from ui.views.followup_dialog import FollowUpDialog
from ui.views.outbox_view import status_text


class ChainController:
    """Wires the ketenregisseur's screens and the outbox to the services (no rules here)."""

    def __init__(self, window: WindowHost) -> None:
        self.w = window

    # ----- ketenregie ------------------------------------------------------------------------
    def show_worklist(self) -> None:
        """The work list across all tables (built on the worker)."""
        self.w.saver.flush()
        self.w.executor.submit(worklist_service.work_list, self._on_worklist_loaded,
                             self.w._on_background_failed)

    def _on_worklist_loaded(self, items: list[Any]) -> None:
        self.w.worklist_view.show_items(items)
        self.w.stack.setCurrentWidget(self.w.worklist_view)

    def _on_followup_requested(self, item: Any) -> None:
        """'Afspraak opvolgen…' on a werklijst line: ask, record, show the werklijst again."""
        dialog = FollowUpDialog(self.w, f"{item.case_number}: {item.reason}")

        def refused(exc: Exception) -> None:
            if isinstance(exc, InvalidInput):
                dialog.message.setText(problems_line(exc.problems))
                if dialog.exec():
                    save()
            else:
                self.w._on_background_failed(exc)

        def save() -> None:
            fields = dialog.fields()
            self.w.executor.submit(
                lambda s: followup_service.record_followup(s, item.ref_id, **fields),
                lambda _f: self.show_worklist(), refused)
        if dialog.exec():
            save()

    def _on_signal_requested(self) -> None:
        self.w.executor.submit(lambda s: [t for t in overview_service.overview(s).tables
                                        if t.kind.value == "ZVT"], self._ask_signal)

    def _ask_signal(self, tables: list[Any]) -> None:
        """Theme, description and partners of a ZVT signal, asked one after the other."""
        if not tables:
            self.w.statusBar().showMessage("Er is geen Zorg- en Veiligheidstafel.", 6000)
            return
        names = [t.name for t in tables]
        name, ok = QInputDialog.getItem(self.w, "Signaal", "Tafel:", names, 0, False)
        theme, ok2 = QInputDialog.getText(self.w, "Signaal", "Thema:") if ok else ("", False)
        text, ok3 = (QInputDialog.getMultiLineText(self.w, "Signaal", "Beschrijving:")
                     if ok2 else ("", False))
        partners, ok4 = (QInputDialog.getText(self.w, "Signaal", "Partners (komma's):")
                         if ok3 else ("", False))
        if not ok4:
            return
        table_id = tables[names.index(name)].id
        self.w.executor.submit(lambda s: escalation_service.record_signal(
            s, table_id=table_id, theme=theme, description=text,
            partners=[p.strip() for p in partners.split(",") if p.strip()]),
            lambda _r: self.w.statusBar().showMessage("Signaal vastgelegd; het staat op de "
                                                    "agenda van de stuurgroep.", 6000),
            self.w._on_background_failed)

    def _on_agenda_requested(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, "Agenda stuurgroep opslaan",
                                              str(Path.home() / "agenda-stuurgroep.pdf"),
                                              "PDF (*.pdf)")
        if path:
            self.w.executor.submit(lambda s: file_service.write_file(
                Path(path), escalation_service.stuurgroep_agenda_pdf(s)),
                lambda p: self.w.statusBar().showMessage(f"Opgeslagen: {p}", 8000),
                self.w._on_background_failed)

    def show_escalation(self, case_id: str) -> None:
        """The (new or open) escalation of a case."""
        self.w.escalation_view.open_case(case_id)
        self.w.stack.setCurrentWidget(self.w.escalation_view)

    def show_region_escalation(self, detail: RegionDetail) -> None:
        """An escalation of a region line's case, from what the region holds of it."""
        self.w.escalation_view.open_region(RegionSubject(
            zaak_url=detail.case.url, case_number=detail.case.case_number,
            table_name=detail.table_name, table_kind=detail.table_kind,
            chair_organisation=detail.chair_organisation, facts=detail.facts()[:80]))
        self.w.stack.setCurrentWidget(self.w.escalation_view)

    def _on_escalation_back(self) -> None:
        """Back to the werklijst the escalation came from (the region's or the local one)."""
        if self.w.escalation_view.region is not None:
            self.w.show_region_worklist()
        else:
            self.show_worklist()

    def show_figures(self) -> None:
        """Kengetallen of every table for the chosen quarter."""
        quarter = self.w.figures_view.current_quarter()
        self.w.executor.submit(lambda s: figures_service.all_figures(s, quarter),
                             self._on_figures_loaded, self.w._on_background_failed)

    def _on_figures_loaded(self, items: list[Any]) -> None:
        self.w.figures_view.show_figures(items)
        self.w.stack.setCurrentWidget(self.w.figures_view)

    def _on_figures_export_requested(self, kind: str) -> None:
        quarter = self.w.figures_view.current_quarter()
        name = f"kengetallen-{quarter.label.replace(' ', '-')}.{kind}"
        path, _ = QFileDialog.getSaveFileName(self.w, "Kengetallen opslaan",
                                              str(Path.home() / name))
        if not path:
            return

        def export(s: Session) -> Path:
            items = figures_service.all_figures(s, quarter)
            data = (figures_service.figures_csv(items).encode("utf-8") if kind == "csv"
                    else figures_service.figures_pdf(items))
            return file_service.write_file(Path(path), data)
        self.w.executor.submit(export, lambda p: self.w.statusBar().showMessage(
            f"Opgeslagen: {p}", 8000), self.w._on_background_failed)

    # ----- outbox ----------------------------------------------------------------------------
    def _start_outbox(self) -> None:
        """After unlocking: the demo's own regional server, the ticker, and a first drain."""
        if self.w.active_path == self.w.demo_path:
            self._start_demo_region()
        if self.w.ticker is None:
            self.w.ticker = DrainTicker()
            self.w.ticker.tick.connect(self.w.outbox.drain)
            self.w.ticker.retention_tick.connect(self.w.retention.check)
            self.w.ticker.archive_tick.connect(self.w.outbox.renew_archive)
        self.w.ticker.start()
        self.w.outbox.refresh_status()
        self.w.outbox.drain()

    def _start_demo_region(self) -> None:
        """The demo sends to a reference regional server on loopback, started as its own
        process (off the UI thread); the demo vault's region then points at it."""
        if self.w.demo_server is None:
            self.w.demo_server = DemoRegion(self.w.demo_path.with_name("demo-regio.sqlite3"))
        server = self.w.demo_server

        def point_at(s: Session, url: str) -> int:
            outbox_service.update_region(
                s, base_url=url, client_id=DEMO_CLIENT, secret=DEMO_SECRET, rsin="002220647",
                informatieobjecttype=DEMO_INFORMATIEOBJECTTYPE)
            return outbox_service.send_now(s)  # what waited for the server goes now

        def configure(url: str) -> None:
            self.w.executor.submit(lambda s: point_at(s, url), lambda _n: self.w.outbox.drain())
        self.w.executor.run(server.start, configure, self.w._on_background_failed)

    def show_outbox(self) -> None:
        """Every document in the outbox with its state and history."""
        self.w.saver.flush()
        def load(s: Session) -> tuple[Any, Any, dict[str, str]]:
            return outbox_service.items(s), outbox_service.status(s), outbox_service.titles(s)
        self.w.executor.submit(load, self._on_outbox_loaded)

    def _on_outbox_loaded(self, loaded: tuple[Any, Any, dict[str, str]]) -> None:
        self.w.outbox_view.show_items(*loaded)
        self.w.stack.setCurrentWidget(self.w.outbox_view)

    def _on_outbox_status_changed(self, status: Any) -> None:
        self.w.outbox_state.setText(status_text(status))
        warn = status.rejected + status.unconfirmed > 0 or status.clock_warning
        self.w.outbox_warning.setPixmap(icon("warning").pixmap(16, 16) if warn else QPixmap())
        self.w.outbox_warning.setToolTip("Er is een document geweigerd, of de klok lijkt verkeerd: "
                                       "zie Outbox." if warn else "")
        if self.w.stack.currentWidget() is self.w.outbox_view:
            self.show_outbox()
