"""Windows, dialogs and table columns sized to the screen: never beyond it, never sideways."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QLabel, QScrollArea, QStyle, QTableView, QWidget


def fit_to_screen(widget: QWidget, width: int, height: int, margin: int = 24) -> None:
    """Resize to (width, height), shrunk to the available screen (1280×720 at 150 % included)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    frame = widget.frameGeometry().size() - widget.geometry().size()  # border and title bar
    widget.resize(min(width, room.width() - margin - frame.width()),
                  min(height, room.height() - margin - frame.height()))


def fit_main_window(window: QWidget, width: int = 1280, height: int = 720) -> None:
    """Show a main window of (width, height) with its title bar and border on the screen: when
    that does not fit the available geometry (panels excluded), it is shown maximised, so the
    window manager fits it, title bar included."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        window.show()
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # known once shown
    border_w, border_h = max(frame.width(), 2), max(frame.height(), 32)  # a title bar, at least
    if width + border_w > room.width() or height + border_h > room.height():
        window.showMaximized()
        return
    window.resize(width, height)
    window.move(room.x() + (room.width() - width - border_w) // 2,
                room.y() + (room.height() - height - border_h) // 2)
    window.show()


FONT_EVENTS = (QEvent.Type.Polish, QEvent.Type.FontChange, QEvent.Type.StyleChange)


class _OnFont(QObject):
    """Calls `fit` now and whenever the widget's font may have changed (its style sheet)."""

    def __init__(self, widget: QWidget, fit: Callable[[], None]) -> None:
        super().__init__(widget)
        self._fit = fit
        widget.installEventFilter(self)
        fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in FONT_EVENTS:
            self._fit()
        return False


def fit_to_font(widget: QWidget, fit: Callable[[], None]) -> None:
    """Size `widget` with `fit` in the font it is shown in: measured at construction it had the
    font from before the app's style sheet (a few pixels short), so it is measured again then."""
    _OnFont(widget, fit)


def fixed_to_text(label: QLabel, widest: str) -> None:
    """A label at the fixed size of its widest text, in its font: a new text repaints the label
    only, where a label that changes size makes every layout up to the window recompute."""
    def fit() -> None:
        metrics = label.fontMetrics()
        label.setFixedSize(metrics.horizontalAdvance(widest) + 2 * label.margin() + 8,
                           metrics.height() + 2 * label.margin() + 4)
    fit_to_font(label, fit)


class FitColumns(QObject):
    """A table's columns sized to the width it has, never wider (no sideways scrolling): each
    shown column gets at least the width of its sample text and its header; columns that do not
    fit are hidden, the least important first; the stretch column takes what is left."""

    def __init__(self, view: QTableView, samples: Sequence[str], priority: Sequence[int],
                 stretch: int, keep: int = 0) -> None:
        """`keep`: the table is never narrower than its `keep` most important columns need
        (in the font it is shown in: measured again when a style sheet sets it)."""
        super().__init__(view)
        self.view, self.samples, self.priority, self.stretch = view, samples, priority, stretch
        if keep:
            fit_to_font(view, lambda: view.setMinimumWidth(self.minimum(keep) + 8))
        view.horizontalScrollBar().setEnabled(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(samples)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        view.viewport().installEventFilter(self)
        self.apply()

    def needed(self, column: int) -> int:
        """The width a column needs: its sample text or its header, whichever is wider."""
        text = self.view.fontMetrics().horizontalAdvance(self.samples[column]) + 14
        return max(text, self.view.horizontalHeader().sectionSizeFromContents(column).width() + 2)

    def minimum(self, columns: int = 3) -> int:
        """The width the `columns` most important columns need (a splitter keeps at least this)."""
        bar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return sum(self.needed(c) for c in self.priority[:columns]) + bar + \
            2 * self.view.frameWidth()

    def apply(self) -> None:
        """Show and size the columns for the current width."""
        room = self.view.viewport().width()
        shown: list[int] = []
        used = 0
        for column in self.priority:
            need = self.needed(column)
            if used + need <= room or column == self.stretch:
                shown.append(column)
                used += need
        header = self.view.horizontalHeader()
        for column in range(len(self.samples)):
            self.view.setColumnHidden(column, column not in shown)
        spare = max(0, room - used)
        for column in shown:
            header.resizeSection(column, self.needed(column) + (spare if column == self.stretch
                                                                 else 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-fit when the table's visible width changes."""
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False


def no_sideways(scroll: QScrollArea) -> None:
    """A vertical-only scroll area: never narrower than its content needs (a splitter or a small
    screen cannot squeeze it into a sideways scrollbar), and no horizontal scrollbar."""
    content = scroll.widget()
    if content is None:
        return
    bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(content.minimumSizeHint().width() + bar + 2 * scroll.frameWidth())
