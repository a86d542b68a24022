"""Step 'Deelnemers': who takes part, in which role, for which organisation, and their attendance."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from tafelapp.domain import labels
from tafelapp.domain.calendar import age_on
from tafelapp.domain.directory import usual_role
from tafelapp.domain.enums import Attendance, InvolvementKind, Role
from tafelapp.domain.labels import attendance_times
from tafelapp.domain.meeting import Participant
from tafelapp.domain.rules.involvement import INVOLVEMENT_AGE
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service, roster_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.icons import icon
from ui.views.steps.base import (
    MeetingEnv,
    StepPage,
    data_label,
    fill_table,
    record_table,
    selected_row_id,
)
from ui.widgets.person_picker import PersonPicker

COLUMNS = ["Naam", "Rol en organisatie", "Aanwezigheid"]  # three: readable at 150 % too


def _combo(options: dict[str, str], accessible: str) -> QComboBox:
    combo = QComboBox()
    for value, label in options.items():
        combo.addItem(label, value)
    combo.setAccessibleName(accessible)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)  # the longest role must not widen the page
    return combo


def _attendance_cell(p: Participant) -> str:
    """'aanwezig' with the times on a line of their own; 'bevestigen' for a carried-over one."""
    state = labels.ATTENDANCE[p.attendance.value]
    times = attendance_times(p).strip()
    if not p.confirmed:
        return f"bevestigen\n(was {state})"
    return f"{state}\n{times}" if times else state


class ParticipantsPage(StepPage):
    """A table of participants with attendance, an add form, and the involvement of children 12+."""

    step = MeetingStep.PARTICIPANTS

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self.table = record_table(COLUMNS, "Deelnemers")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):  # name and role share what attendance leaves
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.ResizeToContents)
        caption = QLabel("&Deelnemers (kies er een met ↑ ↓ om die te wijzigen)")
        caption.setBuddy(self.table)
        self.body.addWidget(caption)
        self.body.addWidget(self.table)
        # The chosen participant, changed in place (until the notulen are signed). Two short rows
        # that are always there (disabled without a choice): nothing moves when a row is chosen.
        self.chosen = data_label()
        self.chosen.setText("Kies een deelnemer in de lijst om die te wijzigen.")
        self.chosen.setWordWrap(True)
        self.body.addWidget(self.chosen)
        edit_row = QHBoxLayout()
        self.role_label = QLabel("Ro&l")
        edit_row.addWidget(self.role_label)
        self.chosen_role = _combo(labels.ROLE, "Rol van de gekozen deelnemer")
        self.role_label.setBuddy(self.chosen_role)
        edit_row.addWidget(self.chosen_role)
        org_label = QLabel("Or&ganisatie")
        edit_row.addWidget(org_label)
        self.chosen_organisation = QLineEdit()
        self.chosen_organisation.setAccessibleName("Organisatie van de gekozen deelnemer")
        org_label.setBuddy(self.chosen_organisation)
        edit_row.addWidget(self.chosen_organisation, 1)
        self.body.addLayout(edit_row)
        row = QHBoxLayout()
        attendance_label = QLabel("A&anwezig")
        row.addWidget(attendance_label)
        self.attendance = _combo(labels.ATTENDANCE, "Aanwezigheid van de gekozen deelnemer")
        attendance_label.setBuddy(self.attendance)
        row.addWidget(self.attendance)
        row.addWidget(QLabel("vanaf"))  # someone came later or left before the end
        self.arrived = QLineEdit()
        self.arrived.setPlaceholderText("uu:mm")
        self.arrived.setAccessibleName("Vanaf (tijd) van de gekozen deelnemer")
        self.arrived.setMaximumWidth(80)
        row.addWidget(self.arrived)
        row.addWidget(QLabel("tot"))
        self.left_at = QLineEdit()
        self.left_at.setPlaceholderText("uu:mm")
        self.left_at.setAccessibleName("Tot (tijd) van de gekozen deelnemer")
        self.left_at.setMaximumWidth(80)
        row.addWidget(self.left_at)
        for field in (self.arrived, self.left_at):  # a short row: fits at 150 % too
            field.setToolTip("Leeg: de hele bespreking")
        row.addStretch(1)
        self.body.addLayout(row)
        buttons = QHBoxLayout()
        self.save_times = QPushButton("T&ijden opslaan")
        buttons.addWidget(self.save_times)
        self.remove = QPushButton("&Verwijderen…")
        self.remove.setIcon(icon("remove"))
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        self.body.addLayout(buttons)

        quick = QHBoxLayout()
        self.add_family = QPushButton("Gezin toevoegen")
        self.add_family.setToolTip("De ouders en de kinderen van 12 jaar en ouder uit de casus")
        quick.addWidget(self.add_family)
        quick.addStretch(1)
        self.body.addLayout(quick)
        intro = QLabel("<b>Deelnemer toevoegen</b> — kies uit het adresboek (↓ en Enter vult "
                       "de rij in), of typ een nieuwe naam; kijk rol en organisatie na en kies "
                       "dan 'Deelnemer toevoegen' (Alt+T)")
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.name = PersonPicker("Naam van de nieuwe deelnemer")
        self.role = _combo({"": "— kies een rol —", **labels.ROLE}, "Rol van de nieuwe deelnemer")
        self.role.setItemData(0, None)
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Organisatie van de nieuwe deelnemer")
        self.email = QLineEdit()
        self.email.setAccessibleName("E-mailadres van de nieuwe deelnemer")
        self.new_attendance = _combo(labels.ATTENDANCE, "Aanwezigheid nieuwe deelnemer")
        self.child = QComboBox()
        self.child.setAccessibleName("Welk kind (bij rol jeugdige)")
        form.addRow("&Naam", self.name)
        form.addRow("&Rol", self.role)
        form.addRow("&Organisatie", self.organisation)
        form.addRow("&E-mailadres", self.email)
        form.addRow("Aan&wezigheid", self.new_attendance)
        form.addRow("&Kind (bij rol jeugdige)", self.child)
        self.body.addLayout(form)
        self.add = QPushButton("Deelnemer &toevoegen")
        self.add.setIcon(icon("add"))
        self.form_message = data_label()
        self.form_message.setStyleSheet("color: #c62828;")
        self.form_message.setWordWrap(True)
        for label in (self.chosen, self.form_message):  # room kept: a message moves nothing
            label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 4)
        self.body.addWidget(self.add)
        self.body.addWidget(self.form_message)

        self.body.addWidget(QLabel(f"<b>Betrokkenheid van kinderen vanaf {INVOLVEMENT_AGE} "
                                   "jaar</b> (001 §2.1)"))
        self.involvement_combos: dict[str, QComboBox] = {}
        self.involvement_reasons: dict[str, QLineEdit] = {}
        self._involvement_shape: tuple[tuple[str, str, int], ...] | None = None
        self.involvement_box = QWidget()
        self.involvement_form = QFormLayout(self.involvement_box)
        self._clear_involvement()
        self.body.addWidget(self.involvement_box)
        self.body.addStretch(1)

        self.add.clicked.connect(self._on_add_clicked)
        self.add_family.clicked.connect(lambda: self.env.act(
            self.env.item_job(roster_service.add_family), problems=self.form_message))
        self.name.picked.connect(self._on_name_picked)
        # Enter in the name field goes on to the role (review first); adding is Alt+T.
        self.name.returnPressed.connect(lambda: self.role.setFocus(Qt.FocusReason.TabFocusReason))
        self.remove.clicked.connect(self._on_remove_clicked)
        self.chosen_role.activated.connect(self._on_chosen_role_activated)
        self.chosen_organisation.editingFinished.connect(self._on_chosen_organisation_edited)
        self.attendance.activated.connect(self._on_attendance_activated)
        self.save_times.clicked.connect(self._on_save_times_clicked)
        self.table.itemSelectionChanged.connect(self._sync_attendance)
        self.role.currentIndexChanged.connect(
            lambda _i: self.child.setEnabled(self.role.currentData() == Role.CHILD.value))
        self.child.setEnabled(False)

    def refresh(self, ctx: MeetingContext) -> None:
        super().refresh(ctx)
        fill_table(self.table, [
            (p.id, [p.name, labels.ROLE[p.role.value] + (f"\n{p.organisation}"
                                                          if p.organisation else ""),
                    _attendance_cell(p)]) for p in ctx.item.participants])
        self.name.set_people(ctx.people_choices())
        self.table.resizeRowsToContents()
        self.child.clear()
        for child in ctx.case.children:
            self.child.addItem(child.first_name or "ongeboren kind", child.id)
        self._build_involvement(ctx)
        self._sync_attendance()

    def clear(self) -> None:
        super().clear()
        self.child.clear()
        self._clear_involvement()

    def _clear_involvement(self) -> None:
        while self.involvement_form.rowCount():
            self.involvement_form.removeRow(0)
        self.involvement_combos = {}
        self.involvement_reasons = {}
        self._involvement_shape = None

    def _build_involvement(self, ctx: MeetingContext) -> None:
        """One row per child of 12+; rebuilt only when those children change (a reload keeps the
        widgets, their focus and what is being typed), the values refreshed from the record."""
        shape = tuple((child.id, child.first_name or "", age)
                      for child in ctx.case.children
                      if not child.unborn and child.birth_date is not None
                      and (age := age_on(child.birth_date, ctx.meeting.date)) >= INVOLVEMENT_AGE)
        if shape != self._involvement_shape:
            self._clear_involvement()
            self._involvement_shape = shape
            for child_id, name, age in shape:
                self._add_involvement_row(child_id, name, age)
            if not shape:
                self.involvement_form.addRow(QLabel("Geen kinderen van 12 jaar of ouder."))
        recorded = {i.child_id: i for i in ctx.item.involvement}
        for child_id, combo in self.involvement_combos.items():
            reason = self.involvement_reasons[child_id]
            current = recorded.get(child_id)
            stored_reason = (current.reason or "") if current else ""
            combo.setCurrentIndex(max(0, combo.findData(current.kind.value)) if current else 0)
            if not (reason.isModified() and reason.text() != stored_reason):
                reason.setText(stored_reason)  # typed text stays until the record holds it
            reason.setEnabled(combo.currentData() == InvolvementKind.NOT_INVOLVED.value)

    def _add_involvement_row(self, child_id: str, name: str, age: int) -> None:
        combo = _combo({}, f"Betrokkenheid van {name}")
        combo.addItem("— nog niet vastgelegd —", None)
        for value, label in labels.INVOLVEMENT.items():
            combo.addItem(label, value)
        reason = QLineEdit()
        reason.setPlaceholderText("Reden (verplicht bij 'niet betrokken')")
        reason.setAccessibleName(f"Reden waarom {name} niet betrokken is")
        self.involvement_combos[child_id] = combo
        self.involvement_reasons[child_id] = reason
        line = QWidget()
        lay = QHBoxLayout(line)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(combo)
        lay.addWidget(reason, 1)
        combo.activated.connect(lambda _i, c=child_id, b=combo, r=reason:
                                self._save_involvement(c, b, r))
        reason.textEdited.connect(lambda _t, c=child_id, b=combo, r=reason:
                                  self._save_involvement(c, b, r))
        self.involvement_form.addRow(f"{name} ({age} jaar)", line)

    def _save_involvement(self, child_id: str, combo: QComboBox, reason: QLineEdit) -> None:
        kind = combo.currentData()
        reason.setEnabled(kind == InvolvementKind.NOT_INVOLVED.value)
        if kind is not None:
            self.env.saver.schedule(f"involvement.{child_id}", self.env.item_job(
                meeting_service.record_involvement, child_id, kind, reason.text() or None),
                reason)

    def _selected_id(self) -> str | None:
        return selected_row_id(self.table)

    def _sync_attendance(self) -> None:
        """Show the chosen participant in the edit rows, named in every field's accessible name."""
        pid = self._selected_id()
        ctx = self.env.ctx
        person = ctx.item.participant(pid or "") if ctx is not None and pid else None
        for widget in (self.attendance, self.remove, self.arrived, self.left_at, self.save_times,
                       self.chosen_role, self.chosen_organisation):
            widget.setEnabled(person is not None)
        if person is None:
            self.chosen.setText("Kies een deelnemer in de lijst om die te wijzigen.")
            return
        self.chosen.setText(f"Gekozen: <b>{escape(person.name)}</b> (te wijzigen tot de "
                            "ondertekening)")
        for widget, what in ((self.chosen_role, "Rol"), (self.chosen_organisation, "Organisatie"),
                             (self.attendance, "Aanwezigheid"), (self.arrived, "Vanaf (tijd)"),
                             (self.left_at, "Tot (tijd)")):
            widget.setAccessibleName(f"{what} van {person.name}")
        self.remove.setAccessibleName(f"{person.name} verwijderen")
        self.save_times.setAccessibleName(f"Tijden van {person.name} opslaan")
        self.chosen_role.setCurrentIndex(self.chosen_role.findData(person.role.value))
        if not self.chosen_organisation.hasFocus():
            self.chosen_organisation.setText(person.organisation or "")
        self.attendance.setCurrentIndex(self.attendance.findData(person.attendance.value))
        self.arrived.setText(f"{person.arrived:%H:%M}" if person.arrived else "")
        self.left_at.setText(f"{person.left_at:%H:%M}" if person.left_at else "")

    def _on_chosen_role_activated(self, _index: int) -> None:
        pid = self._selected_id()
        if pid:
            self.env.act(self.env.item_job(roster_service.change_participant, pid,
                                           role=self.chosen_role.currentData()),
                         problems=self.form_message)

    def _on_chosen_organisation_edited(self) -> None:
        pid, ctx = self._selected_id(), self.env.ctx
        person = ctx.item.participant(pid) if ctx is not None and pid else None
        text = self.chosen_organisation.text().strip()
        if person is not None and text != (person.organisation or ""):
            self.env.act(self.env.item_job(roster_service.change_participant, person.id,
                                           organisation=text), problems=self.form_message)

    def _on_save_times_clicked(self) -> None:
        pid = self._selected_id()
        if pid:
            self.env.act(self.env.item_job(
                meeting_service.update_participant, pid,
                arrived=self.arrived.text().strip() or None,
                left_at=self.left_at.text().strip() or None), problems=self.problems)

    def _on_attendance_activated(self, _index: int) -> None:
        pid = self._selected_id()
        if pid:
            value = Attendance(self.attendance.currentData())
            self.env.act(self.env.item_job(roster_service.confirm_attendance, pid, value.value))

    def _on_remove_clicked(self) -> None:
        pid, ctx = self._selected_id(), self.env.ctx
        person = ctx.item.participant(pid) if ctx is not None and pid else None
        if person is None or not self._confirm_remove(person.name):
            return
        self.env.act(self.env.item_job(meeting_service.remove_participant, person.id),
                     problems=self.form_message)

    def _confirm_remove(self, name: str) -> bool:
        """Ask before removing (Escape or Enter keep the participant: 'Niet verwijderen' is the
        default)."""
        box = QMessageBox(QMessageBox.Icon.Question, "Deelnemer verwijderen",
                          f"{name} uit de deelnemers van deze bespreking verwijderen?",
                          QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton("&Verwijderen", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Niet verwijderen", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is yes

    def _on_name_picked(self, person_id: str) -> None:
        """A suggestion was taken: fill the row from the address book, add nothing yet."""
        ctx = self.env.ctx
        if ctx is None:
            return
        person = ctx.book.person(person_id)
        if person is None:
            return
        org = ctx.book.organisation_of(person)
        role = usual_role(person, org).value
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.organisation.setText(org.name if org else "")
        self.email.setText(person.email)
        self.form_message.setText("")

    def _on_add_clicked(self) -> None:
        role, attendance = self.role.currentData(), self.new_attendance.currentData()
        person_id = self.name.person_id()
        if role is None:  # never the role that happened to be left in the list
            who = self.name.text().strip() or "de nieuwe deelnemer"
            self.form_message.setText(f"Kies de rol van {who}.")
            self.role.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if role in (Role.CHILD.value, Role.PARENT.value):
            fields = {"name": self.name.text(), "role": role, "attendance": attendance,
                      "organisation": self.organisation.text() or None,
                      "email": self.email.text() or None}
            if role == Role.CHILD.value:
                fields["child_id"] = self.child.currentData()
            job = self.env.item_job(meeting_service.add_participant, **fields)
        elif person_id:
            job = self.env.item_job(roster_service.add_person, person_id, role, attendance,
                                    organisation=self.organisation.text())
        else:
            job = self.env.item_job(roster_service.add_new_person, name=self.name.text(),
                                    role=role, organisation=self.organisation.text() or None,
                                    email=self.email.text() or None, attendance=attendance)

        def done(_result: object) -> None:
            self.name.clear()
            self.organisation.clear()
            self.email.clear()
            self.role.setCurrentIndex(0)  # the next person's role is chosen for them
            self.form_message.setText("")
            self.name.setFocus()
        self.env.act(job, done, problems=self.form_message)
