"""Builds the desktop app: executor -> main window; `tafelapp gui` and the packaged binary start here."""

from __future__ import annotations

import signal
import threading

# Ctrl+C (SIGINT) and SIGTERM only raise this flag: a Python handler that raised or did Qt work
# would run between any two bytecodes of the UI thread, in the middle of an import, of Qt's own
# start-up or of the main window's construction (KeyboardInterrupt there aborted the process or
# left a half-built window; the old handler locked and closed a window that did not exist yet).
# The UI thread looks at the flag at moments it chooses (`_StopWatch`).
STOP = threading.Event()
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _note_stop(_signum: int, _frame: object) -> None:
    STOP.set()


def hold_stop_signals() -> None:
    """From now on Ctrl+C and SIGTERM close the app at the next safe moment instead of at once."""
    for number in STOP_SIGNALS:
        signal.signal(number, _note_stop)
    if hasattr(signal, "pthread_sigmask"):  # scripts/dev.py starts the app with them blocked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


if __name__ == "__main__":  # `python -m ui.app`: before Qt is even imported
    hold_stop_signals()

import argparse  # noqa: E402 - after the signal guard, on purpose
import gc  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

# Qt's raster engine hands every large fill (a scroll bar's groove, a progress bar) to a thread
# pool and waits for it: on a laptop whose cores are busy (the vault's worker, the OS) a third of
# each paint went to that hand-over (py-spy --native over bench/ui.py's screens: 35 % of the
# paint samples in QThreadPool::start and QLatch::wait). Painted on the UI thread instead.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

from PySide6.QtCore import QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

if TYPE_CHECKING:  # the first window must not wait for these imports
    from ui.main_window import MainWindow
    from ui.views.unlock_view import UnlockView
    from ui.workers import DbExecutor

STYLE = """
QWidget { font-size: 10.5pt; }
QPushButton { padding: 5px 12px; }
QListWidget::item { padding: 6px; }
QToolBar { spacing: 8px; }
"""


# Strings of Qt's own dialogs that qtbase_nl.qm (as shipped with PySide6) leaves in English:
# the non-native file dialog's "Look in" and "Files of type".
QT_DUTCH_GAPS = {
    ("QFileDialog", "&Look in:"): "&Zoeken in:",
    ("QFileDialog", "Look in:"): "Zoeken in:",
    ("QFileDialog", "Files of &type:"): "Bestands&type:",
    ("QFileDialog", "Files of type:"): "Bestandstype:",
}
_TRANSLATORS: list[Any] = []  # Python translators must outlive the app's use of them


def install_dutch(app: QApplication) -> bool:
    """Qt's own dialogs and buttons in Dutch (qtbase_nl ships with PySide6, and the few strings
    it lacks from QT_DUTCH_GAPS); True when loaded."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    class GapTranslator(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None,
                      n: int = -1) -> str:
            return QT_DUTCH_GAPS.get((context, source), "")

        def isEmpty(self) -> bool:
            return False

    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_nl", folder):
        return False
    gaps = GapTranslator(app)
    _TRANSLATORS.extend((translator, gaps))
    app.installTranslator(gaps)
    app.installTranslator(translator)  # the last installed is asked first
    return True


def demo_vault_path(vault: Path) -> Path:
    """The demo vault lives beside the real one, never in it."""
    return vault.with_name("demo.tafelapp")


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tafelapp gui")
    parser.add_argument("--vault", help="pad van de kluis")
    parser.add_argument("--demo", action="store_true", help="open de demo (fictieve gegevens)")
    parser.add_argument("--smoke", action="store_true",
                        help="open en sluit het hoofdvenster (controle van een build)")
    return parser.parse_args(list(argv))


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Tafelapp")
    app.setStyleSheet(STYLE)
    if not app.property("tafelappDutch"):
        app.setProperty("tafelappDutch", install_dutch(app))
    return app


def _vault(args: argparse.Namespace) -> Path:
    from tafelapp.paths import default_vault_path

    return Path(args.vault).expanduser() if args.vault else default_vault_path()


UI_SWITCH_INTERVAL = 0.001  # seconds; see _main_window


def _main_window(vault: Path, unlock_view: UnlockView | None = None
                 ) -> tuple[DbExecutor, MainWindow]:
    """The executor and the main window (the unlock view may already be on screen)."""
    from ui.main_window import MainWindow
    from ui.workers import DbExecutor

    executor = DbExecutor()
    window = MainWindow(executor, vault, demo_vault_path(vault), unlock_view=unlock_view)
    # Everything alive now (modules, Qt wrappers, the window) lives as long as the app: move it
    # out of the garbage collector's sight, so a full collection on the worker thread (which holds
    # the GIL) stays short and cannot stall the UI thread.
    gc.freeze()
    # A worker thread busy in Python hands the interpreter lock over only every switch interval;
    # the UI thread needs the lock for each call into Python (a tick, a slot, a cell's data), so
    # at the default 5 ms a 0.3 s work list on the vault's worker kept it waiting 50–100 ms
    # (measured, bench/region_screen.py). 1 ms keeps it waiting a few ms at most.
    sys.setswitchinterval(UI_SWITCH_INTERVAL)
    return executor, window


def build(argv: Sequence[str]) -> tuple[QApplication, DbExecutor, MainWindow, argparse.Namespace]:
    """Create the application objects (used by the tests, the benchmark and `--smoke`)."""
    args = _parse(argv)
    app = _application()
    executor, window = _main_window(_vault(args))
    return app, executor, window, args


def _smoke_pdf_signing() -> bool:
    """Render a PDF/A page, sign it and verify it: WeasyPrint, pyHanko and their data are there."""
    import datetime as dt

    from tafelapp.documents.pdf import render_pdf
    from tafelapp.signing import identities, pades

    material = identities.create_local("Smoke Test", "123456", dt.datetime.now(dt.UTC))
    key = identities.unlock_key(material.encrypted_key_der, "123456")
    signed = pades.sign(render_pdf("<p>Tafelapp smoke</p>"), material.certificate_der, key,
                        "Smoke", "Smoke Test", "smoke", "lokaal")
    return pades.verify(signed).intact


def smoke(app: QApplication, executor: Any, window: object) -> int:
    """Prove a build carries Qt plugins, SQLCipher and the icon fonts: open, check, close."""
    from tafelapp.services import vault_service
    from ui.icons import icon

    folder = Path(tempfile.mkdtemp(prefix="tafelapp-smoke-"))
    session = vault_service.create(folder / "smoke.tafelapp", "Smoke-Test-Zin-2026")
    report = vault_service.check(session)
    session.close()
    icons_ok = not icon("lock").pixmap(32, 32).isNull()
    pdf_ok = _smoke_pdf_signing()
    window.show()  # type: ignore[attr-defined]
    QTimer.singleShot(300, app.quit)
    app.exec()
    window.close()  # type: ignore[attr-defined]
    executor.shutdown()
    ok = report.ok and icons_ok and pdf_ok
    print(f"SMOKE {'OK' if ok else 'FAILED'} platform={app.platformName()} "
          f"cipher={report.cipher_version} icons={'ok' if icons_ok else 'missing'} "
          f"pdf+signature={'ok' if pdf_ok else 'failed'}")
    return 0 if ok else 1


STOP_MESSAGE = "Tafelapp wordt vergrendeld en gesloten (Ctrl+C)."


class _StopWatch(QObject):
    """Looks at the stop flag every 100 ms on the UI thread (the timer also lets Python's signal
    handler run while Qt's loop waits) and closes whatever exists at that moment: the main
    window (locked first, so edits are stored and the vault closed) or else the unlock form."""

    def __init__(self, app: QApplication, window: Callable[[], Any],
                 unlock: Callable[[], Any]) -> None:
        super().__init__(app)
        self._app, self._window, self._unlock = app, window, unlock
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(100)

    def check(self) -> None:
        """Close now if a stop was asked for."""
        if not STOP.is_set():
            return
        self._timer.stop()
        print(STOP_MESSAGE, file=sys.stderr, flush=True)
        window = self._window()
        if window is not None:
            window.lock()
            window.close()
        else:
            unlock = self._unlock()
            if unlock is not None:
                unlock.close()
        self._app.quit()


def _heavy_imports() -> None:
    """What the main window needs, imported off the UI thread while the unlock form is shown."""
    import importlib

    for module in ("ui.main_window", "ui.workers", "tafelapp.services.vault_service"):
        importlib.import_module(module)


def quick_unlock(app: QApplication, args: argparse.Namespace
                 ) -> tuple[dict[str, Any], UnlockView]:
    """Show the unlock form first (Qt and one small module), then build the rest of the app
    behind it: the imports on a thread, the main window on the next turn of the event loop.
    What the user types meanwhile stays in the form; a request made before the main window
    exists is kept and carried out once it does."""
    import threading

    from ui.views.unlock_view import UnlockView
    from ui.widgets.fit import fit_main_window

    vault = _vault(args)
    unlock = UnlockView()
    unlock.setWindowTitle("Tafelapp")
    if vault.exists():
        unlock.show_open()
    else:
        unlock.show_first_start()
    fit_main_window(unlock)
    pending: list[tuple[str, str]] = []

    def keep_unlock(passphrase: str) -> None:
        pending.append(("unlock", passphrase))

    def keep_create(passphrase: str) -> None:
        pending.append(("create", passphrase))

    def keep_demo() -> None:
        pending.append(("demo", ""))

    unlock.unlock_requested.connect(keep_unlock)
    unlock.create_requested.connect(keep_create)
    unlock.demo_requested.connect(keep_demo)
    loader = threading.Thread(target=_heavy_imports, name="tafelapp-imports", daemon=True)
    loader.start()
    built: dict[str, Any] = {"loader": loader}

    def finish() -> None:
        if STOP.is_set():
            return  # closing: the main window is not built (the watch closes the form)
        if loader.is_alive():
            QTimer.singleShot(15, finish)
            return
        geometry, maximised = unlock.geometry(), unlock.isMaximized()
        unlock.unlock_requested.disconnect(keep_unlock)
        unlock.create_requested.disconnect(keep_create)
        unlock.demo_requested.disconnect(keep_demo)
        executor, window = _main_window(vault, unlock_view=unlock)
        if maximised:
            window.showMaximized()
        else:
            window.setGeometry(geometry)
            window.show()
        window.start(prepared=True)
        built.update(executor=executor, window=window)
        if os.environ.get("TAFELAPP_STARTUP_PROBE"):  # bench/ui.py: the whole app is ready
            print("STARTUP_READY", flush=True)
            QTimer.singleShot(0, app.quit)
        for kind, passphrase in pending:
            if kind == "demo":
                unlock.demo_requested.emit()
            else:
                (unlock.unlock_requested if kind == "unlock" else unlock.create_requested).emit(
                    passphrase)

    QTimer.singleShot(0, finish)
    return built, unlock


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app until its window closes (or Ctrl+C/SIGTERM closes it, at any moment)."""
    hold_stop_signals()
    args = _parse(sys.argv[1:] if argv is None else argv)
    if STOP.is_set():  # asked to stop before Qt was started: nothing to close
        print(STOP_MESSAGE, file=sys.stderr, flush=True)
        return 0
    built: dict[str, Any] = {}
    unlock: Any = None
    if args.smoke or args.demo:
        app, executor, window, args = build(sys.argv[1:] if argv is None else argv)
        if args.smoke:
            return int(smoke(app, executor, window))
        built.update(executor=executor, window=window)
        from ui.widgets.fit import fit_main_window

        fit_main_window(window)
        window.start(demo=True)
    else:
        app = _application()
        built, unlock = quick_unlock(app, args)
    watch = _StopWatch(app, lambda: built.get("window"), lambda: unlock)
    if os.environ.get("TAFELAPP_STARTUP_PROBE"):  # bench/ui.py: report the first frame
        QTimer.singleShot(0, lambda: print("STARTUP_SHOWN", flush=True))
        if args.demo:
            QTimer.singleShot(0, app.quit)
    QTimer.singleShot(0, watch.check)  # a stop that came while the app was being built
    code = app.exec()
    return _finish(built, code)


def _finish(built: dict[str, Any], code: int) -> int:
    """After the event loop: let the import thread end, store and close the vault, stop the
    worker; only then may Python tear Qt down (a thread still inside an import or a job while
    the QApplication goes away crashed the process)."""
    loader = built.get("loader")
    if loader is not None:
        loader.join(timeout=60)
    window = built.get("window")
    if window is not None and STOP.is_set():
        window.lock()
    running = built.get("executor")
    if running is not None:
        running.shutdown()
    return 0 if STOP.is_set() else code


if __name__ == "__main__":
    os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
    raise SystemExit(main())
