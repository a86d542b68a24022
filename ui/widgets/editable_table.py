"""A small grid to type several records at once (organisations, people, tables, children)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.keyboard import follow_cell
from ui.widgets.table_grid import Grid, NamedDelegate

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
    form_label: str = ""  # in the form under the grid: the label with its Alt+letter ("&E-mail")


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
                 row_name: Callable[[dict[str, Any], int], str] | None = None,
                 detail: tuple[str, ...] = (), start: str = "") -> None:
        super().__init__()
        self.columns = columns
        # the cell a new row's cursor starts in (its key; the first cell when not given): a
        # drop-down first (Soort) took the typed name as type-ahead and lost it
        self._start = next((c for c, col in enumerate(columns) if col.key == start), 0)
        self.accessible = accessible
        self.guard: Callable[[str], str] = lambda _row_id: ""
        self.row_name = row_name or self._default_row_name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = Grid(self, len(columns))
        self.table.setAccessibleName(accessible)
        self.table.setItemDelegate(NamedDelegate(self, self))
        self.table.setWordWrap(False)  # a long value ends in '…', not after its first words
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
        self._detail: dict[int, QLineEdit | QComboBox] = {}
        self._loading = self._writing = False
        self._detail_labels: dict[int, QLabel] = {}
        if detail:
            self._add_detail_form(layout, detail)
        # On press, not on click: Alt+letter clicks a button 100 ms later, and the keys typed
        # in between must already land in the new row.
        self.add_button.pressed.connect(self.add_row_for_user)
        self.remove_button.clicked.connect(self._remove_selected)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_row_for_user)
        self.table.itemChanged.connect(lambda item: self._name_row(item.row()))
        self.table.itemChanged.connect(lambda _item: self.fit_columns())

    def _add_detail_form(self, layout: QVBoxLayout, keys: tuple[str, ...]) -> None:
        """Columns that do not fit beside the others: a form under the grid for the current
        row (its values stay in the row; the grid hides those columns)."""
        self.detail_box = QWidget()
        form = QGridLayout(self.detail_box)  # two fields a line: low enough for 150 %
        form.setContentsMargins(0, 0, 0, 0)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        for c, col in enumerate(self.columns):
            if col.key not in keys:
                continue
            self.table.setColumnHidden(c, True)
            widget: QLineEdit | QComboBox
            if col.options is not None:
                widget = QComboBox()
                widget.currentIndexChanged.connect(lambda _i, k=c: self._detail_edited(k))
            else:
                widget = QLineEdit()
                widget.textEdited.connect(lambda _t, k=c: self._detail_edited(k))
            widget.setEnabled(False)
            label = QLabel(col.form_label or col.title)
            label.setBuddy(widget)
            place = len(self._detail)
            form.addWidget(label, place // 2, (place % 2) * 2)
            form.addWidget(widget, place // 2, (place % 2) * 2 + 1)
            self._detail[c] = widget
            self._detail_labels[c] = label
        layout.addWidget(self.detail_box)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.table.currentCellChanged.connect(
            lambda row, column, *_: follow_cell(self.table, row, column))
        self.table.itemChanged.connect(lambda item: None if self._writing or item.row() != (
            self.table.currentRow()) else self._show_detail(item.row()))

    def _show_detail(self, row: int) -> None:
        """The form shows the current row's values (empty and disabled without a row)."""
        self._loading = True
        for c, widget in self._detail.items():
            widget.setEnabled(0 <= row < self.table.rowCount())
            name = self.cell_name(row, c) if widget.isEnabled() else self.columns[c].title
            widget.setAccessibleName(name)
            cell = self.table.cellWidget(row, c) if widget.isEnabled() else None
            if isinstance(widget, QComboBox):
                widget.clear()
                for option, label in self.columns[c].options or []:
                    widget.addItem(label, option)
                if isinstance(cell, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(cell.currentData())))
            else:
                item = self.table.item(row, c) if widget.isEnabled() else None
                widget.setText(item.text() if item is not None else "")
        self._loading = False

    def _detail_edited(self, c: int) -> None:
        row = self.table.currentRow()
        if self._loading or not 0 <= row < self.table.rowCount():
            return
        widget = self._detail[c]
        value = widget.currentData() if isinstance(widget, QComboBox) else widget.text()
        self._writing = True
        self.set_cell(row, self.columns[c].key, value)
        self._writing = False

    def fit_columns(self) -> None:
        """Columns at their chosen widths; in a narrower window (150 %) all shrink alike, never
        below their title, so every cell stays in view without scrolling sideways."""
        header = self.table.horizontalHeader()
        least = [max(header.sectionSizeFromContents(i).width() + 4, self._content_width(i))
                 for i in range(len(self.columns))]
        wanted = [max(col.width or 90, low) for col, low in zip(self.columns, least, strict=True)]
        bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = self.table.width() - 2 * self.table.frameWidth() - bar - 2  # room for a scrollbar
        shown = [i for i in range(len(self.columns)) if not self.table.isColumnHidden(i)]
        if not shown:
            return
        wanted = [wanted[i] for i in shown]
        least = [least[i] for i in shown]
        if room <= 0 or sum(wanted) <= room:
            widths = wanted
        else:
            spare = max(0, room - sum(least))
            give = sum(w - low for w, low in zip(wanted, least, strict=True)) or 1
            widths = [low + (w - low) * spare // give
                      for w, low in zip(wanted, least, strict=True)]
        for i, width in zip(shown[:-1], widths[:-1], strict=True):
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
        """'Toevoegen' or Ctrl+N: a new empty row with the cursor in its first cell (or the
        one `start` names)."""
        row = self.add_row({})
        self.table.enter_cell(row, self._start)
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
        if c in self._detail:
            self._show_detail(self.table.currentRow())

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

    def enter_cell(self, row: int, key: str) -> None:
        """Put the cursor in one value of a row: its cell, or its field in the form under the
        grid (where a refused value is)."""
        c = next((i for i, col in enumerate(self.columns) if col.key == key), 0)
        if not 0 <= row < self.table.rowCount():
            return
        if c in self._detail:
            shown = self.table.shown_columns()
            self.table.setCurrentCell(row, shown[0] if shown else 0)
            self._detail[c].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.enter_cell(row, c)

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
