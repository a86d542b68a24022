"""A message line with its room reserved: a warning appearing or going never moves a control."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea


class MessageArea(QScrollArea):
    """Room for `lines` lines of text (more scroll inside it); behaves like a QLabel for text."""

    def __init__(self, lines: int = 2, accessible: str = "Meldingen", style: str = "") -> None:
        super().__init__()
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if style:
            self.label.setStyleSheet(style)
        self.label.setAccessibleName(accessible)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(accessible)
        height = self.fontMetrics().lineSpacing() * lines + 6
        self.setFixedHeight(height)

    def setText(self, text: str) -> None:
        """Show a message (plain or rich text); '' empties the room but keeps it."""
        self.label.setText(text)
        self.label.setAccessibleDescription(self.label.text())

    def text(self) -> str:
        """The message shown."""
        return self.label.text()
