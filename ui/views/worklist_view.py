"""Werklijst of the ketenregisseur: every case that needs attention and why, most urgent first."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.worklist import ATTENTION_NL, Attention, WorkItem
from ui.icons import icon
from ui.models.worklist_table_model import WorklistTableModel
from ui.widgets.fit import FitColumns
from ui.widgets.header import header_row

NOTHING_TEXT = ("Niets vraagt nu aandacht. Voor elke casus aan elke tafel is gekeken naar: "
                + ", ".join(ATTENTION_NL.values()) + ".")


class WorklistView(QWidget):
    """Sortable, filterable table; Enter opens the case, 'Opschalen…' starts an escalation."""

    case_opened = Signal(str)
    escalation_requested = Signal(str)
    back_requested = Signal()
    signal_requested = Signal()
    agenda_requested = Signal()
    followup_requested = Signal(object)  # the WorkItem of an afspraak
    region_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        top, self.back, _title = header_row("Overzicht", "Werklijst ketenregie")
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
        self.escalate = QPushButton("Opschalen…")
        self.follow_up = QPushButton("Afspraak opvolgen…")
        self.follow_up.setToolTip("Leg vast hoe een afspraak is nagekomen (tussen besprekingen)")
        self.signal = QPushButton("Signaal vastleggen…")
        self.agenda = QPushButton("Agenda stuurgroep (PDF)…")
        self.agenda.setIcon(icon("pdf"))
        self.region = QPushButton("Regio")
        self.region.setIcon(icon("region"))
        self.region.setAccessibleName("Regiowerklijst")
        self.region.setToolTip("De werklijst van de hele regio, uit haar Zaken API")
        for button in (self.escalate, self.follow_up, self.signal, self.agenda, self.region):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.model = WorklistTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        # one height for every row: the header need not measure 10,000-20,000 rows on a reset
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # "Waarom" is what the ketenregisseur acts on; at a narrow width (150 %) the date and
        # the kind give way first (both are in "Waarom"), then the table.
        self.columns = FitColumns(
            self.view, ("999 wd te laat", "JBT-2026-0000", "Jeugdbeschermingstafel D",
                        "casusregie niet aanvaard",
                        "afspraak van Ouders verliep op 16-09-2026 (55 werkdagen)", "00-00-0000"),
            priority=(4, 1, 0, 2, 3, 5), stretch=4)
        self.view.setAccessibleName("Punten op de werklijst")
        layout.addWidget(self.view, 1)
        self.detail = QLabel("")  # the current line's reason in full, however narrow the table
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Waarom, voluit")
        self.detail.setMinimumHeight(2 * self.detail.fontMetrics().lineSpacing())
        layout.addWidget(self.detail)
        self.count = QLabel("")
        self.count.setWordWrap(True)
        self.count.setAccessibleName("Aantal punten van aandacht")
        layout.addWidget(self.count)
        self.back.clicked.connect(self.back_requested)
        self.kind.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.table_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.view.activated.connect(self._on_view_activated)
        self.view.doubleClicked.connect(self._on_view_activated)
        self.escalate.clicked.connect(self._on_escalate_clicked)
        self.follow_up.clicked.connect(self._on_follow_up_clicked)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._sync_buttons())
        self.signal.clicked.connect(self.signal_requested)
        self.agenda.clicked.connect(self.agenda_requested)
        self.region.clicked.connect(self.region_requested)
        self._all: list[WorkItem] = []

    def show_items(self, items: list[WorkItem]) -> None:
        """Show the work list (already most urgent first)."""
        self._all = items
        current = self.table_filter.currentData()
        self.table_filter.blockSignals(True)
        self.table_filter.clear()
        self.table_filter.addItem("alle", "")
        for name in sorted({i.table_name for i in items}):
            self.table_filter.addItem(name, name)
        self.table_filter.setCurrentIndex(max(0, self.table_filter.findData(current)))
        self.table_filter.blockSignals(False)
        self._apply_filters()
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))  # its reason shows in full below
        self._sync_buttons()

    def _apply_filters(self) -> None:
        kind, table = self.kind.currentData() or "", self.table_filter.currentData() or ""
        rows = [i for i in self._all if (not kind or ATTENTION_NL[i.kind] == kind)
                and (not table or i.table_name == table)]
        self.model.set_items(rows)  # keeps the column the user sorted on
        if not self._all:
            self.count.setText(NOTHING_TEXT)
        elif not rows:
            self.count.setText("Niets van deze soort of aan deze tafel; kies 'alle' om de hele "
                               f"werklijst te zien ({len(self._all)} punt(en) van aandacht).")
        else:
            self.count.setText(f"{len(rows)} punt(en) van aandacht, "
                               f"{len({i.case_id for i in rows})} casus(sen)")

    def selected(self) -> WorkItem | None:
        """The work item of the current row."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.item_at(index.row())

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.model.item_at(index.row()).case_id)

    def _on_escalate_clicked(self) -> None:
        item = self.selected()
        if item is not None:
            self.escalation_requested.emit(item.case_id)

    def _sync_buttons(self) -> None:
        item = self.selected()
        self.detail.setText("" if item is None else
                            f"{item.case_number} ({item.table_name}): {item.reason}")
        self.follow_up.setEnabled(item is not None and bool(item.ref_id) and item.kind in (
            Attention.AGREEMENT_OVERDUE, Attention.AGREEMENT_DUE_SOON))

    def _on_follow_up_clicked(self) -> None:
        item = self.selected()
        if item is not None and item.ref_id:
            self.followup_requested.emit(item)

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self._all = []
        self.model.set_items([])
        self.count.clear()
        self.detail.clear()
