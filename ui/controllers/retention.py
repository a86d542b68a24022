"""Opschonen beside the UI: the scheduled check shows the plan before anything is removed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import retention_service
from tafelapp.services.retention_service import Outcome, Plan
from tafelapp.services.session import Session
from ui.text import problems_line
from ui.views.retention_dialog import RetentionDialog
from ui.workers import DbExecutor


class RetentionController(QObject):
    """`check` (the daily tick) opens the dialog only when something would go; `show` always.
    Every service call runs on the database worker (VACUUM can take seconds)."""

    removed = Signal(object)  # the Outcome

    def __init__(self, executor: DbExecutor, parent: QWidget) -> None:
        super().__init__()
        self.executor = executor
        self.parent_widget = parent
        self.dialog: RetentionDialog | None = None

    def check(self) -> None:
        """The scheduled check: show what will go (nothing is removed without the user)."""
        if self.executor.session is None:
            return
        self.executor.submit(retention_service.plan,
                             lambda plan: self._on_plan(plan, only_if_due=True))

    def show(self) -> None:
        """Instellingen → Opschonen: the plan, also when nothing goes."""
        if self.executor.session is not None:
            self.executor.submit(retention_service.plan, self._on_plan)

    def _on_plan(self, plan: Plan, only_if_due: bool = False) -> None:
        if only_if_due and not plan.to_remove and self.dialog is None:
            return
        if self.dialog is None:
            self.dialog = RetentionDialog(self.parent_widget)
            self.dialog.remove_requested.connect(self._on_dialog_remove_requested)
            self.dialog.postpone_requested.connect(
                lambda c, d, r: self._change(retention_service.postpone, c, d, r))
            self.dialog.hold_requested.connect(
                lambda c, d, r: self._change(retention_service.hold, c, d, r))
            self.dialog.finished.connect(self._on_dialog_finished)
            self.dialog.show_plan(plan)
            self.dialog.open()
        else:
            self.dialog.show_plan(plan)

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _change(self, action: Any, case_id: str, until: dt.date, reason: str) -> None:
        def job(s: Session) -> Plan:
            action(s, case_id, until, reason)
            return retention_service.plan(s)

        def then(plan: Plan) -> None:
            if self.dialog is not None:
                self.dialog.done_change()
                self.dialog.show_plan(plan)
        self.executor.submit(job, then, self._on_failed)

    def _on_dialog_remove_requested(self, case_ids: list[str]) -> None:
        if self.dialog is not None:
            self.dialog.remove.setEnabled(False)
            self.dialog.show_problem("Bezig met opschonen…")

        def job(s: Session) -> tuple[Outcome, Plan]:
            return retention_service.remove_due(s, case_ids), retention_service.plan(s)

        def then(result: tuple[Outcome, Plan]) -> None:
            outcome, plan = result
            if self.dialog is not None:
                self.dialog.show_plan(plan)
                self.dialog.show_problem(
                    f"Verwijderd: {', '.join(outcome.removed) or 'niets'}. De kluis is "
                    f"opgeschoond in {outcome.compact_seconds:.1f} s.")
            self.removed.emit(outcome)
        self.executor.submit(job, then, self._on_failed)

    def _on_failed(self, exc: Exception) -> None:
        if self.dialog is None:
            return
        self.dialog.show_problem(problems_line(exc.problems) if isinstance(exc, InvalidInput)
                                 else f"Opschonen lukte niet ({type(exc).__name__}).")
