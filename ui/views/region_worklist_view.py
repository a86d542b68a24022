"""Regiowerklijst: every stuck case of every table of the region, read from its zaken."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.worklist import ATTENTION_NL, WorkItem
from tafelapp.services.region_worklist_service import VISIBILITY_NOTE, RegionWorklist
from ui.models.region_worklist_table_model import RegionWorklistTableModel
from ui.widgets.fit import FitColumns
from ui.widgets.header import header_row

NOTHING_TEXT = ("Niets vraagt nu aandacht in de regio (in wat deze client mag lezen). Gekeken is "
                "naar: " + ", ".join(ATTENTION_NL.values()) + ".")


def refreshed_text(result: RegionWorklist) -> str:
    """When the copy on screen was read, and what was left out and why."""
    if result.fetched_at is None:
        return "De regio is nog nooit gelezen op deze laptop. Kies 'Verversen'."
    when = result.fetched_at.astimezone().strftime("%d-%m-%Y %H:%M")
    parts = [f"Laatst ververst: {when} ({result.zaken} open zaken gelezen)."]
    if result.own:
        parts.append(f"{result.own} casus(sen) van deze laptop staan op de eigen werklijst, "
                     "niet hier.")
    if result.without_facts:
        parts.append(f"{result.without_facts} zaak/zaken zonder Tafelapp-gegevens (van een "
                     "andere toepassing) staan er niet op.")
    return " ".join(parts)


class RegionWorklistView(QWidget):
    """The region's lines, the time of the last copy, a progress bar while it is refreshed."""

    back_requested = Signal()
    refresh_requested = Signal(bool)  # True: every open zaak, not only what changed
    line_opened = Signal(str)  # the line's key: the zaak's URL
    escalation_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        top, self.back, self.title = header_row("Overzicht", "Regiowerklijst")
        top.addWidget(QLabel("Soort:"))
        self.kind = QComboBox()
        self.kind.addItem("alle", "")
        for label in ATTENTION_NL.values():
            self.kind.addItem(label, label)
        self.kind.setAccessibleName("Filter op soort")
        top.addWidget(self.kind)
        top.addWidget(QLabel("Tafel:"))
        self.table_filter = QComboBox()
        self.table_filter.setAccessibleName("Filter op tafel")
        top.addWidget(self.table_filter)
        layout.addLayout(top)
        actions = QHBoxLayout()
        self.refresh = QPushButton("Verversen")
        self.refresh.setToolTip("Lees bij de regio wat sinds de vorige keer is gewijzigd (op de "
                                "achtergrond)")
        self.full_refresh = QPushButton("Alles opnieuw lezen")
        self.full_refresh.setToolTip("Lees alle open zaken van de regio opnieuw (duurt langer; "
                                     "gebeurt ook vanzelf bij de eerste verversing van de dag)")
        self.open_line = QPushButton("Wat de regio weet…")
        self.open_line.setToolTip("Statussen, besluit, termijnen en notulen van deze casus (Enter)")
        self.escalate = QPushButton("Opschalen…")
        for button in (self.refresh, self.full_refresh, self.open_line, self.escalate):
            actions.addWidget(button)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Voortgang van het verversen")
        self.progress.setMaximumWidth(260)
        self.progress.setFormat("pagina %v van %m")
        self.progress.hide()
        actions.addWidget(self.progress)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.when = QLabel("")
        self.when.setWordWrap(True)
        self.when.setAccessibleName("Laatst ververst")
        layout.addWidget(self.when)
        self.rights = QLabel(VISIBILITY_NOTE)
        self.rights.setWordWrap(True)
        self.rights.setStyleSheet("color: #555;")
        self.rights.setAccessibleName("Wat u mag zien")
        layout.addWidget(self.rights)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a5200;")
        self.message.setAccessibleName("Melding")
        layout.addWidget(self.message)
        self.model = RegionWorklistTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        # one height for every row: the header need not measure 10,000-20,000 rows on a reset
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.columns = FitColumns(
            self.view, ("999 wd te laat", "JBT-2026-0000", "Jeugdbeschermingstafel D (Duinstede)",
                        "Soort tafel", "Gecertificeerde instelling",
                        max(ATTENTION_NL.values(), key=len),
                        "termijn verleningsbesluit verliep op 16-09-2026", "00-00-0000"),
            priority=(6, 1, 0, 2, 5, 3, 4, 7), stretch=6)
        self.view.setAccessibleName("Punten op de regiowerklijst")
        layout.addWidget(self.view, 1)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Waarom, voluit")
        self.detail.setMinimumHeight(2 * self.detail.fontMetrics().lineSpacing())
        layout.addWidget(self.detail)
        self.count = QLabel("")
        self.count.setWordWrap(True)
        self.count.setAccessibleName("Aantal punten van aandacht")
        layout.addWidget(self.count)
        self.back.clicked.connect(self.back_requested)
        self.refresh.clicked.connect(lambda: self.refresh_requested.emit(False))
        self.full_refresh.clicked.connect(lambda: self.refresh_requested.emit(True))
        self.kind.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.table_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.view.activated.connect(self._on_view_activated)
        self.open_line.clicked.connect(lambda: self._on_view_activated(self.view.currentIndex()))
        self.escalate.clicked.connect(self._on_escalate_clicked)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._sync())
        self._result: RegionWorklist | None = None
        self._sync()

    def show_result(self, result: RegionWorklist) -> None:
        """Show the lines of the last copy and when it was read."""
        self._result = result
        self.when.setText(refreshed_text(result))
        current = self.table_filter.currentData()
        self.table_filter.blockSignals(True)
        self.table_filter.clear()
        self.table_filter.addItem("alle", "")
        for name in result.table_names:
            self.table_filter.addItem(name, name)
        self.table_filter.setCurrentIndex(max(0, self.table_filter.findData(current)))
        self.table_filter.blockSignals(False)
        self._apply_filters()
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._sync()

    def _apply_filters(self) -> None:
        result = self._result
        items = result.items if result else []
        kind, table = self.kind.currentData() or "", self.table_filter.currentData() or ""
        rows = items if not kind and not table else [
            i for i in items if (not kind or ATTENTION_NL[i.kind] == kind)
            and (not table or i.table_name == table)]
        self.model.set_lines(rows, result.tables if result else {})
        if result is None:
            self.count.clear()
        elif not items:
            self.count.setText(NOTHING_TEXT if result.fetched_at else "")
        elif not rows:
            self.count.setText("Niets van deze soort of aan deze tafel; kies 'alle' om de hele "
                               f"regiowerklijst te zien ({len(items)} punt(en) van aandacht).")
        else:
            cases = result.cases if rows is items else len({i.case_id for i in rows})
            self.count.setText(f"{len(rows)} punt(en) van aandacht, {cases} casus(sen) in de regio")

    def set_refreshing(self, busy: bool) -> None:
        """While a refresh runs: the bar shows, 'Verversen' waits; the list stays usable."""
        self.refresh.setEnabled(not busy)
        self.full_refresh.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # until the first page says how many there are
            self.message.setText("De regio wordt gelezen; u kunt intussen verder werken.")

    def set_progress(self, done: int, total: int) -> None:
        """Page `done` of `total` read."""
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def refresh_failed(self, text: str, when: dt.datetime | None) -> None:
        """The refresh did not succeed: the last copy stays, with its time and the reason."""
        shown = (f" U ziet de kopie van {when.astimezone():%d-%m-%Y %H:%M}." if when
                 else " Er is nog geen kopie.")
        self.message.setText(f"Verversen lukte niet: {text}.{shown}")

    def selected(self) -> WorkItem | None:
        """The work item of the current row."""
        index = self.view.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.line_opened.emit(self.model.item_at(index.row()).case_id)

    def _on_escalate_clicked(self) -> None:
        item = self.selected()
        if item is not None:
            self.escalation_requested.emit(item.case_id)

    def _sync(self) -> None:
        item = self.selected()
        line = self.model.tables.get(item.table_name) if item else None
        chair = f", voorzitter van {line.chair_organisation}" if line and \
            line.chair_organisation else ""
        self.detail.setText("" if item is None else
                            f"{item.case_number} ({item.table_name}{chair}): {item.reason}")
        for button in (self.open_line, self.escalate):
            button.setEnabled(item is not None)

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self._result = None
        self.model.set_lines([], {})
        for label in (self.count, self.detail, self.when, self.message):
            label.clear()
        self.set_refreshing(False)
        self.message.clear()
