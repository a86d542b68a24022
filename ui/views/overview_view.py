"""Overview: the user's tables, the meetings around today, and the searchable case list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.models import Table
from tafelapp.domain.summaries import CaseSummary, MeetingSummary
from ui.models.case_table_model import CaseTableModel
from ui.text import labels
from ui.widgets.fit import FitColumns, fixed_to_text


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 13pt; font-weight: 600; margin-top: 6px;")
    return label


def _wrap_only(view: QListWidget) -> None:
    """Long lines wrap to the list's width (on a small screen too), never a sideways scrollbar."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)


class OverviewView(QWidget):
    """Tables and meetings on the left, cases on the right; Enter or double-click opens."""

    meeting_opened = Signal(str)
    case_opened = Signal(str)
    new_meeting_requested = Signal()
    intake_requested = Signal()
    package_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(_heading("Mijn tafels"))
        self.tables = QListWidget()
        self.tables.setMaximumHeight(110)
        self.tables.setWordWrap(True)
        _wrap_only(self.tables)
        self.tables.setAccessibleName("Tafels")
        left_layout.addWidget(self.tables)
        # Two rows of actions, so the case list keeps its width on a small screen (150 %).
        head = QHBoxLayout()
        head.addWidget(_heading("Besprekingen"))
        head.addStretch(1)
        self.new_meeting = QPushButton("Nieuwe bespreking…")
        self.new_intake = QPushButton("Nieuwe aanmelding…")
        self.open_package = QPushButton("Pakket openen…")
        self.open_package.setToolTip("Een ondertekenpakket van een andere laptop openen")
        head.addWidget(self.new_meeting)
        left_layout.addLayout(head)
        more = QHBoxLayout()
        more.addStretch(1)
        more.addWidget(self.new_intake)
        more.addWidget(self.open_package)
        left_layout.addLayout(more)
        self.meetings = QListWidget()
        self.meetings.setAccessibleName("Besprekingen")
        self.meetings.setWordWrap(True)
        _wrap_only(self.meetings)
        left_layout.addWidget(self.meetings, 1)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(_heading("Casussen"))
        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek op naam of casusnummer… (Ctrl+F)")
        # Ctrl+F from anywhere on this screen: the cursor in the search, what was typed selected
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._on_find_activated)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Zoek casus")
        right_layout.addWidget(self.search)
        self.case_model = CaseTableModel()
        self.cases = QTableView()
        self.cases.setModel(self.case_model)
        self.cases.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cases.verticalHeader().hide()
        # one height for every row: the header need not measure 10,000-20,000 rows on a reset
        self.cases.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.cases.setAlternatingRowColors(True)
        # Widths from sample texts, not per-row measuring (10,000 rows); at a narrow width (150 %)
        # the least needed columns give way, never a sideways scrollbar. The family's sample is
        # a long name as the column shows it (without "Gezin"): with the word, the next term
        # did not fit at 150 % and the number of children was shown in its place.
        self.columns = FitColumns(
            self.cases, ("JBT-2026-0000 ", "Van der Berg-El Amrani", "Jeugdbeschermingstafel D",
                         "verzoek tot onderzoek (VTO)", "Kinderen", "00-00-0000"),
            priority=(0, 1, 5, 3, 4, 2), stretch=1, keep=3)  # number, family, next term
        self.cases.verticalHeader().setDefaultSectionSize(26)
        self.cases.setAccessibleName("Casuslijst")
        right_layout.addWidget(self.cases, 1)
        self.count = QLabel("")
        fixed_to_text(self.count, "000000 casus(sen)")  # a count repaints this line only
        right_layout.addWidget(self.count)
        splitter.addWidget(right)
        splitter.setSizes([420, 760])
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.meetings.itemActivated.connect(
            lambda item: self.meeting_opened.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.cases.activated.connect(self._on_cases_activated)
        self.cases.doubleClicked.connect(self._on_cases_activated)
        self.new_meeting.clicked.connect(self.new_meeting_requested)
        self.new_intake.clicked.connect(self.intake_requested)
        self.open_package.clicked.connect(self.package_requested)

    def show_data(self, tables: list[Table], meetings: list[MeetingSummary],
                  cases: list[CaseSummary]) -> None:
        """Fill the three lists."""
        self.tables.clear()
        for t in tables:
            entry = QListWidgetItem(f"{t.name}\n{labels.TABLE_KIND[t.kind.value]} · {t.region}")
            entry.setToolTip(t.name)
            self.tables.addItem(entry)
        self.meetings.clear()
        today = dt.date.today()
        for m in meetings:
            when = m.date.strftime("%d-%m-%Y") + (f" {m.start:%H:%M}" if m.start else "")
            marker = "  (vandaag)" if m.date == today else ""
            item = QListWidgetItem(f"{when}{marker}\n{m.table_name} · "
                                   f"{labels.LOCATION[m.location_kind]} · {m.cases} casus(sen)")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            if m.date < today:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.meetings.addItem(item)
        self.case_model.set_cases(cases)
        self._update_count()

    def clear(self) -> None:
        """Remove every piece of case data (on lock)."""
        self.tables.clear()
        self.meetings.clear()
        self.case_model.clear()
        self.search.clear()
        self.count.setText("")

    def _on_find_activated(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search_text_changed(self, text: str) -> None:
        self.case_model.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(f"{self.case_model.rowCount()} casus(sen)")

    def _on_cases_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.case_model.case_at(index.row()).id)
