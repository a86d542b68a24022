"""What every step page shares: the executor, the autosaver, the current record and refreshes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.steps import STEP_TITLES, MeetingStep
from tafelapp.services.meeting_context_service import MeetingContext
from tafelapp.services.session import Session
from ui.text import problems_line
from ui.widgets.autosave import AutoSaver
from ui.widgets.keyboard import visual_chain
from ui.widgets.problems_panel import ProblemsPanel
from ui.workers import DbExecutor


class MeetingEnv:
    """The meeting screen's shared state, handed to each step page."""

    def __init__(self, executor: DbExecutor, saver: AutoSaver,
                 request_refresh: Callable[[], None], show_error: Callable[[str], None]) -> None:
        self.executor = executor
        self.saver = saver
        self.request_refresh = request_refresh
        self.show_error = show_error
        self.ctx: MeetingContext | None = None

    @property
    def item_id(self) -> str:
        """The agenda item being discussed."""
        assert self.ctx is not None
        return self.ctx.item.id

    def item_job(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[Session], Any]:
        """A job that calls a service on the current agenda item (the id is fixed now, not later)."""
        item_id = self.item_id
        return lambda s: fn(s, item_id, *args, **kwargs)

    def act(self, job: Callable[[Session], Any], on_ok: Callable[[Any], None] | None = None,
            problems: ProblemsPanel | QLabel | None = None) -> None:
        """Run a structured action (add, remove, assign); refresh the record afterwards."""
        def ok(result: Any) -> None:
            if on_ok:
                on_ok(result)
            self.request_refresh()

        def err(exc: Exception) -> None:
            if isinstance(exc, InvalidInput):
                text = problems_line(exc.problems)
                if isinstance(problems, ProblemsPanel):
                    problems.show_problems(exc.problems)
                elif problems is not None:
                    problems.setText(text)
                self.show_error(text)
            else:
                self.show_error(f"Er ging iets mis: {type(exc).__name__}")
        self.executor.submit(job, ok, err)


class _Inner(QWidget):
    """A page's content: never squeezed below its natural height (the scroll area scrolls
    instead), so fields keep their height whether or not a message line is shown."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class StepPage(QScrollArea):
    """A scrollable page for one step: title, live problems, and the step's own widgets."""

    step: MeetingStep

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__()
        self.env = env
        self.setWidgetResizable(True)
        # the page is no Tab stop of its own (it showed no focus: a newcomer's Tab went
        # Vorige stap → nothing visible → ← Agenda); its fields come into view (follow_focus)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inner = _Inner()
        self.inner = inner
        self.setWidget(inner)
        self.body = QVBoxLayout(inner)
        title = QLabel(STEP_TITLES[self.step])
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.body.addWidget(title)
        self.problems = StepProblems()
        self.problems_box = QScrollArea()  # a fixed height: a warning coming or going moves
        self.problems_box.setWidgetResizable(True)  # nothing below it (clicks do not miss)
        self.problems_box.setFrameShape(QScrollArea.Shape.NoFrame)
        self.problems_box.setWidget(self.problems)
        self.problems_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.problems_box.setFixedHeight(self.problems.fontMetrics().lineSpacing() * 3 + 18)
        self.body.addWidget(self.problems_box)

    def primary(self) -> QWidget | None:
        """The step's own main action, last in the tab order (None: 'Volgende stap' is)."""
        return None

    def focus_chain(self, *, enabled_only: bool = True) -> list[QWidget]:
        """What Tab visits on this page, top to bottom, ending in the primary action (with
        `enabled_only` off also the fields switched off now, to give them their place)."""
        chain = visual_chain(self.inner, enabled_only=enabled_only)
        main = self.primary()
        if main is not None and main in chain:
            chain.remove(main)
            chain.append(main)
        return chain

    def first_field(self) -> QWidget | None:
        """Where typing goes when the step is opened by keyboard (Alt+1…8)."""
        chain = [w for w in self.focus_chain()
                 if w is not self.primary() and not isinstance(w, QLabel)]
        return chain[0] if chain else None

    def load(self, ctx: MeetingContext) -> None:
        """Fill every field from the stored record (on opening the step's item)."""
        self.refresh(ctx)

    def refresh(self, ctx: MeetingContext) -> None:
        """Update what follows from the record (lists, live rules) without touching typed text."""
        self.problems.show_problems(ctx.steps[self.step])

    def clear(self) -> None:
        """Empty every field, list and data label (on lock), without rebuilding the page."""
        self.problems.show_problems([])
        for edit in self.findChildren(QPlainTextEdit):
            edit.setProperty("loading", True)
            edit.clear()
            edit.setProperty("loading", False)
        for widget in self.findChildren(QLineEdit):
            widget.clear()
        for browser in self.findChildren(QTextBrowser):
            browser.clear()
        for table in self.findChildren(QTableWidget):
            table.setRowCount(0)
        for label in self.findChildren(QLabel):
            if label.property("caseData"):
                label.clear()


ROW_ID = 256  # Qt.ItemDataRole.UserRole: the record id stored on every cell


def record_table(columns: list[str], accessible: str) -> QTableWidget:
    """A read-only, row-selecting table of records (participants, agreements)."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setMinimumHeight(170)
    table.setAccessibleName(accessible)
    table.horizontalHeader().setAccessibleName(f"Kolommen van {accessible.lower()}: "
                                               + ", ".join(columns))
    return table


def selected_row_id(table: QTableWidget) -> str | None:
    """The record id of the selected row."""
    model = table.selectionModel()
    rows = model.selectedRows() if model else []
    item = table.item(rows[0].row(), 0) if rows else None
    return item.data(ROW_ID) if item else None


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    """Show (id, values) rows, keeping the selection on the same record."""
    selected = selected_row_id(table)
    table.setRowCount(len(rows))
    for r, (record_id, values) in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setData(ROW_ID, record_id)
            table.setItem(r, c, cell)
        if record_id == selected:
            table.selectRow(r)


def data_label() -> QLabel:
    """A label that shows case data; `StepPage.clear` empties it on lock."""
    label = QLabel("")
    label.setProperty("caseData", True)
    return label


class StepProblems(ProblemsPanel):
    """The step's live problems, always shown (in a box of fixed height), 'niets open' when none."""

    def show_problems(self, problems: list[Problem]) -> None:
        super().show_problems(problems)
        if not problems:
            self.setText("<span style='color:#2e7d32'>Niets open in deze stap.</span>")
        name = "problemsPanel" if problems else "problemsPanelEmpty"  # no warning colour
        if self.objectName() != name:
            self.setObjectName(name)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setVisible(True)


def date_edit(accessible: str) -> QDateEdit:
    """A date field showing dd-MM-yyyy with a calendar popup; its day is set from the meeting
    (`set_day`), never from the computer's clock."""
    edit = QDateEdit()
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    edit.setAccessibleName(accessible)
    return edit


def set_day(edit: QDateEdit, day: dt.date) -> None:
    """Show `day` in a date field without it counting as an edit."""
    edit.blockSignals(True)
    edit.setDate(QDate(day.year, day.month, day.day))
    edit.blockSignals(False)


def day_of(edit: QDateEdit) -> dt.date:
    """The day a date field shows."""
    qd = edit.date()
    return dt.date(qd.year(), qd.month(), qd.day())


def message_label() -> QLabel:
    """A red line under a form for what was refused (case data: emptied on lock). Two lines are
    reserved, so a message appearing or going does not move the controls below it."""
    label = data_label()
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 4)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label
