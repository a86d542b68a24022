"""Autosave: every edit is stored within a second, without a save button, through the executor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from tafelapp.domain.problems import InvalidInput
from tafelapp.services.session import Session
from ui.text import problems_line
from ui.workers import DbExecutor

Job = Callable[[Session], Any]
DELAY_MS = 400
_ERROR_STYLE = "border: 2px solid #c62828;"


class AutoSaver(QObject):
    """Debounces edits per key and stores them in order; failures mark the widget with the reason."""

    saved = Signal(str)
    rejected = Signal(list)
    failed = Signal(Exception)

    def __init__(self, executor: DbExecutor, delay_ms: int = DELAY_MS) -> None:
        super().__init__()
        self._executor = executor
        self._delay = delay_ms
        self._timers: dict[str, QTimer] = {}
        self._jobs: dict[str, tuple[Job, QWidget | None]] = {}

    @property
    def pending(self) -> bool:
        """True while an edit waits for its timer."""
        return bool(self._jobs)

    def schedule(self, key: str, job: Job, widget: QWidget | None = None) -> None:
        """Store `job` after a short pause; a newer edit of the same key replaces it."""
        self._jobs[key] = (job, widget)
        timer = self._timers.get(key)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda k=key: self.flush(k))
            self._timers[key] = timer
        timer.start(self._delay)

    def flush(self, key: str | None = None) -> None:
        """Submit pending edits now (one key, or all)."""
        keys = [key] if key is not None else list(self._jobs)
        for k in keys:
            entry = self._jobs.pop(k, None)
            if k in self._timers:
                self._timers[k].stop()
            if entry is None:
                continue
            self._submit(*entry)

    def _submit(self, job: Job, widget: QWidget | None) -> None:
        self._executor.submit(job, lambda _result: self._on_ok(widget),
                              lambda exc: self._on_err(widget, exc))

    def drop_all(self) -> None:
        """Forget pending edits (only used after they were flushed)."""
        for timer in self._timers.values():
            timer.stop()
        self._jobs.clear()

    def _on_ok(self, widget: QWidget | None) -> None:
        if widget is not None and widget.property("autosaveError"):
            widget.setStyleSheet("")
            widget.setToolTip("")
            widget.setProperty("autosaveError", False)
        self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))

    def _on_err(self, widget: QWidget | None, exc: Exception) -> None:
        if isinstance(exc, InvalidInput):
            if widget is not None:
                widget.setStyleSheet(_ERROR_STYLE)
                widget.setToolTip(problems_line(exc.problems))
                widget.setProperty("autosaveError", True)
            self.rejected.emit(list(exc.problems))
        else:
            self.failed.emit(exc)

    def bind_text(self, widget: QPlainTextEdit | QLineEdit, key: str,
                  make_job: Callable[[str], Job]) -> None:
        """Store a text field's content a moment after each edit, and at once when focus leaves."""
        if isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(
                lambda: None if widget.property("loading") else
                self.schedule(key, make_job(widget.toPlainText()), widget))
        else:
            widget.textEdited.connect(lambda text: self.schedule(key, make_job(text), widget))
        widget.installEventFilter(_FlushOnFocusOut(self, key, widget))


class _FlushOnFocusOut(QObject):
    def __init__(self, saver: AutoSaver, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._saver = saver
        self._key = key

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._saver.flush(self._key)
        return False


def set_text_quietly(widget: QPlainTextEdit | QLineEdit, text: str) -> None:
    """Load a stored value into a field without it counting as an edit."""
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() == text:
            return
        widget.setProperty("loading", True)
        widget.setPlainText(text)
        widget.setProperty("loading", False)
    elif widget.text() != text:
        widget.setText(text)


