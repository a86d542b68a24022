"""The newcomer's path through the real widgets, from an empty vault to signed and distributed
notulen, with every keystroke, click and typed value counted (used by the test and the bench).

The meeting's content is the demo meeting's (same people, texts, scores, decision and afspraken),
so the keystrokes can be compared with the 1,701 counted for the demo meeting before the address
book existed. Secrets (passphrase, PIN) are counted apart: typing them again is the point.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from tafelapp.domain.steps import MeetingStep
from ui.widgets.editable_table import EditableTable
from ui.widgets.person_picker import PersonPicker

PASSPHRASE = "Proefregio-Duinstede-2026"
PIN = "246813"
# Signing renders the notulen as PDF/A and signs it on the worker: on a busy two-core machine
# (two walks at once, the test run beside them) that took longer than the usual settle.
SIGNING_MS = 60_000
TODAY = dt.date.today()
PEOPLE = [  # name, function, organisation row name, e-mail, usual role
    ("Mr. A. de Voorzitter (fictief)", "voorzitter JBT", "Gemeente Duinstede",
     "a.devoorzitter@example.org", "CHAIR"),
    ("B. Secretaris (fictief)", "secretaris JBT", "Gemeente Duinstede",
     "b.secretaris@example.org", "SECRETARY"),
    ("Ilse Jansen (fictief)", "aandachtsfunctionaris", "Veilig Thuis Duinstede (fictief)",
     "ilse.jansen@example.org", ""),
    ("Karim Bakker (fictief)", "raadsonderzoeker", "Raad voor de Kinderbescherming",
     "karim.bakker@example.org", ""),
    ("Femke de Wit (fictief)", "jeugdbeschermer", "Jeugdbescherming West",
     "femke.dewit@example.org", ""),
]
SAFETY_PLAN = {
    "strengths": "Moeder brengt Daan elke dag naar school. Oma is betrokken en biedt opvang.",
    "worries": "Er zijn in drie maanden twee politiemeldingen van huiselijk geweld geweest. "
               "Noor verzuimt veel en zegt thuis niet te kunnen slapen.",
    "must_happen_now": "Ouders maken met het netwerk een plan zodat de kinderen niet meer getuige "
                       "zijn van geweld; Noor gaat weer naar school.",
    "danger_statement": "De zorg is dat Noor en Daan opnieuw geweld tussen hun ouders meemaken en "
                        "daardoor emotioneel beschadigd raken.",
}  # how the family sees it is asked once, per person, in the Besluit step (issue 18)
GOALS = ["De kinderen zijn thuis veilig en weten bij wie ze terecht kunnen.",
         "Noor gaat iedere schooldag naar school."]
SCORES = {"Mr. A. de Voorzitter (fictief)": 4, "Sanne van Dalen (fictief)": 6,
          "Mehmet Yilmaz (fictief)": 5, "Ilse Jansen (fictief)": 3,
          "Karim Bakker (fictief)": 4, "Femke de Wit (fictief)": 4, "Noor van Dalen": 5}


VOICES = {  # how each sees the zorgen, eens met het besluit, in their own words
    "Sanne": ("De ruzies zijn te veel geworden.", "AGREES", "Ik wil het zelf proberen met hulp."),
    "Mehmet": ("Het valt mee, maar de kinderen zien het.", "PARTLY",
               "Hulp is goed, niet weer dezelfde mensen."),
    "Noor": ("Ik slaap slecht als ze ruzie maken.", "AGREES", "Ik wil dat het thuis stil is."),
}


def chair_certificate(folder: Path) -> Path:
    """The chair's own certificate as a PKCS#12 file (PIN as in the walks), valid for a year."""
    from tests.signing.certs import pkcs12_file

    now = dt.datetime.now(dt.UTC)
    p12 = folder / "voorzitter.p12"
    p12.write_bytes(pkcs12_file("A. de Voorzitter (fictief)", PIN, now - dt.timedelta(days=1),
                                now + dt.timedelta(days=365)))
    return p12


@dataclass
class Recorder:
    """Counts what a person does: keystrokes, clicks, and each value typed (to find repeats)."""

    qtbot: Any
    keystrokes: int = 0
    clicks: int = 0
    secret_keystrokes: int = 0
    content_keystrokes: int = 0
    family_keystrokes: int = 0
    values: list[str] = field(default_factory=list)
    phases: dict[str, tuple[int, int]] = field(default_factory=dict)
    on_shot: Callable[[str, QWidget], None] | None = None
    _phase_start: tuple[int, int] = (0, 0)

    def shot(self, name: str, widget: QWidget) -> None:
        """A moment worth a screenshot (docs/screenshots); nothing happens without `on_shot`."""
        if self.on_shot is not None:
            self.on_shot(name, widget)

    def phase(self, name: str) -> None:
        """Close the running phase under `name` (keystrokes, clicks since the last one)."""
        self.phases[name] = (self.keystrokes - self._phase_start[0],
                             self.clicks - self._phase_start[1])
        self._phase_start = (self.keystrokes, self.clicks)

    def type(self, widget: QWidget, text: str, secret: bool = False,
             family_words: bool = False) -> None:
        """Click into a field and type a value with real key events (`family_words`: what the
        family said, free text as well, counted apart: it is new since issue 13)."""
        self.clicks += 1
        self.qtbot.keyClicks(widget, text)
        if secret:
            self.secret_keystrokes += len(text)
        else:
            self.keystrokes += len(text)
            self.values.append(text)
            if isinstance(widget, QPlainTextEdit) or family_words:  # only a person can write it
                self.content_keystrokes += len(text)
            if family_words:
                self.family_keystrokes += len(text)

    def search(self, picker: PersonPicker, letters: str, name: str) -> None:
        """Type a few letters into a type-ahead field and pick the entry (not a typed value)."""
        self.clicks += 2
        self.qtbot.keyClicks(picker, letters)
        self.keystrokes += len(letters)
        label = next(label for label in picker._names if picker._names[label] == name)
        picker.choose(label)
        popup = picker.completer().popup()
        if popup is not None:
            popup.hide()

    def complete(self, edit: QLineEdit, letters: str, value: str) -> None:
        """Type a few letters into a field with a completer and pick the suggestion."""
        self.clicks += 2
        self.qtbot.keyClicks(edit, letters)
        self.keystrokes += len(letters)
        model = edit.completer().model()
        found = [model.index(i, 0).data() for i in range(model.rowCount())]
        assert value in found, (value, found)
        edit.setText(value)

    def click(self, button: QAbstractButton) -> None:
        """One mouse click on a button or check box."""
        self.clicks += 1
        button.click()

    def choose(self, combo: QComboBox, data: Any) -> None:
        """Open a drop-down and pick an option (two clicks)."""
        self.clicks += 2
        index = combo.findData(data)
        assert index >= 0, (combo.accessibleName(), data)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    def cell(self, table: EditableTable, row: int, key: str, value: str) -> None:
        """Click a cell of a grid and type its value."""
        self.clicks += 1
        self.keystrokes += len(value)
        self.values.append(value)
        table.set_cell(row, key, value)

    def pick(self, table: EditableTable, row: int, key: str, value: Any) -> None:
        """Choose a value in a grid's drop-down (two clicks)."""
        self.clicks += 2
        table.set_cell(row, key, value)

    def date(self, edit: Any, day: dt.date) -> None:
        """Pick a day in a calendar pop-up (three clicks)."""
        self.clicks += 3
        edit.setDate(QDate(day.year, day.month, day.day))

    def repeated(self) -> dict[str, int]:
        """Every value typed more than once, with how often (case and spaces aside)."""
        counts = Counter(" ".join(v.lower().split()) for v in self.values if v.strip())
        return {v: n for v, n in counts.items() if n > 1}


@contextmanager
def dialogs(answers: dict[str, Any]) -> Iterator[None]:
    """Answer Qt's modal file and input dialogs the way a person would click through them."""
    def get_item(_parent: Any, title: str, _label: str, items: list[str], current: int = 0,
                 _editable: bool = True) -> tuple[str, bool]:
        wanted = answers.get(f"item:{title}")
        pick = next((i for i in items if wanted and wanted in i), items[current])
        return pick, True

    def get_text(_parent: Any, title: str, *_args: Any, **_kw: Any) -> tuple[str, bool]:
        return answers[f"text:{title}"], True
    with mock.patch("PySide6.QtWidgets.QInputDialog.getItem", side_effect=get_item), \
            mock.patch("PySide6.QtWidgets.QInputDialog.getText", side_effect=get_text), \
            mock.patch("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                       side_effect=lambda *_a, **_k: (answers["open"], "")), \
            mock.patch("PySide6.QtWidgets.QFileDialog.getExistingDirectory",
                       side_effect=lambda *_a, **_k: answers["folder"]), \
            mock.patch("PySide6.QtWidgets.QMessageBox.question",
                       side_effect=lambda *_a, **_k: answers["confirm"]):
        yield


def first_start(app: Any, r: Recorder) -> None:
    """Create the vault (no demo) and wait for the set-up wizard."""
    w = app.window
    view = w.unlock_view
    r.type(view.new_passphrase, PASSPHRASE, secret=True)
    r.type(view.repeat_passphrase, PASSPHRASE, secret=True)
    r.click(view.create_button)
    app.qtbot.waitUntil(lambda: w.region.wizard is not None, timeout=20_000)
    app.settle()
    r.phase("kluis")


def set_up_region(app: Any, r: Recorder) -> None:
    """The wizard: region, organisations (suggestions edited), people, one JBT; no server."""
    wz = app.window.region.wizard
    r.type(wz.region, "Regio Haaglanden (fictief)")
    r.shot("10-inrichting-regio", wz)
    r.click(wz.next)
    orgs = wz.organisations
    r.cell(orgs, 0, "complaints", "0800-0000001")  # else the wizard warns once
    r.cell(orgs, 1, "name", "Veilig Thuis Duinstede (fictief)")
    r.cell(orgs, 1, "complaints", "0800-0000002")
    r.cell(orgs, 2, "name", "Gemeente Duinstede")
    r.click(orgs.add_button)
    r.cell(orgs, 5, "name", "Jeugdbescherming West")
    r.pick(orgs, 5, "kind", "GI")
    r.cell(orgs, 5, "target_groups", "alle doelgroepen behalve beperking")
    r.shot("11-inrichting-organisaties", wz)
    r.click(wz.next)
    org_ids = {row["name"]: row["id"] for row in orgs.rows()}
    people = wz.people
    for index, (name, function, org, email, role) in enumerate(PEOPLE):
        r.click(people.add_button)
        r.cell(people, index, "name", name)
        r.cell(people, index, "function", function)
        r.pick(people, index, "organisation_id", org_ids[org])
        r.cell(people, index, "email", email)
        if name.startswith("Femke"):  # the casusregisseur: the family is told whom to call
            r.cell(people, index, "phone", "06-00000009")
        if role:
            r.pick(people, index, "role", role)
    r.shot("12-inrichting-personen", wz)
    r.click(wz.next)
    person_ids = {row["name"]: row["id"] for row in people.rows()}
    tables = wz.tables
    r.click(tables.add_button)
    r.cell(tables, 0, "name", "Jeugdbeschermingstafel Duinstede")
    r.cell(tables, 0, "municipality", "Duinstede")
    r.cell(tables, 0, "place", "Stadskantoor Duinstede, zaal 4")
    r.pick(tables, 0, "weekday", str(TODAY.weekday()))
    r.cell(tables, 0, "usual_start", "9:30")
    r.pick(tables, 0, "default_chair_id", person_ids[PEOPLE[0][0]])
    r.pick(tables, 0, "default_secretary_id", person_ids[PEOPLE[1][0]])
    r.shot("13-inrichting-tafels", wz)
    r.click(wz.next)
    r.click(wz.save)  # no regional server yet: offline
    app.qtbot.waitUntil(lambda: app.window.region.wizard is None, timeout=20_000)
    app.settle()
    r.phase("inrichting")


def register_case(app: Any, r: Recorder) -> None:
    """Aanmelding of the demo family with Noor (13) and an unborn child; onto the agenda."""
    w = app.window
    r.click(w.overview_view.new_intake)
    app.qtbot.waitUntil(lambda: w.region.intake is not None, timeout=15_000)
    d = w.region.intake
    r.search(d.referrer, "Ilse", "Ilse Jansen (fictief)")
    r.type(d.family_name, "Fictief-Van Dalen")
    r.type(d.address, "Voorbeeldlaan 1")
    r.type(d.postcode, "9999 ZZ")
    assert d.city.text() == "Duinstede"  # the table's municipality, unless typed otherwise
    r.click(d.guardians.add_button)
    r.cell(d.guardians, 0, "name", "Sanne van Dalen (fictief)")
    r.cell(d.guardians, 0, "relation", "moeder")
    r.pick(d.guardians, 0, "has_custody", "ja")
    r.cell(d.guardians, 0, "phone", "06-00000001")
    r.cell(d.guardians, 0, "email", "sanne.vandalen@example.org")
    r.click(d.guardians.add_button)
    r.cell(d.guardians, 1, "name", "Mehmet Yilmaz (fictief)")
    r.cell(d.guardians, 1, "relation", "vader")
    r.pick(d.guardians, 1, "has_custody", "ja")
    born = dt.date(TODAY.year - 13, 3, 14)
    r.click(d.child_rows.add_button)
    r.cell(d.child_rows, 0, "first_name", "Noor")
    r.cell(d.child_rows, 0, "last_name", "van Dalen")
    r.cell(d.child_rows, 0, "birth_date", f"{born.day}-{born.month}-{born.year}")
    r.click(d.child_rows.add_button)
    r.cell(d.child_rows, 1, "first_name", "Baby")
    r.pick(d.child_rows, 1, "unborn", "ja")
    expected = TODAY + dt.timedelta(days=120)
    r.cell(d.child_rows, 1, "expected_date", f"{expected:%d-%m-%Y}")
    r.click(d.pregnancy_certain)
    r.click(d.whereabouts_known)
    r.cell(d.checklist, 0, "answer", "Zorgen over geweld in huis, ook na de geboorte.")
    r.cell(d.checklist, 1, "answer", "Verloskundige ziet moeder elke maand.")
    r.cell(d.checklist, 4, "unknown_reason", "De vader is nog niet gesproken.")
    for key in ("development_threatened", "care_not_accepted"):
        r.click(d.criteria[key])
    for box in d.preconditions.values():
        r.click(box)
    r.type(d.question, "Herhaalde zorgen over huiselijk geweld en schoolverzuim van Noor; ouders "
                       "accepteren de ingezette hulp onvoldoende.")
    app.qtbot.waitUntil(lambda: "compleet" in d.problems.text() or "<li" in d.problems.text(),
                        timeout=15_000)
    r.shot("14-aanmelding", d)
    r.click(d.submit)
    app.qtbot.waitUntil(lambda: w.region.intake is None, timeout=20_000)
    app.settle()
    assert w.stack.currentWidget() is w.agenda_view
    r.phase("aanmelding")


def at_home(app: Any, r: Recorder) -> None:
    """The meeting is held today at the family's home: change the header (address from the case)."""
    w = app.window
    r.click(w.agenda_view.edit_header)
    app.qtbot.waitUntil(lambda: w.region.meeting_dialog is not None
                        and w.region.meeting_dialog.isVisible(), timeout=15_000)
    dialog = w.region.meeting_dialog
    r.choose(dialog.location_kind, "FAMILY_HOME")
    assert dialog.location_text.text() == "Voorbeeldlaan 1, Duinstede"
    r.date(dialog.date, TODAY)
    dialog.accept()
    r.clicks += 1
    app.settle()


def run_meeting(app: Any, r: Recorder, steps: dict[MeetingStep, Any]) -> None:
    """Every step of the meeting, with the demo meeting's content."""
    w, bot = app.window, app.qtbot
    r.click(w.agenda_view.start)
    app.settle()
    view = w.meeting_view
    opening = steps[MeetingStep.OPENING]
    r.click(opening.opened)
    r.click(opening.reported)
    app.settle()
    view.go_to(MeetingStep.PARTICIPANTS)
    r.clicks += 1
    app.settle()
    people = steps[MeetingStep.PARTICIPANTS]
    for name in ("Karim Bakker (fictief)", "Femke de Wit (fictief)"):
        if r.on_shot is not None and name.startswith("Karim"):
            people.name.setFocus()
            bot.keyClicks(people.name, "Ka")
            people.name.completer().complete()
            app.qtbot.wait(50)
            r.shot("15-adresboek-kiezen", w)
            people.name.completer().popup().hide()
            people.name.clear()
        r.search(people.name, name.split()[0], name)
        r.click(people.add)
        app.settle()
    view.go_to(MeetingStep.SAFETY_PLAN)
    r.clicks += 1
    plan = steps[MeetingStep.SAFETY_PLAN]
    for key, text in SAFETY_PLAN.items():
        r.type(plan.fields[key], text)
    r.choose(plan.shares, "yes")
    r.type(plan.goals, GOALS[0])
    bot.keyClick(plan.goals, Qt.Key.Key_Return)
    r.keystrokes += 1
    r.type(plan.goals, GOALS[1])
    app.settle()
    view.go_to(MeetingStep.SCALING)
    r.clicks += 1
    app.settle()
    scaling = steps[MeetingStep.SCALING]
    ctx = view.env.ctx
    for pid, spin in scaling.spins.items():
        name = ctx.item.participant(pid).name
        r.clicks += 1
        r.keystrokes += 1
        spin.setValue(SCORES[name])
    app.settle()
    view.go_to(MeetingStep.DECISION)
    r.clicks += 1
    decision = steps[MeetingStep.DECISION]
    app.settle()
    assert decision.voices.rows, "the parents and Noor (13) are asked before the decision"
    for row in decision.voices.rows:  # each in their own words, before the decision
        first = row.name.text().removeprefix("<b>").split()[0]
        r.type(row.view, VOICES[first][0], family_words=True)
        r.choose(row.stance, VOICES[first][1])
        r.type(row.words, VOICES[first][2], family_words=True)
        r.click(row.save)
        app.settle()
    r.click(decision.choices["POSTPONED_INVESTIGATION"])
    r.type(decision.motivation, "Ouders delen de zorgen en willen meewerken. Hulp onder "
                                "voorwaarden krijgt eerst een kans; bij het niet nakomen start "
                                "het onderzoek alsnog.")
    r.date(decision.evaluation, TODAY + dt.timedelta(days=91))
    r.type(decision.conditions, "Wekelijkse gezinsbehandeling; Noor gaat iedere schooldag naar "
                                "school.")
    r.choose(decision.institution, decision.institution.itemData(1))
    r.complete(decision.preference, "West", "Jeugdbescherming West")
    bot.keyClick(decision.preference, Qt.Key.Key_Tab)  # leave the field: it is saved
    app.settle()
    view.go_to(MeetingStep.CASE_LEAD)
    r.clicks += 1
    lead = steps[MeetingStep.CASE_LEAD]
    r.search(lead.person, "Femke", "Femke de Wit (fictief)")
    r.click(lead.assign)
    app.settle()
    r.click(lead.accept)
    app.settle()
    view.go_to(MeetingStep.AGREEMENTS)
    r.clicks += 1
    agreements = steps[MeetingStep.AGREEMENTS]
    for text, kind, owner, consequence, due in (
            ("Er is geen geweld meer in het bijzijn van de kinderen.", "GOAL", "Ouders", "", 0),
            ("Ouders werken mee aan de gezinsbehandeling, elke week.", "CONDITION", "Ouders",
             "Als ouders niet meewerken, start de Raad alsnog het raadsonderzoek.", 14),
            ("De JB zoekt met oma uit of Daan daar kan logeren bij spanning.", "ARRANGEMENT",
             "Femke de Wit (fictief)", "", 7)):
        r.type(agreements.text, text)
        r.choose(agreements.kind, kind)
        r.complete(agreements.owner, owner[:3], owner)
        if consequence:
            r.type(agreements.consequence, consequence)
        if due:
            r.click(agreements.has_due)
            r.date(agreements.due, TODAY + dt.timedelta(days=due))
        r.click(agreements.add)
        app.settle()
        assert agreements.message.text() == "", agreements.message.text()
    view.go_to(MeetingStep.CLOSING)
    r.clicks += 1
    closing = steps[MeetingStep.CLOSING]
    r.click(closing.has_next)
    app.settle()
    r.phase("bespreking")


def sign_and_distribute(app: Any, r: Recorder, folder: Path, p12: Path) -> list[Path]:
    """Notulen: the chair's own certificate (linked once, confirmed), the secretary's local
    identity (linked by name), two signatures, the missing address resolved, the .eml drafts."""
    w = app.window
    closing = w.meeting_view.pages[MeetingStep.CLOSING]
    r.click(closing.minutes)
    app.settle()
    mv = w.minutes_view
    answers = {"open": str(p12), "folder": str(folder),
               "text:PKCS#12 importeren": PIN, "text:Lokale identiteit": PIN,
               "item:Identiteit koppelen": "Mr. A. de Voorzitter",
               "item:Lokale identiteit": "B. Secretaris", "confirm": mock_yes()}
    with dialogs(answers):
        r.click(mv.import_identity)
        r.secret_keystrokes += len(PIN)
        app.settle()
        r.choose(mv.identity, mv.identity.itemData(0))
        r.click(mv.link_identity)
        r.clicks += 2  # pick the person, answer "Ja"
        app.settle()
        r.click(mv.new_identity)
        r.clicks += 1
        r.secret_keystrokes += len(PIN)
        app.settle()
        for role in ("CHAIR", "SECRETARY"):
            holder = "de Voorzitter" if role == "CHAIR" else "Secretaris"
            index = next(i for i in range(mv.identity.count())
                         if holder in mv.identity.itemText(i))
            r.choose(mv.identity, mv.identity.itemData(index))
            assert mv.role.currentData() == role
            r.type(mv.pin, PIN, secret=True)
            r.click(mv.sign)
            app.settle(timeout=SIGNING_MS)
            assert "Ondertekend" in mv.message.text() or "Vastgesteld" in mv.message.text(), \
                mv.message.text()
        r.shot("16-notulen-verzendlijst", w)
        missing = dict(mv.recipients.fields)
        for edit in missing.values():
            r.type(edit, "mehmet.yilmaz@example.org")
            edit.returnPressed.emit()
            r.keystrokes += 1
            app.settle()
        r.click(mv.send)
        app.settle()
    r.phase("notulen")
    return sorted(folder.rglob("*.eml"))  # a subfolder per meeting


def mock_yes() -> Any:
    """The 'Ja' answer of a question box."""
    from PySide6.QtWidgets import QMessageBox
    return QMessageBox.StandardButton.Yes


def newcomer_path(app: Any, r: Recorder, folder: Path, p12: Path,
                  after: Callable[[str], None] | None = None) -> list[Path]:
    """The whole path; `after(phase)` runs after each phase (screenshots, checks)."""
    note = after or (lambda _p: None)
    first_start(app, r)
    note("wizard")
    set_up_region(app, r)
    note("overview")
    register_case(app, r)
    note("agenda")
    at_home(app, r)
    run_meeting(app, r, app.window.meeting_view.pages)
    note("meeting")
    drafts = sign_and_distribute(app, r, folder, p12)
    note("minutes")
    return drafts


def plain(widget: QPlainTextEdit | QLineEdit) -> str:
    """The text of a field."""
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
