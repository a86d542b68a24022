"""The grid inside an editable table: Tab walks its cells (drop-downs included) and leaves it."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex
_EDIT_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2}


class GridOwner(Protocol):
    """What the grid asks of the table it belongs to."""

    def cell_name(self, row: int, col: int) -> str:
        """A cell's accessible name."""

    def leave(self, forward: bool) -> bool:
        """Move the keyboard out of the table."""

    def fit_columns(self) -> None:
        """Fit the columns to the width."""


class NamedDelegate(QStyledItemDelegate):
    """Gives each cell editor the name of its cell ('Noa, geboortedatum')."""

    def __init__(self, owner: GridOwner, parent: QWidget) -> None:
        super().__init__(parent)
        self._owner = owner

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(self._owner.cell_name(index.row(), index.column()))
        return editor


class Grid(QTableWidget):
    """A table where Tab walks the cells (drop-downs included) and leaves after the last one."""

    def __init__(self, owner: GridOwner, columns: int) -> None:
        super().__init__(0, columns)
        self._owner = owner

    def focused_cell(self) -> tuple[int, int]:
        """The cell the keyboard is in: a focused drop-down's cell, else the current cell."""
        focus = QApplication.focusWidget()
        for row in range(self.rowCount()):
            for col in range(self.columnCount()):
                widget = self.cellWidget(row, col)
                if widget is not None and focus is not None and (
                        widget is focus or widget.isAncestorOf(focus)):
                    return row, col
        return self.currentRow(), self.currentColumn()

    def enter_cell(self, row: int, col: int) -> None:
        """Put the keyboard in a cell: a drop-down gets the focus itself."""
        self.setCurrentCell(row, col)
        widget = self.cellWidget(row, col)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def shown_columns(self) -> list[int]:
        """The columns in the grid (a column shown in the form below it is hidden here)."""
        return [c for c in range(self.columnCount()) if not self.isColumnHidden(c)]

    def focusNextPrevChild(self, next: bool) -> bool:
        rows, shown = self.rowCount(), self.shown_columns()
        row, col = self.focused_cell()
        if rows == 0 or not shown:
            return self._owner.leave(next)
        if row < 0:  # the table has the keyboard but no cell yet: its first (or last) cell
            self.enter_cell(0, shown[0]) if next else self.enter_cell(rows - 1, shown[-1])
            return True
        place = shown.index(col) if col in shown else 0
        step = row * len(shown) + place + (1 if next else -1)
        if step < 0 or step >= rows * len(shown):
            return self._owner.leave(next)
        new_row, new_place = divmod(step, len(shown))
        self.enter_cell(new_row, shown[new_place])
        return True

    def closeEditor(self, editor: QWidget,
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        moves = {QAbstractItemDelegate.EndEditHint.EditNextItem: True,
                 QAbstractItemDelegate.EndEditHint.EditPreviousItem: False}
        if hint in moves:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.focusNextPrevChild(moves[hint])
            return
        super().closeEditor(editor, hint)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._owner.fit_columns()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        rows, shown = self.rowCount(), self.shown_columns()
        if rows and shown and event.reason() == Qt.FocusReason.TabFocusReason:
            self.enter_cell(0, shown[0])
        elif rows and shown and event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.enter_cell(rows - 1, shown[-1])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        combo = self.cellWidget(self.currentRow(), self.currentColumn())
        if (isinstance(combo, QComboBox) and event.text().strip()) or (
                isinstance(combo, QComboBox) and event.key() in _EDIT_KEYS):
            combo.setFocus(Qt.FocusReason.OtherFocusReason)
            if event.key() not in _EDIT_KEYS:
                QApplication.sendEvent(combo, QKeyEvent(event.type(), event.key(),
                                                        event.modifiers(), event.text()))
            return
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self.edit(index)  # Enter edits the cell; it never submits the dialog
            return
        if (index.isValid() and combo is None and event.text().isprintable() and event.text()
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier)
                and self.state() != QAbstractItemView.State.EditingState):
            self.edit(index)
            editor = QApplication.focusWidget()
            if isinstance(editor, QLineEdit) and editor is not self:
                editor.selectAll()  # typing over a cell replaces it, as in a spreadsheet
                QApplication.sendEvent(editor, QKeyEvent(event.type(), event.key(),
                                                         event.modifiers(), event.text()))
                return
        super().keyPressEvent(event)
