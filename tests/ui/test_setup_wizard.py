"""The set-up wizard under Instellingen, by keyboard: it shows the current set-up, checks each page
on Volgende (a wrong value refused at its row, nothing stored; a missing complaints route warned
once), keeps its buttons in place, saves on the last page, asks before Escape throws work away;
a region file is read in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tafelapp.services import directory_service, setup_service, vault_service
from tests.conftest import PASSPHRASE
from tests.setup.region import set_up_region
from tests.ui.conftest import App
from tests.ui.keys import CTRL, SHIFT, alt, focused, press, type_text
from ui.views.setup_wizard import SetupWizard


def _vault(path: Path) -> None:
    session = vault_service.create(path, PASSPHRASE, actor="beheerder")
    set_up_region(session)
    session.close()


def _open_wizard(make_app: Callable[..., App], tmp_path: Path) -> tuple[App, SetupWizard]:
    _vault(tmp_path / "kluis.tafelapp")
    app = make_app(tmp_path / "kluis.tafelapp")
    app.unlock()
    assert app.window.region.wizard is None  # set up already: no wizard on unlock
    app.window.region.show_wizard()
    app.settle()
    wizard = app.window.region.wizard
    assert wizard is not None
    wizard.activateWindow()
    app.qtbot.waitUntil(wizard.isActiveWindow, timeout=10_000)
    wizard.region.setFocus()
    return app, wizard


def test_the_wizard_by_keyboard_checks_each_page_on_volgende_and_saves_on_the_last(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, wizard = _open_wizard(make_app, tmp_path)
    assert wizard.region.text() == "Regio Proefland"
    places = (wizard.next.geometry(), wizard.save.geometry(), wizard.back.geometry())
    assert not wizard.save.isEnabled()  # Opslaan only on the last page
    press(Qt.Key.Key_Return)  # Enter = Volgende
    orgs = wizard.organisations
    assert wizard.pages.currentWidget() is orgs
    # The Raad and Veilig Thuis have no complaints route: a warning at the row, once.
    alt("o")
    assert wizard.pages.currentWidget() is orgs
    text = wizard.message.text()
    raad = [r["name"] for r in orgs.rows()].index("Raad voor de Kinderbescherming")
    assert (f"Organisatie {raad + 1} (Raad voor de Kinderbescherming), klachtenregeling: de Raad "
            "heeft geen klachtenregeling") in text and "Veilig Thuis heeft geen" in text
    table = orgs.table
    assert focused() is table and (table.currentRow(), table.currentColumn()) == (raad, 5)
    assert (wizard.next.geometry(), wizard.save.geometry()) == places[:2]  # no jump
    type_text("0800-1234 (Raad)")
    press(Qt.Key.Key_Return)
    for _ in range(3):
        press(Qt.Key.Key_Tab, SHIFT)  # back to the Raad's phone
    type_text("088-1234567")
    press(Qt.Key.Key_Tab)
    type_text("info@rvdk.example.org")
    press(Qt.Key.Key_Return)
    alt("o")  # Veilig Thuis still has none: said once more, then on
    assert wizard.pages.currentWidget() is orgs and "Raad" not in wizard.message.text()
    alt("o")
    people = wizard.people
    assert wizard.pages.currentWidget() is people
    names = [r["name"] for r in people.rows()]
    femke = names.index("Femke de Wit")
    assert focused() is people.table and people.table.currentRow() == 0
    for _ in range(femke):
        press(Qt.Key.Key_Down)
    alt("e")  # E-mailadres: in the form under the grid, for the person on the cursor's row
    assert focused().accessibleName() == "Femke de Wit, e-mailadres"
    type_text("femke@")
    before = app.call(directory_service.directory)
    alt("o")
    assert wizard.pages.currentWidget() is people  # refused at the row, nothing stored
    assert "Persoon 2 (Femke de Wit), e-mailadres" in wizard.message.text()
    assert people.table.currentRow() == femke  # the cursor in the refused value's own field
    assert focused().accessibleName() == "Femke de Wit, e-mailadres"
    press(Qt.Key.Key_A, CTRL)
    type_text("femke.dewit@jbp.example.org")
    alt("o")
    assert wizard.pages.currentWidget() is wizard.tables
    alt("o")
    assert wizard.pages.currentIndex() == 4 and wizard.save.isEnabled()
    assert not wizard.next.isEnabled()
    assert (wizard.next.geometry(), wizard.save.geometry(), wizard.back.geometry()) == places
    assert app.call(directory_service.directory) == before
    press(Qt.Key.Key_Return)  # on the last page Enter = Opslaan
    app.settle()
    assert app.window.region.wizard is None
    book = app.call(directory_service.directory)
    femke_stored = next(p for p in book.people if p.name == "Femke de Wit")
    assert femke_stored.email == "femke.dewit@jbp.example.org"
    raad = next(o for o in book.organisations if o.kind.value == "RVDK")
    assert (raad.phone, raad.email, raad.complaints) == (
        "088-1234567", "info@rvdk.example.org", "0800-1234 (Raad)")
    chair = next(p for p in book.people if p.name == "Mr. A. de Voorzitter")
    assert chair.table_ids == [t.id for t in app.call(setup_service.export_region).tables][:1]


def test_escape_in_the_wizard_asks_before_typed_work_is_thrown_away(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, wizard = _open_wizard(make_app, tmp_path)
    press(Qt.Key.Key_End)
    type_text(" en Omstreken")
    press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox),
                        timeout=10_000)
    press(Qt.Key.Key_Return)  # default: keep editing
    app.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is wizard, timeout=10_000)
    assert wizard.region.text() == "Regio Proefland en Omstreken"
    wizard.activateWindow()
    app.qtbot.waitUntil(wizard.isActiveWindow, timeout=10_000)
    wizard.region.setFocus()
    press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox),
                        timeout=10_000)
    alt("j")
    app.qtbot.waitUntil(lambda: app.window.region.wizard is None, timeout=10_000)
    assert app.call(setup_service.region_name) == "Regio Proefland"


def test_a_new_vault_reads_a_region_file_in_the_wizard(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    source = tmp_path / "bron.tafelapp"
    _vault(source)
    session = vault_service.unlock(source, PASSPHRASE)
    region_file = tmp_path / "regio.json"
    region_file.write_text(setup_service.export_region_json(session), "utf-8")
    session.close()
    app = make_app(tmp_path / "nieuw.tafelapp")
    view = app.window.unlock_view
    view.new_passphrase.setText(PASSPHRASE)
    view.repeat_passphrase.setText(PASSPHRASE)
    view.create_button.click()
    app.qtbot.waitUntil(lambda: app.window.region.wizard is not None, timeout=20_000)
    app.window.region.import_file(region_file)
    app.settle()
    wizard = app.window.region.wizard
    assert wizard is not None and wizard.region.text() == "Regio Proefland"
    assert len(wizard.people.rows()) == 5
    assert "5 nieuw" not in app.window.statusBar().currentMessage()
    assert "10 nieuw" in app.window.statusBar().currentMessage()
    assert app.call(setup_service.is_set_up)


def test_people_leave_the_book_but_organisations_and_tables_in_use_stay(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    _vault(tmp_path / "kluis.tafelapp")
    app = make_app(tmp_path / "kluis.tafelapp")
    app.unlock()
    app.window.region.show_wizard()
    app.settle()
    wizard = app.window.region.wizard
    assert wizard is not None
    wizard.organisations.select_row(0)
    wizard.organisations.remove_button.click()
    assert len(wizard.organisations.rows()) == 4 and "blijft bewaard" in wizard.message.text()
    names = [r["name"] for r in wizard.people.rows()]
    wizard.people.select_row(names.index("Mr. A. de Voorzitter"))  # the table's usual chair
    wizard.people.remove_button.click()
    assert "is vaste voorzitter of secretaris van JBT Proefstad" in wizard.message.text()
    assert len(wizard.people.rows()) == 5
    wizard.people.select_row(names.index("Ilse Jansen"))
    wizard.people.remove_button.click()
    wizard.go(4)
    wizard.save.click()
    app.settle()
    assert app.window.region.wizard is None
    left = [p.name for p in app.call(directory_service.directory).people]
    assert "Ilse Jansen" not in left and len(left) == 4


def test_the_tables_page_form_below_the_grid_is_reached_by_tab_and_stored(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, wizard = _open_wizard(make_app, tmp_path)
    press(Qt.Key.Key_Return)  # Volgende (in a grid Enter edits the cell, so Alt+O from here)
    alt("o")  # the Raad and Veilig Thuis have no complaints route: said once
    alt("o")
    alt("o")
    tables = wizard.tables
    assert wizard.pages.currentWidget() is tables
    assert focused() is tables.table.cellWidget(0, 0)  # the first cell of the first table
    for _ in range(5):
        press(Qt.Key.Key_Tab)  # the five columns in the grid, then out of it
    assert focused() is tables.add_button
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    place = focused()
    assert place.accessibleName() == "JBT Proefstad, vaste plek"
    press(Qt.Key.Key_A, CTRL)
    type_text("Stadskantoor, zaal 5")
    press(Qt.Key.Key_Tab)
    assert focused().accessibleName() == "JBT Proefstad, voorzitter"
    type_text("Fem")  # type-ahead in the list: Femke de Wit
    alt("o")
    assert wizard.pages.currentIndex() == 4
    alt("p")  # Opslaan (Alt+S is the client secret's field on this page)
    app.settle()
    assert app.window.region.wizard is None
    book = app.call(directory_service.directory)
    femke = next(p for p in book.people if p.name == "Femke de Wit")
    (table,) = app.call(setup_service.export_region).tables
    assert table.place == "Stadskantoor, zaal 5" and table.default_chair_id == femke.id


def test_a_person_row_typed_without_a_name_is_refused_at_that_row_not_dropped(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, wizard = _open_wizard(make_app, tmp_path)
    for _ in range(3):
        alt("o")  # Regio, Organisaties (the complaints warning once), on to Personen
    people = wizard.people
    assert wizard.pages.currentWidget() is people
    before = len(people.rows())
    press(Qt.Key.Key_N, CTRL)  # a new row, the cursor in its first cell
    press(Qt.Key.Key_Tab)
    type_text("jurist")  # a function, but no name
    press(Qt.Key.Key_Return)
    alt("o")
    assert wizard.pages.currentWidget() is people
    assert f"Persoon {before + 1}, naam" in wizard.message.text()
    assert (people.table.currentRow(), people.table.currentColumn()) == (before, 0)
    assert len(app.call(directory_service.directory).people) == before  # nothing stored
