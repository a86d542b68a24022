"""Every toolbar button by keyboard (a newcomer found no way to Instellingen without the mouse):
Ctrl+Shift+W, K, O for Werklijst, Kengetallen, Outbox (R: the Regiowerklijst of a ketenregisseur;
on a chair's laptop it is a button on the werklijst), Ctrl+, opens the
Instellingen menu under its button (↓ and Enter choose, Escape closes), Ctrl+Home the overview."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.conftest import App
from tests.ui.keys import CTRL, SHIFT, press


def test_the_toolbar_by_keyboard(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    app.window.activateWindow()
    app.qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    app.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    for key, screen in ((Qt.Key.Key_W, window.worklist_view), (Qt.Key.Key_K, window.figures_view),
                        (Qt.Key.Key_O, window.outbox_view)):
        press(key, CTRL | SHIFT)
        app.qtbot.waitUntil(lambda s=screen: window.stack.currentWidget() is s, timeout=10_000)
        app.settle()
    press(Qt.Key.Key_Home, CTRL)
    app.qtbot.waitUntil(lambda: window.stack.currentWidget() is window.overview_view,
                        timeout=10_000)
    app.settle()
    press(Qt.Key.Key_Comma, CTRL)
    app.qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu),
                        timeout=5_000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    button = window.bars.toolbar.widgetForAction(window.bars.settings_action)
    under = button.mapToGlobal(button.rect().bottomLeft())
    assert abs(menu.pos().y() - under.y()) < 10 and menu.pos().x() <= under.x()  # not at the pointer
    assert "Regio, tafels en adresboek…" in [a.text() for a in menu.actions()]
    press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=5_000)
    for action in (window.bars.worklist_action, window.bars.settings_action):
        assert "(Ctrl+" in action.toolTip()
