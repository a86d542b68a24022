"""Step 'Afspraken': what / who / by when / kind (doel, voorwaarde, afspraak) / consequence."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from tafelapp.domain import labels
from tafelapp.domain.enums import AgreementKind
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.icons import icon
from ui.views.steps.base import (
    MeetingEnv,
    StepPage,
    date_edit,
    day_of,
    fill_table,
    message_label,
    record_table,
    selected_row_id,
    set_day,
)
from ui.views.steps.followup_panel import FollowUpPanel
from ui.widgets.person_picker import attach_completer

# two columns, each cell on lines of its own: readable at 150 % without scrolling sideways
COLUMNS = ["Afspraak (en als het niet lukt)", "Wie · uiterlijk · soort · status"]


class AgreementsPage(StepPage):
    """The agreements table with an add form; a voorwaarde needs its consequence."""

    step = MeetingStep.AGREEMENTS

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self.followups = FollowUpPanel(env)
        self.body.addWidget(self.followups)
        self.body.addWidget(QLabel("<b>Afspraken van deze bespreking</b>"))
        self.table = record_table(COLUMNS, "Afspraken van deze bespreking")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.table)
        row = QHBoxLayout()
        status_label = QLabel("St&atus van de gekozen afspraak:")
        row.addWidget(status_label)
        self.status = QComboBox()
        for value, label in labels.AGREEMENT_STATUS.items():
            self.status.addItem(label, value)
        self.status.setAccessibleName("Status van de gekozen afspraak")
        status_label.setBuddy(self.status)
        row.addWidget(self.status)
        self.remove = QPushButton("&Verwijderen")
        self.remove.setAccessibleName("De gekozen afspraak verwijderen")
        self.remove.setIcon(icon("remove"))
        row.addWidget(self.remove)
        row.addStretch(1)
        self.body.addLayout(row)

        self.body.addWidget(QLabel("<b>Afspraak toevoegen</b>"))
        form = QFormLayout()
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Nieuwe afspraak: wat")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(70)
        self.kind = QComboBox()
        for value, label in labels.AGREEMENT_KIND.items():
            self.kind.addItem(label, value)
        self.kind.setCurrentIndex(self.kind.findData(AgreementKind.ARRANGEMENT.value))
        self.kind.setAccessibleName("Nieuwe afspraak: soort")
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Nieuwe afspraak: wie")
        self.owner.setPlaceholderText("Typ een paar letters: deelnemers en adresboek")
        self._owners = attach_completer(self.owner)
        self.has_due = QCheckBox("met &datum")
        self.has_due.setAccessibleName("Nieuwe afspraak: met datum uiterlijk")
        self.due = date_edit("Nieuwe afspraak: uiterlijk (DD-MM-JJJJ)")
        self.due.setEnabled(False)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)
        self.consequence = QPlainTextEdit()
        self.consequence.setAccessibleName("Nieuwe afspraak: als het niet lukt")
        self.consequence.setTabChangesFocus(True)
        self.consequence.setMaximumHeight(60)
        form.addRow("&Wat", self.text)
        form.addRow("&Soort", self.kind)
        form.addRow("W&ie", self.owner)
        due_label = QLabel("&Uiterlijk")  # a row of widgets has no buddy of its own: name it
        due_label.setBuddy(self.due)
        form.addRow(due_label, due_row)
        form.addRow("Als het &niet lukt", self.consequence)
        self.body.addLayout(form)
        self.add = QPushButton("Afspraak &toevoegen")
        self.add.setToolTip("Afspraak toevoegen (Alt+T)")
        self.add.setIcon(icon("add"))
        self.body.addWidget(self.add)
        self.message = message_label()
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.kind.currentIndexChanged.connect(lambda _i: self._sync_kind())
        self.add.clicked.connect(self._on_add_clicked)
        self.status.activated.connect(self._on_status_activated)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.table.itemSelectionChanged.connect(self._sync_selection)
        self._sync_kind()

    def primary(self) -> QWidget:
        return self.add

    def first_field(self) -> QWidget:
        return self.text  # a new afspraak is typed at once; the tables are a Tab away

    def load(self, ctx: MeetingContext) -> None:
        """A new afspraak is due two weeks after the discussion (or at the next moment)."""
        day = ctx.item.next_moment or ctx.item.last_day(ctx.meeting.date) + dt.timedelta(days=14)
        set_day(self.due, day)
        super().load(ctx)

    def _sync_kind(self) -> None:
        self.consequence.setEnabled(self.kind.currentData() == AgreementKind.CONDITION.value)

    def refresh(self, ctx: MeetingContext) -> None:
        super().refresh(ctx)
        self._owners.setStringList(ctx.owner_names())
        self.followups.refresh(ctx)
        fill_table(self.table, [
            (a.id, [a.text + (f"\nAls het niet lukt: {a.consequence}" if a.consequence else ""),
                    a.owner + "\n" + " · ".join(part for part in (
                        f"uiterlijk {labels.nl_date(a.due_date)}" if a.due_date else "",
                        labels.AGREEMENT_KIND[a.kind.value],
                        labels.AGREEMENT_STATUS[a.status.value]) if part)])
            for a in ctx.item.agreements])
        self.table.resizeRowsToContents()
        self._sync_selection()

    def _selected_id(self) -> str | None:
        return selected_row_id(self.table)

    def _sync_selection(self) -> None:
        aid = self._selected_id()
        self.status.setEnabled(aid is not None)
        self.remove.setEnabled(aid is not None)
        ctx = self.env.ctx
        if aid and ctx:
            current = next((a for a in ctx.item.agreements if a.id == aid), None)
            if current:
                self.status.setCurrentIndex(self.status.findData(current.status.value))

    def _on_add_clicked(self) -> None:
        fields = {"text": self.text.toPlainText(), "kind": self.kind.currentData(),
                  "owner": self.owner.text(),
                  "due_date": day_of(self.due) if self.has_due.isChecked() else None,
                  "consequence": self.consequence.toPlainText() or None
                  if self.consequence.isEnabled() else None}

        def done(_r: object) -> None:
            self.text.clear()
            self.owner.clear()
            self.consequence.clear()
            self.message.setText("")
            self.text.setFocus()
        self.env.act(self.env.item_job(meeting_service.add_agreement, **fields), done,
                     problems=self.message)

    def _on_status_activated(self, _index: int) -> None:
        aid = self._selected_id()
        if aid:
            status = self.status.currentData()
            self.env.act(self.env.item_job(meeting_service.set_agreement_status, aid, status),
                         problems=self.message)

    def _on_remove_clicked(self) -> None:
        aid = self._selected_id()
        if aid:
            self.env.act(self.env.item_job(meeting_service.remove_agreement, aid),
                         problems=self.message)
