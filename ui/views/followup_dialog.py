"""'Afspraak opvolgen' from the werklijst: how an afspraak turned out, between meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.followup import FOLLOW_UP_NL
from ui.views.steps.base import date_edit, set_day
from ui.widgets.discard_guard import DiscardGuard
from ui.widgets.message_area import MessageArea


class FollowUpDialog(DiscardGuard, QDialog):
    """Status, date, who says so and a note; the controller records it and shows refusals.

    Escape asks before anything typed is thrown away."""

    def __init__(self, parent: QWidget, title: str, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Afspraak opvolgen")
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.status = QComboBox()
        self.status.setAccessibleName(f"Opvolging van {title}")
        for value, label in FOLLOW_UP_NL.items():
            self.status.addItem(label, value)
        self.on = date_edit("Datum opvolging")
        set_day(self.on, today or dt.date.today())  # the day it is followed up, not 01-01-2000
        self.said_by = QLineEdit()
        self.said_by.setAccessibleName("Wie zegt dit")
        self.note = QLineEdit()
        self.note.setAccessibleName("Toelichting bij de opvolging")
        form.addRow("&Opvolging", self.status)
        form.addRow("&Datum", self.on)
        form.addRow("&Wie zegt dit", self.said_by)
        form.addRow("&Toelichting", self.note)
        layout.addLayout(form)
        self.message = MessageArea(2, "Melding bij de opvolging", "color: #c62828;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.mark_clean()

    def typed_state(self) -> Any:
        """What the fields hold."""
        return self.fields()

    def fields(self) -> dict[str, Any]:
        """What was filled in, as the service takes it."""
        qd = self.on.date()
        return {"status": self.status.currentData(),
                "on": dt.date(qd.year(), qd.month(), qd.day()),
                "said_by": self.said_by.text(), "note": self.note.text()}
