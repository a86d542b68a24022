"""Dialog to plan a meeting, or change its header (date, times, place, chair, secretary)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
)

from tafelapp.domain.meeting import Meeting
from tafelapp.domain.models import Table
from tafelapp.services.directory_service import Directory
from tafelapp.services.roster_service import next_usual_date
from ui.text import labels
from ui.views.steps.base import date_edit
from ui.widgets.discard_guard import DiscardGuard
from ui.widgets.message_area import MessageArea
from ui.widgets.person_picker import PersonPicker


class NewMeetingDialog(DiscardGuard, QDialog):
    """Collects the fields of `schedule_for_table` (or `update_header`); the service checks them.

    Chair and secretary are picked from the address book and start as the table's usual ones;
    date, time and place start as the table's usual day, time and place. Escape asks before
    anything typed is thrown away.
    """

    def __init__(self, tables: list[Table], parent: Any = None, book: Directory | None = None,
                 meeting: Meeting | None = None, family_address: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Gegevens van de bespreking" if meeting else "Nieuwe bespreking")
        self._tables = {t.id: t for t in tables}
        self._book = book or Directory([], [])
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.table = QComboBox()
        self.table.setAccessibleName("Tafel van de bespreking")
        for t in tables:
            self.table.addItem(t.name, t.id)
        self.date = date_edit("Datum")
        self.start = QTimeEdit(QTime(9, 0))
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName("Begintijd van de bespreking")
        self.end = QTimeEdit(QTime(10, 30))
        self.end.setDisplayFormat("HH:mm")
        self.end.setAccessibleName("Eindtijd van de bespreking")
        self.location_kind = QComboBox()
        self.location_kind.setAccessibleName("Soort locatie")
        for value, label in labels.LOCATION.items():
            self.location_kind.addItem(label, value)
        self.location_text = QLineEdit()
        self.location_text.setAccessibleName("Adres of zaal")
        people = [(p.id, self._book.label(p), p.name) for p in self._book.people]
        self.chair = PersonPicker("Voorzitter")
        self.secretary = PersonPicker("Secretaris")
        for picker in (self.chair, self.secretary):
            picker.set_people(people)
        form.addRow("&Tafel", self.table)
        form.addRow("&Datum", self.date)
        form.addRow("&Begin", self.start)
        form.addRow("&Einde", self.end)
        form.addRow("&Locatie", self.location_kind)
        form.addRow("&Adres of zaal", self.location_text)
        form.addRow("&Voorzitter", self.chair)
        form.addRow("&Secretaris", self.secretary)
        layout.addLayout(form)
        self.message = MessageArea(2, "Melding bij de bespreking", "color: #c62828;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Opslaan" if meeting else "Inplannen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._family_address = family_address
        self.location_kind.currentIndexChanged.connect(lambda _i: self._on_location_changed())
        if meeting is not None:
            self._show_meeting(meeting)
        else:
            self.table.currentIndexChanged.connect(lambda _i: self._apply_table_defaults())
            self._apply_table_defaults()
        self.mark_clean()

    def typed_state(self) -> Any:
        """What the fields hold (a change of the table's defaults counts as typed)."""
        return self.fields()

    def _on_location_changed(self) -> None:
        """At the family's home, the address is the family's (known from the case)."""
        if self.location_kind.currentData() == "FAMILY_HOME" and self._family_address:
            self.location_text.setText(self._family_address)

    def _name(self, person_id: str | None) -> str:
        person = self._book.person(person_id)
        return person.name if person else ""

    def _apply_table_defaults(self) -> None:
        table = self._tables.get(self.table.currentData() or "")
        if table is None:
            return
        day = next_usual_date(table.weekday, dt.date.today())
        self.date.setDate(QDate(day.year, day.month, day.day))
        if table.usual_start:
            start = table.usual_start
            self.start.setTime(QTime(start.hour, start.minute))
            self.end.setTime(QTime(start.hour, start.minute).addSecs(90 * 60))
        self.location_text.setText(table.place or "")
        self.chair.setText(self._name(table.default_chair_id))
        self.secretary.setText(self._name(table.default_secretary_id))

    def _show_meeting(self, meeting: Meeting) -> None:
        self.table.setCurrentIndex(max(0, self.table.findData(meeting.table_id)))
        self.table.setEnabled(False)
        self.date.setDate(QDate(meeting.date.year, meeting.date.month, meeting.date.day))
        if meeting.start:
            self.start.setTime(QTime(meeting.start.hour, meeting.start.minute))
        if meeting.end:
            self.end.setTime(QTime(meeting.end.hour, meeting.end.minute))
        self.location_kind.setCurrentIndex(max(0, self.location_kind.findData(
            meeting.location_kind.value)))
        self.location_text.setText(meeting.location_text or "")
        self.chair.setText(meeting.chair)
        self.secretary.setText(meeting.secretary or "")

    def fields(self) -> dict[str, Any]:
        """The values as keyword arguments for `schedule_for_table` / `update_header`."""
        qd, s, e = self.date.date(), self.start.time(), self.end.time()
        return {"table_id": self.table.currentData(),
                "date": dt.date(qd.year(), qd.month(), qd.day()),
                "start": dt.time(s.hour(), s.minute()), "end": dt.time(e.hour(), e.minute()),
                "location_kind": self.location_kind.currentData(),
                "location_text": self.location_text.text() or None,
                "chair": self.chair.text().strip() or None,
                "chair_id": self.chair.person_id(),
                "secretary": self.secretary.text().strip() or None,
                "secretary_id": self.secretary.person_id()}
