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
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.models import Table
from tafelapp.domain.summaries import CaseSummary, MeetingSummary
from ui.models.case_table_model import CaseTableModel
from ui.text import labels
from ui.widgets.fit import FitColumns, fixed_to_text

SET_UP_FIRST = (
    "Er zijn nog geen casussen, en er is nog geen tafel ingericht.\n\n"
    "1. Richt eerst de regio en uw tafel in: de knop hieronder, of later Instellingen → "
    "'Regio, tafels en adresboek…'. Een regiobestand van uw functioneel beheerder kunt u daar "
    "inlezen.\n"
    "2. Meld daarna een casus aan met 'Nieuwe aanmelding…': de casus komt dan meteen op de "
    "agenda van een bespreking.")
START_TEXT = (
    "Er zijn nog geen casussen.\n\n"
    "Meld een casus aan met 'Nieuwe aanmelding…' (links): de casus komt dan meteen op de agenda "
    "van een bespreking van de tafel. Een ondertekenpakket van een andere laptop opent u met "
    "'Pakket openen…'.")


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
    setup_requested = Signal()

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
        # an empty vault (a newcomer's first start): where to begin, in place of an empty list
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(0, 8, 0, 0)
        self.empty_text = QLabel("")
        self.empty_text.setWordWrap(True)
        self.empty_text.setTextFormat(Qt.TextFormat.PlainText)
        empty_layout.addWidget(self.empty_text)
        self.set_up = QPushButton("&Regio en tafel inrichten…")
        self.set_up.setAccessibleName("Regio en tafel inrichten")
        empty_layout.addWidget(self.set_up, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        self.case_area = QStackedWidget()
        self.case_area.addWidget(self.cases)
        self.case_area.addWidget(self.empty)
        right_layout.addWidget(self.case_area, 1)
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
        self.set_up.clicked.connect(self.setup_requested)

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
        self._show_start(bool(tables), bool(cases))

    def _show_start(self, has_tables: bool, has_cases: bool) -> None:
        """With no case at all, say where a newcomer begins (a table first, then an aanmelding)."""
        self.empty_text.setText(START_TEXT if has_tables else SET_UP_FIRST)
        self.set_up.setVisible(not has_tables)
        self.case_area.setCurrentWidget(self.cases if has_cases else self.empty)

    def clear(self) -> None:
        """Remove every piece of case data (on lock)."""
        self.tables.clear()
        self.meetings.clear()
        self.case_model.clear()
        self.search.clear()
        self.count.setText("")

    def start_widget(self) -> QWidget:
        """Where the cursor starts on this screen: the first thing to do in an empty vault,
        else the case search."""
        if self.case_area.currentWidget() is self.empty:
            return self.set_up if self.set_up.isVisibleTo(self) else self.new_intake
        return self.search

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
