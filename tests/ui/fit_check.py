"""Is every control of a screen on the screen? Used by the screenshot walks in `--check` mode."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox)


def _scroll_area(widget: QWidget, top: QWidget) -> QAbstractScrollArea | None:
    """The outermost scroll area (or table) around `widget`: scrolling it brings it in view."""
    found = None
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            found = parent
        parent = parent.parentWidget()
    return found


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    return f"{type(widget).__name__} '{text or widget.accessibleName() or widget.objectName()}'"


def unreachable(top: QWidget) -> list[str]:
    """Controls outside the window (or outside the scroll area that holds them), squeezed below
    what their text needs, and a window larger than the screen it is on."""
    problems: list[str] = []
    screen = top.screen().availableGeometry()
    if top.width() > screen.width() or top.height() > screen.height():
        problems.append(f"venster {top.width()}×{top.height()} is groter dan het scherm "
                        f"{screen.width()}×{screen.height()}")
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(top):
            continue
        holder = _scroll_area(widget, top)
        target = holder if holder is not None else widget  # in a scroll area or a table: scrolls
        rect = QRect(target.mapTo(top, QPoint(0, 0)), target.size())
        if not top.rect().adjusted(-1, -1, 1, 1).contains(rect):  # a pixel of rounding
            problems.append(f"{_name(widget)} valt buiten het venster ({rect.x()},{rect.y()} "
                            f"{rect.width()}×{rect.height()} in {top.width()}×{top.height()})")
        elif isinstance(widget, QAbstractButton) and widget.text() and \
                widget.width() < widget.minimumSizeHint().width() - 2:
            problems.append(f"{_name(widget)} is te smal voor zijn tekst "
                            f"({widget.width()} < {widget.minimumSizeHint().width()})")
    return problems
