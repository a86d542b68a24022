"""A small grid to type several records at once (organisations, people, tables, children)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ROW_ID = 256  # Qt.ItemDataRole.UserRole
CELL_CHARS = 24  # a cell may be shortened with '…', never below this many characters
_Index = QModelIndex | QPersistentModelIndex
_EDIT_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2}


@dataclass
class Column:
    """One column: a key in the row's dict, its title, and for a choice its options."""

    key: str
    title: str
    options: list[tuple[str, str]] | None = None  # (value, label); None: free text
    width: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class _NamedDelegate(QStyledItemDelegate):
    """Gives each cell editor the name of its cell ('Noa, geboortedatum')."""

    def __init__(self, owner: EditableTable) -> None:
        super().__init__(owner)
        self._owner = owner

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(self._owner.cell_name(index.row(), index.column()))
        return editor


class _Grid(QTableWidget):
    """A table where Tab walks the cells (drop-downs included) and leaves after the last one."""

    def __init__(self, owner: EditableTable, columns: int) -> None:
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

    def focusNextPrevChild(self, next: bool) -> bool:
        rows, cols = self.rowCount(), self.columnCount()
        row, col = self.focused_cell()
        if rows == 0:
            return self._owner.leave(next)
        if row < 0:  # the table has the keyboard but no cell yet: its first (or last) cell
            self.enter_cell(0, 0) if next else self.enter_cell(rows - 1, cols - 1)
            return True
        step = row * cols + max(col, 0) + (1 if next else -1)
        if step < 0 or step >= rows * cols:
            return self._owner.leave(next)
        self.enter_cell(*divmod(step, cols))
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
        rows, cols = self.rowCount(), self.columnCount()
        if rows and event.reason() == Qt.FocusReason.TabFocusReason:
            self.enter_cell(0, 0)
        elif rows and event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.enter_cell(rows - 1, cols - 1)

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


class EditableTable(QWidget):
    """Rows of text cells and drop-downs, with a button (and Ctrl+N) for a new row and
    'Regel verwijderen'.

    The keyboard walks it like a form: Tab goes cell by cell, drop-downs included, and leaves the
    table after its last cell (Shift+Tab before its first); a new row gets the cursor in its first
    cell. Every cell has a name for screen readers: `row_name(row values, index)` says whose row
    it is ('Noa'), the column title what ('Noa, geboortedatum').

    `guard(row_id)` may name a reason a row cannot be removed (other records depend on it);
    `remove_refused` then says so in words and the row stays.
    """

    remove_refused = Signal(str)
    row_added = Signal(int)

    def __init__(self, columns: list[Column], accessible: str, add_text: str = "Regel toevoegen",
                 visible_rows: int = 4,
                 row_name: Callable[[dict[str, Any], int], str] | None = None) -> None:
        super().__init__()
        self.columns = columns
        self.accessible = accessible
        self.guard: Callable[[str], str] = lambda _row_id: ""
        self.row_name = row_name or self._default_row_name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = _Grid(self, len(columns))
        self.table.setAccessibleName(accessible)
        self.table.setItemDelegate(_NamedDelegate(self))
        self.table.setHorizontalHeaderLabels([c.title for c in columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(row_height * (visible_rows + 1) + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.fit_columns()
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        self.add_button.setToolTip(f"{add_text.replace('&', '')} (Ctrl+N)")
        self.remove_button = QPushButton("Regel verwijderen")
        self.remove_button.setAccessibleName(f"Regel verwijderen uit {accessible}")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # On press, not on click: Alt+letter clicks a button 100 ms later, and the keys typed
        # in between must already land in the new row.
        self.add_button.pressed.connect(self.add_row_for_user)
        self.remove_button.clicked.connect(self._remove_selected)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_row_for_user)
        self.table.itemChanged.connect(lambda item: self._name_row(item.row()))
        self.table.itemChanged.connect(lambda _item: self.fit_columns())

    def fit_columns(self) -> None:
        """Columns at their chosen widths; in a narrower window (150 %) all shrink alike, never
        below their title, so every cell stays in view without scrolling sideways."""
        header = self.table.horizontalHeader()
        least = [max(header.sectionSizeFromContents(i).width() + 4, self._content_width(i))
                 for i in range(len(self.columns))]
        wanted = [max(col.width or 90, low) for col, low in zip(self.columns, least, strict=True)]
        bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = self.table.width() - 2 * self.table.frameWidth() - bar - 2  # room for a scrollbar
        if room <= 0 or sum(wanted) <= room:
            widths = wanted
        else:
            spare = max(0, room - sum(least))
            give = sum(w - low for w, low in zip(wanted, least, strict=True)) or 1
            widths = [low + (w - low) * spare // give
                      for w, low in zip(wanted, least, strict=True)]
        for i, width in enumerate(widths[:-1]):
            self.table.setColumnWidth(i, width)

    def _content_width(self, col: int) -> int:
        """What a column needs to show its longest value (up to CELL_CHARS characters; a
        drop-down's choice up to 100 px): the rest may be shortened, never the start."""
        metrics = self.table.fontMetrics()
        need = 0
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, col)
            if isinstance(combo, QComboBox):
                need = max(need, min(metrics.horizontalAdvance(combo.currentText()) + 30, 100))
            else:
                item = self.table.item(row, col)
                text = item.text()[:CELL_CHARS] if item is not None else ""
                need = max(need, metrics.horizontalAdvance(text) + 12 if text else 0)
        return need

    def _default_row_name(self, values: dict[str, Any], index: int) -> str:
        first = next((str(values.get(c.key) or "") for c in self.columns if c.options is None),
                     "")
        return first or f"{self.accessible}, regel {index + 1}"

    def cell_name(self, row: int, col: int) -> str:
        """The accessible name of a cell: whose row, and what ('Noa, geboortedatum')."""
        values = self._row_values(row) if 0 <= row < self.table.rowCount() else {}
        title = self.columns[col].title if 0 <= col < len(self.columns) else ""
        return f"{self.row_name(values, row)}, {title[:1].lower()}{title[1:]}"

    def _name_row(self, row: int) -> None:
        """Name the row's drop-downs and items after the row (called when a value changes)."""
        self.table.blockSignals(True)
        for c in range(len(self.columns)):
            name = self.cell_name(row, c)
            widget = self.table.cellWidget(row, c)
            if widget is not None:
                widget.setAccessibleName(name)
            item = self.table.item(row, c)
            if item is not None:
                item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
        self.table.blockSignals(False)

    def leave(self, forward: bool) -> bool:
        """Move the keyboard out of the table: on to its buttons, or back before it."""
        if forward:
            self.add_button.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        widget = self.table.previousInFocusChain()
        while widget is not None and widget is not self.table:
            if (not self.isAncestorOf(widget) and widget is not self and widget.isVisible()
                    and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.BacktabFocusReason)
                return True
            widget = widget.previousInFocusChain()
        return False

    def add_row_for_user(self) -> int:
        """'Toevoegen' or Ctrl+N: a new empty row with the cursor in its first cell."""
        row = self.add_row({})
        self.table.enter_cell(row, 0)
        self.row_added.emit(row)
        return row

    def add_row(self, values: dict[str, Any]) -> int:
        """Append a row (values by column key; an `id` is kept or made) and return its index."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for c, col in enumerate(self.columns):
            value = values.get(col.key)
            if col.options is not None:
                combo = QComboBox()
                combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab reaches it via the table
                combo.installEventFilter(self)
                for option, label in col.options:
                    combo.addItem(label, option)
                index = combo.findData(value) if value is not None else 0
                combo.setCurrentIndex(max(0, index))
                combo.currentIndexChanged.connect(lambda _i, b=combo: self._combo_changed(b))
                behind = QTableWidgetItem("")
                behind.setFlags(behind.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, c, behind)
                self.table.setCellWidget(row, c, combo)
            else:
                text = ", ".join(value) if isinstance(value, list) else ("" if value is None
                                                                         else str(value))
                self.table.setItem(row, c, QTableWidgetItem(text))
        first = self.table.item(row, 0)
        assert first is not None
        first.setData(ROW_ID, values.get("id") or uuid.uuid4().hex)
        self.table.blockSignals(False)
        self._name_row(row)
        self.fit_columns()
        return row

    def _combo_changed(self, combo: QComboBox) -> None:
        for row in range(self.table.rowCount()):
            for c in range(len(self.columns)):
                if self.table.cellWidget(row, c) is combo:
                    self._name_row(row)
                    item = self.table.item(row, c)
                    if item is not None:  # tell listeners a value changed, as a typed cell does
                        self.table.itemChanged.emit(item)
                    return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a drop-down opens its list instead of submitting the dialog."""
        if (isinstance(watched, QComboBox) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            watched.showPopup()
            return True
        return super().eventFilter(watched, event)

    def set_options(self, key: str, options: list[tuple[str, str]]) -> None:
        """Replace the choices of a drop-down column, keeping each row's chosen value."""
        c = next(i for i, col in enumerate(self.columns) if col.key == key)
        self.columns[c].options = options
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, c)
            if isinstance(combo, QComboBox):
                current = combo.currentData()
                combo.blockSignals(True)
                combo.clear()
                for option, label in options:
                    combo.addItem(label, option)
                combo.setCurrentIndex(max(0, combo.findData(current)))
                combo.blockSignals(False)

    def set_cell(self, row: int, key: str, value: Any) -> None:
        """Type a value into one cell (or choose it in a drop-down)."""
        c = next(i for i, col in enumerate(self.columns) if col.key == key)
        combo = self.table.cellWidget(row, c)
        if isinstance(combo, QComboBox):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        else:
            item = self.table.item(row, c)
            if item is None:
                item = QTableWidgetItem("")
                self.table.setItem(row, c, item)
            item.setText(str(value))

    def _row_values(self, row: int) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for c, col in enumerate(self.columns):
            combo = self.table.cellWidget(row, c)
            if isinstance(combo, QComboBox):
                values[col.key] = combo.currentData()
            else:
                item = self.table.item(row, c)
                values[col.key] = item.text().strip() if item else ""
        first = self.table.item(row, 0)
        values["id"] = first.data(ROW_ID) if first else uuid.uuid4().hex
        return values

    def rows(self) -> list[dict[str, Any]]:
        """Every row as a dict (text stripped; drop-downs give their value; `id` included)."""
        return [self._row_values(row) for row in range(self.table.rowCount())]

    def select_row(self, row: int) -> None:
        """Put the cursor on a row (where a refused value is)."""
        if 0 <= row < self.table.rowCount():
            self.table.selectRow(row)
            self.table.setFocus()

    def clear(self) -> None:
        """Remove every row."""
        self.table.setRowCount(0)

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            first = self.table.item(row, 0)
            reason = self.guard(first.data(ROW_ID)) if first is not None else ""
            if reason and first is not None:
                self.remove_refused.emit(f"{first.text() or 'Deze regel'}: {reason}")
                continue
            self.table.removeRow(row)
