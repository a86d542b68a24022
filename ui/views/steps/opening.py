"""Step 'Opening': the chair opens and explains the purpose (prefilled from the route)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit

from tafelapp.domain import labels
from tafelapp.domain.calendar import age_on
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.views.steps.base import MeetingEnv, StepPage, data_label
from ui.widgets.autosave import set_text_quietly


class OpeningPage(StepPage):
    """Case facts, the purpose text, and the two ticks of `001` step 15."""

    step = MeetingStep.OPENING

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self.facts = data_label()
        self.facts.setWordWrap(True)
        self.body.addWidget(self.facts)
        caption = QLabel("&Doel van de bespreking (de voorzitter legt dit uit):")
        self.body.addWidget(caption)
        self.purpose = QPlainTextEdit()
        caption.setBuddy(self.purpose)
        self.purpose.setAccessibleName("Doel van de bespreking")
        self.purpose.setMinimumHeight(110)
        self.body.addWidget(self.purpose)
        self.opened = QCheckBox("De voorzitter heeft de bespreking &geopend en het doel "
                                "uitgelegd")
        self.reported = QCheckBox("De bespreking is ge&meld bij de secretaris van de JBT")
        self.body.addWidget(self.opened)
        self.body.addWidget(self.reported)
        self.body.addStretch(1)
        env.saver.bind_text(self.purpose, "opening.purpose", lambda text: env.item_job(
            meeting_service.update_opening, purpose=text))
        self.opened.clicked.connect(lambda on: env.saver.schedule(
            "opening.opened", env.item_job(meeting_service.update_opening, opened_by_chair=on),
            self.opened))
        self.reported.clicked.connect(lambda on: env.saver.schedule(
            "opening.reported", env.item_job(meeting_service.update_opening,
                                             reported_to_secretary=on), self.reported))

    def load(self, ctx: MeetingContext) -> None:
        set_text_quietly(self.purpose, ctx.item.purpose)
        super().load(ctx)

    def refresh(self, ctx: MeetingContext) -> None:
        super().refresh(ctx)
        case = ctx.case
        kids = []
        for c in case.children:
            if c.unborn or c.birth_date is None:
                kids.append(f"{c.first_name} (ongeboren)" if c.first_name else c.called(case.family))
            else:
                kids.append(f"{c.first_name} ({age_on(c.birth_date, ctx.meeting.date)} jaar)")
        route = labels.ROUTE.get(case.referral.route.value, "") if case.referral else "—"
        referrer = (f"{case.referral.referrer_person}, {case.referral.referrer_organisation}"
                    if case.referral else "—")
        self.facts.setText(
            f"<b>{case.case_number}</b> — gezin {case.family.name}<br/>"
            f"Kinderen: {', '.join(kids)}<br/>Route: {route}<br/>Melder: {referrer}")
        self.opened.setChecked(ctx.item.opened_by_chair)
        self.reported.setChecked(ctx.item.reported_to_secretary)
        self.reported.setVisible(ctx.is_jbt_table)
