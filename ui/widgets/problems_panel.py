"""A panel that shows the domain's live problems for one step, with their reasons."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from tafelapp.domain.problems import Problem
from ui.text import problem_html


class ProblemsPanel(QLabel):
    """Rich-text list of problems; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("problemsPanel")
        self.setStyleSheet("#problemsPanel { background: #fff8e1; border: 1px solid #ffe082; "
                           "border-radius: 4px; padding: 6px; }")
        self.hide()

    def show_problems(self, problems: list[Problem]) -> None:
        """Show these problems (or hide when empty)."""
        self.setText(problem_html(problems))
        self.setVisible(bool(problems))
        self.setAccessibleDescription(" ".join(p.message for p in problems))
