"""Step 'Besluit': the three JBT decisions as three clear choices, or the ZVT plan van aanpak."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.enums import DecisionKind
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.views.steps.base import MeetingEnv, StepPage, data_label, date_edit
from ui.views.steps.voices_panel import VoicesPanel
from ui.widgets.autosave import set_text_quietly
from ui.widgets.person_picker import attach_completer

CHOICES = [
    (DecisionKind.INVESTIGATION, "Raadsonderzoek",
     "De Raad voor de Kinderbescherming start een onderzoek."),
    (DecisionKind.POSTPONED_INVESTIGATION, "Uitgesteld raadsonderzoek",
     "Eerst hulp onder afspraken, met een evaluatiedatum (hoogstens 6 maanden)."),
    (DecisionKind.NO_INVESTIGATION, "Geen raadsonderzoek",
     "De Raad doet geen onderzoek; afspraken over hulp blijven mogelijk."),
]


class DecisionPage(StepPage):
    """Choices, motivation, disagreement, GI, preference, evaluation and conditions; saved as typed."""

    step = MeetingStep.DECISION

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self._loading = False
        self.voices = VoicesPanel(env)
        self.body.addWidget(self.voices)
        self.jbt = QWidget()
        jbt = QVBoxLayout(self.jbt)
        jbt.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        self.reasons: dict[str, QLabel] = {}
        for kind, title, text in CHOICES:
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            lay = QVBoxLayout(card)
            radio = QRadioButton(title)
            radio.setStyleSheet("font-size: 12pt; font-weight: 600;")
            self.group.addButton(radio)
            lay.addWidget(radio)
            explained = QLabel(text)
            explained.setWordWrap(True)  # narrow screens (150 %) wrap instead of scrolling
            lay.addWidget(explained)
            reason = data_label()
            reason.setWordWrap(True)
            reason.setStyleSheet("color: #8a5200;")
            reason.hide()
            lay.addWidget(reason)
            jbt.addWidget(card)
            self.choices[kind.value] = radio
            self.reasons[kind.value] = reason
            radio.toggled.connect(self._on_choice_toggled)
        self.disagrees = QCheckBox("De voorzitter vindt raadsonderzoek nodig en de Raad niet "
                                   "(001 §2.1.4)")
        jbt.addWidget(self.disagrees)
        self.citation = data_label()
        self.citation.setWordWrap(True)
        self.citation.setStyleSheet("color: #1a237e; font-style: italic;")
        jbt.addWidget(self.citation)
        caption = QLabel("&Motivering")
        jbt.addWidget(caption)
        self.motivation = QPlainTextEdit()
        caption.setBuddy(self.motivation)
        self.motivation.setAccessibleName("Motivering")
        self.motivation.setMinimumHeight(90)
        jbt.addWidget(self.motivation)
        self.postponed = QWidget()
        post = QVBoxLayout(self.postponed)
        post.setContentsMargins(0, 0, 0, 0)
        evaluation_label = QLabel("&Evaluatiedatum (DD-MM-JJJJ)")
        post.addWidget(evaluation_label)
        self.evaluation = date_edit("Evaluatiedatum van het uitgestelde raadsonderzoek "
                                    "(DD-MM-JJJJ)")
        evaluation_label.setBuddy(self.evaluation)
        post.addWidget(self.evaluation)
        conditions_label = QLabel("Voo&rwaarden")
        post.addWidget(conditions_label)
        self.conditions = QPlainTextEdit()
        conditions_label.setBuddy(self.conditions)
        self.conditions.setAccessibleName("Voorwaarden van het uitgestelde raadsonderzoek")
        self.conditions.setMinimumHeight(70)
        post.addWidget(self.conditions)
        jbt.addWidget(self.postponed)
        gi_label = QLabel("&Gecertificeerde instelling (GI)")
        jbt.addWidget(gi_label)
        self.institution = QComboBox()
        gi_label.setBuddy(self.institution)
        self.institution.setAccessibleName("Gecertificeerde instelling")
        jbt.addWidget(self.institution)
        self.target_groups = data_label()
        self.target_groups.setWordWrap(True)
        self.target_groups.setStyleSheet("color: #455a64;")
        jbt.addWidget(self.target_groups)
        preference_label = QLabel("Voorkeur van de &ouders")
        jbt.addWidget(preference_label)
        self.preference = QLineEdit()
        preference_label.setBuddy(self.preference)
        self.preference.setAccessibleName("Voorkeur van de ouders")
        self._institution_names = attach_completer(self.preference)
        jbt.addWidget(self.preference)
        jbt.addWidget(QLabel("Onderzoek uitbreiden naar niet-gemelde kinderen (namen, "
                             "gescheiden door komma's)"))
        self.extended = QLineEdit()
        self.extended.setAccessibleName("Onderzoek uitbreiden naar niet-gemelde kinderen")
        jbt.addWidget(self.extended)
        time_label = QLabel("&Tijd van het besluit (UU:MM) — wie er toen was, telt")
        jbt.addWidget(time_label)
        self.decided_at = QLineEdit()
        time_label.setBuddy(self.decided_at)
        self.decided_at.setAccessibleName("Tijd van het besluit (UU:MM)")
        self.decided_at.setPlaceholderText("bijvoorbeeld 10:40")
        self.decided_at.setMaximumWidth(160)
        jbt.addWidget(self.decided_at)
        self.body.addWidget(self.jbt)

        self.zvt = QWidget()
        zvt = QVBoxLayout(self.zvt)
        zvt.setContentsMargins(0, 0, 0, 0)
        zvt.addWidget(QLabel("Een Zorg- en Veiligheidstafel neemt geen JBT-besluit. Leg hier het "
                             "ene, multidisciplinaire plan van aanpak vast (003)."))
        self.plan = QPlainTextEdit()
        self.plan.setAccessibleName("Plan van aanpak (ZVT)")
        self.plan.setMinimumHeight(200)
        zvt.addWidget(self.plan)
        self.body.addWidget(self.zvt)
        self.body.addStretch(1)

        for edit in (self.motivation, self.conditions):
            edit.textChanged.connect(self._on_text_changed)
        for line in (self.preference, self.extended, self.decided_at):
            line.textEdited.connect(lambda _t: self._changed())
        self.disagrees.clicked.connect(lambda _c: self._changed())
        self.evaluation.dateChanged.connect(lambda _d: self._on_text_changed())
        self.institution.activated.connect(lambda _i: self._changed())
        self.institution.currentIndexChanged.connect(lambda _i: self._show_target_groups())
        env.saver.bind_text(self.plan, "decision.plan", lambda text: env.item_job(
            meeting_service.record_plan_of_approach, text))
        for label in self.findChildren(QLabel):  # wrap, so a 150 % screen needs no side scroll
            label.setWordWrap(True)

    def _on_choice_toggled(self, on: bool) -> None:
        if on:
            self._changed()

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._changed()

    def _kind(self) -> str | None:
        return next((k for k, r in self.choices.items() if r.isChecked()), None)

    def _fields(self) -> dict[str, Any]:
        kind = self._kind()
        qd = self.evaluation.date()
        postponed = kind == DecisionKind.POSTPONED_INVESTIGATION.value
        return {
            "kind": kind, "motivation": self.motivation.toPlainText(),
            "chair_disagrees": self.disagrees.isChecked(),
            "institution_id": self.institution.currentData(),
            "parents_preference": self.preference.text() or None,
            "evaluation_date": dt.date(qd.year(), qd.month(), qd.day()) if postponed else None,
            "conditions": self.conditions.toPlainText() if postponed else None,
            "extended_to_children": [n.strip() for n in self.extended.text().split(",")
                                     if n.strip()],
            "decided_at": self.decided_at.text().strip() or None,
        }

    def _changed(self) -> None:
        if self._loading:
            return
        fields = self._fields()
        self.postponed.setVisible(fields["kind"] == DecisionKind.POSTPONED_INVESTIGATION.value)
        if fields["kind"] is None:
            return

        self.env.saver.schedule("decision", self.env.item_job(meeting_service.take_decision,
                                                              **fields), self.jbt)

    def _show_target_groups(self) -> None:
        ctx = self.env.ctx
        gi = next((g for g in ctx.table.institutions if g.id == self.institution.currentData()),
                  None) if ctx else None
        self.target_groups.setText("Doelgroepen: " + ", ".join(gi.target_groups) if gi and
                                   gi.target_groups else "")

    def load(self, ctx: MeetingContext) -> None:
        self._loading = True
        try:
            self.institution.clear()
            self.institution.addItem("— nog niet gekozen —", None)
            for gi in ctx.table.institutions:
                self.institution.addItem(gi.name, gi.id)
            d = ctx.item.decision
            self.group.setExclusive(False)
            for kind, radio in self.choices.items():
                radio.setChecked(d is not None and d.kind.value == kind)
            self.group.setExclusive(True)
            set_text_quietly(self.motivation, d.motivation if d else "")
            set_text_quietly(self.conditions, (d.conditions or "") if d else "")
            self.disagrees.setChecked(bool(d and d.chair_disagrees))
            self.preference.setText((d.parents_preference or "") if d else "")
            self.extended.setText(", ".join(d.extended_to_children) if d else "")
            index = self.institution.findData(d.institution_id if d else None)
            self.institution.setCurrentIndex(max(0, index))
            day = d.evaluation_date if d and d.evaluation_date else \
                ctx.meeting.date + dt.timedelta(days=91)
            self.evaluation.setDate(QDate(day.year, day.month, day.day))
            set_text_quietly(self.plan, ctx.item.plan_of_approach)
        finally:
            self._loading = False
        self.postponed.setVisible(bool(d and d.kind is DecisionKind.POSTPONED_INVESTIGATION))
        self._show_target_groups()
        super().load(ctx)

    def clear(self) -> None:
        self._loading = True
        super().clear()
        self.voices.clear()
        self.institution.clear()
        self.group.setExclusive(False)
        for radio in self.choices.values():
            radio.setChecked(False)
        self.group.setExclusive(True)
        self._loading = False

    def refresh(self, ctx: MeetingContext) -> None:
        super().refresh(ctx)
        self.voices.refresh(ctx)
        self.jbt.setVisible(ctx.is_jbt_table)
        self.zvt.setVisible(not ctx.is_jbt_table)
        self._institution_names.setStringList([i.name for i in ctx.table.institutions])
        for kind, reason in ctx.allowed_decisions.items():
            radio = self.choices[kind]
            radio.setEnabled(reason is None)
            self.reasons[kind].setText(reason or "")
            self.reasons[kind].setVisible(reason is not None)
        d = ctx.item.decision
        if d is not None and not self.choices[d.kind.value].isChecked() and \
                not self.env.saver.pending:
            self._loading = True
            self.choices[d.kind.value].setChecked(True)
            self._loading = False
        self.citation.setText(ctx.decision_citation or "")
        self.citation.setVisible(bool(ctx.decision_citation))
        if not self.decided_at.hasFocus() and not self.env.saver.pending:
            self.decided_at.setText(f"{d.decided_at:%H:%M}" if d and d.decided_at else "")
