"""The set-up wizard under Instellingen: it shows the current set-up, refuses a wrong value at its
row with the field named, stores nothing then, and stores a correction; a region file is read in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tafelapp.services import directory_service, setup_service, vault_service
from tests.conftest import PASSPHRASE
from tests.setup.region import set_up_region
from tests.ui.conftest import App


def _vault(path: Path) -> None:
    session = vault_service.create(path, PASSPHRASE, actor="beheerder")
    set_up_region(session)
    session.close()


def test_the_wizard_changes_the_set_up_and_refuses_at_the_field(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    _vault(tmp_path / "kluis.tafelapp")
    app = make_app(tmp_path / "kluis.tafelapp")
    app.unlock()
    assert app.window.region.wizard is None  # set up already: no wizard on unlock
    app.window.region.show_wizard()
    app.settle()
    wizard = app.window.region.wizard
    assert wizard is not None and wizard.region.text() == "Regio Proefland"
    people = wizard.people
    rows = people.rows()
    assert [r["name"] for r in rows][:2] == ["B. Secretaris", "Femke de Wit"]
    assert rows[1]["organisation_id"]  # the organisation survived the round trip to the grid
    tables = wizard.tables.rows()
    assert tables[0]["default_chair_id"] and tables[0]["weekday"] == "1"
    before = app.call(directory_service.directory)
    people.set_cell(1, "email", "femke@")
    wizard.go(4)
    wizard.save.click()
    app.settle()
    assert "Persoon 2 (Femke de Wit), e-mailadres" in wizard.message.text()
    assert wizard.pages.currentWidget() is people
    assert app.call(directory_service.directory) == before  # nothing stored
    people.set_cell(1, "email", "femke.dewit@jbp.example.org")
    wizard.save.click()
    app.settle()
    assert app.window.region.wizard is None
    femke = next(p for p in app.call(directory_service.directory).people
                 if p.name == "Femke de Wit")
    assert femke.email == "femke.dewit@jbp.example.org"
    assert femke.organisation_id == rows[1]["organisation_id"]
    chair = next(p for p in app.call(directory_service.directory).people
                 if p.name == "Mr. A. de Voorzitter")
    assert chair.table_ids == [tables[0]["id"]]  # the table chaired by default


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
