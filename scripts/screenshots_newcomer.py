"""Screenshots of the newcomer's path: the set-up wizard, the aanmelding, the address-book picker
and the verzendlijst (offscreen, on a 1280×720 screen; SHOT_SCALE=1.5 for 150 %, saved as *-150.png)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from scripts import screen

screen.configure()

from PySide6.QtCore import QPoint  # noqa: E402 - after the screen is configured
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget  # noqa: E402

from bench.newcomer import Bot  # noqa: E402
from tests.ui.conftest import App  # noqa: E402
from tests.ui.newcomer import Recorder, chair_certificate, newcomer_path  # noqa: E402
from ui.app import build  # noqa: E402
from ui.widgets.fit import fit_main_window  # noqa: E402

OUT = screen.OUT


def save(name: str, widget: QWidget) -> None:
    """Grab a window (or dialog); an open type-ahead list is painted onto it where it shows."""
    if screen.CHECK:
        screen.check(name, widget)
        return
    pixmap = widget.grab()
    popups = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, QAbstractItemView) and w.isVisible()]
    owners = {id(e.completer().popup()): e for e in widget.findChildren(QLineEdit)
              if e.completer() is not None}
    for popup in popups:
        painter = QPainter(pixmap)
        owner = owners.get(id(popup))
        offset = (owner.mapTo(widget, QPoint(0, owner.height())) if owner is not None else
                  popup.mapToGlobal(QPoint(0, 0)) - widget.mapToGlobal(QPoint(0, 0)))
        painter.drawPixmap(offset * widget.devicePixelRatioF(), popup.grab())
        painter.end()
    pixmap.save(str(OUT / f"{name}{screen.SUFFIX}.png"))


def main() -> None:
    """Walk the path once and save the screenshots."""
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="tafelapp-shots-"))
    p12 = chair_certificate(folder)
    _, executor, window, _ = build(["--vault", str(folder / "nieuw.tafelapp")])
    fit_main_window(window)  # as the app does: its title bar on the screen too
    window.start()
    recorder = Recorder(Bot(), on_shot=save)
    newcomer_path(App(Bot(), window), recorder, folder / "verzending", p12)  # type: ignore[arg-type]
    window.close()
    executor.shutdown()
    if not screen.CHECK:
        print(f"screenshots in {OUT}")
    screen.finish()


if __name__ == "__main__":
    main()
