"""A small horizontal bar chart widget for the kengetallen (the same series as the PDF report)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class BarChart(QWidget):
    """Title and one bar per key."""

    def __init__(self, title: str, values: dict[str, float]) -> None:
        super().__init__()
        self.title = title
        self.values = values
        self.setMinimumSize(QSize(300, 40 + 24 * max(1, len(values))))
        self.setAccessibleName(title)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QColor("#263238"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(4, 2, self.width() - 8, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        font.setBold(False)
        painter.setFont(font)
        if not self.values:
            painter.drawText(QRectF(4, 24, self.width() - 8, 20), Qt.AlignmentFlag.AlignLeft,
                             "geen gegevens in dit kwartaal")
            painter.end()
            return
        label_w = min(220, self.width() // 2)
        top = max(self.values.values()) or 1
        for i, (name, value) in enumerate(self.values.items()):
            y = 26 + i * 24
            painter.setPen(QColor("#263238"))
            painter.drawText(QRectF(4, y, label_w - 8, 20),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            length = (self.width() - label_w - 60) * value / top
            painter.fillRect(QRectF(label_w, y + 3, length, 14), QColor("#1565c0"))
            painter.drawText(QRectF(label_w + length + 4, y, 56, 20),
                             Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
        painter.end()
