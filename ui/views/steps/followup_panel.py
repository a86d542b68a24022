"""Opvolging in the meeting: the afspraken of earlier discussions, each with how it turned out."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain import labels
from tafelapp.domain.followup import FOLLOW_UP_NL
from tafelapp.services import followup_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.views.steps.base import (
    MeetingEnv,
    date_edit,
    day_of,
    fill_table,
    message_label,
    record_table,
    selected_row_id,
    set_day,
)
from ui.widgets.person_picker import attach_completer

COLUMNS = ["Afspraak", "Wie", "Uiterlijk", "Bespreking", "Opvolging"]


def followup_text(entry: Any) -> str:
    """'nagekomen (25-11-2026, Moeder)' or 'nog niet opgevolgd'."""
    f = entry.followup
    if f is None:
        return "nog niet opgevolgd"
    return f"{FOLLOW_UP_NL[f.status.value]} ({labels.nl_date(f.on)}, {f.said_by})"


class FollowUpPanel(QWidget):
    """A table of earlier afspraken and a row to record the follow-up of the chosen one."""

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__()
        self.env = env
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("<b>Opvolging van eerdere afspraken</b>")
        layout.addWidget(self.title)
        self.table = record_table(COLUMNS, "Eerdere afspraken")
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.status = QComboBox()
        for value, label in FOLLOW_UP_NL.items():
            self.status.addItem(label, value)
        self.status.setAccessibleName("Opvolging van de gekozen eerdere afspraak")
        self.on = date_edit("Datum van de opvolging (DD-MM-JJJJ)")
        self.said_by = QLineEdit()
        self.said_by.setAccessibleName("Opvolging: wie zegt dit")
        self.said_by.setPlaceholderText("Wie zegt dit")
        self._names = attach_completer(self.said_by)
        self.note = QLineEdit()
        self.note.setAccessibleName("Opvolging: toelichting")
        self.note.setPlaceholderText("Toelichting (nodig bij deels of niet nagekomen)")
        self.record = QPushButton("&Opvolging vastleggen")
        self.note.returnPressed.connect(self.record.click)
        for widget in (self.status, self.on, self.said_by):
            row.addWidget(widget)
        row.addWidget(self.note, 1)
        row.addWidget(self.record)
        layout.addLayout(row)
        self.message = message_label()
        layout.addWidget(self.message)
        self.record.clicked.connect(self._on_record_clicked)
        self.table.itemSelectionChanged.connect(
            lambda: self.record.setEnabled(selected_row_id(self.table) is not None))
        self.record.setEnabled(False)

    def refresh(self, ctx: MeetingContext) -> None:
        """Show the earlier afspraken of the case with their follow-up."""
        self.setVisible(bool(ctx.earlier))
        if self.property("itemId") != ctx.item.id:  # reported at this meeting: its day, not today
            self.setProperty("itemId", ctx.item.id)
            set_day(self.on, ctx.item.last_day(ctx.meeting.date))
        self._names.setStringList(ctx.owner_names())
        fill_table(self.table, [
            (e.agreement.id, [e.agreement.text, e.agreement.owner,
                              labels.nl_date(e.agreement.due_date), labels.nl_date(e.made_on),
                              followup_text(e)]) for e in ctx.earlier])
        self.table.resizeRowsToContents()
        self.record.setEnabled(selected_row_id(self.table) is not None)

    def _on_record_clicked(self) -> None:
        aid = selected_row_id(self.table)
        if aid is None:
            return
        fields = {"status": self.status.currentData(), "on": day_of(self.on),
                  "said_by": self.said_by.text(), "note": self.note.text()}
        item_id = self.env.item_id

        def done(_r: object) -> None:
            self.note.clear()
            self.message.setText("")
        self.env.act(lambda s: followup_service.record_followup(s, aid, item_id=item_id,
                                                                **fields),
                     done, problems=self.message)
