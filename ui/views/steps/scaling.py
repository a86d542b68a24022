"""Step 'Schaalvragen': a 0–10 control per respondent, and earlier scores of this case as a chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from tafelapp.domain import labels
from tafelapp.domain.enums import Attendance, Role
from tafelapp.domain.meeting import STANDARD_SCALING_QUESTION, Participant
from tafelapp.domain.score_input import parse_score, score_problem
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.text import problem_line
from ui.views.steps.base import MeetingEnv, StepPage, data_label, message_label
from ui.widgets.score_chart import ScoreChart

NOT_ANSWERED = -1


class ScoreBox(QSpinBox):
    """A 0–10 field that lets 11, −1 or 7,5 be typed, so it can say why that is no score (a plain
    spin box swallows the keystroke and keeps '1'); the refused text is never stored and the last
    valid score comes back."""

    def __init__(self, message: QLabel, who: str) -> None:
        super().__init__()
        self.message = message
        self.who = who
        self.setRange(NOT_ANSWERED, 10)
        self.setSpecialValueText("—")
        self.setKeyboardTracking(False)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000") + 40)

    def validate(self, text: str, pos: int) -> Any:
        # anything may be typed; whether it is a score is the domain's to say, on Enter / leaving
        state = (QValidator.State.Acceptable if score_problem(text) is None
                 else QValidator.State.Intermediate)
        return state, text, pos

    def valueFromText(self, text: str) -> int:
        if score_problem(text) is not None:
            return self.value()
        score = parse_score(text)
        return NOT_ANSWERED if score is None else score

    def textFromValue(self, value: int) -> str:
        return "—" if value == NOT_ANSWERED else str(value)

    def check_typed(self) -> bool:
        """Say at the field when the typed text is no score; True when it is one (or empty)."""
        problem = score_problem(self.lineEdit().text())
        if problem is None:
            self.message.setText("")
            return True
        kept = self.textFromValue(self.value())
        self.message.setText(f"{problem_line(problem)}. "
                             + ("Er staat nog geen score." if self.value() == NOT_ANSWERED
                                else f"Opgeslagen blijft {kept}."))
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.check_typed():
            self.lineEdit().setText(self.textFromValue(self.value()))
            self.lineEdit().selectAll()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if not self.check_typed():
            self.lineEdit().setText(self.textFromValue(self.value()))
        super().focusOutEvent(event)


class ScalingPage(StepPage):
    """Each present participant (not the secretary) answers; the chart shows movement over time."""

    step = MeetingStep.SCALING

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self.question = data_label()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-style: italic; background: #eceff1; padding: 6px;")
        self.body.addWidget(self.question)
        self.rows_box = QWidget()
        self.rows = QFormLayout(self.rows_box)
        self.body.addWidget(self.rows_box)
        self.body.addWidget(QLabel("Scores van eerdere besprekingen en nu:"))
        self.chart = ScoreChart()
        self.body.addWidget(self.chart)
        self.body.addStretch(1)
        self.spins: dict[str, ScoreBox] = {}
        self.how: dict[str, QComboBox] = {}

    def refresh(self, ctx: MeetingContext) -> None:
        super().refresh(ctx)
        self.question.setText(STANDARD_SCALING_QUESTION)
        answers = {a.participant_id: a.score for a in ctx.item.scaling_answers}
        given = {a.participant_id: a.given for a in ctx.item.scaling_answers}
        # at the table first; then whoever was not, whose score is shown with how it was given
        # (here and in the notulen alike)
        respondents = [p for p in ctx.item.participants
                       if p.role is not Role.SECRETARY and p.attendance is Attendance.PRESENT]
        respondents += [p for p in ctx.item.participants
                        if p.role is not Role.SECRETARY and p.attendance is not Attendance.PRESENT]
        focused = next((pid for pid, spin in self.spins.items() if spin.hasFocus()), None)
        if [p.id for p in respondents] != list(self.spins):
            self._set_rows(respondents)
        for pid, spin in self.spins.items():
            if pid != focused:
                spin.blockSignals(True)
                spin.setValue(answers.get(pid, NOT_ANSWERED))
                spin.blockSignals(False)
        for pid, how in self.how.items():
            how.blockSignals(True)
            current = given.get(pid)
            how.setCurrentIndex(max(0, how.findData(current.value if current else "")))
            how.blockSignals(False)
        names = {p.id: p.name for p in ctx.item.participants}
        points = [(pt.date, pt.respondent, pt.score) for pt in ctx.score_history]
        points += [(ctx.meeting.date, names[a.participant_id], a.score)
                   for a in ctx.item.scaling_answers if a.participant_id in names]
        self.chart.set_points(points)

    def clear(self) -> None:
        super().clear()
        self._set_rows([])
        self.chart.set_points([])

    def _set_rows(self, respondents: list[Participant]) -> None:
        """One labelled 0–10 control per respondent (rebuilt only when the people change)."""
        while self.rows.rowCount():
            self.rows.removeRow(0)
        self.spins = {}
        self.how = {}
        for p in respondents:
            role = labels.ROLE[p.role.value]
            message = message_label()
            message.setProperty("caseData", False)  # kept while the row lives; emptied with it
            spin = ScoreBox(message, p.name)
            spin.setAccessibleName(f"Score (0 tot en met 10) van {role} {p.name}")
            spin.valueChanged.connect(lambda value, pid=p.id: self._save(pid, value))
            label = f"{p.name} ({role})"
            self.spins[p.id] = spin
            row = QHBoxLayout()
            row.addWidget(spin)
            if p.attendance is Attendance.PRESENT:
                row.addWidget(message, 1)
                self.rows.addRow(label, row)
                continue
            how = QComboBox()
            how.addItem("hoe gegeven?", "")
            for value, text in labels.SCORE_GIVEN.items():
                how.addItem(text, value)
            how.setAccessibleName(f"Hoe gaf {role} {p.name} de score")
            how.activated.connect(lambda _i, pid=p.id: self._save(pid, self.spins[pid].value()))
            row.addWidget(how)
            row.addWidget(message, 1)
            self.rows.addRow(f"{label} — niet aan tafel", row)
            self.how[p.id] = how

    def _save(self, participant_id: str, value: int) -> None:
        how = self.how.get(participant_id)
        given = (how.currentData() or None) if how is not None else None
        job = (self.env.item_job(meeting_service.remove_scaling_answer, participant_id)
               if value == NOT_ANSWERED else
               self.env.item_job(meeting_service.record_scaling_answer, participant_id, value,
                                 given=given))
        self.env.saver.schedule(f"scaling.{participant_id}", job, self.spins.get(participant_id))
