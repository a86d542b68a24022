"""A small grid to type several records at once (organisations, people, tables, children)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ROW_ID = 256  # Qt.ItemDataRole.UserRole


@dataclass
class Column:
    """One column: a key in the row's dict, its title, and for a choice its options."""

    key: str
    title: str
    options: list[tuple[str, str]] | None = None  # (value, label); None: free text
    width: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class EditableTable(QWidget):
    """Rows of text cells and drop-downs, with 'Regel toevoegen' and 'Regel verwijderen'.

    `guard(row_id)` may name a reason a row cannot be removed (other records depend on it);
    `remove_refused` then says so in words and the row stays.
    """

    remove_refused = Signal(str)

    def __init__(self, columns: list[Column], accessible: str, add_text: str = "Regel toevoegen",
                 visible_rows: int = 4) -> None:
        super().__init__()
        self.columns = columns
        self.guard: Callable[[str], str] = lambda _row_id: ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(columns))
        self.table.setAccessibleName(accessible)
        self.table.setHorizontalHeaderLabels([c.title for c in columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(row_height * (visible_rows + 1) + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, col in enumerate(columns):
            if col.width:
                self.table.setColumnWidth(i, col.width)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton("Regel verwijderen")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row({}))
        self.remove_button.clicked.connect(self._remove_selected)

    def add_row(self, values: dict[str, Any]) -> int:
        """Append a row (values by column key; an `id` is kept or made) and return its index."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for c, col in enumerate(self.columns):
            value = values.get(col.key)
            if col.options is not None:
                combo = QComboBox()
                combo.setAccessibleName(f"{col.title} regel {row + 1}")
                for option, label in col.options:
                    combo.addItem(label, option)
                index = combo.findData(value) if value is not None else 0
                combo.setCurrentIndex(max(0, index))
                self.table.setCellWidget(row, c, combo)
            else:
                text = ", ".join(value) if isinstance(value, list) else ("" if value is None
                                                                         else str(value))
                self.table.setItem(row, c, QTableWidgetItem(text))
        first = self.table.item(row, 0) or QTableWidgetItem("")
        if self.table.item(row, 0) is None:
            self.table.setItem(row, 0, first)
        first.setData(ROW_ID, values.get("id") or uuid.uuid4().hex)
        return row

    def set_options(self, key: str, options: list[tuple[str, str]]) -> None:
        """Replace the choices of a drop-down column, keeping each row's chosen value."""
        c = next(i for i, col in enumerate(self.columns) if col.key == key)
        self.columns[c].options = options
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, c)
            if isinstance(combo, QComboBox):
                current = combo.currentData()
                combo.clear()
                for option, label in options:
                    combo.addItem(label, option)
                combo.setCurrentIndex(max(0, combo.findData(current)))

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

    def rows(self) -> list[dict[str, Any]]:
        """Every row as a dict (text stripped; drop-downs give their value; `id` included)."""
        result = []
        for row in range(self.table.rowCount()):
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
            result.append(values)
        return result

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
