"""QAbstractTableModel over the case list, with an in-memory search that stays instant at 10,000 rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from tafelapp.domain.summaries import CaseSummary
from ui.models.rows_table_model import RowsTableModel
from ui.text import labels

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Casusnummer", "Gezin", "Tafel", "Route", "Kinderen", "Volgende termijn")


class CaseTableModel(RowsTableModel[CaseSummary]):
    """The case list; `set_search` filters on case number, family and children's names."""

    headers = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self._all: list[CaseSummary] = []
        self._keys: list[str] = []
        self._search = ""

    def set_cases(self, cases: list[CaseSummary]) -> None:
        """Replace the data (e.g. after unlocking or an import); the replaced cases are freed
        through `dispose` (off the UI thread) when one is set."""
        old = self._all
        self._all = cases
        self._keys = [c.search_text for c in cases]
        self._apply()
        self._discard(old)

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self.set_cases([])

    def set_search(self, text: str) -> None:
        """Show only cases whose number or names contain `text` (case-insensitive)."""
        self._search = text.strip().lower()
        self._apply()

    def _apply(self) -> None:
        needle = self._search
        self._replace([c for c, key in zip(self._all, self._keys, strict=True) if needle in key]
                      if needle else list(self._all))

    def case_at(self, row: int) -> CaseSummary:
        """The summary shown on a row."""
        return self.row_at(row)

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
