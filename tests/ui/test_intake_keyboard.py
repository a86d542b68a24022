"""The aanmelding by keyboard only: an unborn child without a name is stored with its checklist,
a wrong date names the child in the form's own date format, Escape asks before typed work goes,
and Tab walks out of the tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tafelapp.services import case_service, vault_service
from tests.conftest import PASSPHRASE
from tests.setup.region import set_up_region
from tests.ui.conftest import App
from tests.ui.keys import CTRL, SHIFT, alt, focused, press, tab_to, type_text
from ui.views.intake_dialog import IntakeDialog

TODAY = dt.date.today()


def _open(make_app: Callable[..., App], tmp_path: Path) -> tuple[App, IntakeDialog]:
    path = tmp_path / "kluis.tafelapp"
    session = vault_service.create(path, PASSPHRASE, actor="secretaris")
    set_up_region(session)
    session.close()
    app = make_app(path)
    app.window.activateWindow()
    app.qtbot.waitUntil(app.window.isActiveWindow, timeout=10_000)
    app.window.unlock_view.passphrase.setFocus()
    type_text(PASSPHRASE)
    press(Qt.Key.Key_Return)
    app.settle()
    app.window.region.show_intake()
    app.qtbot.waitUntil(lambda: app.window.region.intake is not None, timeout=15_000)
    dialog = app.window.region.intake
    assert dialog is not None
    app.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=10_000)
    dialog.activateWindow()
    app.qtbot.waitUntil(dialog.isActiveWindow, timeout=10_000)
    dialog.table.setFocus()
    return app, dialog


def _melder_and_family(app: App, dialog: IntakeDialog) -> None:
    alt("m")
    type_text("Ilse")
    popup = dialog.referrer.completer().popup()
    assert popup is not None
    app.qtbot.waitUntil(popup.isVisible, timeout=5_000)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)
    alt("g")
    type_text("Bos")
    alt("o")  # "Ouder toevoegen": the cursor lands in the new row's first cell
    type_text("Sanne Bos")
    press(Qt.Key.Key_Tab)
    type_text("moeder")
    press(Qt.Key.Key_Tab)
    type_text("j")  # Gezag: ja


def _born_child(name: str, born: str) -> None:
    alt("k")
    type_text(name)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)  # achternaam: that of the family
    type_text(born)
    press(Qt.Key.Key_Tab)


def _unborn_child(due: dt.date) -> None:
    alt("k")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)  # no name, no birth date: on to "Ongeboren"
    type_text("j")
    press(Qt.Key.Key_Tab)
    type_text(f"{due:%d-%m-%Y}")
    press(Qt.Key.Key_Tab)


def _rest(app: App, dialog: IntakeDialog) -> None:
    alt("z")
    alt("b")
    tab_to(app.qtbot, dialog.checklist.table.cellWidget(0, 0))  # Tab into the checklist
    press(Qt.Key.Key_Tab)  # from the question to its answer
    type_text("Zorgen over geweld in huis, ook na de geboorte.")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)  # next question
    press(Qt.Key.Key_Tab)
    type_text("Verloskundige ziet moeder elke maand.")
    for box in (dialog.criteria["development_threatened"], dialog.criteria["care_not_accepted"],
                *dialog.preconditions.values()):
        tab_to(app.qtbot, box)
        press(Qt.Key.Key_Space)
    tab_to(app.qtbot, dialog.question)
    type_text("Herhaalde zorgen; hulp wordt onvoldoende geaccepteerd.")


def _back_in(app: App, dialog: IntakeDialog) -> None:
    """The question has closed and the dialog has the keyboard again."""
    app.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=10_000)
    dialog.activateWindow()
    app.qtbot.waitUntil(dialog.isActiveWindow, timeout=10_000)


def _stored(app: App) -> list[Any]:
    ids = [c.id for c in app.call(case_service.list_cases)]
    return [app.call(partial(case_service.get_case, case_id=i)) for i in ids]


def test_an_unborn_child_without_a_name_is_registered_with_its_checklist(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, dialog = _open(make_app, tmp_path)
    _melder_and_family(app, dialog)
    _born_child("Noa", f"14-03-{TODAY.year - 13}")
    _unborn_child(TODAY + dt.timedelta(days=100))
    _rest(app, dialog)
    app.qtbot.waitUntil(lambda: "compleet" in dialog.problems.text(), timeout=15_000)
    tab_to(app.qtbot, dialog.submit)
    press(Qt.Key.Key_Space)
    app.qtbot.waitUntil(lambda: app.window.region.intake is None, timeout=20_000)
    app.settle()
    (case,) = _stored(app)
    assert case.referral.date == TODAY  # the aanmelding is dated today, not 01-01-2000
    assert [c.first_name for c in case.children] == ["Noa", ""]
    unborn = case.children[1]
    assert unborn.unborn and unborn.last_name == "Bos"
    assert unborn.called(case.family) == "ongeboren kind van Sanne Bos"
    details = unborn.unborn_details
    assert details is not None and details.expected_date == TODAY + dt.timedelta(days=100)
    assert details.pregnancy_certain and details.whereabouts_known
    assert [a.answer for a in details.checklist] == [
        "Zorgen over geweld in huis, ook na de geboorte.", "Verloskundige ziet moeder elke maand."]
    assert case.family.guardians[0].has_custody is True


def test_a_wrong_date_names_the_child_in_the_forms_format_and_nothing_is_stored(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, dialog = _open(make_app, tmp_path)
    where = (dialog.submit.mapTo(dialog, QPoint(0, 0)), dialog.child_rows.table.geometry())
    _melder_and_family(app, dialog)
    _born_child("Noa", "31-02-2013")
    app.qtbot.waitUntil(lambda: "Noa, geboortedatum" in dialog.problems.text(), timeout=15_000)
    # The message has its own room: nothing moved when it appeared.
    assert (dialog.submit.mapTo(dialog, QPoint(0, 0)), dialog.child_rows.table.geometry()) == where
    text = dialog.problems.text()
    assert "'31-02-2013' is geen geldige datum; typ de datum als 14-03-2013" in text
    assert "JJJJ" not in text and "Kind 1" not in text
    tab_to(app.qtbot, dialog.submit)
    press(Qt.Key.Key_Space)
    # Refused: the cursor goes to Noa's birth date and nothing is stored.
    table = dialog.child_rows.table
    app.qtbot.waitUntil(lambda: focused() is table and table.currentColumn() == 2,
                        timeout=15_000)
    assert dialog.child_rows.cell_name(table.currentRow(), 2) == "Noa, geboortedatum"
    app.settle()
    assert app.call(case_service.list_cases) == []


def test_an_unborn_child_due_in_the_past_or_too_far_ahead_is_refused_with_the_rule(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, dialog = _open(make_app, tmp_path)
    _melder_and_family(app, dialog)
    _unborn_child(TODAY - dt.timedelta(days=3))
    place = "ongeboren kind van Sanne Bos, uitgerekende datum: "
    app.qtbot.waitUntil(lambda: place.lower() in dialog.problems.text().lower(), timeout=15_000)
    assert f"ligt vóór de aanmelding ({TODAY:%d-%m-%Y})" in dialog.problems.text()
    # Three years ahead: the rule says how far a due date can be.
    dialog.child_rows.table.enter_cell(0, 4)
    type_text(f"{TODAY.replace(year=TODAY.year + 3):%d-%m-%Y}")
    press(Qt.Key.Key_Return)
    app.qtbot.waitUntil(lambda: "meer dan 10 maanden na de aanmelding" in dialog.problems.text(),
                        timeout=15_000)
    tab_to(app.qtbot, dialog.submit)
    press(Qt.Key.Key_Space)
    app.qtbot.waitUntil(lambda: dialog.submit.isEnabled(), timeout=15_000)
    app.settle()
    assert app.call(case_service.list_cases) == []
    assert dialog.isVisible()  # the row is refused at the row, never dropped


def test_escape_asks_before_a_half_filled_aanmelding_is_thrown_away(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, dialog = _open(make_app, tmp_path)
    _melder_and_family(app, dialog)
    _born_child("Noa", f"14-03-{TODAY.year - 13}")
    alt("g")
    press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox),
                        timeout=10_000)
    box = QApplication.activeModalWidget()
    assert box is not None and box.windowTitle() == "Wijzigingen weggooien?"
    press(Qt.Key.Key_Return)  # the default answer: keep editing
    _back_in(app, dialog)
    assert dialog.isVisible() and dialog.family_name.text() == "Bos"
    assert dialog.child_rows.rows()[0]["first_name"] == "Noa"
    dialog.family_name.setFocus()
    press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox),
                        timeout=10_000)
    press(Qt.Key.Key_Escape)  # Escape in the question also keeps the work
    _back_in(app, dialog)
    assert dialog.isVisible()
    dialog.family_name.setFocus()
    press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox),
                        timeout=10_000)
    alt("j")  # "Ja, weggooien"
    app.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    app.settle()
    assert app.call(case_service.list_cases) == []


def test_escape_closes_an_untouched_aanmelding_at_once(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, dialog = _open(make_app, tmp_path)
    press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)


def test_tab_walks_through_the_children_table_and_out_of_it(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, dialog = _open(make_app, tmp_path)
    table = dialog.child_rows.table
    tab_to(app.qtbot, dialog.child_rows.add_button)
    press(Qt.Key.Key_Space)  # "Kind toevoegen": the cursor goes to the new row's first cell
    assert focused() is table and (table.currentRow(), table.currentColumn()) == (0, 0)
    type_text("Noa")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    assert focused().accessibleName() == "Noa, geboortedatum" or (
        table.currentColumn() == 2 and dialog.child_rows.cell_name(0, 2) == "Noa, geboortedatum")
    press(Qt.Key.Key_Tab)
    combo = table.cellWidget(0, 3)
    assert focused() is combo and combo.accessibleName() == "Noa, ongeboren"
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)  # past the last cell: out of the table, to its button
    assert focused() is dialog.child_rows.add_button
    press(Qt.Key.Key_Tab, SHIFT)
    assert focused() is table and table.currentColumn() == 4
    press(Qt.Key.Key_N, CTRL)  # Ctrl+N in a table: a new row, cursor in it
    assert table.rowCount() == 2 and (table.currentRow(), table.currentColumn()) == (1, 0)
    for _ in range(5):
        press(Qt.Key.Key_Tab)
    assert focused() is dialog.child_rows.add_button
    names = [dialog.child_rows.cell_name(0, c) for c in range(5)]
    assert names == ["Noa, voornaam", "Noa, achternaam",
                     "Noa, geboortedatum", "Noa, ongeboren", "Noa, uitgerekende datum"]


def test_locking_hides_a_half_filled_aanmelding_and_unlocking_brings_it_back(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, dialog = _open(make_app, tmp_path)
    _melder_and_family(app, dialog)
    app.window.lock()
    app.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)  # no case data shown
    view = app.window.unlock_view
    app.window.activateWindow()
    app.qtbot.waitUntil(app.window.isActiveWindow, timeout=10_000)
    app.qtbot.waitUntil(view.passphrase.isVisible, timeout=10_000)
    view.passphrase.setFocus()
    type_text(PASSPHRASE)
    press(Qt.Key.Key_Return)
    app.qtbot.waitUntil(dialog.isVisible, timeout=15_000)
    assert dialog.family_name.text() == "Bos" and dialog.guardians.rows()[0]["name"] == "Sanne Bos"
    assert app.window.region.intake is dialog


def test_the_melders_organisation_is_named_as_asked_and_a_fixed_one_clears(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    """A new melder of a municipality may not file at the JBT: the message names 'Organisatie
    van de melder' (the form has no 'Soort melder'), and choosing Veilig Thuis by keyboard
    clears it (it stayed until another field changed)."""
    app, dialog = _open(make_app, tmp_path)
    alt("m")
    type_text("Piet Nieuwkomer")  # not in the address book: a new melder
    alt("g")
    type_text("Bos")
    _born_child("Noa", "14-03-2013")
    combo = dialog.referrer_org
    combo.setFocus()
    app.qtbot.waitUntil(combo.hasFocus, timeout=5_000)
    type_text("Gemeente")  # a drop-down's type-ahead, as a person picks by keyboard
    app.qtbot.waitUntil(lambda: "Gemeente" in combo.currentText(), timeout=5_000)
    app.qtbot.waitUntil(lambda: "alleen Veilig Thuis" in dialog.problems.text(), timeout=10_000)
    said = dialog.problems.text()
    assert "Organisatie van de melder" in said and "Soort melder" not in said
    app.qtbot.wait(QApplication.keyboardInputInterval() + 100)  # a new type-ahead, as a pause
    type_text("Veilig")
    app.qtbot.waitUntil(lambda: "Veilig Thuis" in combo.currentText(), timeout=5_000)
    app.qtbot.waitUntil(lambda: "alleen Veilig Thuis" not in dialog.problems.text(),
                        timeout=10_000)
