"""Kengetallen per table and quarter as charts, with CSV and PDF export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.figures import Figures, Quarter
from tafelapp.reports.figures_html import chart_values
from ui.icons import icon
from ui.widgets.bar_chart import BarChart
from ui.widgets.header import header_row


def recent_quarters(today: dt.date, count: int = 6) -> list[Quarter]:
    """This quarter and the ones before it."""
    quarters, q = [], Quarter.of(today)
    for _ in range(count):
        quarters.append(q)
        q = Quarter(q.year - (q.number == 1), 4 if q.number == 1 else q.number - 1)
    return quarters


class FiguresView(QWidget):
    """Choose a quarter; see each table's figures as charts; export CSV or PDF."""

    back_requested = Signal()
    quarter_changed = Signal(object)
    export_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        top, self.back, _title = header_row("Overzicht", "Kengetallen")
        self.quarter = QComboBox()
        self.quarter.setAccessibleName("Kwartaal")
        for q in recent_quarters(dt.date.today()):
            self.quarter.addItem(q.label, q)
        top.addWidget(self.quarter)
        self.csv = QPushButton("CSV…")
        self.pdf = QPushButton("PDF…")
        self.pdf.setIcon(icon("pdf"))
        top.addWidget(self.csv)
        top.addWidget(self.pdf)
        layout.addLayout(top)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.figures_area = scroll
        scroll.setWidget(self.body)
        layout.addWidget(scroll, 1)
        self.back.clicked.connect(self.back_requested)
        self.quarter.currentIndexChanged.connect(
            lambda _i: self.quarter_changed.emit(self.quarter.currentData()))
        self.csv.clicked.connect(lambda: self.export_requested.emit("csv"))
        self.pdf.clicked.connect(lambda: self.export_requested.emit("pdf"))
        self.charts: list[BarChart] = []

    def show_figures(self, items: list[Figures]) -> None:
        """One row per table: its charts and the agreements kept."""
        while self.grid.count():
            child = self.grid.takeAt(0)
            if child is not None and child.widget() is not None:
                child.widget().deleteLater()  # type: ignore[union-attr]
        self.charts = []
        row = 0
        for f in items:
            share = "—" if f.kept_share is None else f"{f.kept_share:.0%}"
            heading = QLabel(f"<b>{f.table}</b> — {f.quarter}: afspraken op tijd "
                             f"{share} ({f.agreements_kept_on_time}/{f.agreements_due})"
                             f", wisselingen casusregie {f.case_lead_changes}")
            heading.setWordWrap(True)  # a long table name wraps at 150 %, never sideways
            self.grid.addWidget(heading, row, 0, 1, 2)
            row += 1
            for n, (title, values) in enumerate(chart_values(f).items()):
                chart = BarChart(title, values)
                self.charts.append(chart)
                self.grid.addWidget(chart, row + n // 2, n % 2)
            row += 2

    def current_quarter(self) -> Any:
        """The chosen quarter."""
        return self.quarter.currentData()

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self.show_figures([])
