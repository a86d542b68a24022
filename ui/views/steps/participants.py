"""Step 'Deelnemers': who takes part, in which role, for which organisation, and their attendance."""

from __future__ import annotations

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
from tafelapp.domain.calendar import age_on
from tafelapp.domain.directory import usual_role
from tafelapp.domain.enums import Attendance, InvolvementKind, Role
from tafelapp.domain.labels import attendance_times
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

COLUMNS = ["Naam", "Rol", "Organisatie", "Aanwezigheid"]


def _combo(options: dict[str, str], accessible: str) -> QComboBox:
    combo = QComboBox()
    for value, label in options.items():
        combo.addItem(label, value)
    combo.setAccessibleName(accessible)
    return combo


class ParticipantsPage(StepPage):
    """A table of participants with attendance, an add form, and the involvement of children 12+."""

    step = MeetingStep.PARTICIPANTS

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self.table = record_table(COLUMNS, "Deelnemers")
        self.body.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(QLabel("Aanwezigheid van de gekozen deelnemer:"))
        self.attendance = _combo(labels.ATTENDANCE, "Aanwezigheid")
        row.addWidget(self.attendance)
        self.remove = QPushButton("Verwijderen")
        self.remove.setIcon(icon("remove"))
        row.addWidget(self.remove)
        row.addStretch(1)
        self.body.addLayout(row)
        times = QHBoxLayout()  # someone came later or left before the end
        times.addWidget(QLabel("Vanaf"))
        self.arrived = QLineEdit()
        self.arrived.setPlaceholderText("uu:mm")
        self.arrived.setAccessibleName("Vanaf")
        self.arrived.setMaximumWidth(90)
        times.addWidget(self.arrived)
        times.addWidget(QLabel("tot"))
        self.left_at = QLineEdit()
        self.left_at.setPlaceholderText("uu:mm")
        self.left_at.setAccessibleName("Tot")
        self.left_at.setMaximumWidth(90)
        times.addWidget(self.left_at)
        self.save_times = QPushButton("Tijden opslaan")
        times.addWidget(self.save_times)
        for field in (self.arrived, self.left_at):  # a short row: fits at 150 % too
            field.setToolTip("Leeg: de hele bespreking")
        times.addStretch(1)
        self.body.addLayout(times)

        quick = QHBoxLayout()
        self.add_family = QPushButton("Gezin toevoegen")
        self.add_family.setToolTip("De ouders en de kinderen van 12 jaar en ouder uit de casus")
        quick.addWidget(self.add_family)
        quick.addStretch(1)
        self.body.addLayout(quick)
        self.body.addWidget(QLabel("<b>Deelnemer toevoegen</b> — kies uit het adresboek, of "
                                   "typ een nieuwe naam (die komt dan in het adresboek)"))
        form = QFormLayout()
        self.name = PersonPicker("Naam")
        self.role = _combo(labels.ROLE, "Rol")
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Organisatie")
        self.email = QLineEdit()
        self.email.setAccessibleName("E-mailadres")
        self.new_attendance = _combo(labels.ATTENDANCE, "Aanwezigheid nieuwe deelnemer")
        self.child = QComboBox()
        self.child.setAccessibleName("Welk kind")
        form.addRow("&Naam", self.name)
        form.addRow("&Rol", self.role)
        form.addRow("&Organisatie", self.organisation)
        form.addRow("&E-mailadres (nieuwe persoon)", self.email)
        form.addRow("Aan&wezigheid", self.new_attendance)
        form.addRow("Kind (bij rol jeugdige)", self.child)
        self.body.addLayout(form)
        self.add = QPushButton("Deelnemer toevoegen")
        self.add.setIcon(icon("add"))
        self.form_message = data_label()
        self.form_message.setStyleSheet("color: #c62828;")
        self.body.addWidget(self.add)
        self.body.addWidget(self.form_message)

        self.body.addWidget(QLabel(f"<b>Betrokkenheid van kinderen vanaf {INVOLVEMENT_AGE} "
                                   "jaar</b> (001 §2.1)"))
        self.involvement_combos: dict[str, QComboBox] = {}
        self.involvement_box = QWidget()
        self.involvement_form = QFormLayout(self.involvement_box)
        self.body.addWidget(self.involvement_box)
        self.body.addStretch(1)

        self.add.clicked.connect(self._on_add_clicked)
        self.add_family.clicked.connect(lambda: self.env.act(
            self.env.item_job(roster_service.add_family), problems=self.form_message))
        self.name.picked.connect(self._on_name_picked)
        self.name.returnPressed.connect(self._on_add_clicked)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.attendance.activated.connect(self._on_attendance_activated)
        self.save_times.clicked.connect(self._on_save_times_clicked)
        self.table.itemSelectionChanged.connect(self._sync_attendance)
        self.role.currentIndexChanged.connect(
            lambda _i: self.child.setEnabled(self.role.currentData() == Role.CHILD.value))
        self.child.setEnabled(False)

    def refresh(self, ctx: MeetingContext) -> None:
        super().refresh(ctx)
        fill_table(self.table, [
            (p.id, [p.name, labels.ROLE[p.role.value], p.organisation or "",
                    (labels.ATTENDANCE[p.attendance.value] if p.confirmed
                     else "nog bevestigen (vorige keer " + labels.ATTENDANCE[p.attendance.value]
                     + ")") + attendance_times(p)]) for p in ctx.item.participants])
        self.name.set_people(ctx.people_choices())
        orgs = ctx.book.organisation_by_id
        self._roles = {p.id: usual_role(p, orgs.get(p.organisation_id or "")).value
                       for p in ctx.book.people}
        self.table.resizeColumnsToContents()
        self.child.clear()
        for child in ctx.case.children:
            self.child.addItem(child.first_name, child.id)
        self._build_involvement(ctx)
        self._sync_attendance()

    def clear(self) -> None:
        super().clear()
        self.child.clear()
        while self.involvement_form.rowCount():
            self.involvement_form.removeRow(0)
        self.involvement_combos = {}

    def _build_involvement(self, ctx: MeetingContext) -> None:
        while self.involvement_form.rowCount():
            self.involvement_form.removeRow(0)
        self.involvement_combos = {}
        recorded = {i.child_id: i for i in ctx.item.involvement}
        shown = 0
        for child in ctx.case.children:
            if child.unborn or child.birth_date is None:
                continue
            age = age_on(child.birth_date, ctx.meeting.date)
            if age < INVOLVEMENT_AGE:
                continue
            shown += 1
            combo = QComboBox()
            combo.setAccessibleName(f"Betrokkenheid van {child.first_name}")
            self.involvement_combos[child.id] = combo
            combo.addItem("— nog niet vastgelegd —", None)
            for value, label in labels.INVOLVEMENT.items():
                combo.addItem(label, value)
            reason = QLineEdit()
            reason.setPlaceholderText("Reden (verplicht bij 'niet betrokken')")
            current = recorded.get(child.id)
            if current:
                combo.setCurrentIndex(combo.findData(current.kind.value))
                reason.setText(current.reason or "")
            reason.setEnabled(combo.currentData() == InvolvementKind.NOT_INVOLVED.value)
            line = QWidget()
            lay = QHBoxLayout(line)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(combo)
            lay.addWidget(reason, 1)

            combo.activated.connect(lambda _i, c=child.id, b=combo, r=reason:
                                    self._save_involvement(c, b, r))
            reason.textEdited.connect(lambda _t, c=child.id, b=combo, r=reason:
                                      self._save_involvement(c, b, r))
            self.involvement_form.addRow(f"{child.first_name} ({age} jaar)", line)
        if not shown:
            self.involvement_form.addRow(QLabel("Geen kinderen van 12 jaar of ouder."))

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
        pid = self._selected_id()
        ctx = self.env.ctx
        enabled = pid is not None and ctx is not None
        for widget in (self.attendance, self.remove, self.arrived, self.left_at, self.save_times):
            widget.setEnabled(enabled)
        if enabled and ctx is not None:
            person = ctx.item.participant(pid or "")
            if person:
                self.attendance.setCurrentIndex(self.attendance.findData(person.attendance.value))
                self.arrived.setText(f"{person.arrived:%H:%M}" if person.arrived else "")
                self.left_at.setText(f"{person.left_at:%H:%M}" if person.left_at else "")

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
        pid = self._selected_id()
        if pid:
            self.env.act(self.env.item_job(meeting_service.remove_participant, pid),
                         problems=self.form_message)

    def _on_name_picked(self, person_id: str) -> None:
        role = getattr(self, "_roles", {}).get(person_id)
        if role:
            self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.organisation.clear()
        self.email.clear()

    def _on_add_clicked(self) -> None:
        role, attendance = self.role.currentData(), self.new_attendance.currentData()
        person_id = self.name.person_id()
        if role in (Role.CHILD.value, Role.PARENT.value):
            fields = {"name": self.name.text(), "role": role, "attendance": attendance,
                      "organisation": self.organisation.text() or None,
                      "email": self.email.text() or None}
            if role == Role.CHILD.value:
                fields["child_id"] = self.child.currentData()
            job = self.env.item_job(meeting_service.add_participant, **fields)
        elif person_id:
            job = self.env.item_job(roster_service.add_person, person_id, role, attendance)
        else:
            job = self.env.item_job(roster_service.add_new_person, name=self.name.text(),
                                    role=role, organisation=self.organisation.text() or None,
                                    email=self.email.text() or None, attendance=attendance)

        def done(_result: object) -> None:
            self.name.clear()
            self.organisation.clear()
            self.email.clear()
            self.form_message.setText("")
            self.name.setFocus()
        self.env.act(job, done, problems=self.form_message)
