"""The wizard's 'ketenregisseur zonder eigen tafel', by keyboard: saved, the app opens on the
regiowerklijst with the table-only screens hidden (after a restart too); unticked, they return."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tafelapp.services import settings_service
from tests.conftest import PASSPHRASE
from tests.ui.conftest import App
from tests.ui.keys import alt, focused, press
from tests.ui.test_setup_wizard import _open_wizard


def _save_on_last_page(app: App) -> None:
    wizard = app.window.region.wizard
    assert wizard is not None
    wizard.go(4)  # the pages in between are the existing set-up, checked by the wizard's tests
    wizard.save.setFocus()
    press(Qt.Key.Key_Return)  # on the last page Enter = Opslaan
    app.qtbot.waitUntil(lambda: app.window.region.wizard is None, timeout=15_000)
    app.settle()


def test_a_ketenregisseur_without_a_table_opens_on_the_region_werklijst(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, wizard = _open_wizard(make_app, tmp_path)
    window = app.window
    app.settle()
    assert not wizard.region_only.isChecked()
    alt("k")
    assert wizard.region_only.isChecked()
    _save_on_last_page(app)
    assert app.call(settings_service.get_settings).region_only
    assert window.stack.currentWidget() is window.region_worklist_view
    assert not window.bars.overview_action.isVisible()
    assert not window.bars.figures_action.isVisible()
    assert window.bars.region_action.isVisible() and window.bars.outbox_action.isVisible()
    assert not window.region_worklist_view.back.isVisible()
    # without a Zaken API the refresh says so in Dutch; nothing breaks, no copy is invented
    app.qtbot.waitUntil(lambda: "Zaken API van de regio is niet ingesteld" in
                        window.region_worklist_view.message.text(), timeout=15_000)
    assert not window.region_worklist.refreshing
    assert window.region_worklist_view.model.rowCount() == 0
    # Tab goes filters → Verversen → Alles opnieuw lezen → the list (the line buttons wait)
    screen = window.region_worklist_view
    window.activateWindow()
    app.qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    screen.kind.setFocus()
    reached = []
    for _ in range(4):
        press(Qt.Key.Key_Tab)
        reached.append(focused())
    assert reached == [screen.table_filter, screen.refresh, screen.full_refresh, screen.view]
    assert not screen.open_line.isEnabled() and not screen.escalate.isEnabled()
    # locked and unlocked: still her home
    window.lock()
    app.settle()
    app.unlock(PASSPHRASE)
    assert window.stack.currentWidget() is window.region_worklist_view
    # unticked in the wizard: the table screens are back
    window.region.show_wizard()
    app.qtbot.waitUntil(lambda: window.region.wizard is not None, timeout=5_000)
    again = window.region.wizard
    assert again is not None
    app.qtbot.waitUntil(again.region_only.isChecked, timeout=5_000)
    again.activateWindow()
    app.qtbot.waitUntil(again.isActiveWindow, timeout=10_000)
    again.region.setFocus()
    alt("k")
    assert not again.region_only.isChecked()
    _save_on_last_page(app)
    assert not app.call(settings_service.get_settings).region_only
    assert window.bars.overview_action.isVisible()
    assert window.stack.currentWidget() is window.overview_view
    # a chair's laptop: the regiowerklijst is a button on the werklijst, not in the toolbar
    assert not window.bars.region_action.isVisible()
    window.chain.show_worklist()
    app.qtbot.waitUntil(lambda: window.stack.currentWidget() is window.worklist_view,
                        timeout=5_000)
    QTest.keyClick(window.worklist_view.region, Qt.Key.Key_Space)
    app.qtbot.waitUntil(lambda: window.stack.currentWidget() is window.region_worklist_view,
                        timeout=5_000)
    assert window.region_worklist_view.back.isVisible()
