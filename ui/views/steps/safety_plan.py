"""Step 'Veiligheidsplan': krachten, zorgen, wat moet er nu gebeuren, grootste zorg, visie gezin, doelen."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit

from tafelapp.domain import labels
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.views.steps.base import MeetingEnv, StepPage, data_label
from ui.widgets.autosave import set_text_quietly

FIELDS = [
    ("strengths", "Wat gaat er &goed? (krachten)"),
    ("worries", "Wat zijn de &zorgen?"),
    ("must_happen_now", "Wat moet er &nu gebeuren?"),
    ("danger_statement", "Grootste zorg (&risico-uitspraak)"),
]  # how the family sees it is asked once, per person, in the Besluit step (shown here)
SHARES = {"": "niet vastgelegd", "yes": "ja, het gezin deelt de zorgen",
          "no": "nee, het gezin deelt de zorgen niet"}


class SafetyPlanPage(StepPage):
    """One text field per part of the plan, stored as you type."""

    step = MeetingStep.SAFETY_PLAN

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self.fields: dict[str, QPlainTextEdit] = {}
        for name, label in FIELDS:
            caption = QLabel(label)
            edit = QPlainTextEdit()
            edit.setAccessibleName(label.replace("&", ""))
            edit.setMinimumHeight(80)
            caption.setBuddy(edit)
            self.body.addWidget(caption)
            self.body.addWidget(edit)
            self.fields[name] = edit
            self._bind(edit, name)
        self.body.addWidget(QLabel("Hoe kijkt het gezin er zelf naar? (gevraagd per persoon bij "
                                   "stap 5, Besluit — Alt+5)"))
        self.family_view = data_label()
        self.family_view.setWordWrap(True)
        self.family_view.setStyleSheet("background: #eceff1; padding: 6px;")
        self.family_view.setAccessibleName("Hoe het gezin er zelf naar kijkt (alleen lezen)")
        self.body.addWidget(self.family_view)
        shares_label = QLabel("&Deelt het gezin de zorgen van de melder?")
        self.body.addWidget(shares_label)
        self.shares = QComboBox()
        shares_label.setBuddy(self.shares)
        for value, label in SHARES.items():
            self.shares.addItem(label, value)
        self.shares.setAccessibleName("Deelt het gezin de zorgen van de melder?")
        self.body.addWidget(self.shares)
        goals_label = QLabel("Veiligheidsd&oelen (één per regel)")
        self.body.addWidget(goals_label)
        self.goals = QPlainTextEdit()
        goals_label.setBuddy(self.goals)
        self.goals.setAccessibleName("Veiligheidsdoelen")
        self.goals.setMinimumHeight(70)
        self.body.addWidget(self.goals)
        self.body.addStretch(1)
        for caption in self.findChildren(QLabel):  # wrap: a 150 % screen needs no side scroll
            caption.setWordWrap(True)
        self.shares.activated.connect(lambda _i: env.saver.schedule(
            "safety_plan.shares", env.item_job(
                meeting_service.update_safety_plan, family_shares_worries={
                    "": None, "yes": True, "no": False}[self.shares.currentData()]),
            self.shares))
        env.saver.bind_text(self.goals, "safety_plan.goals", lambda text: env.item_job(
            meeting_service.update_safety_plan,
            safety_goals=[g.strip() for g in text.splitlines() if g.strip()]))

    def _bind(self, edit: QPlainTextEdit, name: str) -> None:
        self.env.saver.bind_text(edit, f"safety_plan.{name}", lambda text: self.env.item_job(
            meeting_service.update_safety_plan, **{name: text}))

    def load(self, ctx: MeetingContext) -> None:
        plan = ctx.item.safety_plan
        for name, edit in self.fields.items():
            set_text_quietly(edit, getattr(plan, name))
        set_text_quietly(self.goals, "\n".join(plan.safety_goals))
        value = {None: "", True: "yes", False: "no"}[plan.family_shares_worries]
        self.shares.setCurrentIndex(self.shares.findData(value))
        super().load(ctx)

    def refresh(self, ctx: MeetingContext) -> None:
        super().refresh(ctx)
        names = {p.id: f"{p.name} ({labels.ROLE[p.role.value]})" for p in ctx.item.participants}
        lines = [f"• {escape(names.get(v.participant_id, '?'))}: {escape(v.view)}"
                 for v in ctx.item.family_voices if v.view.strip()]
        if ctx.item.safety_plan.family_view.strip():  # asked here before it was asked per person
            lines.insert(0, "• " + escape(ctx.item.safety_plan.family_view))
        self.family_view.setText("<br/>".join(lines) or "Nog niet gevraagd (stap 5, Besluit).")
