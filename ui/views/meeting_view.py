"""Meeting mode: the step list on the left (complete / missing) and the current step on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.problems import Severity
from tafelapp.domain.steps import STEP_TITLES, MeetingStep
from tafelapp.services.meeting_context_service import MeetingContext, meeting_context
from ui.icons import icon
from ui.text import labels
from ui.views.steps.agreements import AgreementsPage
from ui.views.steps.base import MeetingEnv, StepPage
from ui.views.steps.case_lead import CaseLeadPage
from ui.views.steps.closing import ClosingPage
from ui.views.steps.decision import DecisionPage
from ui.views.steps.opening import OpeningPage
from ui.views.steps.participants import ParticipantsPage
from ui.views.steps.safety_plan import SafetyPlanPage
from ui.views.steps.scaling import ScalingPage
from ui.widgets.autosave import AutoSaver
from ui.widgets.header import header_row
from ui.widgets.keyboard import chain_tab_order, prepare_text_fields
from ui.workers import DbExecutor

PAGES: list[type[StepPage]] = [OpeningPage, ParticipantsPage, SafetyPlanPage, ScalingPage,
                               DecisionPage, CaseLeadPage, AgreementsPage, ClosingPage]


class MeetingView(QWidget):
    """Guided sequence for one agenda item; every edit autosaves and the rules refresh live."""

    step_changed = Signal(str)
    back_requested = Signal()
    family_view_requested = Signal(str)
    minutes_requested = Signal(str)
    loaded = Signal()
    status_message = Signal(str)

    def __init__(self, executor: DbExecutor, saver: AutoSaver) -> None:
        super().__init__()
        self._stale: set[MeetingStep] = set()  # steps whose page still shows an older record
        self._unloaded: set[MeetingStep] = set()  # steps whose fields are not filled yet
        self._openings = 0  # raised at each opening: a late announcement of an earlier one is dropped
        self._focus_pending: StepPage | None = None  # opened by keyboard, fields still coming
        self.executor = executor
        self.saver = saver
        self.env = MeetingEnv(executor, saver, self.request_refresh, self.status_message.emit)
        layout = QVBoxLayout(self)
        top, self.back, self.header = header_row("Agenda")
        self.back.setAccessibleName("Terug naar de agenda")
        self.verdict = QLabel("")
        top.addWidget(self.verdict)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.steps = QListWidget()
        self.steps.setAccessibleName("Stappen")
        self.steps.setMinimumWidth(190)
        self.steps.setMaximumWidth(260)
        self.stack = QStackedWidget()
        self.pages: dict[MeetingStep, StepPage] = {}
        self._build_pages()
        for number, step in enumerate(MeetingStep, start=1):
            item = QListWidgetItem(f"{number}. {STEP_TITLES[step]}")
            item.setData(Qt.ItemDataRole.UserRole, step.value)
            self.steps.addItem(item)
        splitter.addWidget(self.steps)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        nav = QHBoxLayout()
        self.previous = QPushButton("Vorige stap")
        self.previous.setIcon(icon("back"))
        self.previous.setToolTip("Vorige stap (Alt+PgUp)")
        self.next = QPushButton("Volgende stap")
        self.next.setIcon(icon("next"))
        self.next.setToolTip("Volgende stap (Alt+PgDown); Alt+1…8 opent een stap")
        nav.addStretch(1)
        nav.addWidget(self.previous)
        nav.addWidget(self.next)
        layout.addLayout(nav)

        self.steps.currentRowChanged.connect(self._on_steps_current_row_changed)
        self.previous.clicked.connect(lambda: self._move(-1))
        self.next.clicked.connect(lambda: self._move(1))
        self.back.clicked.connect(self.back_requested)
        QShortcut(QKeySequence("Alt+PgDown"), self, lambda: self._move(1, focus=True))
        QShortcut(QKeySequence("Alt+PgUp"), self, lambda: self._move(-1, focus=True))
        for number in range(1, len(PAGES) + 1):
            QShortcut(QKeySequence(f"Alt+{number}"), self,
                      lambda n=number: self.open_row(n - 1))
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self._reload)
        saver.saved.connect(lambda _t: self.request_refresh())

    @property
    def current_step(self) -> MeetingStep:
        """The step on screen."""
        item = self.steps.currentItem()
        return MeetingStep(item.data(Qt.ItemDataRole.UserRole)) if item else MeetingStep.OPENING

    @property
    def refresh_pending(self) -> bool:
        """True while a reload of the record is scheduled or steps are still being filled."""
        return self._refresh_timer.isActive() or bool(self._unloaded)

    def open_item(self, item_id: str, step: MeetingStep = MeetingStep.OPENING) -> None:
        """Load an agenda item in a worker, then show it at `step`: that step's fields are
        filled at once, the other steps one per turn of the event loop (or at once when shown
        first), so the UI thread never builds eight pages in one go."""
        def shown(ctx: MeetingContext) -> None:
            self.env.ctx = ctx
            self._unloaded = set(MeetingStep)
            self._apply(ctx)
            self.go_to(step)
            # the switch to this screen (its first layout) in a turn of its own: filling the step
            # and showing the screen in one go held the UI thread for 15-22 ms (bench/ui.py)
            self._openings += 1
            QTimer.singleShot(0, lambda opening=self._openings: self._announce(opening))
        self.executor.submit(lambda s: meeting_context(s, item_id), shown,
                             lambda exc: self.status_message.emit(
                                 f"Bespreking kon niet worden geopend ({type(exc).__name__})"))

    def _announce(self, opening: int) -> None:
        """The item is on its step: say so (the window shows this screen), then fill the other
        steps; nothing when the vault locked or another item opened meanwhile."""
        if self.env.ctx is None or opening != self._openings:
            return
        self.loaded.emit()
        QTimer.singleShot(0, self._load_next)

    def _load_next(self) -> None:
        """Fill one more step that has not been shown yet, then give the event loop a turn."""
        ctx = self.env.ctx
        waiting = [step for step in MeetingStep if step in self._unloaded]
        if ctx is None or not waiting:
            self._unloaded.clear()
            return
        self._unloaded.discard(waiting[0])
        self._stale.discard(waiting[0])
        self.pages[waiting[0]].load(ctx)
        QTimer.singleShot(0, self._load_next)

    def clear(self) -> None:
        """Forget the record (on lock): no case data stays in the widgets."""
        self.env.ctx = None
        self._unloaded.clear()
        self.header.setText("")
        self.verdict.setText("")
        for page in self.pages.values():
            page.clear()
        for row in range(self.steps.count()):
            self.steps.item(row).setToolTip("")

    def _build_pages(self) -> None:
        """(Re)create every step page empty; old pages and the data they showed are destroyed."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        for page_class in PAGES:
            page = page_class(self.env)
            self.pages[page.step] = page
            self.stack.addWidget(page)
        closing = self.pages[MeetingStep.CLOSING]
        assert isinstance(closing, ClosingPage)
        closing.step_requested.connect(
            lambda step: self.open_row(list(MeetingStep).index(MeetingStep(step))))
        closing.family_view_requested.connect(self._on_closing_family_view_requested)
        closing.minutes_requested.connect(self._on_closing_minutes_requested)

    def _on_closing_minutes_requested(self) -> None:
        if self.env.ctx is not None:
            self.minutes_requested.emit(self.env.ctx.item.id)

    def _on_closing_family_view_requested(self) -> None:
        if self.env.ctx is not None:
            self.family_view_requested.emit(self.env.ctx.item.id)

    def go_to(self, step: MeetingStep) -> None:
        """Show a step."""
        self.steps.setCurrentRow(list(MeetingStep).index(step))

    def request_refresh(self) -> None:
        """Reload the record soon (after a save or an action)."""
        if self.env.ctx is not None:
            self._refresh_timer.start()

    def _reload(self) -> None:
        ctx = self.env.ctx
        if ctx is None:
            return
        item_id = ctx.item.id
        self.executor.submit(lambda s: meeting_context(s, item_id),
                             lambda new: self._apply(new) if self.env.ctx and
                             self.env.ctx.item.id == item_id else None)

    def _apply(self, ctx: MeetingContext) -> None:
        self.env.ctx = ctx
        when = ctx.meeting.date.strftime("%d-%m-%Y")
        self.header.setText(f"{ctx.case.case_number} — gezin {ctx.case.family.name} · "
                            f"{labels.TABLE_KIND[ctx.table.kind.value]}, {when}")
        if ctx.is_jbt_table:
            ok = not ctx.not_jbt_reasons
            self.verdict.setText("Geldt als JBT" if ok else "Nog geen JBT")
            self.verdict.setStyleSheet(f"color: {'#2e7d32' if ok else '#8a5200'}; "
                                       "font-weight: 600;")
        else:
            self.verdict.setText("")
        for row, step in enumerate(MeetingStep):
            problems = ctx.steps[step]
            item = self.steps.item(row)
            if any(p.severity is Severity.ERROR for p in problems):
                item.setIcon(icon("error"))
            elif problems:
                item.setIcon(icon("warning"))
            else:
                item.setIcon(icon("ok"))
            suffix = f" ({len(problems)} open)" if problems else ""
            item.setText(f"{row + 1}. {STEP_TITLES[step]}{suffix}")
            item.setToolTip("\n".join(p.message for p in problems) or "Compleet")
        # only the step on screen is filled now; another is filled when it is shown (the UI
        # thread builds one page's widgets per reload, not eight)
        self._stale = set(MeetingStep)
        self._refresh_current()

    def _refresh_current(self) -> None:
        ctx = self.env.ctx
        step = list(MeetingStep)[max(0, self.steps.currentRow())]
        page = self.pages[step]
        if ctx is not None and step in self._unloaded:  # shown before its turn came: now
            self._unloaded.discard(step)
            self._stale.discard(step)
            page.load(ctx)
        elif ctx is not None and step in self._stale:
            self._stale.discard(step)
            focus = QApplication.focusWidget()
            name = focus.accessibleName() if focus is not None and page.isAncestorOf(focus) \
                else None
            page.refresh(ctx)
            if name is not None:
                self._keep_cursor(page, focus, name)
            if self._focus_pending is page:
                QTimer.singleShot(0, self._put_pending_focus)
        self._order_tabs(page)

    def _keep_cursor(self, page: StepPage, before: QWidget | None, name: str) -> None:
        """A reload that rebuilt the field with the cursor (a score, a voice) puts the cursor
        back on the field of the same name, else on the step's first field, once the new
        fields are shown: typing never goes nowhere because a save of the previous step came
        back."""
        def restore() -> None:
            focus = QApplication.focusWidget()
            if page is not self.stack.currentWidget() or (
                    focus is before and focus is not None and focus.isVisible()):
                return
            if focus is not None and focus is not page and page.isAncestorOf(focus):
                return  # the person has moved on within the step
            same = [w for w in page.focus_chain() if name and w.accessibleName() == name]
            target = same[0] if same else page.first_field()
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, restore)

    def _order_tabs(self, page: StepPage) -> None:
        """Tab runs from the step list through the page, top to bottom, to the page's primary
        action and then 'Volgende stap' (not back to '← Agenda' halfway)."""
        page.body.activate()
        prepare_text_fields(page)
        # A field off now ('Reden' until 'niet betrokken' is chosen) keeps its place: once it is
        # switched on, Tab reaches it right after the choice that switched it on.
        chain_tab_order([self.back, self.steps, *page.focus_chain(enabled_only=False), self.next,
                         self.previous])

    def focus_step(self) -> None:
        """Put the cursor in the first field of the step on screen; a step whose fields are
        still being filled (its people came with a reload) gets it once they are there."""
        page = self.pages[self.current_step]
        self._order_tabs(page)
        self._focus_pending = None
        first = page.first_field()
        if first is None or not first.isVisible():
            self._focus_pending = page
            QTimer.singleShot(0, self._put_pending_focus)
        if first is not None:
            page.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _put_pending_focus(self) -> None:
        page = self._focus_pending
        if page is None or page is not self.stack.currentWidget():
            return
        focus = QApplication.focusWidget()
        if focus is not None and focus is not page and page.isAncestorOf(focus):
            self._focus_pending = None  # the cursor is in the step already
            return
        first = page.first_field()
        if first is not None and first.isVisible():
            self._focus_pending = None
            page.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_row(self, row: int) -> None:
        """Alt+1…8 or a link: show that step and put the cursor in its first field."""
        self.steps.setCurrentRow(row)
        self.focus_step()

    def _on_steps_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.saver.flush()
        self.stack.setCurrentIndex(row)
        self._refresh_current()
        self.previous.setEnabled(row > 0)
        self.next.setEnabled(row < len(PAGES) - 1)
        self.step_changed.emit(self.current_step.value)

    def _move(self, delta: int, focus: bool = False) -> None:
        row = self.steps.currentRow() + delta
        if 0 <= row < len(PAGES):
            self.steps.setCurrentRow(row)
            if focus:
                self.focus_step()
