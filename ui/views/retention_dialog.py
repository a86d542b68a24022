"""'Opschonen': before each clean-up, what will go from this laptop and what stays (and why)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tafelapp.services.retention_service import Plan
from ui.views.steps.base import date_edit, day_of, set_day
from ui.widgets.message_area import MessageArea

WHAT_GOES = ("Weg gaan van deze laptop: het gezin, de kinderen, de deelnemers met hun inbreng "
             "en scores, alle teksten en de notulen-PDF's. Blijven: het casusnummer, de data, "
             "het soort besluit en de afspraken zonder tekst (voor de kengetallen), waar de "
             "regio elk document bewaart en de hashes waarmee het te controleren is.")


class RetentionDialog(QDialog):
    """The plan as a table; postpone once or 'bewaren tot' for the selected case (date and
    reason); 'Nu opschonen' removes what the table says goes. Escape (Later) removes nothing."""

    remove_requested = Signal(list)  # case ids shown as going
    postpone_requested = Signal(str, object, str)  # case id, until, reason
    hold_requested = Signal(str, object, str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Opschonen: bewaartermijn van deze laptop")
        self._ids: list[str] = []
        self._going: list[str] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Samenvatting van de opschoning")
        layout.addWidget(self.summary)
        explain = QLabel(WHAT_GOES)
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Casus", "Gesloten", "Wat gebeurt er"])
        self.table.setAccessibleName("Gesloten casussen en wat er met elk gebeurt")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.until = date_edit("Uitstellen of bewaren tot")
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reden van uitstellen of bewaren")
        form.addRow("&Tot", self.until)
        form.addRow("&Reden", self.reason)
        layout.addLayout(form)
        self.message = MessageArea(2, "Melding bij het opschonen", "color: #c62828;")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.postpone = QPushButton("&Uitstellen (één keer)")
        self.hold = QPushButton("&Bewaren tot")
        self.remove = QPushButton("Nu &opschonen")
        self.later = QPushButton("&Later")
        for button in (self.postpone, self.hold, self.remove, self.later):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self.postpone.clicked.connect(lambda: self._ask(self.postpone_requested))
        self.hold.clicked.connect(lambda: self._ask(self.hold_requested))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(list(self._going)))
        self.later.clicked.connect(self.reject)
        self.resize(760, 460)

    def show_plan(self, plan: Plan) -> None:
        """Fill the table from a plan (cases that go first)."""
        backups = len(plan.stale_backups) if plan.to_remove else 0
        self.summary.setText(plan.summary + (
            f" Ook {'de reservekopie' if backups == 1 else f'de {backups} reservekopieën'} "
            "van vóór een upgrade van de kluis (met alle casussen van toen) gaan weg."
            if backups else ""))
        rows = plan.to_remove + plan.kept
        self._ids = [a.facts.case_id for a in rows]
        self._going = [a.facts.case_id for a in plan.to_remove]
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            for c, text in enumerate((a.facts.case_number, f"{a.facts.closed_on:%d-%m-%Y}",
                                      a.reason)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, a.facts.case_id)
                self.table.setItem(r, c, cell)
        if rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        set_day(self.until, plan.today + dt.timedelta(weeks=4))
        self.remove.setEnabled(bool(self._going))
        self.remove.setText(f"Nu &opschonen ({len(self._going)})")
        self.table.setFocus()

    def selected_case(self) -> str | None:
        """The id of the case on the selected row."""
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _ask(self, signal: SignalInstance) -> None:
        case_id = self.selected_case()
        if case_id is None:
            self.message.setText("Kies eerst een casus in de tabel.")
            return
        signal.emit(case_id, day_of(self.until), self.reason.text())

    def show_problem(self, text: str) -> None:
        """A refusal in words (the date or the reason, or postponed before)."""
        self.message.setText(text)

    def done_change(self) -> None:
        """After a postponement or a hold: clear the reason for the next one."""
        self.reason.clear()
        self.message.setText("")
