"""Base of the list models: a list of rows and fixed column headers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
DISPOSE_FROM = 1000  # fewer replaced rows are freed where they are


def free_in_slices(rows: list[Any]) -> None:
    """Free replaced rows a slice at a time (on a worker): one `clear` of 10,000-20,000 rows
    holds the interpreter lock for 10-15 ms (measured); a slice of 500 for well under one."""
    while rows:
        del rows[-500:]


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses set `headers` and implement `data`; rows are replaced as a whole."""

    headers: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []
        # Where replaced rows go to be freed (a worker's `free_in_slices`), not the UI thread.
        self.dispose: Callable[[list[Any]], None] | None = None

    def _replace(self, rows: list[R]) -> None:
        old = self._rows
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self._discard(old)

    def _discard(self, old: list[Any]) -> None:
        """Hand a replaced list of many rows to `dispose` (kept alive until it is freed there)."""
        if self.dispose is not None and len(old) > DISPOSE_FROM:
            self.dispose(old)

    def row_at(self, row: int) -> R:
        """The record shown on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
