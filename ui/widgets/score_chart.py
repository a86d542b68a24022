"""A small line chart of schaalvraag scores per respondent across meetings (a picture, not a table)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037",
           "#ad1457"]


class ScoreChart(QWidget):
    """Scores 0–10 (y) over meeting dates (x), one coloured line per respondent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: dict[str, list[tuple[dt.date, int]]] = {}
        self.setMinimumSize(QSize(320, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Grafiek van de schaalvragen")

    def set_points(self, points: list[tuple[dt.date, str, int]]) -> None:
        """(date, respondent, score) triples; earlier meetings and this one together."""
        series: dict[str, list[tuple[dt.date, int]]] = defaultdict(list)
        for day, who, score in sorted(points):
            series[who].append((day, score))
        self._series = dict(series)
        self.update()

    @property
    def series(self) -> dict[str, list[tuple[dt.date, int]]]:
        """The plotted data, per respondent."""
        return self._series

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        legend_w = min(180, self.width() // 3)
        plot = QRectF(metrics.horizontalAdvance("10") + 10, 10,
                      self.width() - legend_w - metrics.horizontalAdvance("10") - 24,
                      self.height() - metrics.height() - 24)
        painter.setPen(QPen(QColor("#cfd8dc"), 1))
        for score in range(0, 11, 2):
            y = plot.bottom() - plot.height() * score / 10
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#546e7a"))
            painter.drawText(QRectF(0, y - 8, plot.left() - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(score))
            painter.setPen(QPen(QColor("#cfd8dc"), 1))
        dates = sorted({d for values in self._series.values() for d, _ in values})
        if not dates:
            painter.setPen(QColor("#546e7a"))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "Nog geen scores")
            return

        inner = plot.adjusted(40, 0, -40, 0)  # room for the first and last date label

        def x_of(day: dt.date) -> float:
            if len(dates) == 1:
                return inner.center().x()
            return inner.left() + inner.width() * dates.index(day) / (len(dates) - 1)

        painter.setPen(QColor("#546e7a"))
        for day in dates:
            painter.drawText(QRectF(x_of(day) - 40, plot.bottom() + 4, 80, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, day.strftime("%d-%m-%Y"))
        for index, (who, values) in enumerate(sorted(self._series.items())):
            colour = QColor(PALETTE[index % len(PALETTE)])
            painter.setPen(QPen(colour, 2))
            points = [QPointF(x_of(d), plot.bottom() - plot.height() * s / 10) for d, s in values]
            for a, b in itertools.pairwise(points):
                painter.drawLine(a, b)
            painter.setBrush(colour)
            for p in points:
                painter.drawEllipse(p, 3.5, 3.5)
            y = 10 + index * (metrics.height() + 2)
            painter.drawRect(QRectF(self.width() - legend_w, y + 4, 10, 10))
            painter.setPen(QColor("#263238"))
            label = metrics.elidedText(f"{who}: {values[-1][1]}", Qt.TextElideMode.ElideRight,
                                       legend_w - 16)
            painter.drawText(QRectF(self.width() - legend_w + 14, y, legend_w - 14,
                                    metrics.height() + 2), Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()
