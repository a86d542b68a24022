"""The top row every screen shares: a back button and a title that wraps instead of widening."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from ui.icons import icon


def header_row(back_text: str, title: str = "") -> tuple[QHBoxLayout, QPushButton, QLabel]:
    """(the row, its back button, its title label); add further widgets to the row."""
    row = QHBoxLayout()
    back = QPushButton(back_text)
    back.setIcon(icon("back"))
    back.setAccessibleName(f"Terug naar {back_text.lower()}")  # not the toolbar's own button
    row.addWidget(back)
    label = QLabel(title)
    label.setStyleSheet("font-size: 13pt; font-weight: 600;")
    label.setWordWrap(True)
    row.addWidget(label, 1)
    return row, back, label
