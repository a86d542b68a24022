"""Aanmelding: a new case with its melder, family, children (or unborn child) and question."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain import labels
from tafelapp.domain.calendar import typed_date
from tafelapp.domain.models import Table
from tafelapp.domain.problems import Problem
from tafelapp.services.directory_service import Directory
from ui.text import problem_html
from ui.views.steps.base import date_edit
from ui.widgets.discard_guard import DiscardGuard
from ui.widgets.editable_table import Column, EditableTable
from ui.widgets.fit import fit_to_screen
from ui.widgets.message_area import MessageArea
from ui.widgets.person_picker import PersonPicker

JBT_ROUTES = ["VTO", "VTH", "SPOED_VOTS", "VTO_GM", "HERSTEL_GEZAG"]
CRITERIA = {"development_threatened": "Ontwikkeling vermoedelijk ernstig bedreigd",
            "care_not_accepted": "Ouders/jeugdige accepteren de hulp onvoldoende",
            "care_not_effective": "Ouders/jeugdige profiteren onvoldoende van de hulp",
            "perspective_unclear": "Opvoedingsperspectief is onduidelijk"}
PRECONDITIONS = {"safety_plan_made": "Veiligheidsplan gemaakt",
                 "help_in_place": "Passende hulp ingezet", "choices_discussed":
                 "Keuzes en gevolgen met het gezin besproken",
                 "registered_in_vir": "Geregistreerd in de Verwijsindex"}


_DATE_FIELDS = {"birth_date": "birth_date", "expected_date": "expected_date"}


def _wrapped(text: str) -> QLabel:
    """A label that wraps (a long one never makes the form wider than a small screen)."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class IntakeDialog(DiscardGuard, QDialog):
    """Collects the fields of `intake_service.register_case`; the service applies every rule.

    Every child row the user typed in goes to the service (an unborn child needs no name), so a
    row is stored or refused with a message naming that child, never dropped. Escape asks before
    typed work is thrown away.
    """

    changed = Signal()
    submit_requested = Signal(dict)

    def __init__(self, tables: list[Table], book: Directory, parent: Any = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nieuwe aanmelding")
        fit_to_screen(self, 1000, 680)
        self.book = book
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own (invisible)
        inner = QWidget()
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        body = QVBoxLayout(inner)

        top = QFormLayout()
        self.table = QComboBox()
        self.table.setAccessibleName("Tafel")
        for t in tables:
            self.table.addItem(t.name, t.id)
        self._kinds = {t.id: t.kind.value for t in tables}
        self._municipalities = {t.id: t.municipality for t in tables}
        self.route = QComboBox()
        self.route.setAccessibleName("Route")
        self.date = date_edit("Datum aanmelding")
        day = today or dt.date.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.referrer = PersonPicker("Melder")
        self.referrer.set_people([(p.id, book.label(p), p.name) for p in book.people])
        self.referrer_org = QComboBox()
        self.referrer_org.setAccessibleName("Organisatie van de melder")
        for org in book.organisations:
            self.referrer_org.addItem(org.name, org.id)
        top.addRow("&Tafel", self.table)
        top.addRow("&Route", self.route)
        top.addRow("&Datum aanmelding", self.date)
        top.addRow("&Melder", self.referrer)
        top.addRow("Organisatie van de melder", self.referrer_org)
        self.family_name = QLineEdit()
        self.address = QLineEdit()
        self.postcode = QLineEdit()
        self.city = QLineEdit()
        for label, edit in (("&Gezin (achternaam)", self.family_name), ("&Adres", self.address),
                            ("&Postcode", self.postcode), ("&Woonplaats", self.city)):
            edit.setAccessibleName(label.replace("&", ""))
            top.addRow(label, edit)
        body.addLayout(top)

        body.addWidget(QLabel("<b>Ouders en gezaghebbenden</b>"))
        self.guardians = EditableTable([
            Column("name", "Naam", width=200), Column("relation", "Relatie", width=100),
            Column("has_custody", "Gezag", [("", "onbekend"), ("ja", "ja"), ("nee", "nee")],
                   width=90),
            Column("phone", "Telefoon", width=110), Column("email", "E-mailadres", width=200),
            Column("address", "Ander adres"),
        ], "Ouders en gezaghebbenden", "&Ouder toevoegen", visible_rows=3,
            row_name=lambda r, i: r["name"] or f"Ouder {i + 1}")
        body.addWidget(self.guardians)
        body.addWidget(_wrapped("<b>Kinderen</b> (geboortedatum als 14-03-2013; een lege "
                                "achternaam is die van het gezin; een ongeboren kind heeft "
                                "nog geen naam nodig)"))
        self.child_rows = EditableTable([
            Column("first_name", "Voornaam", width=150),
            Column("last_name", "Achternaam", width=170),
            Column("birth_date", "Geboortedatum", width=120),
            Column("unborn", "Ongeboren", [("nee", "nee"), ("ja", "ja")], width=90),
            Column("expected_date", "Uitgerekende datum"),
        ], "Kinderen", "&Kind toevoegen", visible_rows=3, row_name=self._child_name)
        body.addWidget(self.child_rows)

        self.unborn_box = QWidget()
        unborn = QVBoxLayout(self.unborn_box)
        unborn.setContentsMargins(0, 0, 0, 0)
        unborn.addWidget(_wrapped("<b>Ongeboren kind</b>: bodemeis en checklist (001 §2.2). "
                                "Wat onbekend is, staat er met de reden."))
        self.pregnancy_certain = QCheckBox("De &zwangerschap is zeker")
        self.whereabouts_known = QCheckBox("De verblijfplaats van de zwangere is &bekend")
        self.other_household = QCheckBox("Het kind hoort bij een ander &huishouden")
        for box in (self.pregnancy_certain, self.whereabouts_known, self.other_household):
            unborn.addWidget(box)
        self.checklist = EditableTable([
            Column("item", "Vraag", list(labels.CHECKLIST.items()), width=380),
            Column("answer", "Antwoord", width=260), Column("unknown_reason", "Onbekend omdat"),
        ], "Checklist ongeboren kind", "Vraag toevoegen", visible_rows=10,
            row_name=lambda r, i: labels.CHECKLIST.get(r.get("item") or "", f"Vraag {i + 1}"))
        for item in labels.CHECKLIST:
            self.checklist.add_row({"item": item})
        unborn.addWidget(self.checklist)
        body.addWidget(self.unborn_box)

        self.criteria_box = QWidget()
        grid = QGridLayout(self.criteria_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("<b>Criteria</b> (001 §2.1)"), 0, 0)
        self.criteria = {k: QCheckBox(v) for k, v in CRITERIA.items()}
        self.preconditions = {k: QCheckBox(v) for k, v in PRECONDITIONS.items()}
        for row, box in enumerate(self.criteria.values(), start=1):
            grid.addWidget(box, row, 0)
        grid.addWidget(QLabel("<b>Gedaan vóór de aanmelding</b> (001 §2.1.2)"), 5, 0)
        for row, box in enumerate(self.preconditions.values(), start=6):
            grid.addWidget(box, row, 0)  # one column: it fits a small screen at 150 %
        body.addWidget(self.criteria_box)
        body.addWidget(QLabel("<b>Vraag aan de tafel</b>"))
        self.question = QPlainTextEdit()
        self.question.setTabChangesFocus(True)
        self.question.setAccessibleName("Vraag aan de tafel")
        self.question.setMaximumHeight(90)
        body.addWidget(self.question)

        self.problems = MessageArea(3, "Controle van de aanmelding")
        outer.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel = QPushButton("Annuleren")
        self.cancel.setAutoDefault(False)
        self.submit = QPushButton("Aanmelden en op de agenda zetten")
        self.submit.setDefault(True)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit)
        outer.addLayout(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.changed)
        self.table.currentIndexChanged.connect(self._on_table_changed)
        self.referrer.picked.connect(self._on_referrer_picked)
        for edit in (self.referrer, self.family_name, self.address, self.postcode, self.city):
            edit.textChanged.connect(lambda _t: self._debounce.start())
        for table in (self.guardians, self.child_rows, self.checklist):
            table.table.itemChanged.connect(lambda _i: self._debounce.start())
        for box in [*self.criteria.values(), *self.preconditions.values(),
                    self.pregnancy_certain, self.whereabouts_known, self.other_household]:
            box.toggled.connect(lambda _b: self._debounce.start())
        self.question.textChanged.connect(self._debounce.start)
        self.route.currentIndexChanged.connect(lambda _i: self._debounce.start())
        # the melder's organisation and the date decide rules too: a fixed problem goes away
        self.referrer_org.currentIndexChanged.connect(lambda _i: self._debounce.start())
        self.date.dateChanged.connect(lambda _d: self._debounce.start())
        self.cancel.clicked.connect(self.reject)
        self.submit.clicked.connect(self._on_submit)
        self._child_rows: list[int] = []
        self._focus_problem = False
        self._on_table_changed()
        self.mark_clean()

    def typed_state(self) -> Any:
        """Everything typed or chosen (the tables' rows, texts, boxes)."""
        texts = [e.text() for e in (self.referrer, self.family_name, self.address,
                                    self.postcode, self.city)]
        boxes = [b.isChecked() for b in (*self.criteria.values(), *self.preconditions.values(),
                                         self.pregnancy_certain, self.whereabouts_known,
                                         self.other_household)]
        return (texts, boxes, self.question.toPlainText(), self.date.date(),
                self.table.currentIndex(), self.route.currentIndex(),
                self.referrer_org.currentIndex(),
                [t.rows() for t in (self.guardians, self.child_rows, self.checklist)])

    def _child_name(self, row: dict[str, Any], index: int) -> str:
        """How the screen names a child row: its first name, or 'ongeboren kind van …'."""
        if row.get("first_name"):
            return str(row["first_name"])
        if row.get("unborn") == "ja":
            mothers = [g["name"] for g in self.guardians.rows()
                       if g["name"] and g["relation"].lower() in ("moeder", "zwangere")]
            return f"ongeboren kind van {mothers[0]}" if mothers else "ongeboren kind"
        return f"Kind {index + 1}"

    def _on_submit(self) -> None:
        self._focus_problem = True
        self.submit_requested.emit(self.fields())

    def _on_table_changed(self, _index: int = 0) -> None:
        kind = self._kinds.get(self.table.currentData() or "", "JBT")
        self.route.clear()
        for route in (JBT_ROUTES if kind == "JBT" else ["ZVT"]):
            self.route.addItem(labels.ROUTE[route], route)
        self.criteria_box.setVisible(kind == "JBT")
        if not self.city.text() or self.city.text() in self._municipalities.values():
            self.city.setText(self._municipalities.get(self.table.currentData() or "", ""))
        self._debounce.start()

    def _on_referrer_picked(self, person_id: str) -> None:
        person = self.book.person(person_id)
        if person and person.organisation_id:
            self.referrer_org.setCurrentIndex(max(0, self.referrer_org.findData(
                person.organisation_id)))

    def fields(self) -> dict[str, Any]:
        """The aanmelding as keyword arguments (the melder by id, or by name to add on the spot)."""
        children = []
        unborn_details = {
            "pregnancy_certain": self.pregnancy_certain.isChecked(),
            "whereabouts_known": self.whereabouts_known.isChecked(),
            "other_household": self.other_household.isChecked(),
            "checklist": [{"item": r["item"], "known": not r["unknown_reason"],
                           "answer": r["answer"] or None,
                           "unknown_reason": r["unknown_reason"] or None}
                          for r in self.checklist.rows() if r["answer"] or r["unknown_reason"]]}
        self._child_rows = []
        for index, r in enumerate(self.child_rows.rows()):
            unborn = r["unborn"] == "ja"
            if not (r["first_name"] or r["last_name"] or r["birth_date"] or unborn
                    or r["expected_date"]):
                continue  # a row nobody typed in
            child: dict[str, Any] = {"id": r["id"], "first_name": r["first_name"],
                                     "last_name": r["last_name"] or self.family_name.text(),
                                     "unborn": unborn}
            if r["birth_date"] or not unborn:
                child["birth_date"] = typed_date(r["birth_date"])
            if unborn or r["expected_date"]:
                child["unborn_details"] = {"expected_date": typed_date(r["expected_date"]),
                                           **unborn_details}
            children.append(child)
            self._child_rows.append(index)
        guardians = [{"id": r["id"], "name": r["name"], "relation": r["relation"],
                      "has_custody": {"ja": True, "nee": False}.get(r["has_custody"] or ""),
                      "phone": r["phone"] or None, "email": r["email"] or None,
                      "address": r["address"] or None}
                     for r in self.guardians.rows() if any(
                         r[k] for k in ("name", "relation", "has_custody", "phone", "email",
                                        "address"))]
        qd = self.date.date()
        kind = self._kinds.get(self.table.currentData() or "", "JBT")
        return {
            "table_id": self.table.currentData(), "route": self.route.currentData(),
            "referrer_id": self.referrer.person_id() or "",
            "referrer_name": self.referrer.text().strip(),
            "referrer_organisation_id": self.referrer_org.currentData(),
            "referral_date": dt.date(qd.year(), qd.month(), qd.day()),
            "family": {"name": self.family_name.text().strip(),
                       "address": self.address.text().strip() or None,
                       "postcode": self.postcode.text().strip() or None,
                       "city": self.city.text().strip() or None, "guardians": guardians},
            "children": children, "question": self.question.toPlainText().strip(),
            "criteria": {k: b.isChecked() for k, b in self.criteria.items()} if kind == "JBT"
            else {},
            "preconditions": {k: b.isChecked() for k, b in self.preconditions.items()}
            if kind == "JBT" else {},
        }

    def _place(self, problem: Problem) -> tuple[str, str]:
        """Where a problem is, naming the child ('Noa, geboortedatum'), and its message in the
        date format the field asks for (14-03-2013)."""
        place, message = labels.field_place(problem.field), problem.message
        parts = problem.field.split(".")
        if parts[0] == "children" and len(parts) > 1 and parts[1].isdigit() \
                and int(parts[1]) < len(self._child_rows):
            row = self._child_rows[int(parts[1])]
            values = self.child_rows.rows()[row]
            rest = place.split(", ", 1)[1] if ", " in place else ""
            rest = ", ".join(w[:1].lower() + w[1:] for w in rest.split(", ")
                             if w and w != "Ongeboren kind")
            place = ", ".join(x for x in (self._child_name(values, row), rest) if x)
            key = next((k for k in _DATE_FIELDS if k == parts[-1]), None)
            if key and problem.code.startswith("invalid.date"):
                message = (f"'{values[key]}' is geen geldige datum; typ de datum als "
                           "14-03-2013 (dag-maand-jaar)")
        return place, message

    def show_problems(self, problems: list[Problem]) -> None:
        """The live check, each problem with its place ('Noa, geboortedatum: …'); after
        'Aanmelden' the cursor goes to the first refused child row."""
        shown = []
        for p in problems:
            place, message = self._place(p)
            shown.append(Problem(p.code, p.field, f"{place}: {message}", p.severity))
        self.problems.setText(problem_html(shown) if shown else
                              "<span style='color:#2e7d32'>De aanmelding is compleet.</span>")
        if self._focus_problem:
            self._focus_problem = False
            self._focus_first(problems)

    def _focus_first(self, problems: list[Problem]) -> None:
        for p in problems:
            parts = p.field.split(".")
            if p.severity.value == "error" and parts[0] == "children" and len(parts) > 1 \
                    and parts[1].isdigit() and int(parts[1]) < len(self._child_rows):
                row = self._child_rows[int(parts[1])]
                keys = [c.key for c in self.child_rows.columns]
                col = keys.index(parts[-1]) if parts[-1] in keys else 0
                self.child_rows.table.enter_cell(row, col)
                return
