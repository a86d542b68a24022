"""Step 'Casusregie': which partner and person guard the plan, accepted or not (`003`, `004 §3.1`)."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tafelapp.domain import labels
from tafelapp.domain.calendar import typed_date
from tafelapp.domain.enums import PartnerKind
from tafelapp.domain.record_words import lead_reach
from tafelapp.domain.rules.case_lead import MUNICIPALITY_REASON
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import case_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.icons import icon
from ui.views.steps.base import MeetingEnv, StepPage, data_label
from ui.widgets.person_picker import PersonPicker


def _line(accessible: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    return edit


class CaseLeadPage(StepPage):
    """Current casusregie and its history; its phone and e-mail and the day it was accepted (the
    meeting's date unless typed); assign a new one (the old one ends)."""

    step = MeetingStep.CASE_LEAD

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self.current = data_label()
        self.current.setWordWrap(True)
        self.current.setMinimumHeight(self.current.fontMetrics().lineSpacing() * 3 + 4)
        self.body.addWidget(self.current)
        # The current casusregisseur: always laid out (disabled without one), nothing jumps.
        self.current_box = QWidget()
        now = QFormLayout(self.current_box)
        now.setContentsMargins(0, 0, 0, 0)
        self.current_phone = _line("Telefoon van de casusregisseur", "06-12345678")
        self.current_email = _line("E-mailadres van de casusregisseur")
        self.save_contact = QPushButton("Bereikbaarheid &opslaan")
        phone_label = QLabel("Tele&foon")
        phone_label.setBuddy(self.current_phone)
        now.addRow(phone_label, self.current_phone)
        email_label = QLabel("E-&mail")
        email_label.setBuddy(self.current_email)
        reach = QHBoxLayout()
        reach.addWidget(self.current_email, 1)
        reach.addWidget(self.save_contact)
        now.addRow(email_label, reach)
        self.accepted_on = _line("Aanvaard op (datum)", "dd-mm-jjjj")
        self.accepted_on.setMaximumWidth(130)
        self.accept = QPushButton("Casusregie is &aanvaard")
        self.accept.setIcon(icon("ok"))
        accept_row = QHBoxLayout()
        accept_row.addWidget(self.accepted_on)
        accept_row.addWidget(self.accept)
        accept_row.addStretch(1)
        accepted_label = QLabel("Aanvaard o&p")
        accepted_label.setBuddy(self.accepted_on)
        now.addRow(accepted_label, accept_row)
        self.body.addWidget(self.current_box)
        self.history = data_label()
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: #455a64;")
        self.body.addWidget(self.history)
        self.body.addWidget(QLabel("<b>Casusregie toewijzen</b> (de huidige eindigt dan)"))
        form = QFormLayout()
        self.person = PersonPicker("Nieuwe casusregisseur")
        self.person.picked.connect(self._on_person_picked)
        self.organisation = _line("Organisatie van de nieuwe casusregisseur")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Soort organisatie van de nieuwe casusregisseur")
        for value, label in labels.PARTNER_KIND.items():
            self.kind.addItem(label, value)
        self.phone = _line("Telefoon van de nieuwe casusregisseur", "06-12345678")
        self.email = _line("E-mailadres van de nieuwe casusregisseur")
        form.addRow("&Casusregisseur", self.person)
        form.addRow("O&rganisatie", self.organisation)
        form.addRow("&Soort", self.kind)
        form.addRow("Te&lefoon", self.phone)
        form.addRow("&E-mailadres", self.email)
        self.body.addLayout(form)
        self.municipality_note = QLabel(MUNICIPALITY_REASON[:1].upper() + MUNICIPALITY_REASON[1:]
                                        + ".")
        self.municipality_note.setWordWrap(True)
        self.municipality_note.setStyleSheet("color: #8a5200;")
        self.body.addWidget(self.municipality_note)
        self.assign = QPushButton("&Toewijzen")
        self.assign.setIcon(icon("add"))
        self.body.addWidget(self.assign)
        self.message = data_label()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        self._picked: str | None = None  # the address book's person, while the name is theirs
        self.person.textEdited.connect(lambda _t: setattr(self, "_picked", None))
        self.person.returnPressed.connect(
            lambda: self.organisation.setFocus(Qt.FocusReason.TabFocusReason))
        self.assign.clicked.connect(self._on_assign_clicked)
        self.accept.clicked.connect(self._on_accept_clicked)
        self.save_contact.clicked.connect(self._on_save_contact_clicked)

    def refresh(self, ctx: MeetingContext) -> None:
        super().refresh(ctx)
        self.person.set_people(ctx.people_choices())
        active = ctx.case.active_case_leads()
        lead = active[0] if active else None
        self.current_box.setEnabled(lead is not None)
        if lead is not None:
            state = (f"aanvaard op {labels.nl_date(lead.accepted_on)}" if lead.accepted
                     else "nog niet aanvaard")
            reach = lead_reach(lead)
            self.current.setText(
                f"<b>Casusregisseur:</b> {escape(lead.person)} — {escape(lead.organisation)} "
                f"({labels.PARTNER_KIND[lead.organisation_kind.value]}), sinds "
                f"{labels.nl_date(lead.since)}; {state}.<br/>"
                + (f"Bereikbaar: {escape(reach)}" if lead.phone else
                   "<span style='color:#c62828'>Nog geen telefoonnummer: vul het hieronder in."
                   "</span>" + (f" ({escape(reach)})" if reach else "")))
            for widget, value in ((self.current_phone, lead.phone),
                                  (self.current_email, lead.email)):
                if not widget.hasFocus():
                    widget.setText(value or "")
            for widget, what in ((self.current_phone, "Telefoon"),
                                 (self.current_email, "E-mailadres"),
                                 (self.accepted_on, "Aanvaard op (datum)")):
                widget.setAccessibleName(f"{what} van casusregisseur {lead.person}")
            if not self.accepted_on.hasFocus():
                day = lead.accepted_on if lead.accepted else max(ctx.meeting.date, lead.since)
                self.accepted_on.setText(labels.nl_date(day))
            self.accept.setText("Aanvaard op &wijzigen" if lead.accepted
                                else "Casusregie is &aanvaard")
        else:
            self.current.setText("<b>Er is nog geen casusregie.</b> Eén gezin, één plan, één "
                                 "regisseur (004 §3.1).<br/> ")
            for widget in (self.current_phone, self.current_email, self.accepted_on):
                widget.clear()
        ended = [lead for lead in ctx.case.case_leads if not lead.active]
        self.history.setText("Eerder: " + "; ".join(
            f"{escape(lead.person)}, {escape(lead.organisation)} "
            f"({labels.nl_date(lead.since)} – {labels.nl_date(lead.ended_on)})"
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
        if ctx is None:
            return
        typed = self.accepted_on.text().strip()
        try:  # empty: the meeting's date, never the computer's today
            day = dt.date.fromisoformat(typed_date(typed) or "") if typed else ctx.meeting.date
        except ValueError:
            self.message.setText("Aanvaard op: geen geldige datum; typ die als dd-mm-jjjj "
                                 f"(voorbeeld: {labels.nl_date(ctx.meeting.date)}).")
            return
        case_id = ctx.case.id
        self.env.act(lambda s: case_service.accept_case_lead(s, case_id, day),
                     lambda _r: self.message.setText(""), problems=self.message)

    def _on_save_contact_clicked(self) -> None:
        ctx = self.env.ctx
        if ctx is None:
            return
        case_id, phone, email = ctx.case.id, self.current_phone.text(), self.current_email.text()
        self.env.act(lambda s: case_service.update_case_lead_contact(
            s, case_id, phone=phone, email=email), lambda _r: self.message.setText(""),
            problems=self.message)

    def _on_person_picked(self, person_id: str) -> None:
        """A suggestion was taken: the person's organisation, phone and e-mail fill the form."""
        ctx = self.env.ctx
        if ctx is None:
            return
        person = ctx.book.person(person_id)
        if person is None:
            return
        self._picked = person.id
        org = ctx.book.organisation_of(person)
        self.phone.setText(person.phone)  # a missing number stays missing: a to-do, no e-mail
        self.email.setText(person.email)
        if org is not None:
            self.organisation.setText(org.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(org.kind.value)))

    def _on_assign_clicked(self) -> None:
        ctx = self.env.ctx
        if ctx is None:
            return
        picked = self._picked if self._picked == self.person.person_id() else None
        fields = {"organisation": self.organisation.text().strip() or None,
                  "organisation_kind": self.kind.currentData(),
                  "person": self.person.text().strip() or None, "person_id": picked,
                  "phone": self.phone.text().strip() or None,
                  "email": self.email.text().strip() or None, "since": ctx.meeting.date}

        def done(_r: object) -> None:
            for w in (self.organisation, self.person, self.phone, self.email):
                w.clear()
            self._picked = None
            self.message.setText("")
            self.accepted_on.setFocus(Qt.FocusReason.OtherFocusReason)
        case_id = ctx.case.id
        self.env.act(lambda s: case_service.assign_case_lead(s, case_id, **fields),
                     done, problems=self.message)
