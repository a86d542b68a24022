"""Tab through the aanmelding in a small window (as at 150 %): what has the cursor — a field, a
drop-down in a table, a table's current cell — is scrolled into view each time (a newcomer
tabbed 20 times through the unborn child's checklist she could not see)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea, QWidget

from tests.ui.conftest import App
from tests.ui.keys import press
from tests.ui.test_intake_keyboard import _open


def _shown(area: QScrollArea, widget: QWidget) -> bool:
    """The cursor's place (a table's current cell, else the widget's top strip) is in view."""
    if isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
        rect = widget.visualRect(widget.currentIndex())
        top_left = widget.viewport().mapTo(area.viewport(), rect.topLeft())
        place = QRect(top_left, rect.size())
    else:
        top_left = widget.mapTo(area.viewport(), QPoint(0, 0))
        place = QRect(top_left, widget.size())
        place.setHeight(min(place.height(), 20))
    return area.viewport().rect().contains(place)


def test_tab_through_the_aanmelding_keeps_the_cursor_in_view(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app, dialog = _open(make_app, tmp_path)
    dialog.resize(1000, 360)
    app.qtbot.wait(50)
    area = next(a for a in dialog.findChildren(QScrollArea) if a.widget() is not None
                and a.widget().isAncestorOf(dialog.checklist))
    inner = area.widget()
    dialog.child_rows.table.setFocus()
    seen = 0
    for _ in range(80):
        press(Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None
        if inner.isAncestorOf(widget):
            seen += 1
            assert _shown(area, widget), (widget.accessibleName() or type(widget).__name__)
    assert seen > 20 and area.verticalScrollBar().maximum() > 0
