"""A newcomer's empty vault: the overview says where to begin instead of an empty list ("0
casus(sen)" and nothing else); with no table a button (Tab, Enter) opens the set-up wizard again
after it was closed with Escape; with a table the pointer is the aanmelding; cases show the list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tafelapp.services import overview_service
from tests.ui.conftest import App
from tests.ui.keys import press, tab_to, type_text, wait_focus
from ui.views.overview_view import SET_UP_FIRST, START_TEXT

PASSPHRASE = "zeven woorden voor een nieuwe kluis"


def _has_ring(widget: QWidget) -> bool:
    """The focus ring of resources/focus.qss (dark blue #0d47a1) is drawn round the widget."""
    image = widget.grab().toImage()
    return any(image.pixelColor(x, image.height() // 2).name() == "#0d47a1" for x in range(3))


def test_an_empty_vault_points_to_the_set_up_and_opens_it_by_keyboard(
        make_app: Callable[..., App], tmp_path: Path, no_demo: None) -> None:
    app = make_app(tmp_path / "leeg.tafelapp")
    window, view = app.window, app.window.overview_view
    wait_focus(app.qtbot, window.unlock_view.new_passphrase)
    type_text(PASSPHRASE)
    press(Qt.Key.Key_Tab)
    type_text(PASSPHRASE)
    press(Qt.Key.Key_Return)
    app.qtbot.waitUntil(lambda: window.region.wizard is not None, timeout=20_000)
    app.settle()
    wizard = window.region.wizard
    app.qtbot.waitUntil(lambda: wizard is not None and wizard.isActiveWindow(), timeout=5_000)
    press(Qt.Key.Key_Escape)  # nothing typed: it closes without asking
    app.qtbot.waitUntil(lambda: window.region.wizard is None, timeout=5_000)
    app.settle()
    window.activateWindow()  # as a window manager does when a dialog closes (offscreen: not)
    app.qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    assert window.stack.currentWidget() is view
    assert view.case_area.currentWidget() is view.empty and view.empty_text.isVisible()
    assert view.empty_text.text() == SET_UP_FIRST and view.set_up.isVisible()
    assert view.set_up.hasFocus()  # the first thing to do has the cursor
    ring = _has_ring(view.set_up)
    tab_to(app.qtbot, view.new_intake)  # Tab leaves it and comes back to it
    assert ring and not _has_ring(view.set_up) and _has_ring(view.new_intake)
    tab_to(app.qtbot, view.set_up)
    press(Qt.Key.Key_Return)
    app.qtbot.waitUntil(lambda: window.region.wizard is not None, timeout=5_000)
    app.settle()
    assert window.region.wizard.region.text() == ""  # a new set-up, not a made-up region


def test_a_table_without_cases_points_to_the_aanmelding_and_cases_show_the_list(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    view = app.window.overview_view
    assert view.case_area.currentWidget() is view.cases and view.cases.isVisible()
    tables = app.call(overview_service.overview).tables
    view.show_data(tables, [], [])
    assert view.case_area.currentWidget() is view.empty
    assert view.empty_text.text() == START_TEXT and not view.set_up.isVisible()
