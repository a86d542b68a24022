"""Agenda of one meeting: its cases in order with planned times; add, reorder, remove, start."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.meeting import Meeting
from tafelapp.domain.models import Table
from tafelapp.domain.summaries import CaseSummary
from ui.icons import icon
from ui.text import labels
from ui.widgets.header import header_row


class AgendaView(QWidget):
    """Shows the agenda; emits what the user asks, the main window calls the services."""

    item_started = Signal(str)
    case_added = Signal(str, object)
    item_moved = Signal(list)
    item_removed = Signal(str)
    back_requested = Signal()
    family_view_requested = Signal(str)
    header_edit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        top, self.back, self.header = header_row("Overzicht")
        self.back.setAccessibleName("Terug naar het overzicht")
        layout.addLayout(top)
        self.items = QListWidget()
        self.items.setAccessibleName("Agenda")
        layout.addWidget(self.items, 1)
        buttons = QHBoxLayout()
        self.start = QPushButton("Bespreking &starten")
        self.start.setAccessibleName("Bespreking van de gekozen casus starten")
        self.start.setIcon(icon("start"))
        self.up = QPushButton("&Omhoog")
        self.up.setAccessibleName("Gekozen casus omhoog op de agenda")
        self.up.setIcon(icon("up"))
        self.down = QPushButton("Om&laag")
        self.down.setAccessibleName("Gekozen casus omlaag op de agenda")
        self.down.setIcon(icon("down"))
        self.remove = QPushButton("Van agenda &halen")
        self.remove.setAccessibleName("Gekozen casus van de agenda halen")
        self.remove.setIcon(icon("remove"))
        self.family = QPushButton("&Gezinsoverzicht")
        self.family.setAccessibleName("Gezinsoverzicht van de gekozen casus")
        self.family.setIcon(icon("family"))
        self.edit_header = QPushButton("Gegevens &wijzigen…")
        self.edit_header.setAccessibleName("Gegevens van de bespreking wijzigen")
        self.edit_header.setToolTip("Datum, tijd, plek, voorzitter en secretaris (tot het "
                                    "ondertekenen begint)")
        for b in (self.start, self.family, self.edit_header):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        order = QHBoxLayout()  # a second row: both fit at 1280×720, also at 150 %
        for b in (self.up, self.down, self.remove):
            order.addWidget(b)
        order.addStretch(1)
        layout.addLayout(order)
        add = QHBoxLayout()
        choice_label = QLabel("&Casus toevoegen:")
        add.addWidget(choice_label)
        self.case_choice = QComboBox()
        self.case_choice.setAccessibleName("Casus om toe te voegen")
        choice_label.setBuddy(self.case_choice)
        add.addWidget(self.case_choice, 1)
        time_label = QLabel("o&m")
        add.addWidget(time_label)
        self.planned = QTimeEdit()
        self.planned.setDisplayFormat("HH:mm")
        self.planned.setAccessibleName("Geplande tijd (UU:MM) van de casus om toe te voegen")
        time_label.setBuddy(self.planned)
        add.addWidget(self.planned)
        self.add = QPushButton("&Toevoegen")
        self.add.setAccessibleName("Casus op de agenda zetten")
        self.add.setIcon(icon("add"))
        add.addWidget(self.add)
        layout.addLayout(add)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)  # two lines kept free: a message moves nothing
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)
        layout.addWidget(self.message)

        self.back.clicked.connect(self.back_requested)
        self.start.clicked.connect(self._on_start_clicked)
        self.items.itemActivated.connect(lambda _i: self._on_start_clicked())
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove.clicked.connect(self._on_remove_clicked)
        self.add.clicked.connect(self._on_add_clicked)
        self.edit_header.clicked.connect(self.header_edit_requested)
        self.family.clicked.connect(lambda: self._emit_selected(self.family_view_requested))

    def show_meeting(self, meeting: Meeting, table: Table, case_numbers: dict[str, str],
                     candidates: list[CaseSummary]) -> None:
        """Show a meeting's agenda and the cases of its table that can still be added."""
        when = meeting.date.strftime("%d-%m-%Y")
        self.header.setText(f"{table.name} — {when}, {labels.LOCATION[meeting.location_kind]}"
                            + (f" ({meeting.location_text})" if meeting.location_text else ""))
        selected = self.selected_id()
        self.items.clear()
        for item in meeting.agenda:
            time = item.planned_start.strftime("%H:%M") if item.planned_start else "--:--"
            row = QListWidgetItem(f"{time}   {case_numbers.get(item.case_id, '?')}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.items.addItem(row)
            if item.id == selected:
                self.items.setCurrentItem(row)
        if self.items.currentRow() < 0 and self.items.count():
            self.items.setCurrentRow(0)
        self.case_choice.clear()
        for c in candidates:
            self.case_choice.addItem(f"{c.case_number} — {c.family_name}", c.id)
        self.add.setEnabled(bool(candidates))
        if meeting.start:
            self.planned.setTime(QTime(meeting.start.hour, meeting.start.minute))
        self.message.setText("")

    def clear(self) -> None:
        """Forget the meeting (on lock)."""
        self.items.clear()
        self.case_choice.clear()
        self.header.setText("")

    def selected_id(self) -> str | None:
        """The id of the selected agenda item."""
        row = self.items.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row else None

    def _emit_selected(self, signal: SignalInstance) -> None:
        item_id = self.selected_id()
        if item_id:
            signal.emit(item_id)

    def _on_start_clicked(self) -> None:
        self._emit_selected(self.item_started)

    def _move(self, delta: int) -> None:
        row = self.items.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.items.count():
            return
        ids = [self.items.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(self.items.count())]
        ids[row], ids[target] = ids[target], ids[row]
        self.item_moved.emit(ids)

    def _on_remove_clicked(self) -> None:
        item_id = self.selected_id()
        if not item_id:
            return
        answer = QMessageBox.question(
            self, "Van de agenda halen",
            "Deze casus van de agenda halen? Wat bij deze bespreking is vastgelegd, wordt dan "
            "ook verwijderd.")
        if answer == QMessageBox.StandardButton.Yes:
            self.item_removed.emit(item_id)

    def _on_add_clicked(self) -> None:
        case_id = self.case_choice.currentData()
        if case_id:
            t = self.planned.time()
            import datetime as dt
            self.case_added.emit(case_id, dt.time(t.hour(), t.minute()))
