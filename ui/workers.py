"""The one serial executor that owns the vault session; results come back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from tafelapp.services.session import Session

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; a queued signal carries callbacks from the worker to it."""

    delivered = Signal(object)


class NotUnlocked(Exception):
    """A job needed the vault while it was locked."""


class DbExecutor(QObject):
    """Runs jobs one at a time on a single worker thread that owns the SQLCipher connection.

    All database access, key derivation and PDF work go through `submit`; the UI thread never
    waits on it. `on_ok`/`on_err` run on the GUI thread.
    """

    busy_changed = Signal(bool)
    failed = Signal(Exception)

    def __init__(self) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tafelapp-db")
        self._relay = _Relay()
        self._relay.delivered.connect(self._run_callback, Qt.ConnectionType.QueuedConnection)
        self.session: Session | None = None
        self._pending = 0
        self._closed = False

    @property
    def idle(self) -> bool:
        """True when no job is queued, running, or waiting to deliver its result."""
        return self._pending == 0

    def _run_callback(self, callback: Callable[[], None]) -> None:
        try:
            callback()
        finally:
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)

    def submit(self, job: Callable[[Session], T], on_ok: Callable[[T], Any] | None = None,
               on_err: Callable[[Exception], Any] | None = None) -> None:
        """Run `job(session)` on the worker; then `on_ok(result)` or `on_err(exc)` on the GUI thread."""
        self.run(lambda: job(self._require_session()), on_ok, on_err)

    def run(self, job: Callable[[], T], on_ok: Callable[[T], Any] | None = None,
            on_err: Callable[[Exception], Any] | None = None) -> None:
        """Run any slow function on the worker thread (it is serialised with the database jobs)."""
        if self._closed:
            return  # the app is closing: late follow-up work is dropped, not crashed on
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def work() -> None:
            try:
                result = job()
            except Exception as exc:  # delivered to the GUI thread, never swallowed
                error = exc
                self._relay.delivered.emit(lambda: self._deliver_error(error, on_err))
                return
            if self._closed and isinstance(result, Session):
                result.close()  # the app closed while this vault was being opened
                return
            self._relay.delivered.emit(lambda: on_ok(result) if on_ok else None)

        self._pool.submit(work)

    def _deliver_error(self, error: Exception, on_err: Callable[[Exception], Any] | None) -> None:
        if on_err is not None:
            on_err(error)
        else:
            self.failed.emit(error)

    def _require_session(self) -> Session:
        if self.session is None:
            raise NotUnlocked()
        return self.session

    def shutdown(self) -> None:
        """Finish queued jobs, close the session (checkpointing the WAL) and stop the thread."""
        def close() -> None:
            if self.session is not None:
                self.session.close()
                self.session = None
        if self._closed:
            return
        self._closed = True
        self._pool.submit(close)
        self._pool.shutdown(wait=True)
