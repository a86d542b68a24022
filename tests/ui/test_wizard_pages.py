"""The set-up wizard by keyboard: Enter on an empty Personen page says so once (a second Enter
goes on), and a page's message does not stay on the page Vorige goes back to (a newcomer saw
step 5's server message on steps 4 and 3 while she filled in people)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.keys import alt, press, type_text
from ui.views.setup_wizard import SetupWizard


def test_empty_pages_are_said_once_and_messages_stay_on_their_page(qtbot: QtBot) -> None:
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5_000)
    wizard.region.setFocus()
    qtbot.waitUntil(wizard.region.hasFocus, timeout=5_000)
    qtbot.keyClicks(wizard.region, "Regio Proefland")
    press(Qt.Key.Key_Return)  # → Organisaties
    assert wizard.pages.currentIndex() == 1
    wizard.go(2)  # (the suggested organisations' own warnings are tested elsewhere)
    alt("o")  # Volgende: nobody on Personen, said, not yet on
    assert wizard.pages.currentIndex() == 2 and "Personen: nog niemand" in wizard.message.text()
    alt("o")  # said once: on to Tafels (the warning goes along as a reminder)
    assert wizard.pages.currentIndex() == 3 and "Tafels" not in wizard.message.text()
    alt("o")
    assert wizard.pages.currentIndex() == 3 and "Tafels: nog geen tafel" in wizard.message.text()
    alt("o")
    assert wizard.pages.currentIndex() == 4
    wizard.show_problems([])  # e.g. a server message on the last page
    wizard.message.setText("Regionale server, adres van de server: gebruik https://")
    wizard.go(3)  # Vorige
    assert wizard.message.text() == ""


def test_a_new_table_starts_in_its_name(qtbot: QtBot) -> None:
    """Alt+T on Tafels put the cursor in the Soort drop-down: 'JBT Testdam' typed there was lost
    (the space opened the list)."""
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5_000)
    wizard.go(3)
    alt("t")  # Tafel toevoegen
    type_text("JBT Testdam")
    press(Qt.Key.Key_Tab)
    [row] = wizard.tables.rows()
    assert (row["name"], row["kind"]) == ("JBT Testdam", "JBT")
