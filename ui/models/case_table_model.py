"""QAbstractTableModel over the case list, with an in-memory search that stays instant at 10,000 rows."""

from __future__ import annotations

import operator
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
        self._shown_keys: list[str] = []  # the keys of the rows shown, in their order

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
        needle = text.strip().lower()
        if needle == self._search:
            return
        narrower = bool(self._search) and self._search in needle
        self._search = needle
        self._apply(narrower)

    def _apply(self, narrower: bool = False) -> None:
        """Filter; a longer search looks only among the rows shown. When the same rows stay
        (the first letters typed match every case) the view is not reset: nothing to repaint."""
        needle = self._search
        rows, keys = (self._rows, self._shown_keys) if narrower else (self._all, self._keys)
        if needle:
            pairs = [(c, key) for c, key in zip(rows, keys, strict=True) if needle in key]
            new_rows, new_keys = [c for c, _ in pairs], [key for _, key in pairs]
        else:
            new_rows, new_keys = list(rows), list(keys)
        if len(new_rows) == len(self._rows) and all(map(operator.is_, new_rows, self._rows)):
            self._shown_keys = new_keys
            return
        self._shown_keys = new_keys
        self._replace(new_rows)

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
