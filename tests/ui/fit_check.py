"""Is everything a user acts on or must read visible without sideways scrolling? For the walks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QToolBar,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox,
            QLabel)
# A table cell may be shortened with "…" (its tooltip or the row's detail shows the rest), but
# never below this many characters: "afspra…" is not a reason a person can act on.
MIN_CELL_CHARS = 24
ROWS_CHECKED = 30


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit, QLabel)) else ""
    text = " ".join(text.split())[:40]
    return f"{type(widget).__name__} '{text or widget.accessibleName() or widget.objectName()}'"


def _in_top(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _scroll_areas(widget: QWidget, top: QWidget) -> list[QAbstractScrollArea]:
    """The scroll areas (tables included) around `widget`, innermost first."""
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and widget is not parent.horizontalScrollBar() \
                and widget is not parent.verticalScrollBar():
            found.append(parent)
        parent = parent.parentWidget()
    return found


def _sideways(area: QAbstractScrollArea) -> bool:
    """True when the area's content is wider than what it shows (a sideways scroll is needed)."""
    bar = area.horizontalScrollBar()
    return bar.maximum() > bar.minimum() + 1


def _outside(widget: QWidget, top: QWidget) -> str | None:
    """Why `widget` is not in view without scrolling sideways (None when it is). Inside a scroll
    area, scrolling down to it is fine; scrolling sideways is not."""
    rect = _in_top(widget, top)
    areas = _scroll_areas(widget, top)
    box = _in_top(areas[-1], top) if areas else rect
    if not top.rect().adjusted(-1, -1, 1, 1).contains(box):  # a pixel of rounding
        return (f"valt buiten het venster ({box.x()},{box.y()} {box.width()}×{box.height()} in "
                f"{top.width()}×{top.height()})")
    for area in areas:
        port = _in_top(area.viewport(), top)
        if rect.left() < port.left() - 1 or rect.right() > port.right() + 1:
            return (f"alleen zichtbaar door opzij te scrollen (x {rect.left()}–{rect.right()}, "
                    f"zichtbaar {port.left()}–{port.right()})")
    return None


def _cut_text(widget: QWidget) -> str | None:
    """A button or one-line label narrower than its text (the text is cut off)."""
    if isinstance(widget, QAbstractButton) and widget.text():
        need = widget.minimumSizeHint().width()
    elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() \
            and widget.pixmap().isNull() and widget.textFormat() != Qt.TextFormat.RichText \
            and "<" not in widget.text():
        need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + \
            widget.contentsMargins().left() + widget.contentsMargins().right()
    else:
        return None
    if widget.width() < need - 2:
        return f"is te smal voor zijn tekst ({widget.width()} < {need})"
    return None


def _elided_cells(view: QTableView) -> list[str]:
    """Columns whose header is cut, or whose cells show fewer than MIN_CELL_CHARS characters."""
    problems = []
    model = view.model()
    if model is None:
        return problems
    header: QHeaderView = view.horizontalHeader()
    if header.length() > view.viewport().width() + 1:  # columns run off the right-hand edge
        problems.append(f"de kolommen zijn samen {header.length()} px breed, zichtbaar "
                        f"{view.viewport().width()} px (opzij scrollen)")
    metrics = view.fontMetrics()
    margin = 8  # the cell's padding on both sides
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = header.sectionSize(column)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if title and header.isVisible() and header.sectionSizeFromContents(column).width() > width:
            problems.append(f"kolom '{title}': de kop is afgekort ({width} px)")
            continue
        for row in range(min(model.rowCount(), ROWS_CHECKED)):
            text = str(model.index(row, column).data() or "").split("\n")[0]
            shown = text[:MIN_CELL_CHARS]
            if shown and metrics.horizontalAdvance(shown) + margin > width:
                problems.append(f"kolom '{title}': '{text[:30]}' is afgekort tot minder dan "
                                f"{MIN_CELL_CHARS} tekens ({width} px)")
                break
    return problems


def unreachable(top: QWidget) -> list[str]:
    """What a user cannot see or reach without scrolling sideways: controls and labels outside
    the window or outside their scroll area's view, a scroll area that needs a horizontal
    scrollbar, a toolbar that hides actions, text cut off, table columns shortened below
    MIN_CELL_CHARS characters, and a window larger than the screen it is on."""
    problems: list[str] = []
    screen = top.screen().availableGeometry()
    frame = top.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        problems.append(f"venster {frame.width()}×{frame.height()} (met rand) is groter dan het "
                        f"scherm {screen.width()}×{screen.height()}")
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not widget.isVisible():
            continue
        if isinstance(widget, QToolBar):
            hidden = [a.text() or a.toolTip() for a in widget.actions() if a.isVisible()
                      and not a.isSeparator() and (w := widget.widgetForAction(a)) is not None
                      and not w.isVisible()]
            if hidden:
                problems.append(f"werkbalk verbergt {', '.join(hidden)} (achter »)")
        if isinstance(widget, QAbstractScrollArea) and _sideways(widget):
            problems.append(f"{_name(widget)} heeft een horizontale schuifbalk nodig "
                            f"({widget.horizontalScrollBar().maximum()} px te breed)")
        if isinstance(widget, QTableView) and widget.isVisible():
            problems.extend(f"{_name(widget)}: {p}" for p in _elided_cells(widget))
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
            continue
        if isinstance(widget.parentWidget(), QAbstractItemView) or \
                (isinstance(widget, QLabel) and not widget.text().strip()):
            continue
        where = _outside(widget, top)
        if where is not None:
            problems.append(f"{_name(widget)} {where}")
            continue
        cut = _cut_text(widget)
        if cut is not None:
            problems.append(f"{_name(widget)} {cut}")
    return problems
