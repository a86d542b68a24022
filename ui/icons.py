"""Every qtawesome icon the app uses, in one place; qtawesome is imported lazily (it is slow)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

NAMES = {
    "lock": "fa5s.lock", "unlock": "fa5s.unlock", "overview": "fa5s.home",
    "meeting": "fa5s.users", "agenda": "fa5s.list-ol", "add": "fa5s.plus",
    "remove": "fa5s.trash-alt", "up": "fa5s.arrow-up", "down": "fa5s.arrow-down",
    "start": "fa5s.play", "ok": "fa5s.check-circle", "warning": "fa5s.exclamation-triangle",
    "error": "fa5s.times-circle", "family": "fa5s.user-friends", "pdf": "fa5s.file-pdf",
    "screen": "fa5s.desktop", "settings": "fa5s.cog", "saved": "fa5s.save",
    "back": "fa5s.arrow-left", "outbox": "fa5s.paper-plane", "next": "fa5s.arrow-right",
    "search": "fa5s.search", "worklist": "fa5s.clipboard-list", "figures": "fa5s.chart-bar",
    "inzage": "fa5s.user-shield",
    "region": "fa5s.map-marked-alt",
}
COLOURS = {"ok": "#2e7d32", "warning": "#b26a00", "error": "#c62828"}
# Drawn once at these sizes (device pixels: 16-24 at 100 %, 24-36 at 150 %) and kept as pixmaps:
# qtawesome's own icon runs Python on every paint (~1 ms per toolbar repaint, issue 18.15).
SIZES = (16, 24, 32, 48)


@cache
def icon(name: str) -> QIcon:
    """The icon for one of NAMES, coloured where a colour carries meaning (as pixmaps; Qt makes
    the greyed 'disabled' look from them)."""
    import qtawesome

    drawn = qtawesome.icon(NAMES[name], color=COLOURS.get(name, "#37474f"))
    result = QIcon()
    for size in SIZES:
        result.addPixmap(drawn.pixmap(QSize(size, size)))
    return result
