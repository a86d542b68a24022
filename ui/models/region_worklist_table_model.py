"""Table model over the region werklijst: the local werklijst's columns plus table kind and chair."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tafelapp.domain.labels import nl_date
from tafelapp.domain.worklist import ATTENTION_NL, WorkItem
from tafelapp.services.region_worklist_service import TableLine
from ui.models.worklist_table_model import Index, WorklistTableModel

HEADERS = ("Urgentie", "Casus", "Tafel", "Soort tafel", "Voorzitter van", "Wat", "Waarom",
           "Datum")
# Region column -> the local model's sort key (kind and chair sort like the table).
_LOCAL_COLUMN = (0, 1, 2, 2, 2, 3, 4, 5)


class RegionWorklistTableModel(WorklistTableModel):
    """One row per region line; the same sorting as the local werklijst."""

    headers = HEADERS  # type: ignore[assignment]  # two columns more than the local list

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, TableLine] = {}

    def set_lines(self, items: list[WorkItem], tables: dict[str, TableLine]) -> None:
        """Replace the rows (most urgent first, as the service gives them) and what each table's
        kind and chair's organisation are."""
        self.tables = tables
        self.set_items(items, ordered=True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a region column through the local model's keys."""
        local = _LOCAL_COLUMN[column] if 0 <= column < len(_LOCAL_COLUMN) else 0
        if column in (3, 4):
            self._sort_by_table(column, order)
            return
        super().sort(local, order)

    def _sort_by_table(self, column: int, order: Qt.SortOrder) -> None:
        def key(item: WorkItem) -> tuple[str, tuple[int, int, str]]:
            line = self.tables.get(item.table_name, TableLine("", ""))
            return (line.kind if column == 3 else line.chair_organisation), item.sort_key
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        item = self._rows[index.row()]
        column = index.column()
        line = self.tables.get(item.table_name, TableLine("", ""))
        values = (item.urgency, item.case_number, item.table_name, line.kind,
                  line.chair_organisation or "—", ATTENTION_NL[item.kind], item.reason,
                  nl_date(item.due))
        return values[column] if 0 <= column < len(values) else None

