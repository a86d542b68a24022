"""QAbstractTableModel over the case list, with an in-memory search that stays instant at 10,000 rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tafelapp.domain.summaries import CaseSummary
from ui.text import labels

Index = QModelIndex | QPersistentModelIndex
HEADERS = ["Casusnummer", "Gezin", "Tafel", "Route", "Kinderen", "Volgende termijn"]


class CaseTableModel(QAbstractTableModel):
    """The case list; `set_search` filters on case number, family and children's names."""

    def __init__(self) -> None:
        super().__init__()
        self._all: list[CaseSummary] = []
        self._keys: list[str] = []
        self._rows: list[CaseSummary] = []
        self._search = ""

    def set_cases(self, cases: list[CaseSummary]) -> None:
        """Replace the data (e.g. after unlocking or an import)."""
        self._all = cases
        self._keys = [c.search_text for c in cases]
        self._apply()

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self.set_cases([])

    def set_search(self, text: str) -> None:
        """Show only cases whose number or names contain `text` (case-insensitive)."""
        self._search = text.strip().lower()
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        if self._search:
            needle = self._search
            self._rows = [c for c, key in zip(self._all, self._keys, strict=True) if needle in key]
        else:
            self._rows = list(self._all)
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary:
        """The summary shown on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        c = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return c.case_number
        if column == 1:
            return c.family_name
        if column == 2:
            return c.table_name
        if column == 3:
            return labels.ROUTE.get(c.route or "", "—")
        if column == 4:
            return str(c.children)
        return c.next_due.strftime("%d-%m-%Y") if c.next_due else "—"

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
