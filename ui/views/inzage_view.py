"""Inzage (AVG art. 15): pick a person, record the request, preview, export, ask for a correction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.inzage import Candidate
from ui.icons import icon
from ui.widgets.header import header_row
from ui.widgets.person_picker import PersonPicker


class InzageView(QWidget):
    """Layout only; the controller calls the inzage service on the worker."""

    back_requested = Signal()
    request_requested = Signal(str, object, str)  # person key, received on, note
    export_requested = Signal(str)  # folder
    folder_requested = Signal()
    rectify_requested = Signal(str, str)  # minutes id, correction

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        top, self.back, _title = header_row("Overzicht", "Inzage: wat bewaren wij over iemand?")
        layout.addLayout(top)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.person = PersonPicker("Persoon", "Typ een deel van de naam of het casusnummer…")
        form.addRow("&Persoon:", self.person)
        self.found = QLabel("Kies een ouder, jeugdige of professional uit de lijst.")
        self.found.setWordWrap(True)
        self.found.setAccessibleName("Waar deze persoon in staat")
        form.addRow("Staat in:", self.found)
        self.received = QDateEdit()
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("dd-MM-yyyy")
        self.received.setDate(QDate.currentDate())
        self.received.setAccessibleName("Datum ontvangen")
        form.addRow("&Ontvangen op:", self.received)
        self.note = QLineEdit()
        self.note.setAccessibleName("Notitie bij het verzoek")
        self.note.setPlaceholderText("Bijvoorbeeld: identiteit gecontroleerd met paspoort")
        form.addRow("&Notitie:", self.note)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(Path.home()))
        self.folder.setAccessibleName("Map voor de export")
        self.choose_folder = QPushButton("Kies map…")
        self.choose_folder.setAccessibleName("Kies de map voor de export")
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder)
        folder_label = QLabel("&Map:")
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.record = QPushButton("Verzoek &vastleggen")
        self.record.setAccessibleName("Inzageverzoek vastleggen en voorbeeld tonen")
        self.export = QPushButton("&Exporteren (PDF en JSON)")
        self.export.setIcon(icon("pdf"))
        self.export.setAccessibleName("Inzage exporteren als PDF en JSON")
        buttons.addWidget(self.record)
        buttons.addWidget(self.export)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Voorbeeld van de inzage")
        layout.addWidget(self.preview, 1)
        fix = QHBoxLayout()
        self.minutes = QComboBox()
        self.minutes.setAccessibleName("Notulen om te verbeteren")
        self.minutes.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.minutes.setMinimumContentsLength(14)  # the full label is in the drop-down
        self.correction = QLineEdit()
        self.correction.setAccessibleName("Correctie die het gezin vraagt")
        self.correction.setPlaceholderText("Wat klopt er niet, en hoe moet het zijn?")
        self.rectify = QPushButton("&Rectificatie maken")
        self.rectify.setAccessibleName("Rectificatie maken bij dit verzoek")
        fix_label = QLabel("&Correctie:")
        fix_label.setBuddy(self.correction)
        fix.addWidget(fix_label)
        fix.addWidget(self.minutes)
        fix.addWidget(self.correction, 1)
        fix.addWidget(self.rectify)
        layout.addLayout(fix)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Melding")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        for label in (self.found, self.message):
            # Two lines, always: a message that appears or wraps never re-lays out the window
            # (the other screens in the stack ask more width than a 150 % screen has)
            label.setFixedHeight(2 * label.fontMetrics().lineSpacing() + 4)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.request_id: str | None = None
        self._key: str | None = None
        self._labels: dict[str, str] = {}
        self.back.clicked.connect(self.back_requested)
        self.person.picked.connect(self._on_person_picked)
        self.person.textEdited.connect(self._on_person_edited)
        self.record.clicked.connect(self._on_record_clicked)
        self.export.clicked.connect(lambda: self.export_requested.emit(self.folder.text().strip()))
        self.choose_folder.clicked.connect(self.folder_requested)
        self.rectify.clicked.connect(lambda: self.rectify_requested.emit(
            self.minutes.currentData() or "", self.correction.text()))
        self._set_request(None)

    def set_people(self, people: list[Candidate]) -> None:
        """Everyone who can be picked, each once with the cases and roles they appear in."""
        self._labels = {c.key: c.label for c in people}
        self.person.set_people([(c.key, c.label, c.name) for c in people])

    def _on_person_picked(self, key: str) -> None:
        self._key = key
        self.found.setText(self._labels.get(key, "").partition(" — ")[2] or "het adresboek")
        self._set_request(None)

    def _on_person_edited(self, _text: str) -> None:
        self._key = None
        self.found.setText("Kies een persoon uit de lijst (↓ en Enter).")

    def _on_record_clicked(self) -> None:
        key = self._key or self.person.person_id()
        if not key:
            self.show_message("Kies eerst een persoon uit de lijst: typ een deel van de naam en "
                              "kies met ↓ en Enter.", error=True)
            self.person.setFocus()
            return
        self.request_requested.emit(key, self.received.date().toPython(), self.note.text())

    def _set_request(self, request_id: str | None) -> None:
        self.request_id = request_id
        for widget in (self.export, self.minutes, self.correction, self.rectify):
            widget.setEnabled(request_id is not None)

    def show_request(self, request_id: str, html: str, minutes: list[tuple[str, str]]) -> None:
        """A recorded request: its preview, and the notulen a correction can be made to."""
        self._set_request(request_id)
        self.preview.setHtml(html)
        self.minutes.clear()
        for minutes_id, label in minutes:
            self.minutes.addItem(label, minutes_id)
        if not minutes:
            self.minutes.addItem("Geen vastgestelde notulen", None)
            self.rectify.setEnabled(False)
            self.correction.setEnabled(False)
        self.show_message("Het verzoek is vastgelegd. Lees het voorbeeld na en exporteer dan.")

    def show_message(self, text: str, error: bool = False) -> None:
        """A result or a refusal, in words."""
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)

    def received_on(self) -> dt.date:
        """The date the request was received."""
        day = self.received.date().toPython()
        assert isinstance(day, dt.date)
        return day

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self.person.clear()
        self.note.clear()
        self.correction.clear()
        self.preview.clear()
        self.minutes.clear()
        self.message.clear()
        self._key = None
        self._labels = {}
        self.person.set_people([])
        self._set_request(None)
