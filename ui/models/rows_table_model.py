"""Base of the list models: a list of rows and fixed column headers."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
DISPOSE_FROM = 1000  # fewer replaced rows are freed where they are
DISPOSE_AFTER_MS = 500  # the new rows are on screen by then


def free_in_slices(rows: list[Any]) -> None:
    """Free replaced rows a slice at a time (on a worker): one `clear` of 10,000-20,000 rows
    holds the interpreter lock for 10-15 ms (measured); a slice of 200 for a fraction of one,
    and the lock is offered to the UI thread after each (it needs it for every cell it paints)."""
    while rows:
        del rows[-200:]
        time.sleep(0)


def dispose_later(run: Callable[[Callable[[], None]], Any]) -> Callable[[list[Any]], None]:
    """A model's `dispose`: free the replaced rows on `run`'s worker once the new ones have been
    painted. Freed at once, they competed with that paint for the interpreter lock (going back
    to the overview: 14 turns of the UI thread over one frame in ten, 4 when freed later)."""
    def dispose(rows: list[Any]) -> None:
        QTimer.singleShot(DISPOSE_AFTER_MS, lambda: run(lambda: free_in_slices(rows)))
    return dispose


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
