"""Does every interactive widget of a screen have a name that says what it is and for whom, as a
screen reader gets it from Qt's accessibility layer (QAccessible)? Used by the screen walks."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox,
               QAbstractItemView, QTabBar)


def _interactive(top: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if not widget.isVisibleTo(top) or not widget.isEnabled():
            continue
        if widget.focusPolicy() == widget.focusPolicy().NoFocus and \
                not isinstance(widget, QAbstractButton):
            continue
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue  # the line edit inside a combo or spin box is the box itself
        found.append(widget)
    return found


def name_of(widget: QWidget) -> str:
    """The accessible name Qt gives a screen reader (label buddy, text, or set explicitly); on
    Linux Qt gives a drop-down's current text as its name and the name set on it through a
    relation, so a drop-down's own accessible name is read directly."""
    if isinstance(widget, QComboBox) and widget.accessibleName():
        return widget.accessibleName().strip()
    face = QAccessible.queryAccessibleInterface(widget)
    return (face.text(QAccessible.Text.Name) if face is not None else "").strip()


def _value_of(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return (face.text(QAccessible.Text.Value) if face is not None else "").strip()


def unnamed(top: QWidget) -> tuple[int, list[str]]:
    """(interactive widgets checked, problems): no name, a name that is only the current value
    ("voorzitter", "aanwezig"), or the same name on two controls of one screen."""
    widgets = _interactive(top)
    problems: list[str] = []
    names: Counter[str] = Counter()
    for widget in widgets:
        name = name_of(widget)
        value = _value_of(widget)
        kind = type(widget).__name__
        if not name:
            problems.append(f"{kind} zonder naam ({widget.objectName() or value or 'leeg'})")
        elif isinstance(widget, QComboBox | QAbstractSpinBox) and not widget.accessibleName():
            problems.append(f"{kind} heet naar zijn waarde: '{name}'")
        else:
            names[name] += 1
    problems.extend(f"{n}× dezelfde naam '{name}'" for name, n in names.items() if n > 1)
    return len(widgets), problems
