"""Before the decision: the family's own voice (each parent, each young person of 12+) and a
professional's dissent with the reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain import labels
from tafelapp.domain.enums import FamilyStance
from tafelapp.services import voice_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.views.steps.base import MeetingEnv, data_label, message_label


class VoiceRow:
    """One person's view, whether they agree, and their words (or why they were not asked)."""

    def __init__(self, grid: QGridLayout, row: int, participant_id: str, name: str,
                 role: str = "") -> None:
        self.participant_id = participant_id
        who = f"{role} {name}".strip()
        self.name = QLabel(f"<b>{name}</b>" + (f" ({role})" if role else ""))
        self.view = QLineEdit()
        self.view.setAccessibleName(f"Hoe ziet {who} de zorgen?")
        self.view.setPlaceholderText("Hoe ziet deze persoon de zorgen?")
        self.stance = QComboBox()
        self.stance.addItem("— eens met het besluit? —", "")
        for value, label in labels.FAMILY_STANCE.items():
            self.stance.addItem(label, value)
        self.stance.setAccessibleName(f"Eens met het besluit? — {who}")
        self.words = QLineEdit()
        self.words.setAccessibleName(f"In eigen woorden — {who}")
        self.words.setPlaceholderText("In eigen woorden")
        self.save = QPushButton("Vastleggen")
        self.save.setAccessibleName(f"Stem van {who} vastleggen")
        self.save.setToolTip(f"De stem van {who} vastleggen (Enter in een veld van deze rij)")
        # three lines per person, so it fits a 1280×720 screen at 150 % without scrolling sideways
        grid.addWidget(self.name, row * 3, 0, 1, 3)
        grid.addWidget(self.view, row * 3 + 1, 0, 1, 3)
        grid.addWidget(self.stance, row * 3 + 2, 0)
        grid.addWidget(self.words, row * 3 + 2, 1)
        grid.addWidget(self.save, row * 3 + 2, 2)
        self.stance.currentIndexChanged.connect(lambda _i: self._sync())
        for line in (self.view, self.words):  # Enter in the row stores the row
            line.returnPressed.connect(self.save.click)
            line.textEdited.connect(self._mark_typed)
        self.stance.activated.connect(self._mark_typed)
        self._typed = False  # typed since the last fill and not stored yet

    def _mark_typed(self, *_args: object) -> None:
        self._typed = True

    def _sync(self) -> None:
        asked = self.stance.currentData() != FamilyStance.NOT_ASKED.value
        self.words.setPlaceholderText("In eigen woorden" if asked else "Waarom niet gevraagd?")

    def fill(self, voice: Any) -> None:
        """Show what was recorded; what the person typed and has not stored yet stays (a reload
        after a save elsewhere never takes words away) until the record holds the same."""
        def plain(values: dict[str, Any]) -> dict[str, Any]:
            return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
        if self._typed and plain(self.fields()) != plain(self._as_fields(voice)):
            return
        self._typed = False
        self.view.setText(voice.view if voice else "")
        self.stance.setCurrentIndex(max(0, self.stance.findData(
            voice.stance.value if voice and voice.stance else "")))
        self.words.setText((voice.not_asked_reason or "") if voice and voice.stance is
                           FamilyStance.NOT_ASKED else (voice.own_words if voice else ""))
        self._sync()

    @staticmethod
    def _as_fields(voice: Any) -> dict[str, Any]:
        """A recorded voice in the shape of `fields()` (nothing recorded: empty)."""
        if voice is None:
            return {"view": "", "stance": None, "own_words": "", "not_asked_reason": None}
        not_asked = voice.stance is FamilyStance.NOT_ASKED
        return {"view": voice.view, "stance": voice.stance.value if voice.stance else None,
                "own_words": "" if not_asked else voice.own_words,
                "not_asked_reason": voice.not_asked_reason if not_asked else None}

    def fields(self) -> dict[str, Any]:
        """As the service takes it."""
        stance = self.stance.currentData() or None
        not_asked = stance == FamilyStance.NOT_ASKED.value
        return {"view": self.view.text(), "stance": stance,
                "own_words": "" if not_asked else self.words.text(),
                "not_asked_reason": self.words.text() if not_asked else None}


class VoicesPanel(QWidget):
    """The family's voice, one row per person, and the dissents of professionals."""

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__()
        self.env = env
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Stem van het gezin</b> — vraag het vóór het besluit"))
        self.rows_box = QWidget()
        self.grid = QGridLayout(self.rows_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        layout.addWidget(self.rows_box)
        self.rows: list[VoiceRow] = []
        layout.addWidget(QLabel("<b>Afwijkend standpunt</b> van een professional aan tafel"))
        self.dissents = data_label()
        self.dissents.setWordWrap(True)
        layout.addWidget(self.dissents)
        line = QHBoxLayout()
        self.dissenter = QComboBox()
        self.dissenter.setAccessibleName("Afwijkend standpunt: wie is het niet eens")
        self.dissenter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dissenter.setMinimumContentsLength(18)
        self.dissent_reason = QLineEdit()
        self.dissent_reason.setAccessibleName("Afwijkend standpunt: reden")
        self.dissent_reason.setPlaceholderText("Waarom niet eens met het besluit?")
        self.add_dissent = QPushButton("Afwijkend standpunt vastleggen")
        self.add_dissent.setAccessibleName("Afwijkend standpunt vastleggen")
        self.add_dissent.setToolTip("Het afwijkende standpunt vastleggen (Enter in de reden)")
        self.dissent_reason.returnPressed.connect(self.add_dissent.click)
        line.addWidget(self.dissenter)
        line.addWidget(self.dissent_reason, 1)
        line.addWidget(self.add_dissent)
        layout.addLayout(line)
        self.message = message_label()
        layout.addWidget(self.message)
        self.add_dissent.clicked.connect(self._on_add_dissent_clicked)

    def _drop_rows(self) -> None:
        for row in self.rows:
            for widget in (row.name, row.view, row.stance, row.words, row.save):
                widget.hide()
                widget.deleteLater()
        self.rows = []

    def clear(self) -> None:
        """On lock: no name stays on screen (rows and the list of professionals go)."""
        self._drop_rows()
        self.dissenter.clear()
        self.dissents.clear()

    def refresh(self, ctx: MeetingContext) -> None:
        """One row per parent and young person of 12+, filled with what was recorded."""
        members = ctx.family_members()
        if [r.participant_id for r in self.rows] != [p.id for p in members]:
            self._drop_rows()
            for index, person in enumerate(members):
                row = VoiceRow(self.grid, index, person.id, person.name,
                               labels.ROLE[person.role.value])
                row.save.clicked.connect(lambda _c=False, r=row: self._on_save_clicked(r))
                self.rows.append(row)
        voices = {v.participant_id: v for v in ctx.item.family_voices}
        for row in self.rows:
            row.fill(voices.get(row.participant_id))
        names = {p.id: p for p in ctx.item.participants}
        self.dissents.setText("<br/>".join(
            f"• {names[d.participant_id].name if d.participant_id in names else '?'}: {d.reason}"
            for d in ctx.item.dissents) or "Geen.")
        current = self.dissenter.currentData()
        self.dissenter.clear()
        for p in ctx.item.participants:
            if p.takes_part and p.role.value not in ("PARENT", "CHILD"):
                self.dissenter.addItem(f"{p.name} ({labels.ROLE[p.role.value]})", p.id)
        self.dissenter.setCurrentIndex(max(0, self.dissenter.findData(current)))

    def _on_save_clicked(self, row: VoiceRow) -> None:
        fields = row.fields()
        self.env.act(self.env.item_job(voice_service.record_family_voice, row.participant_id,
                                       **fields),
                     lambda _r: self.message.setText(""), problems=self.message)

    def _on_add_dissent_clicked(self) -> None:
        who = self.dissenter.currentData()
        if not who:
            return
        reason = self.dissent_reason.text()

        def done(_r: object) -> None:
            self.dissent_reason.clear()
            self.message.setText("")
        self.env.act(self.env.item_job(voice_service.record_dissent, who, reason), done,
                     problems=self.message)
