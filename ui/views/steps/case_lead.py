"""Step 'Casusregie': which partner and person guard the plan, accepted or not (`003`, `004 §3.1`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton

from tafelapp.domain import labels
from tafelapp.domain.enums import PartnerKind
from tafelapp.domain.rules.case_lead import MUNICIPALITY_REASON
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import case_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.icons import icon
from ui.views.steps.base import MeetingEnv, StepPage, data_label
from ui.widgets.person_picker import PersonPicker


class CaseLeadPage(StepPage):
    """Current casusregie and its history; assign a new one (the old one ends) or mark accepted."""

    step = MeetingStep.CASE_LEAD

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self.current = data_label()
        self.current.setWordWrap(True)
        self.body.addWidget(self.current)
        self.accept = QPushButton("Casusregie is aanvaard")
        self.accept.setIcon(icon("ok"))
        self.body.addWidget(self.accept)
        self.history = data_label()
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: #455a64;")
        self.body.addWidget(self.history)
        self.body.addWidget(QLabel("<b>Casusregie toewijzen</b> (de huidige eindigt dan)"))
        form = QFormLayout()
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Organisatie")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Soort organisatie")
        for value, label in labels.PARTNER_KIND.items():
            self.kind.addItem(label, value)
        self.person = PersonPicker("Casusregisseur")
        self.person.picked.connect(self._on_person_picked)
        self.contact = QLineEdit()
        self.contact.setAccessibleName("Bereikbaar via")
        form.addRow("&Casusregisseur", self.person)
        form.addRow("&Organisatie", self.organisation)
        form.addRow("&Soort", self.kind)
        form.addRow("&Bereikbaar via", self.contact)
        self.body.addLayout(form)
        self.municipality_note = QLabel(MUNICIPALITY_REASON[:1].upper() + MUNICIPALITY_REASON[1:]
                                        + ".")
        self.municipality_note.setWordWrap(True)
        self.municipality_note.setStyleSheet("color: #8a5200;")
        self.body.addWidget(self.municipality_note)
        self.assign = QPushButton("Toewijzen")
        self.assign.setIcon(icon("add"))
        self.body.addWidget(self.assign)
        self.message = data_label()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        self.assign.clicked.connect(self._on_assign_clicked)
        self.accept.clicked.connect(self._on_accept_clicked)

    def refresh(self, ctx: MeetingContext) -> None:
        super().refresh(ctx)
        self.person.set_people(ctx.people_choices())
        active = ctx.case.active_case_leads()
        if active:
            lead = active[0]
            state = (f"aanvaard op {labels.nl_date(lead.accepted_on)}" if lead.accepted
                     else "nog niet aanvaard")
            self.current.setText(f"<b>Casusregisseur:</b> {lead.person} — {lead.organisation} "
                                 f"({labels.PARTNER_KIND[lead.organisation_kind.value]}), sinds "
                                 f"{labels.nl_date(lead.since)}; {state}."
                                 + (f"<br/>Bereikbaar via: {lead.contact}" if lead.contact else ""))
            self.accept.setVisible(not lead.accepted)
        else:
            self.current.setText("<b>Er is nog geen casusregie.</b> Eén gezin, één plan, één "
                                 "regisseur (004 §3.1).")
            self.accept.hide()
        ended = [lead for lead in ctx.case.case_leads if not lead.active]
        self.history.setText("Eerder: " + "; ".join(
            f"{lead.organisation} ({labels.nl_date(lead.since)} – {labels.nl_date(lead.ended_on)})"
            for lead in ended) if ended else "")
        zvt = not ctx.is_jbt_table
        model = self.kind.model()
        assert isinstance(model, QStandardItemModel)
        item = model.item(self.kind.findData(PartnerKind.MUNICIPALITY.value))
        item.setEnabled(not zvt)
        item.setToolTip(MUNICIPALITY_REASON if zvt else "")
        if zvt and self.kind.currentData() == PartnerKind.MUNICIPALITY.value:
            self.kind.setCurrentIndex(self.kind.findData(PartnerKind.CARE_PROVIDER.value))
        self.municipality_note.setVisible(zvt)

    def _on_accept_clicked(self) -> None:
        ctx = self.env.ctx
        if ctx is not None:
            case_id = ctx.case.id
            self.env.act(lambda s: case_service.accept_case_lead(s, case_id),
                         problems=self.message)

    def _on_person_picked(self, person_id: str) -> None:
        ctx = self.env.ctx
        if ctx is None:
            return
        person = next((p for p in ctx.book.people if p.id == person_id), None)
        org = ctx.book.organisation_by_id.get(person.organisation_id or "") if person else None
        if person is not None:
            self.contact.setText(person.phone or person.email)
        if org is not None:
            self.organisation.setText(org.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(org.kind.value)))

    def _on_assign_clicked(self) -> None:
        ctx = self.env.ctx
        if ctx is None:
            return
        fields = {"organisation": self.organisation.text(),
                  "organisation_kind": self.kind.currentData(), "person": self.person.text(),
                  "contact": self.contact.text() or None, "since": ctx.meeting.date}

        def done(_r: object) -> None:
            for w in (self.organisation, self.person, self.contact):
                w.clear()
            self.message.setText("")
        case_id = ctx.case.id
        self.env.act(lambda s: case_service.assign_case_lead(s, case_id, **fields),
                     done, problems=self.message)
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)
