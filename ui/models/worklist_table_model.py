"""QAbstractTableModel over the work list (sortable through a proxy; filter by kind and table)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from tafelapp.domain.worklist import ATTENTION_NL, WorkItem
from ui.models.rows_table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Urgentie", "Casus", "Tafel", "Wat", "Waarom", "Datum")


class WorklistTableModel(RowsTableModel[WorkItem]):
    """One row per work item; the sort role gives the working days left (overdue first)."""

    headers = HEADERS

    def set_items(self, items: list[WorkItem]) -> None:
        """Replace the rows."""
        self._replace(items)

    def item_at(self, row: int) -> WorkItem:
        """The work item on a row."""
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return item.sort_key if column == 0 else self.data(index)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        left = item.working_days_left
        values = [
            "—" if left is None else (f"{-left} wd te laat" if left < 0 else
                                      "vandaag" if left == 0 else f"nog {left} wd"),
            item.case_number, item.table_name, ATTENTION_NL[item.kind], item.reason,
            item.due.strftime("%d-%m-%Y") if item.due else "",
        ]
        return values[column]
