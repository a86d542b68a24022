"""Dialog to plan a new meeting of a table (date, times, place, chair, secretary)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
)

from tafelapp.domain.models import Table
from ui.text import labels
from ui.views.steps.base import date_edit


class NewMeetingDialog(QDialog):
    """Collects the fields of `schedule_meeting`; the service checks them."""

    def __init__(self, tables: list[Table], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nieuwe bespreking")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.table = QComboBox()
        for t in tables:
            self.table.addItem(t.name, t.id)
        self.date = date_edit("Datum")
        self.start = QTimeEdit(QTime(9, 0))
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime(10, 30))
        self.end.setDisplayFormat("HH:mm")
        self.location_kind = QComboBox()
        for value, label in labels.LOCATION.items():
            self.location_kind.addItem(label, value)
        self.location_text = QLineEdit()
        self.chair = QLineEdit()
        self.secretary = QLineEdit()
        form.addRow("&Tafel", self.table)
        form.addRow("&Datum", self.date)
        form.addRow("&Begin", self.start)
        form.addRow("&Einde", self.end)
        form.addRow("&Locatie", self.location_kind)
        form.addRow("&Adres of zaal", self.location_text)
        form.addRow("&Voorzitter", self.chair)
        form.addRow("&Secretaris", self.secretary)
        layout.addLayout(form)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Inplannen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def fields(self) -> dict[str, Any]:
        """The values as keyword arguments for `schedule_meeting`."""
        qd, s, e = self.date.date(), self.start.time(), self.end.time()
        return {"table_id": self.table.currentData(),
                "date": dt.date(qd.year(), qd.month(), qd.day()),
                "start": dt.time(s.hour(), s.minute()), "end": dt.time(e.hour(), e.minute()),
                "location_kind": self.location_kind.currentData(),
                "location_text": self.location_text.text() or None,
                "chair": self.chair.text(), "secretary": self.secretary.text() or None}
