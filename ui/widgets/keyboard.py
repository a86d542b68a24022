"""Keyboard helpers for the meeting and notulen screens: tab order, focus style, Alt in text fields."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

_QSS = Path(__file__).resolve().parents[2] / "resources" / "focus.qss"
_FALLBACK = ("*:focus { border: 2px solid #0d47a1; }"
             "QPushButton:focus { background: #e3f2fd; }")
INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit,
               QAbstractItemView, QTabBar)


def focus_style() -> str:
    """The stylesheet of the focus indicator (resources/focus.qss)."""
    try:
        return _QSS.read_text(encoding="utf-8")
    except OSError:
        return _FALLBACK


def enter_clicks(watched: QObject, event: QEvent) -> bool:
    """Enter on a button the cursor is on clicks it, outside dialogs too (Qt clicks on Enter only
    in a dialog, where the default button has its own rules; on a screen of the main window Enter
    on a tabbed-to button did nothing and only Space worked). True when the key was the button's
    (clicked; or held down, or on a button that is off: nothing happens)."""
    if not isinstance(watched, QPushButton) or not isinstance(event, QKeyEvent):
        return False
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
        return False
    if watched.autoDefault() or watched.isDefault() or isinstance(watched.window(), QDialog):
        return False  # Qt's own handling (a dialog's default button) stays as it is
    if watched.isEnabled() and not event.isAutoRepeat():
        watched.click()
    return True


def is_inner_part(widget: QWidget) -> bool:
    """True for the line edit inside a spin box or combo box (the outer widget takes focus)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def takes_tab(widget: QWidget, *, enabled_only: bool = True) -> bool:
    """Reachable by Tab right now: shown, enabled and accepting tab focus (`enabled_only` off:
    also a field that is off now but may be switched on, so it keeps its place in the order)."""
    if isinstance(widget, QLabel):
        flags = widget.textInteractionFlags()
        if not flags & Qt.TextInteractionFlag.LinksAccessibleByKeyboard:
            return False
    elif not isinstance(widget, INTERACTIVE):
        return False
    return (widget.isVisibleTo(widget.window()) and (widget.isEnabled() or not enabled_only)
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and not is_inner_part(widget))


def visual_chain(root: QWidget, *, enabled_only: bool = True) -> list[QWidget]:
    """The widgets under `root` that Tab should visit, top to bottom and left to right (with
    `enabled_only` off, the ones switched off now too: Qt skips them while they are off)."""
    found = [w for w in root.findChildren(QWidget) if takes_tab(w, enabled_only=enabled_only)]

    def where(w: QWidget) -> tuple[int, int]:
        p = w.mapTo(root, QPoint(0, 0))
        return (p.y() + w.height() // 2) // 8, p.x()  # a row is whatever shares its middle
    return sorted(found, key=where)


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab goes through `widgets` in this order (each next to the one before)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)


_TEXT_INPUT = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QComboBox)


def stray_alt(watched: QObject, event: QEvent) -> bool:
    """Alt+letter that is no shortcut would type the letter into a text field or number box (Qt
    on Linux accepts Alt+key as text): True when `event` is such a key for such a widget, to be
    swallowed. A mnemonic or shortcut is matched before the key press arrives, so what arrives
    here was none; AltGr (Ctrl+Alt on Windows, its own key on X11) still types."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or \
            not isinstance(watched, _TEXT_INPUT):
        return False
    mods = event.modifiers()
    alt_only = bool(mods & Qt.KeyboardModifier.AltModifier) and not mods & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
    return alt_only and bool(event.text()) and event.text().isprintable()


def _areas(widget: QWidget) -> list[tuple[QScrollArea, QWidget]]:
    """Every scroll area around `widget`, innermost first, with the widget it scrolls."""
    found = []
    around = widget.parentWidget()
    while around is not None:
        if isinstance(around, QScrollArea):
            inner = around.widget()
            if inner is not None and inner.isAncestorOf(widget):
                found.append((around, inner))
        around = around.parentWidget()
    return found


def follow_focus(_old: QWidget | None, new: QWidget | None) -> None:
    """The field the cursor moves to is scrolled into view in every scroll area around it (a
    long form at 150 %: Tab reached fields below the visible part and nothing moved)."""
    if new is not None:
        for area, _inner in _areas(new):
            area.ensureWidgetVisible(new, 12, 12)


def follow_cell(table: QAbstractItemView, row: int, column: int) -> None:
    """The current cell of a table inside a form's scroll area is scrolled into view as the
    cursor moves cell by cell (the table keeps the focus: `follow_focus` does not see it)."""
    index = table.model().index(row, column) if table.model() is not None else None
    if index is None or not index.isValid():
        return
    cell = table.visualRect(index)
    for area, inner in _areas(table):
        middle = table.viewport().mapTo(inner, cell.center())
        area.ensureVisible(middle.x(), middle.y(), cell.width() // 2 + 12,
                           cell.height() // 2 + 12)


def prepare_text_fields(root: QWidget) -> None:
    """In a multi-line field under `root` Tab moves on instead of typing a tab (idempotent)."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            widget.setTabChangesFocus(True)


class EarlyStepKeys:
    """Alt+1…n pressed while a meeting is still being opened (the agenda still on screen) is
    kept and carried out once the meeting is there, instead of lost. On only while opening: the
    meeting screen's own Alt+1…n would otherwise be ambiguous."""

    def __init__(self, window: QWidget, count: int) -> None:
        self.kept: int | None = None
        self._keys = [QShortcut(QKeySequence(f"Alt+{n}"), window, lambda n=n: self._keep(n - 1))
                      for n in range(1, count + 1)]
        self.release()

    def _keep(self, row: int) -> None:
        self.kept = row

    def hold(self) -> None:
        """From now until `release`: keep the last Alt+number pressed."""
        self.kept = None
        for key in self._keys:
            key.setEnabled(True)

    def release(self) -> int | None:
        """Stop keeping; the row (0-based) of the step asked for meanwhile, if any."""
        for key in self._keys:
            key.setEnabled(False)
        row, self.kept = self.kept, None
        return row
