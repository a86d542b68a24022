"""Builds the desktop app: executor -> main window; `tafelapp gui` and the packaged binary start here."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tafelapp.services import vault_service
from ui.workers import DbExecutor

STYLE = """
QWidget { font-size: 10.5pt; }
QPushButton { padding: 5px 12px; }
QListWidget::item { padding: 6px; }
QToolBar { spacing: 8px; }
"""


def install_dutch(app: QApplication) -> bool:
    """Qt's own dialogs and buttons in Dutch (qtbase_nl ships with PySide6); True when loaded."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_nl", folder):
        return False
    app.installTranslator(translator)
    return True


def demo_vault_path(vault: Path) -> Path:
    """The demo vault lives beside the real one, never in it."""
    return vault.with_name("demo.tafelapp")


def build(argv: Sequence[str]) -> tuple[QApplication, DbExecutor, object, argparse.Namespace]:
    """Create the application objects (used by `main`, the tests and the benchmark)."""
    parser = argparse.ArgumentParser(prog="tafelapp gui")
    parser.add_argument("--vault", help="pad van de kluis")
    parser.add_argument("--demo", action="store_true", help="open de demo (fictieve gegevens)")
    parser.add_argument("--smoke", action="store_true",
                        help="open en sluit het hoofdvenster (controle van een build)")
    args = parser.parse_args(list(argv))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Tafelapp")
    app.setStyleSheet(STYLE)
    if not app.property("tafelappDutch"):
        app.setProperty("tafelappDutch", install_dutch(app))
    vault = Path(args.vault).expanduser() if args.vault else vault_service.default_vault_path()
    executor = DbExecutor()
    from ui.main_window import MainWindow

    window = MainWindow(executor, vault, demo_vault_path(vault))
    # Everything alive now (modules, Qt wrappers, the window) lives as long as the app: move it
    # out of the garbage collector's sight, so a full collection on the worker thread (which holds
    # the GIL) stays short and cannot stall the UI thread.
    gc.freeze()
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


def smoke(app: QApplication, executor: DbExecutor, window: object) -> int:
    """Prove a build carries Qt plugins, SQLCipher and the icon fonts: open, check, close."""
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


def _close_on_interrupt(app: QApplication, window: object) -> None:
    """Ctrl+C in the terminal locks the vault and closes the app cleanly (edits are stored).

    Qt's event loop keeps Python from seeing the signal, so a short timer lets it in.
    """
    import signal

    def interrupted(_signum: int, _frame: object) -> None:
        print("Tafelapp wordt vergrendeld en gesloten (Ctrl+C).", file=sys.stderr, flush=True)
        window.lock()  # type: ignore[attr-defined]
        QTimer.singleShot(0, window.close)  # type: ignore[attr-defined]
        QTimer.singleShot(0, app.quit)

    signal.signal(signal.SIGINT, interrupted)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app until its window closes."""
    app, executor, window, args = build(sys.argv[1:] if argv is None else argv)
    if args.smoke:
        return smoke(app, executor, window)
    window.show()  # type: ignore[attr-defined]
    window.start(demo=args.demo)  # type: ignore[attr-defined]
    _close_on_interrupt(app, window)
    if os.environ.get("TAFELAPP_STARTUP_PROBE"):  # bench/ui.py: report the first frame, then quit
        def shown() -> None:
            print("STARTUP_SHOWN", flush=True)
            app.quit()
        QTimer.singleShot(0, shown)
    code = app.exec()
    executor.shutdown()
    return code


if __name__ == "__main__":
    os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
    raise SystemExit(main())
